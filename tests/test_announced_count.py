"""LAB006: a sentence that counts what it introduces, against the list it introduces.

Every deck here is written for the test. No model is loaded: rules are given as frames (tests/builders.py).
"""

from __future__ import annotations

from pathlib import Path

from builders import deck_index, findings_of


def _messages(tmp_path: Path, text: str) -> list[str]:
    (tmp_path / "deck").mkdir(exist_ok=True)
    (tmp_path / "deck" / "guide.md").write_text(text, "utf-8")
    return [f.message for f in findings_of(deck_index(tmp_path / "deck", []), only=["LAB006"])]


def test_three_cases_announced_and_four_numbered_below(tmp_path):
    text = (
        "# Sentiment\n\n## Emoji\n\nEmoji need care. We distinguish 3 cases:\n\n"
        "**1. emoji are the only sign of sentiment.**\n\n- Sample post :)\n\nLabel these Neutral.\n\n"
        "**2. emoji mirror the words:**\n\n- Great day :)\n\n"
        "**3. emoji reverse the words:**\n\n- Awful game :D\n\n"
        "**4. emoji soften the words:**\n\n- Car broke down :)\n\n## Hashtags\n\n1. Ignore hashtags.\n"
    )
    (message,) = _messages(tmp_path, text)
    assert message.startswith("This sentence announces 3 cases, but 4 are numbered below it: 1. emoji are")
    assert "4. emoji soften the words" in message


def test_a_count_that_matches_its_list_is_fine(tmp_path):
    text = (
        "# Times\n\n## Types\n\nAnnotators specify one of the four major types: DATE, TIME, DURATION and SET "
        '(Smith, et al., 2003).\n\nThere are three values: "N/A", "ASP", and "EVI".\n\n'
        "We use two steps:\n\n1. Read the note.\n\n2. Mark the times.\n"
    )
    assert _messages(tmp_path, text) == []


def test_names_written_in_the_sentence_are_counted(tmp_path):
    text = "# Links\n\n## Relations\n\nThere are five relations in this schema: BEFORE, AFTER, OVERLAP and CONTAINS.\n"
    (message,) = _messages(tmp_path, text)
    assert message == (
        "This sentence announces 5 relations, but 4 are listed: BEFORE; AFTER; OVERLAP; CONTAINS."
    )


def test_prose_after_the_colon_bullets_and_sums_are_not_lists_to_count(tmp_path):
    text = (
        "# Errors\n\n## Classes\n\nError-type annotation (7 + 2 = 9 classes):\n\n- Factual error\n- Wrong reasoning\n\n"
        "There are two kinds of mentions: the ones that name a person and the ones that refer back to one.\n\n"
        "We use three labels:\n\n- Positive\n- Negative\n\nSee the table for the third one.\n"
    )
    assert _messages(tmp_path, text) == []


def test_a_markdown_ordered_list_is_counted_by_its_numbers(tmp_path):
    text = (
        "# Review\n\n## Steps\n\nA review takes three steps:\n\n1. Open the task.\n2. Compare the texts.\n"
        "3. Fill in the form.\n4. Submit the task.\n\n- A bullet after the list is not a step.\n"
    )
    (message,) = _messages(tmp_path, text)
    assert message.startswith(
        "This sentence announces 3 steps, but 4 are numbered below it: 1. Open the task; 2."
    )
