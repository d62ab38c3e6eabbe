"""Conflicting output constraints in one task instruction, as a user running `guidecheck check` sees them: the
two sentences quoted, reported as CON010, also when their wording is too far apart for the embedding
candidates; a clean brief with look-alike constraints gets no contradiction. The briefs were written for this
test."""

from __future__ import annotations

import pytest

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
