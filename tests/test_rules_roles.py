"""Sentence roles: only rules become rules. Navigation, welcome text, rationale, background prose, captions and
layout debris yield nothing; sample material becomes examples; nested lead-ins compose; label definitions in all
their forms are extracted. Every sentence here was written for this test."""

from __future__ import annotations

import pytest
from fixtures_builders import build_docx

from guidecheck.config import load_config
from guidecheck.ingest import read_document
from guidecheck.model import to_dict
from guidecheck.rules.extract import extract_document
from guidecheck.rules.nlp import load_spacy
from guidecheck.rules.sentence_roles import text_role

pytestmark = pytest.mark.slow  # loads spaCy


@pytest.fixture(scope="module")
def nlp():
    return load_spacy(tuple(load_config([]).spacy_model))


@pytest.fixture
def extract(nlp, tmp_path):
    """extract(text, name) -> rule dicts of one deck (examples included), in reading order."""

    def run(text: str | None = None, name: str = "deck.md", path=None) -> list[dict]:
        if path is None:
            path = tmp_path / name
            path.write_text(text, encoding="utf-8")
        doc = read_document(path, path.name)
        assert doc.status != "error", doc.message
        return [to_dict(r) for r in extract_document(nlp, doc)]

    return run


def rules_only(rules: list[dict]) -> list[str]:
    return [r["text"] for r in rules if not r["is_example"]]


def sentence_kinds(extract, sentence: str) -> list[tuple[str, str]]:
    """(text, kind) of the rules read from one sentence under a heading, examples left out."""
    return [(r["text"], r["kind"]) for r in extract(f"# Rules\n\n{sentence}\n") if not r["is_example"]]


def examples_only(rules: list[dict]) -> list[str]:
    return [r["text"] for r in rules if r["is_example"]]


NOT_RULES = [
    "For the full list of tags, see chapter 3.",
    "(See the section on scoring below.)",
    "When you are done, go to the next page.",
    "Thank you for helping us label these reviews!",
    "If you have any questions, write to the project channel.",
    "Please fill in the short survey at the end of your shift.",
    "This is because two raters rarely agree on very short clips.",
    "The reason for this is that the model output changes every week.",
    "The audio files may contain background noise.",
    "Tweets can be found in many languages in this collection.",
    "Figure 2: The annotation screen with the label panel open.",
    "Figure 3 shows the label panel after a span is selected.",
    "Note that the tool saves your work every minute.",
    "We have to mention that the corpus was collected in one month.",
    "It must be noted that timestamps are approximate.",
    "This section is optional reading.",
    "In this chapter we give an overview of the label set.",
    "Detailed descriptions of the labels can be found in Section 4.",
    "Getting started ........ 3",
    # look-alikes of rules stated without a modal (rules/descriptive.py): data, tool, narrative, verdicts, shares
    "The tool saves your work every minute.",
    "The dataset contains 4,000 tickets from 2021.",
    "This reply gets a 2 because it ignores the second question.",
    "The reply got a 3 in the pilot.",
    "We collected the tickets in March.",
    "The corpus is divided into three parts.",
    "Each ticket in the corpus comes from a real shop.",
    "Our team reviews the guidelines every quarter.",
    "The field greys out once you tick the box.",
    "Most answers can be rated in about three minutes.",
    "Each batch is reviewed by a second annotator.",
    "Recordings are between 30 seconds and 10 minutes long.",
    "Each task shows one photo and a caption written by another contributor.",
    "The Style field has been removed from the form.",
    "Reviewers who fall below 80 percent agreement meet with a lead.",
    "Tickets arrive in batches of fifty.",
    "Labels are usually written in capitals.",
    '"Fever" is annotated as a symptom.',
    "No instances of the hum tag occur in the pilot data.",
    "as a plain answer is not marked with any tag, since it only gives information.",
    "So the first speaker to join a call receives a value of 1, the second a value of 2.",
    "Every reviewer gets two turns per clip.",
    "Bill the customer (most specific part of the phrase)",
    "Surrounding context is generally required to tell the two tags apart.",
    "Norway GDP grows less than 2%.",
    "The history of those changes is kept in the change log.",
    "Relations are best described through examples; see the next section.",
    "The following subsections describe how symptoms will be annotated.",
]


@pytest.mark.parametrize("sentence", NOT_RULES)
def test_navigation_welcome_rationale_and_background_yield_no_rule(extract, sentence):
    rules = extract(f"# Guide\n\n{sentence}\n\nRaters must label every product name.\n")
    assert rules_only(rules) == ["Raters must label every product name."]
    assert examples_only(rules) == []


