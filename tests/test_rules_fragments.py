"""Instructions the parser does not see as such: verbless "No ..." prohibitions, placement rules opening with a
word the tagger reads as a noun ("End with ..."), conjoined instructions opening with "Stick to ...", and a
sentence the parser splits inside a quotation. Every sentence here was written for this test."""

from __future__ import annotations

import pytest
from test_rules_roles import extract, nlp  # noqa: F401  (the shared spaCy and extraction fixtures)

pytestmark = pytest.mark.slow  # loads spaCy


@pytest.fixture
def rules_of(extract):  # noqa: F811
    return lambda text: [r for r in extract(text) if not r["is_example"]]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("No emoticons.", "prohibition"),
        ("No footnotes of any kind.", "prohibition"),
        ("No headings or tables.", "prohibition"),
        ("Close with a one-line recap of the offer.", "obligation"),
        ("Sign off with the shop's name.", "obligation"),
        ("Stick to the facts in the source and do not speculate.", "obligation"),
        ('End with the line "Questions? Call us." and nothing after it.', "obligation"),
        ("The page is printed in black and white, so use no colour words.", "obligation"),
        ("Our lawyers dislike the phrase, so it cannot appear in the contract summary.", "prohibition"),
        ("The client prefers short copy, so do not add a postscript.", "prohibition"),
        ("Formatting rules: no tables of any kind, since the page is plain text.", "prohibition"),
        ("Tone: warm and direct, no emoji.", "prohibition"),
        ("Banned terms for the spring campaign: cheap, deal, bargain.", "prohibition"),
        # the condition ends at the comma; "press" read as a noun is the instruction
        ("If more than half of the page is cut off, press Retry and wait for a new scan.", "obligation"),
    ],
)
def test_instructions_the_tagger_misreads_are_rules(rules_of, sentence, kind):
    rules = rules_of(f"# Brief\n\n{sentence}\n")
    assert [(r["text"], r["kind"]) for r in rules] == [(sentence, kind)]


@pytest.mark.parametrize(
    "sentence",
    [
        "present: the symptom is ongoing at the time of the note",  # a label and its gloss
        "No pages were skipped in the last batch.",  # a report with a verb, not a bare "No" fragment
        "End users see this page after login.",  # "End" is a noun here
        "It rained all week, so we stayed home.",  # a reason and its consequence, no instruction
        "The audio is noisy, so it can take longer to finish.",  # a possibility
        "Results: no significant change after the update.",  # a report after a label, not a style rule
    ],
)
def test_look_alikes_are_not_rules(rules_of, sentence):
    rules = rules_of(f"# Notes\n\n{sentence}\n")
    assert [r["text"] for r in rules if r["kind"] in ("prohibition", "obligation")] == []


def test_a_quoted_question_does_not_split_the_instruction(rules_of):
    text = 'Open with the question "Tired of waiting? So were we." before the first paragraph.'
    assert [r["text"] for r in rules_of(f"# Brief\n\n{text}\n")] == [text]
