"""Conflicting output constraints in one task instruction, as a user running `guidecheck check` sees them: the
two sentences quoted, reported as CON010, also when their wording is too far apart for the embedding
candidates; a clean brief with look-alike constraints gets no contradiction. The briefs were written for this
test."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

pytestmark = pytest.mark.slow  # loads spaCy and the embedding model

CONFLICTING = """# Product page brief

Write the product page for our new trail backpack.

Requirements:
- Open with the tagline "Carry less. Climb more."
- Describe the waterproof zippers and the hip belt.
- Keep the whole page between 120 and 160 words.

Tone: warm and practical. Mention the lifetime warranty once.

Our legal team has not approved any warranty wording yet, so leave the warranty out entirely.

Use three bullet points of at least 60 words each for the main features.
"""

CLEAN = """# Newsletter brief

Write this month's newsletter intro for members.

- Keep it between 150 and 250 words.
- Do not use the word "cheap" in the subject line; in the body, quote the member review that calls the
  membership "cheap but brilliant" word for word.
- Friendly, plain language; no jargon.
- Update: ignore the earlier 100-word limit; the 150-250 words above apply.
"""


def _contradictions(report):
    rules = {r["id"]: r["text"] for r in report["rules"]}
    return [
        (f["check"], sorted(rules[i] for i in f["rules"]))
        for f in report["findings"]
        if f["category"] == "contradiction"
    ]


def deck_contradictions(root, decks: dict[str, str]):
    """Write ``decks`` (relative path -> text) under ``root`` and return the contradictions `guidecheck check`
    reports on them with every CON and REL check selected, as (check, sorted rule texts)."""
    from guidecheck.cli import main

    for name, text in decks.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    args = ["check", str(root), "--format", "json", "--fail-on", "never", "--select", "CON,REL"]
    return _contradictions(json.loads(CliRunner().invoke(main, args, catch_exceptions=False).stdout))


def contradictions_fixture(decks: dict[str, str], name: str):
    """A module-scoped fixture: the contradictions reported on ``decks``, one run shared by a module's tests."""

    @pytest.fixture(scope="module")
    def found(tmp_path_factory):
        return deck_contradictions(tmp_path_factory.mktemp(name), decks)

    return found


def guide_and_faq_claims(guide: str, faq: str):
    """The claims of two rules a deck states in different files and sections, for a whole-deck reader's test."""
    from guidecheck.checks.common.relations.claims import build_claim
    from guidecheck.model import Location, Rule

    rules = [
        Rule("R1", guide, Location("deck/guide.md"), kind="obligation", section=("Guide",)),
        Rule("R2", faq, Location("deck/faq.md"), kind="obligation", section=("Questions",)),
    ]
    return [build_claim(r) for r in rules]


def pairs_with(found, *words):
    """The checks of the reported pairs whose two rules hold every one of ``words`` between them."""
    return [check for check, pair in found if all(any(w in t for t in pair) for w in words)]


def test_conflicting_constraints_in_one_brief_are_reported(write, check_json):
    found = _contradictions(check_json(str(write("brief/brief.md", CONFLICTING).parent)))
    texts = [" / ".join(pair) for _, pair in found]
    assert any("warranty" in t and "leave the warranty out" in t for t in texts), (
        found
    )  # a topic kept and cut
    assert any("60 words each" in t and "120 and 160 words" in t for t in texts), found  # 3 x 60 > 160
    assert {check for check, _ in found} <= {"CON001", "CON004", "CON010"}


def test_look_alike_constraints_that_can_all_be_met_are_not_contradictions(write, check_json):
    report = check_json(str(write("news/brief.md", CLEAN).parent))
    assert _contradictions(report) == []
