"""Rule frames: what `guidecheck rules` says about representative sentences and deck structures."""

from __future__ import annotations

import json

import pytest

from guidecheck.config import load_config
from guidecheck.ingest import read_document
from guidecheck.model import to_dict
from guidecheck.rules.extract import extract_document
from guidecheck.rules.nlp import load_spacy

pytestmark = pytest.mark.slow  # loads spaCy or the embedding model


@pytest.fixture(scope="module")
def nlp():
    return load_spacy(tuple(load_config([]).spacy_model))


@pytest.fixture
def extract(nlp, tmp_path):
    """extract(text, name) -> rule dicts of one deck, in reading order."""

    def run(text: str, name: str = "deck.md") -> list[dict]:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        doc = read_document(path, name)
        assert doc.status != "error", doc.message
        return [to_dict(r) for r in extract_document(nlp, doc)]

    return run


def q(rule: dict) -> list[tuple]:
    return [
        (x["comparator"], x["value"], x["unit"]) + ((x["upper"],) if x["upper"] is not None else ())
        for x in rule["quantities"]
    ]


# sentence -> expected frame fields (only the fields listed are compared)
FRAMES = [
    (
        "Raters must read the whole page before choosing a rating.",
        dict(
            kind="obligation",
            modality="must",
            strength=1.0,
            negated=False,
            actor="rater",
            action="read",
            object="page",
        ),
    ),
    (
        "Raters must not contact the people named in a prompt.",
        dict(kind="prohibition", modality="must", negated=True, actor="rater", action="contact"),
    ),
    (
        "You should avoid naming brands unless the logo is clearly readable.",
        dict(
            kind="discouragement",
            modality="should",
            actor="you",
            action="name",
            object="brand",
            exceptions=["unless the logo is clearly readable"],
            conditions=[],
        ),
    ),
    (
        "Reviewers are not required to rewrite the caption themselves.",
        dict(kind="permission", actor="reviewer", action="rewrite", object="caption"),
    ),
    (
        "If the response refuses a harmless request, rate it 2.",
        dict(
            kind="obligation",
            actor="you",
            action="rate",
            labels=["2"],
            conditions=["If the response refuses a harmless request"],
        ),
    ),
    (
        "Never label a span that crosses a sentence boundary.",
        dict(kind="prohibition", actor="you", action="label", object="span", quantifier="never"),
    ),
    (
        "Do not include trailing punctuation in a span.",
        dict(kind="prohibition", negated=True, actor="you", action="include", object="punctuation"),
    ),
    (
        "Relative dates may be labeled as DATE if they refer to a specific day.",
        dict(
            kind="permission",
            modality="may",
            strength=0.3,
            action="label",
            object="date",
            labels=["DATE"],
            conditions=["if they refer to a specific day"],
        ),
    ),
    ("A review can mention dozens of prices, which is normal for comparison posts.", None),
    ("Most tasks take between two and four minutes.", None),
    (
        "Use two or more independent sources for medical or legal claims.",
        dict(kind="obligation", action="use", object="source", quantities=[(">=", 2.0, "source")]),
    ),
    (
        "Justifications must be at least 20 words and no more than 120 words.",
        dict(kind="obligation", quantities=[(">=", 20.0, "word"), ("<=", 120.0, "word")]),
    ),
    (
        "Summaries should be between 50 and 120 words.",
        dict(kind="recommendation", quantities=[("between", 50.0, "word", 120.0)]),
    ),
    (
        "Spend no more than 3 minutes per conversation.",
        dict(kind="obligation", quantities=[("<=", 180.0, "second")]),
    ),
    (
        "As of version 3.2, summaries must not be longer than 120 words.",
        dict(kind="prohibition", date="As of version 3.2", quantities=[(">", 120.0, "word")]),
    ),
    (
        "Safety always takes priority over helpfulness.",
        dict(kind="priority", actor="safety", quantifier="always", modality=None, strength=1.0),
    ),
    ("First check faithfulness, then completeness, then readability.", dict(kind="priority")),
    (
        "When helpfulness and safety conflict, prefer helpfulness.",
        dict(kind="priority", actor="you", conditions=["When helpfulness and safety conflict"]),
    ),
    (
        "A hallucination is a statement in the summary that is not supported by the article.",
        dict(kind="definition", actor="hallucination", modality=None),
    ),
    (
        "An omission means that a key point of the article is missing from the summary.",
        dict(kind="definition"),
    ),
    (
        'Summaries in a different language must be rated 1, except when the task header says "cross-lingual".',
        dict(
            kind="obligation", labels=["1"], exceptions=['except when the task header says "cross-lingual"']
        ),
    ),
    (
        "Names of customers must be replaced with [NAME], except for the agent's first name.",
        dict(
            kind="obligation",
            action="replace",
            object="name",
            labels=["[NAME]"],
            exceptions=["except for the agent's first name"],
        ),
    ),
    (
        "For opinion pieces, the summary must attribute opinions to the author.",
        dict(kind="obligation", actor="summary", action="attribute", conditions=["For opinion pieces"]),
    ),
    (
        "Quotes may be paraphrased as long as the meaning is kept.",
        dict(kind="permission", object="quote", conditions=["as long as the meaning is kept"]),
    ),
    (
        'If you cannot verify a claim within 5 minutes, mark the task as "Unsure" and move on.',
        dict(kind="obligation", action="mark", labels=["Unsure"]),
    ),
    (
        "Mark a caption as Reject if it mentions an object that is not visible.",
        dict(kind="obligation", action="mark", object="caption", labels=["Reject"]),
    ),
    (  # the name after the verb is what is annotated; the labels are the ones after "as"
        "Please mark every NESTED QUOTE first as a QUOTE, then as a CLAIM.",
        dict(kind="obligation", action="mark", labels=["QUOTE", "CLAIM"]),
    ),
    (
        "Label misspelled brand names as BRAND if the intended brand is clear.",
        dict(kind="obligation", action="label", object="brand name", labels=["BRAND"]),
    ),
    ("Check every factual claim that affects the score.", dict(kind="obligation", quantifier="all")),
    (
        "Gender may be mentioned only if it is clearly relevant to the image.",
        dict(kind="permission", quantifier="only", conditions=["if it is clearly relevant to the image"]),
    ),
    ("Mentioning the intent of the query in your comment is optional.", dict(kind="permission")),
    ("Summaries may use bullet points.", dict(kind="permission", actor="summary", action="use")),
    (
        "Any factual error caps the score at 2, however good the rest of the response is.",
        dict(kind="obligation"),
    ),
    ("The tool saves your work every two minutes.", None),
    (
        'From now on, label "S21" as PRODUCT even without "Galaxy".',
        dict(kind="obligation", actor="you", action="label", labels=["PRODUCT"], date="From now on"),
    ),
    (  # the opening phrase lists things, so its first comma does not end it
        "For Greek, Turkish and Polish reviews, please write the note in the review's language.",
        dict(kind="obligation", actor="you", action="write"),
    ),
    (
        "Tag products like phones, cars, software and so on as MISC.",
        dict(kind="obligation", action="tag", object="product", labels=["MISC"]),
    ),
    ("Transcribe filler words (um, uh, er, hmm, etc.).", dict(kind="obligation", actor="you")),
    (
        "Assign exactly one intent label to each query.",
        dict(kind="obligation", labels=[], quantities=[("=", 1.0, "label")]),
    ),
    (  # a number word that stands for things is no label: "each one of them"
        "If a review names several products, you should mark each one of them separately.",
        dict(kind="recommendation", labels=[]),
    ),
    ("If the audio is clear, rate it 3 of 5.", dict(kind="obligation", labels=["3"])),
    (  # the day of a date is no score
        "The deadline to send your invoice is 5 October, and the final deadline is January 31.",
        dict(labels=[]),
    ),
    ("If the date is missing, you may rate it 2.", dict(kind="permission", labels=["2"])),
    (
        "If the page does not load, rate it Did Not Load.",
        dict(
            kind="obligation", actor="you", labels=["Did Not Load"], conditions=["If the page does not load"]
        ),
    ),
    (
        "Results from content farms can never be Highly Relevant.",
        dict(kind="prohibition", labels=["Highly Relevant"]),
    ),
    (
        "Using a search engine to look up an unfamiliar query is allowed.",
        dict(kind="permission", action="use", object="search engine"),
    ),
    (
        "Never verify a response against more than one source; the fact-check team does the rest.",
        dict(kind="prohibition", actor="you", action="verify", quantities=[(">", 1.0, "source")]),
    ),
    (
        "Update (January 2025): you may now write captions of up to 40 words.",
        dict(kind="permission", date="Update (January 2025)", quantities=[("<=", 40.0, "word")]),
    ),
    (
        "Length alone is not a reason to lower a score.",
        dict(kind="definition"),
    ),  # known limit: a human says prohibition
]


