"""Output-constraint frames read clause by clause: each quoted, named or listed word takes the polarity of its own
clause, so one sentence can require one word and forbid another. Sentences here are written for these tests and
are not in any training or dev set."""

from __future__ import annotations

import pytest

from guidecheck.checks.common.relations.claims import build_claim
from guidecheck.checks.common.relations.output_clash import output_conflict
from guidecheck.checks.common.relations.output_phrases import phrase_polarities
from guidecheck.checks.common.relations.proposition import side_of
from guidecheck.model import Location, Rule


def _frame(text: str, kind: str):
    return side_of(build_claim(Rule("R1", text, Location("deck/brief.md"), kind=kind))).output


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one sentence, two clauses, two polarities
        ("Buyers are always called 'guests'; never use 'customers'.", [("guests", "+"), ("customers", "-")]),
        ("In release notes, write 'sign in' rather than 'log in'.", [("sign in", "+"), ("log in", "-")]),
        ("Replace 'utilize' with 'use' in every headline.", [("utilize", "-"), ("use", "+")]),
        ('Never spell it "e-mail"; the house form is "email".', [("e-mail", "-"), ("email", "+")]),
        # the word's own clause decides, not the rule's force
        ("The word 'guarantee' must not appear in the listing.", [("guarantee", "-")]),
        ("The term 'synergy' is banned from press releases.", [("synergy", "-")]),
        # listed and named words
        (
            "Avoid filler words such as basically, literally or actually.",
            [("basically", "-"), ("literally", "-"), ("actually", "-")],
        ),
        ("Do not use the words cheap or bargain.", [("cheap", "-"), ("bargain", "-")]),
        # a condition inside the clause is not its force
        ("If the vendor is not listed, write 'unknown vendor'.", [("unknown vendor", "+")]),
        # an apostrophe inside a word opens no quote
        ("Don't open with 'Dear Sir or Madam'.", [("dear sir or madam", "-")]),
        # a negation in a relative clause qualifies a noun, it forbids nothing
        (
            "Replies that do not resolve the issue must include the phrase 'Let me connect you'.",
            [("let me connect you", "+")],
        ),
        ("Captions that do not name a person should use the word 'someone'.", [("someone", "+")]),
    ],
)
def test_each_mention_takes_its_own_clause_polarity(text, expected):
    assert phrase_polarities(text, "+") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Label 'Paris' as LOC.",  # an annotation action, not a word the written output contains
        "Keep the word count under 300.",  # "the word count" names no word
        "Don't use [crosstalk] to mark a speaker change.",  # a ban on one use of the marker, not on the marker
    ],
)
def test_no_output_word_is_read_where_none_is_constrained(text):
    assert phrase_polarities(text, "-") == []


@pytest.mark.parametrize(
    ("a", "kind_a", "b", "kind_b", "conflict"),
    [
        (
            "Sign every newsletter with 'Stay curious!'",
            "statement",
            "Sign-offs like 'stay curious' are not allowed.",
            "prohibition",
            "phrase",
        ),
        (
            "Patients are always called 'clients'; do not write 'patients'.",
            "obligation",
            "Refer to the person as the 'patient' in every note.",
            "obligation",
            "phrase",
        ),
        (
            "Be apologetic when a delivery is late.",
            "obligation",
            "Answer complaints without apologizing.",
            "obligation",
            "tone",
        ),
        (
            "Use contractions so the copy sounds relaxed.",
            "obligation",
            "Contractions are not allowed in the copy.",
            "prohibition",
            "tone",
        ),
        (
            "Spell everything the British way.",
            "obligation",
            "Articles use US spelling.",
            "obligation",
            "tone",
        ),
        (
            "The output language must be Swahili.",
            "obligation",
            "Write every caption in Amharic.",
            "obligation",
            "language",
        ),
    ],
)
def test_clashing_output_frames(a, kind_a, b, kind_b, conflict):
    hit = output_conflict(_frame(a, kind_a), _frame(b, kind_b))
    assert hit is not None and hit[0] == conflict


@pytest.mark.parametrize(
    ("a", "kind_a", "b", "kind_b"),
    [
        # the forbidden form is the other one
        ("Write 'sign in' rather than 'log in'.", "obligation", "Never write 'log in'.", "prohibition"),
        # a ban on one use of a marker does not forbid the marker
        (
            "Mark long silences with [pause].",
            "obligation",
            "Don't use [pause] to show hesitation.",
            "prohibition",
        ),
        # the same tone asked twice
        ("Keep the tone warm.", "obligation", "Replies must never sound cold.", "prohibition"),
    ],
)
def test_compatible_output_frames_do_not_clash(a, kind_a, b, kind_b):
    assert output_conflict(_frame(a, kind_a), _frame(b, kind_b)) is None


