"""CON012: defaults for doubt that say different things, reported once per deck."""

from __future__ import annotations

import pytest

from guidecheck.checks.contradiction.doubt_defaults import distinct_defaults, doubt_default
from guidecheck.model import Location, Rule


def _rule(text: str, n: int = 1, **kw) -> Rule:
    return Rule(f"R{n}", text, Location("deck/guide.md", line=n), **kw)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("If in doubt, pick the lower of the two grades.", "pick the lower of the two grades"),
        ("When unsure, skip the clip.", "skip the clip"),
        ("When in doubt whether, always tag Repetition.", "always tag Repetition"),
        ("IF IN DOUBT - LEAVE IT UNLABELED!", "LEAVE IT UNLABELED"),
        # the doubt is named: the default answers that one question
        ("If in doubt about the PERSON/ROLE distinction, default to PERSON.", None),
        ("If you're not sure/happy about a segment, add the tag [unsure].", None),
        ("If stuck between two anchors, use the earlier one.", None),
        # advice that assigns nothing
        ("When in doubt, think of the reader at the other end.", None),
        # no doubt cue, or the cue inside a quotation
        ("Pick the lower of the two grades.", None),
        ('The button reads "If unsure, skip".', None),
    ],
)
def test_a_default_for_doubt_is_an_unscoped_cue_with_something_assigned(text, said):
    assert doubt_default(_rule(text)) == said


def test_examples_are_not_defaults_and_a_repeated_default_counts_once():
    rules = [
        _rule("If in doubt, pick the lower of the two grades.", 1),
        _rule("If in doubt, pick the lower of the two grades.", 2),
        _rule("When in doubt, mark the clip Noisy.", 3, is_example=True),
        _rule("When unsure, skip the clip.", 4),
    ]
    assert [r.id for r, _ in distinct_defaults(rules)] == ["R1", "R4"]


@pytest.mark.slow
def test_two_defaults_for_doubt_across_files_are_one_finding(write, check_json):
    write("deck/guide.md", "# Grading\n\nIf in doubt, pick the lower of the two grades.\n")
    write(
        "deck/faq.md",
        "# FAQ\n\nWhen unsure, skip the clip and leave a note.\n\n"
        "If in doubt about the speaker's accent, mark it Unknown.\n",
    )
    report = check_json(write("deck/.keep", "").parent, extra=("--extend-select", "CON012"))
    (finding,) = [f for f in report["findings"] if f["check"] == "CON012"]
    assert finding["message"].startswith("2 rules say what to do when in doubt, each something else:")
    assert "If in doubt, pick the lower of the two grades." in finding["message"]
    assert "When unsure, skip the clip and leave a note." in finding["message"]
    assert "accent" not in finding["message"]


@pytest.mark.slow
def test_two_defaults_for_doubt_are_not_also_reported_as_a_pair(write, check_json):
    write("deck/guide.md", "# Labels\n\nIf in doubt, mark the clip Noisy.\n")
    write("deck/faq.md", "# FAQ\n\nWhen in doubt, mark the clip Clean.\n")
    report = check_json(write("deck/.keep", "").parent, extra=("--extend-select", "CON012"))
    assert [f["check"] for f in report["findings"] if f["check"].startswith("CON")] == ["CON012"]


def test_importing_one_check_module_first_still_registers_every_check():
    """The registry loads every check module even when one was imported on its own before (as this file does)."""
    import subprocess
    import sys

    code = (
        "import guidecheck.checks.contradiction.doubt_defaults\n"
        "from guidecheck.checks.registry import all_checks\n"
        "print(len(all_checks()))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert int(out) > 30
