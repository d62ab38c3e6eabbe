"""Ambiguity checks (AMB001-AMB008, DUP001) on small decks: what a user sees in the JSON report."""

from __future__ import annotations

import pytest
from builders import frame, qty

# The ambiguity checks are opt-in (data/policy.toml): these tests select them.
SELECT = ("--extend-select", "AMB", "--extend-select", "DUP")


def _rule_text(report, rule_id):
    return next(r["text"] for r in report["rules"] if r["id"] == rule_id)


def _by_check(report, check):
    return [f for f in report["findings"] if f["check"] == check]


def _flagged_texts(report, check):
    return {_rule_text(report, f["rules"][0]) for f in _by_check(report, check) if f["rules"]}


def _span_words(report, finding):
    return [_rule_text(report, s["rule"])[s["start"] : s["end"]] for s in finding["spans"]]


DECK = """# Response Rating

## Rules

Include the source URL in your comment if possible.
Use your best judgment when the prompt is unclear.
Flag personal data such as phone numbers, addresses, etc.
Replies that contain several factual errors must be rated 1.
Count how many sources the reply cites.
Split turns into segments of at most 15 seconds.
Some pages show a paywall. This should be rated 1.
It is important to read the whole reply.
Any reply that encourages self-harm must be escalated within one hour.
Threats must be escalated to the safety lead by the reviewer.
A reply with a hallucination must be rated 2 or lower.
Captions may not include the file name.
You may skip a task if the prompt is not in English.
The reply should use an appropriate tone.

## Examples

Example: The reply says "if possible, see a doctor", which is fine.
"""


# What spaCy makes of the decks in this file: the tests run on these frames, without the models.
FRAMES = [
    frame(
        "Include the source URL in your comment if possible.", conditions=["if possible"], object="source url"
    ),
    frame(
        "Use your best judgment when the prompt is unclear.",
        conditions=["when the prompt is unclear"],
        object="judgment",
    ),
    frame("Flag personal data such as phone numbers, addresses, etc.", object="datum"),
    frame("Replies that contain several factual errors must be rated 1.", labels=["1"], object="reply"),
    frame("Count how many sources the reply cites.", action="count"),
    frame(
        "Split turns into segments of at most 15 seconds.",
        object="segment",
        quantities=[qty("time", "<=", 15, "second", "at most 15 seconds")],
    ),
    frame("This should be rated 1.", "recommendation", labels=["1"], action="rate"),
    frame(
        "Any reply that encourages self-harm must be escalated within one hour.",
        action="escalate",
        object="reply",
        quantifier="any",
        quantities=[qty("time", "<=", 3600, "second", "within one hour")],
    ),
    frame(
        "Threats must be escalated to the safety lead by the reviewer.",
        actor="reviewer",
        action="escalate",
        object="threat",
    ),
    frame(
        "A reply with a hallucination must be rated 2 or lower.",
        action="rate",
        object="reply",
        quantities=[qty("score", "<=", 2, None, "2 or lower")],
    ),
    frame("Captions may not include the file name.", "prohibition", actor="caption", object="file name"),
    frame(
        "You may skip a task if the prompt is not in English.",
        "permission",
        actor="you",
        conditions=["if the prompt is not in English"],
        object="task",
    ),
    frame("The reply should use an appropriate tone.", "recommendation", actor="reply", object="tone"),
    frame(
        'Example: The reply says "if possible, see a doctor", which is fine.',
        is_example=True,
        conditions=["if possible"],
        example_of="The reply should use an appropriate tone.",
    ),
    frame("Appropriate tone: polite, neutral, and free of slang.", "definition"),
    frame(
        "Reviewers must take a ten-minute break every two hours.",
        actor="reviewer",
        action="take",
        object="break",
        quantifier="all",
    ),
    frame("Listen to the whole call before you start typing.", actor="you", action="listen"),
    frame(
        "Reviewers should take a ten-minute break every two hours.",
        "recommendation",
        actor="reviewer",
        action="take",
        object="break",
        quantifier="all",
    ),
    frame("Listen to the entire call before beginning the transcript.", actor="you", action="listen"),
    frame(
        "Do not transcribe background music.", "prohibition", action="transcribe", object="background music"
    ),
]


@pytest.fixture
def check(check_json, fake_models):
    """check(path) -> the JSON report of ``guidecheck check`` with the ambiguity checks selected."""
    fake_models(
        FRAMES, synonyms={"entire": "whole", "beginning": "start"}
    )  # a paraphrase, as the model sees it
    return lambda path: check_json(path, extra=SELECT)