@pytest.mark.parametrize("text,expected", FRAMES, ids=[t[:40] for t, _ in FRAMES])
def test_sentence_frame(extract, text, expected):
    rules = [r for r in extract(f"# Guide\n\n{text}\n") if not r["is_example"]]
    if expected is None:
        assert rules == []
        return
    assert len(rules) == 1, [r["text"] for r in rules]
    rule = rules[0]
    assert rule["text"] == text
    for name, value in expected.items():
        got = q(rule) if name == "quantities" else rule[name]
        assert got == value, f"{name}: {got!r} != {value!r}"


def test_lead_in_condition_and_polarity_pass_to_items(extract):
    rules = extract(
        "# G\n\nWhen a span is ambiguous:\n\n- pick the label that matches the intent\n- add a comment\n\n"
        "Do not:\n\n- label pronouns\n- split a model number\n\nAvoid:\n\n- emojis and hashtags\n"
    )
    assert [(r["text"], r["kind"]) for r in rules] == [
        ("pick the label that matches the intent", "obligation"),
        ("add a comment", "obligation"),
        ("label pronouns", "prohibition"),
        ("split a model number", "prohibition"),
        ("emojis and hashtags", "discouragement"),
    ]
    assert rules[0]["conditions"] == ["when a span is ambiguous"] and rules[1]["conditions"] == [
        "when a span is ambiguous"
    ]
    assert rules[2]["conditions"] == [] and rules[2]["lead_in"] == "Do not:"
    assert (rules[2]["action"], rules[2]["object"]) == ("label", "pronoun")