def test_layout_debris_yields_no_rule(extract):
    text = (
        "# Guide\n\n"
        "Label Overview\n\n"  # a heading or table header read as a paragraph
        "after the second speaker starts talking should be marked as overlap.\n\n"  # split at a page break
        "- Focus\n"  # one word, no lead-in
        "- https://example.org/tags.html\n"
        "- Tag reference: https://example.org/reference.html\n\n"
        "Annotators must mark every overlap.\n"
    )
    assert rules_only(extract(text)) == ["Annotators must mark every overlap."]


def test_table_of_contents_links_yield_no_rule_but_linked_rules_stay(extract):
    """A contents entry is a link to a heading, even when the heading reads like a rule."""
    text = (
        "# Guide\n\n"
        "## Contents\n\n"
        "- [Never merge two speakers into one turn](#never-merge-two-speakers)\n"
        "  - [Only mark overlaps longer than a second](#only-mark-overlaps)\n\n"
        "## Never merge two speakers into one turn\n\n"
        "- Always split the turn where the [second speaker](#speakers) starts.\n"
    )
    assert rules_only(extract(text)) == ["Always split the turn where the second speaker starts."]


EXAMPLE_TEXT = (
    "# Guide\n\n"
    "Raters must label insults directed at a person.\n\n"
    "For example, a reply calling the poster a clown is an insult.\n\n"
    "Suppose a user writes that all cyclists should be banned from roads.\n\n"
    "Agent: You must restart the router before we continue.\n\n"
    "12:04 You should have called earlier.\n\n"
    "In example (3) the speaker never names the target.\n\n"
    '"Nobody should ever trust people from that town." (ABC)\n\n'
    "The annotated line reads [Maria]PER must pay [the fee]MONEY today.\n\n"
    "Mark each disfluency in the transcript, for example:\n\n"
    "We must go now, we must go.\n"
)


def test_sample_material_is_example_never_rule(extract):
    rules = extract(EXAMPLE_TEXT)
    assert rules_only(rules) == [
        "Raters must label insults directed at a person.",
        "Mark each disfluency in the transcript, for example:",
    ]
    examples = examples_only(rules)
    for sample in (
        "a clown",
        "cyclists",
        "restart the router",
        "called earlier",
        "Nobody should",
        "[Maria]PER",
        "We must",
    ):
        assert any(sample in e for e in examples), (sample, examples)
    assert all(r["role"] == ("example" if r["is_example"] else "rule") for r in rules)


def test_sentences_after_for_example_in_the_same_block_are_examples(extract):
    rules = extract("# Guide\n\nSplit long turns. For example: You must stop. You must go.\n")
    assert rules_only(rules) == ["Split long turns."]
    assert examples_only(rules) == ["For example: You must stop.", "You must go."]


def test_dialogue_table_rows_are_examples(extract):
    text = "# Guide\n\n| User | System |\n|---|---|\n| I need a taxi | You must book it online |\n"
    rules = extract(text)
    assert rules_only(rules) == [] and len(examples_only(rules)) == 1


def test_rules_with_quotes_tags_and_pointers_stay_rules(extract):
    text = (
        "# Guide\n\n"
        'Transcribe "gonna" as "going to".\n\n'
        "Never use [noise] for speech you cannot understand.\n\n"
        "You must tag every date, as described in Section 2.\n\n"
        "Quotes may be paraphrased.\n"
    )
    assert rules_only(extract(text)) == [
        'Transcribe "gonna" as "going to".',
        "Never use [noise] for speech you cannot understand.",
        "You must tag every date, as described in Section 2.",
        "Quotes may be paraphrased.",
    ]


@pytest.mark.parametrize(
    "text,role",
    [
        ("See appendix B.", "navigation"),
        ("Welcome to the rating project!", "background"),
        ("This ensures that scores stay comparable.", "rationale"),
        ("Speaker 2: I never said that.", "example"),
        ("Rate every reply.", None),
    ],
)
def test_text_role(text, role):
    decided = text_role(text)
    assert (decided[0] if decided else None) == role


NESTED_MD = (
    "# Posting\n\n"
    "Don't:\n\n"
    "- Post messages that contain:\n"
    "  - Threats\n"
    "  - Home addresses\n\n"
    "Do:\n\n"
    "- Post messages that contain:\n"
    "  - Sources\n\n"
    "Do not:\n\n"
    "- Avoid:\n"
    "  - Sarcasm\n"
)