def test_loophole_flagged_with_span_and_fix_but_not_in_examples(check, write):
    report = check(write("deck.md", DECK))
    findings = _by_check(report, "AMB002")
    texts = {_rule_text(report, f["rules"][0]) for f in findings}
    assert texts == {
        "Include the source URL in your comment if possible.",
        "Use your best judgment when the prompt is unclear.",
    }
    words = sorted(w for f in findings for w in _span_words(report, f))
    assert words == ["Use your best judgment", "if possible"]
    assert all(f["fix"] and f["category"] == "ambiguity" for f in findings)


def test_open_list_quantifier_pronoun_passive_and_may(check, write):
    report = check(write("deck.md", DECK))
    assert _flagged_texts(report, "AMB003") == {"Flag personal data such as phone numbers, addresses, etc."}
    assert _flagged_texts(report, "AMB006") == {
        "Replies that contain several factual errors must be rated 1."
    }
    assert _flagged_texts(report, "AMB007") == {"This should be rated 1."}
    assert _flagged_texts(report, "AMB008") == {
        "Any reply that encourages self-harm must be escalated within one hour."
    }
    may = _by_check(report, "AMB005")  # "You may skip" is plain permission: not flagged
    assert len(may) == 1
    target = _rule_text(report, may[0]["rules"][0]) if may[0]["rules"] else may[0]["message"]
    assert "Captions may not include the file name." in target and "'may not'" in may[0]["message"]
    passive = _by_check(report, "AMB008")[0]
    assert _span_words(report, passive) == ["must be escalated"]
    assert "Raters must escalate" in passive["fix"]


def test_vague_word_defined_in_glossary_or_config_is_not_flagged(check, write, tmp_path):
    deck = DECK + "\n## Glossary\n\n- Appropriate tone: polite, neutral, and free of slang.\n"
    report = check(write("deck.md", DECK))
    assert "The reply should use an appropriate tone." in _flagged_texts(report, "AMB001")
    report = check(write("g/deck.md", deck))
    assert "The reply should use an appropriate tone." not in _flagged_texts(report, "AMB001")
    (tmp_path / "c").mkdir()
    write("c/setup.cfg", "[guidecheck]\nglossary = appropriate\nvague_words = factual\n")
    report = check(write("c/deck.md", DECK))
    flagged = _flagged_texts(report, "AMB001")
    assert "The reply should use an appropriate tone." not in flagged
    assert (
        "Replies that contain several factual errors must be rated 1." in flagged
    )  # extended by vague_words


def test_allowed_words_silence_a_loophole(check, write):
    write("a/setup.cfg", "[guidecheck]\nallowed_words = if possible\n")
    report = check(write("a/deck.md", DECK))
    assert _flagged_texts(report, "AMB002") == {"Use your best judgment when the prompt is unclear."}


def test_mixed_modality_and_near_duplicate_pairs(check, write):
    deck = """# Queue rules

## Breaks

Reviewers must take a ten-minute break every two hours.

## Reading

Listen to the whole call before you start typing.

## Later additions

Reviewers should take a ten-minute break every two hours.
Listen to the entire call before beginning the transcript.
Do not transcribe background music.
"""
    report = check(write("deck.md", deck))
    mixed = _by_check(report, "AMB004")
    assert len(mixed) == 1
    assert {_rule_text(report, r) for r in mixed[0]["rules"]} == {
        "Reviewers must take a ten-minute break every two hours.",
        "Reviewers should take a ten-minute break every two hours.",
    }
    assert sorted(_span_words(report, mixed[0])) == ["must", "should"]
    dups = _by_check(report, "DUP001")
    assert len(dups) == 1 and dups[0]["category"] == "duplicate"
    assert {_rule_text(report, r) for r in dups[0]["rules"]} == {
        "Listen to the whole call before you start typing.",
        "Listen to the entire call before beginning the transcript.",
    }
    # the contradiction family owns a pair it relates: never reported twice by REL003 and DUP001 / AMB004
    rel = {tuple(sorted(f["rules"])) for f in report["findings"] if f["check"] == "REL003"}
    mine = {tuple(sorted(f["rules"])) for f in report["findings"] if f["check"] == "DUP001"}
    assert not rel & mine


def test_a_vague_word_inside_a_hyphenated_name_is_not_a_criterion():
    """A real deck's entity-type list ("natural-object", "natural-disaster") named no criterion."""
    from guidecheck.checks.common.wording import phrase_pattern

    pattern = phrase_pattern(["natural", "as soon as possible"])
    found = [
        m.group() for m in pattern.finditer("Tag natural-object and non-natural items; keep a natural tone.")
    ]
    assert found == ["natural"]
    assert pattern.search("Reply as soon as possible.") and not pattern.search("as soon as possible-ish")