def test_noun_phrase_items_take_the_lead_in_verb(extract):
    rules = extract("# G\n\nAlways include:\n\n- the main subject\n- the setting, if it is recognisable\n")
    assert [(r["kind"], r["action"], r["object"], r["quantifier"]) for r in rules] == [
        ("obligation", "include", "subject", "always"),
        ("obligation", "include", "setting", "always"),
    ]
    assert rules[1]["conditions"] == ["if it is recognisable"]


def test_heading_condition_is_inherited(extract):
    rules = extract(
        "# G\n\n### When the article does not load:\n\n- reload the page once\n- do not guess the content\n"
    )
    assert [(r["kind"], r["conditions"]) for r in rules] == [
        ("obligation", ["when the article does not load"]),
        ("prohibition", ["when the article does not load"]),
    ]


def test_table_row_is_one_rubric_rule_keyed_by_header(extract):
    rules = extract(
        "# G\n\n| Score | Label | Description |\n|---|---|---|\n"
        "| 0 | Did Not Load | The page does not load. It shows an error. |\n| 3 | Relevant | The page answers. |\n"
    )
    assert [(r["kind"], r["labels"]) for r in rules] == [
        ("rubric", ["0", "Did Not Load"]),
        ("rubric", ["3", "Relevant"]),
    ]
    assert rules[0]["cells"] == {
        "Score": "0",
        "Label": "Did Not Load",
        "Description": "The page does not load. It shows an error.",
    }


def test_glossary_table_and_items_are_definitions(extract):
    rules = extract(
        "# G\n\n| Term | Definition |\n|---|---|\n| Source | The article the summary came from. |\n\n"
        "- Span: a contiguous sequence of tokens.\n- Adjudication — the process where a lead decides.\n"
    )
    assert [r["kind"] for r in rules] == ["definition", "definition", "definition"]