NESTED_HTML = (
    "<html><body><h1>Posting</h1><p>Don't:</p><ul><li>Post messages that contain:<ul><li>Threats</li>"
    "<li>Home addresses</li></ul></li></ul><p>Do:</p><ul><li>Post messages that contain:<ul><li>Sources</li>"
    "</ul></li></ul><p>Do not:</p><ul><li>Avoid:<ul><li>Sarcasm</li></ul></li></ul></body></html>"
)


def _nested_docx(path):
    return build_docx(
        path,
        [
            ("heading", "Posting", 1),
            ("para", "Don't:"),
            ("bullet", "Post messages that contain:", 0),
            ("bullet", "Threats", 1),
            ("bullet", "Home addresses", 1),
            ("para", "Do:"),
            ("bullet", "Post messages that contain:", 0),
            ("bullet", "Sources", 1),
            ("para", "Do not:"),
            ("bullet", "Avoid:", 0),
            ("bullet", "Sarcasm", 1),
        ],
    )


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_nested_lead_ins_compose_polarity(extract, tmp_path, fmt):
    if fmt == "md":
        rules = extract(NESTED_MD, "deck.md")
    elif fmt == "html":
        rules = extract(NESTED_HTML, "deck.html")
    else:
        rules = extract(path=_nested_docx(tmp_path / "deck.docx"))
    by_text = {r["text"]: r for r in rules}
    for item in ("Threats", "Home addresses"):
        assert by_text[item]["kind"] == "prohibition" and by_text[item]["negated"], by_text[item]
        assert by_text[item]["action"] == "post"
    assert by_text["Sources"]["kind"] == "obligation" and not by_text["Sources"]["negated"]
    assert by_text["Sarcasm"]["kind"] in ("discouragement", "prohibition") and by_text["Sarcasm"]["negated"]
    assert "Post messages that contain:" not in by_text  # a lead-in states no rule of its own


def test_label_definition_items_are_definitions_and_later_sentences_rules(extract):
    text = (
        "# Tags\n\n"
        "- [cough]  \nA cough or a sneeze.\n\n"
        "- [skipped]  \nThe caller talks too long. Skip items over twenty words.\n\n"
        "Off topic (OT): a reply about something else than the post.\n\n"
        "Use [cough] only once per clip.\n"
    )
    rules = {r["text"]: r for r in extract(text)}
    assert rules["[cough] A cough or a sneeze."]["kind"] == "definition"
    assert rules["[cough] A cough or a sneeze."]["labels"] == ["[cough]"]
    assert rules["[skipped] The caller talks too long."]["labels"] == ["[skipped]"]
    assert rules["Skip items over twenty words."]["kind"] == "obligation"
    ot = rules["Off topic (OT): a reply about something else than the post."]
    assert ot["kind"] == "definition" and ot["labels"] == ["Off topic", "OT"]


def test_label_definition_table_rows_carry_their_labels(extract):
    text = "# Labels\n\n| Category | Description |\n|---|---|\n| Spam | Ads and repeated links |\n"
    (rule,) = extract(text)
    assert rule["kind"] == "rubric" and rule["labels"] == ["Spam"]


def test_choose_one_of_n_scores_sets_up_a_scale(extract):
    text = (
        "# Scoring\n\n"
        "Rate each reply on a scale from 1 to 4.\n\n"
        "Each reply gets one of three labels: Helpful, Neutral or Harmful.\n\n"
        "Pick one of 2 scores:\n\n"
        "- 1: Broken\n"
        "- 2: Fine\n"
    )
    rules = {r["text"]: r for r in extract(text)}
    assert rules["Rate each reply on a scale from 1 to 4."]["kind"] == "obligation"  # an instruction first
    assert rules["Rate each reply on a scale from 1 to 4."]["labels"] == ["1", "2", "3", "4"]
    (named,) = [r for t, r in rules.items() if t.startswith("Each reply gets one of three labels:")]
    assert named["kind"] == "rubric" and named["labels"] == ["Helpful", "Neutral", "Harmful"]
    assert rules["Pick one of 2 scores:"]["action"] == "pick"  # a lead-in that sets up a scale is kept
    assert rules["1: Broken"]["kind"] == "rubric"


def test_note_prefix_is_an_aside_and_the_instruction_after_it_a_rule(extract):
    text = (
        "# Guide\n\n"
        "Note: Use the short tag only when the clip is silent.\n\n"
        "Note: Long clips are rare.\n\n"
        "Silent clips shouldn't be skipped\n"  # no final period, but a modal: still a rule
    )
    assert rules_only(extract(text)) == [
        "Use the short tag only when the clip is silent.",
        "Silent clips shouldn't be skipped",
    ]
