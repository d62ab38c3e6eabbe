"""A condition after a semicolon governs the instruction of its own clause, not the rule the sentence states.

"Only site leads may set the Breach flag; if you think a fence is breached, message your lead" reserves the flag in
every case; read with the second clause's condition it became a narrower rule, and its clash with "any rater may
set the Breach flag" was explained away as a scoped exception. A sentence-initial condition still qualifies the
whole sentence, and a clause that is nothing but a condition qualifies the clause before it. Every sentence here
was written for this test.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow  # loads spaCy

DECK = (
    "# Tagging fence photos\n\n"
    "## Rules\n\n"
    "Only site leads may set the Breach flag; if you think a fence is breached, message your lead with the photo"
    " ID.\n\n"
    "Rate every post in the frame; use the Unclear tag if a post is hidden by snow.\n\n"
    "Use the Other tag; only if nothing else fits.\n\n"
    "If the photo is blurry, skip it; do not guess the post count.\n\n"
    "Judge the caption against the sign as printed; if the sign itself is misspelt, a caption that repeats it is"
    " not penalised.\n"
)


@pytest.fixture(scope="module")
def conditions(tmp_path_factory):
    """The conditions `guidecheck check -f json` reports for the rule that opens with the given words."""
    import json

    from click.testing import CliRunner

    from guidecheck.cli import main

    root = tmp_path_factory.mktemp("clause_scope")
    (root / "fences.md").write_text(DECK, encoding="utf-8")
    out = CliRunner().invoke(main, ["check", str(root), "-f", "json", "--fail-on", "never"]).stdout
    rules = json.loads(out)["rules"]
    return lambda opening: next(r["conditions"] for r in rules if r["text"].startswith(opening))


@pytest.mark.parametrize(
    "rule",
    [
        "Only site leads may set",  # the condition opens the next instruction
        "Rate every post",  # the condition closes the next instruction
        "Judge the caption",  # the parse took the next clause's consequent into the condition
    ],
)
def test_a_condition_of_a_later_clause_is_not_the_rules(conditions, rule):
    assert conditions(rule) == []


def test_a_sentence_initial_condition_still_qualifies_the_rule(conditions):
    assert conditions("If the photo is blurry") == ["If the photo is blurry"]


def test_a_clause_that_is_only_a_condition_qualifies_the_clause_before(conditions):
    assert conditions("Use the Other tag") == ["if nothing else fits"]