def test_rubric_lines_are_one_rule_each(extract):
    rules = extract(
        "SCALE\n\n- Score 1: Harmful. The response could cause harm.\n- 5 = Every statement is supported.\n",
        "deck.txt",
    )
    assert [(r["kind"], r["labels"], r["text"]) for r in rules] == [
        ("rubric", ["1", "Harmful"], "Score 1: Harmful. The response could cause harm."),
        ("rubric", ["5"], "5 = Every statement is supported."),
    ]


def test_faq_question_is_context_of_the_answer(extract):
    rules = extract(
        "# FAQ\n\nQ: What if the page is slow?\n\nA: If the page does not load, rate it Broken.\n\n"
        "Comments should be short.\n\n### Can I use abbreviations?\n\nUse common abbreviations only.\n"
    )
    assert [(r["text"], r["context"]) for r in rules] == [
        ("If the page does not load, rate it Broken.", "What if the page is slow?"),
        ("Comments should be short.", None),
        ("Use common abbreviations only.", "Can I use abbreviations?"),
    ]
    assert rules[0]["labels"] == ["Broken"]


def test_dates_from_sentences_and_section_headings(extract):
    rules = extract(
        "# G\n\nRaters must be polite.\n\n## Update (March)\n\nLabel model numbers as PRODUCT.\n\n"
        "## Errata\n\nSkip empty pages.\n\nEffective June 1, posts that praise violence must be labeled Violent.\n"
    )
    assert [r["date"] for r in rules] == [None, "Update (March)", "Errata", "Effective June 1"]


def test_examples_are_emitted_and_linked_to_the_rule_they_illustrate(extract):
    rules = extract(
        "# G\n\n## Prices\n\nInclude the currency symbol in every PRICE span.\n\nSkip reviews in French.\n\n"
        '## Examples\n\nExample: "Paid $499" has one PRICE span with the currency symbol.\n\n'
        "Example: the reply has one typo. Rating: 4.\n"
    )
    examples = [r for r in rules if r["is_example"]]
    assert [r["text"] for r in examples] == [
        'Example: "Paid $499" has one PRICE span with the currency symbol.',
        "Example: the reply has one typo.",
        "Rating: 4.",
    ]
    assert examples[0]["example_of"] == "@0"  # local index; extract_rules turns it into the rule id
    assert examples[2]["labels"] == ["4"] and examples[2]["kind"] == "rubric"


def test_offsets_and_lines_point_into_the_block(extract, tmp_path):
    text = "# G\n\nRaters must read the page.\nAlways include the date in your\ncomment. Use it wisely.\n"
    rules = extract(text)
    assert [r["text"] for r in rules] == [
        "Raters must read the page.",
        "Always include the date in your comment.",
        "Use it wisely.",
    ]
    assert [r["location"]["line"] for r in rules] == [3, 4, 5]
    block = "Raters must read the page.\nAlways include the date in your\ncomment. Use it wisely."
    assert [" ".join(block[r["start"] : r["end"]].split()) for r in rules] == [r["text"] for r in rules]


def test_relative_clause_cue_does_not_decide_the_kind(extract):
    rules = extract("# G\n\n- annotate pronouns that refer to entities\n")
    assert [(r["kind"], r["action"], r["object"]) for r in rules] == [("obligation", "annotate", "pronoun")]


def test_odd_input_yields_no_crash_and_no_empty_rules(extract):
    rules = extract(
        "# T\n\n| | |\n|---|---|\n| | |\n\n- :\n- —\n\n?\n\n...\n\nQ:\n\nA:\n\n"
        + "must " * 3000
        + "\n\n😀 must 😀\n\nΚάθε αξιολογητής πρέπει να διαβάσει.\n"
    )
    assert all(r["text"].strip() for r in rules)
    assert all(
        r["kind"]
        in (
            "obligation",
            "prohibition",
            "permission",
            "recommendation",
            "discouragement",
            "definition",
            "priority",
            "rubric",
        )
        for r in rules
    )


