"""COV003 (notes the authors left in the text) and COV004 (empty sections) on small decks written for the test.

No model is loaded: rules are given as frames (tests/builders.py).
"""

from __future__ import annotations

from pathlib import Path

from builders import deck_index, findings_of


def _found(tmp_path: Path, text: str, name: str = "guide.md") -> list[tuple[str, str]]:
    (tmp_path / "deck").mkdir(exist_ok=True)
    (tmp_path / "deck" / name).write_text(text, "utf-8")
    found = findings_of(deck_index(tmp_path / "deck", []), only=["COV003", "COV004"])
    return [(f.check, f.message) for f in found]


def test_a_question_left_on_an_example_is_reported_with_its_sentence(tmp_path):
    text = (
        "# Events\n\n## Examples\n\n| Text | Label |\n|---|---|\n"
        "| The dose was cut. It is ER positive. (carcinoma-> mass) (question: is the mass the trigger?) | PIP |\n\n"
        "See question 3 of the FAQ (Question 3) for dates.\n\nMark the date. TODO: add the time rules.\n\n"
        "Keep a todo list of open items.\n"
    )
    assert _found(tmp_path, text) == [
        (
            "COV003",
            "A note for the authors is still in the text: '(question: is the mass the trigger?)' "
            '("It is ER positive. (carcinoma-> mass) (question: is the mass the trigger?)").',
        ),
        (
            "COV003",
            "A note for the authors is still in the text: 'TODO: add the time rules' "
            '("Mark the date. TODO: add the time rules").',
        ),
    ]


def test_a_heading_that_ends_before_it_says_anything_is_an_empty_section(tmp_path):
    text = (
        "# Links\n\n## Uncertain links\n\n### Evidence for UNCERTAIN\n\n## Footnotes\n\nNone.\n\n"
        "## Roles\n\n### :source\n### :destination\n\nBoth roles are shown in this example.\n"
    )
    assert _found(tmp_path, text) == [
        (
            "COV004",
            "Section 'Evidence for UNCERTAIN' is empty: the next thing in the document is the heading 'Footnotes'.",
        )
    ]