# --- counts across related units -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "kind_a", "b", "kind_b"),
    [
        # items x words per item vs a total
        (
            "Write three sections of at least 90 words each.",
            "obligation",
            "The whole brief must stay under 250 words.",
            "obligation",
        ),
        # sentences per paragraph vs a sentence cap
        (
            "Use two paragraphs of exactly five sentences each.",
            "obligation",
            "Keep the note to six sentences at most.",
            "obligation",
        ),
        # words vs characters: 300 words need at least 599 characters
        (
            "The story should be at least 300 words.",
            "recommendation",
            "The text must fit in 500 characters or fewer.",
            "obligation",
        ),
        # a count vs its absence
        (
            "Give the steps as exactly six bullet points.",
            "obligation",
            "Write in flowing paragraphs only, with no lists.",
            "obligation",
        ),
        # one item bound per item
        (
            "Each caption must be a single sentence.",
            "obligation",
            "Every caption should contain three sentences.",
            "recommendation",
        ),
        # a forbidden count leaves its complement
        ("Never use more than two emojis.", "prohibition", "Include at least four emojis.", "obligation"),
    ],
)
def test_counts_that_no_output_can_meet_clash(a, kind_a, b, kind_b):
    hit = output_conflict(_frame(a, kind_a), _frame(b, kind_b))
    assert hit is not None and hit[0] == "count"


@pytest.mark.parametrize(
    ("a", "kind_a", "b", "kind_b"),
    [
        ("Write 150-250 words.", "obligation", "Stay under 200 words.", "obligation"),  # overlap
        (
            "The subject line must be under 50 characters.",
            "obligation",
            "The email should run 120 to 180 words.",
            "recommendation",
        ),  # a part and the whole
        (
            "Justifications need at least 40 words.",
            "obligation",
            "Responses must be under 30 words.",
            "obligation",
        ),  # two different outputs
        (
            "If one word carries two errors, annotate both.",
            "obligation",
            "Use a single label per span.",
            "obligation",
        ),  # counts of the text being annotated, not of the output
        (
            "A summary under 40 words must be rated 2.",
            "obligation",
            "Summaries should be 60 to 90 words.",
            "recommendation",
        ),  # a rating rule describes the case it rates
    ],
)
def test_counts_that_can_all_be_met_do_not_clash(a, kind_a, b, kind_b):
    hit = output_conflict(_frame(a, kind_a), _frame(b, kind_b))
    assert hit is None or hit[0] != "count"


# --- topics to cover or leave out -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "kind_a", "b", "kind_b"),
    [
        (
            "Describe the refund policy in every reply.",
            "obligation",
            "Leave anything about refunds out of the reply.",
            "obligation",
        ),
        (
            "Summarize the main findings of the trial.",
            "obligation",
            "Keep the summary free of any trial findings.",
            "obligation",
        ),
        (
            "The newsletter must mention upcoming workshops.",
            "obligation",
            "Never bring up workshops in the newsletter.",
            "prohibition",
        ),
    ],
)
def test_a_topic_required_and_left_out_clashes(a, kind_a, b, kind_b):
    hit = output_conflict(_frame(a, kind_a), _frame(b, kind_b))
    assert hit is not None and hit[0] == "content"


@pytest.mark.parametrize(
    ("a", "kind_a", "b", "kind_b"),
    [
        # a narrower ban is an exception to the requirement, not a conflict
        (
            "Include punctuation inside the span.",
            "obligation",
            "Do not include trailing punctuation.",
            "prohibition",
        ),
        # different topics that share a word
        ("Mention the product name.", "obligation", "Do not mention the customer's name.", "prohibition"),
        # a requirement cut short by a restriction is a narrower case
        (
            "Include determiners that are part of a title.",
            "obligation",
            "Do not include determiners.",
            "prohibition",
        ),
        # telling a person and handing out a score are no part of the written output
        (
            "Give the ticket a clarity rating.",
            "obligation",
            "Do not mention the ticket to anyone.",
            "prohibition",
        ),
        # a gerund that is the subject of a statement asks for nothing
        (
            "Keep it short: one line naming the flaw is enough.",
            "obligation",
            "Don't retype the whole caption in your note; naming the flaw is enough.",
            "prohibition",
        ),
    ],
)
def test_topics_that_can_both_be_met_do_not_clash(a, kind_a, b, kind_b):
    hit = output_conflict(_frame(a, kind_a), _frame(b, kind_b))
    assert hit is None or hit[0] != "content"


# --- what a required phrase brings with it ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "kind_a", "b", "kind_b", "conflict"),
    [
        (
            'Close the note with "Catch ya later, folks!"',
            "obligation",
            "Keep the register formal throughout.",
            "obligation",
            "tone",
        ),
        (
            'End with the line "We\'re here for you."',
            "obligation",
            "Never use contractions.",
            "prohibition",
            "tone",
        ),
        (
            'Open with "I am delighted to welcome you."',
            "obligation",
            "Write in the third person only.",
            "obligation",
            "tone",
        ),
        (
            'The headline must read "Sale ends Friday!"',
            "obligation",
            "Use no exclamation marks anywhere.",
            "obligation",
            "count",
        ),
        (
            "Return only a JSON object.",
            "obligation",
            "Place a bold heading with the product name at the top.",
            "obligation",
            "count",
        ),
        (
            "Write the leaflet in European Portuguese.",
            "obligation",
            "The deliverable is the Spanish version.",
            "obligation",
            "language",
        ),
        (
            "Use exactly two headings, no more.",
            "obligation",
            "Give each of the five parts its own heading.",
            "obligation",
            None,
        ),
    ],
)
def test_required_phrases_carry_their_register_and_marks(a, kind_a, b, kind_b, conflict):
    hit = output_conflict(_frame(a, kind_a), _frame(b, kind_b))
    assert (hit[0] if hit else None) == conflict