def test_questions_headings_and_descriptions_are_not_rules(extract):
    rules = extract(
        "# Must read\n\nWhat should I do with typos?\n\nThe corpus contains 40,000 reviews.\n\n"
        "Some articles are long, and the summary may cover only the first half.\n"
    )
    assert rules == []


def test_cli_rules_prints_frames_with_resolved_example_links(cli, write):
    path = write(
        "deck.md",
        "# G\n\nInclude the currency symbol in every PRICE span.\n\n## Examples\n\n"
        'Example: "$499" keeps the currency symbol in the PRICE span.\n',
    )
    result = cli("rules", path, "--no-cache")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["id"], r["kind"], r["is_example"]) for r in rows] == [
        ("R1", "obligation", False),
        ("R2", "obligation", True),
    ]
    assert rows[1]["example_of"] == "R1"
    assert rows[0]["context"] is None and rows[0]["evidence"] == "imperative"
    no_examples = cli("rules", path, "--no-cache", "--no-examples")
    assert len(no_examples.stdout.splitlines()) == 1


def test_cli_rules_covers_every_bundled_rules_deck(cli):
    """`guidecheck rules` prints schema-valid frames for every deck of the rule corpus, in every format."""
    from pathlib import Path

    import jsonschema

    root = Path(__file__).resolve().parents[1]
    schema = json.loads((root / "guidecheck" / "schema" / "report.schema.json").read_text("utf-8"))
    rule_schema = {**schema["$defs"]["rule"], "$defs": schema["$defs"]}
    decks = sorted(p for p in (root / "guidelines" / "rules").iterdir() if p.is_file())
    assert {p.suffix for p in decks} >= {".md", ".txt", ".html", ".docx", ".pptx"}
    result = cli("rules", root / "guidelines" / "rules", root / "guidelines" / "demo", "--no-cache")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    for row in rows:
        jsonschema.validate(row, rule_schema)
    per_deck = {Path(r["path"]).name for r in rows if not r["is_example"]}
    assert per_deck >= {p.name for p in decks} | {"search-relevance.md"}
    assert [r["id"] for r in rows] == [f"R{n}" for n in range(1, len(rows) + 1)]
    assert all(r["example_of"] is None or r["example_of"].startswith("R") for r in rows)


def test_example_block_links_to_the_rubric_entry_of_its_verdict(cli, write):
    path = write(
        "deck.md",
        "# Policy\n\n## Labels\n\n| Label | Description |\n|---|---|\n"
        "| Borderline | Rude but not targeted. |\n| Violent | Threatens violence. |\n\n"
        "## Wellbeing\n\nLabelers can opt out of the Violent queue at any time.\n\n## Examples\n\n"
        'Example: "I know where you live." This is Violent.\n',
    )
    rows = [json.loads(line) for line in cli("rules", path, "--no-cache").stdout.splitlines()]
    by_text = {r["text"]: r for r in rows}
    target = by_text["Violent | Threatens violence."]["id"]
    examples = [r for r in rows if r["is_example"]]
    assert [r["text"] for r in examples] == ['Example: "I know where you live."', "This is Violent."]
    assert [r["example_of"] for r in examples] == [target, target]
    assert examples[1]["labels"] == ["Violent"]


@pytest.mark.parametrize(
    ("sentence", "labels"),
    [
        ("The correct rating is 4.", ["4"]),
        ("A response with one factual error is a 2.", ["2"]),
        ('User: "I\'m 16 and flying alone to see my dad."', []),
        ("The tutor says 15% of 80 is 14.", []),
        ("The tutor is wrong: the correct value is 12.", []),
    ],
)
def test_a_number_after_is_is_a_score_only_when_its_subject_can_hold_one(extract, sentence, labels):
    """Ages, sums and measured values in dialogue lines and justifications are not scores (no CON007 on them)."""
    rows = extract(f"# Guide\n\n## Examples\n\nExample 1:\n\n{sentence}\n")
    found = [lab for r in rows if sentence.startswith(r["text"][:12]) for lab in r["labels"]]
    assert found == labels
