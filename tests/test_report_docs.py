"""docs/checks.md is generated from the check registry and must not drift from it (regenerate: make docs)."""

from __future__ import annotations

import re

from conftest import REPO

from guidecheck.checks import all_checks
from guidecheck.report.docs import checks_markdown


def test_checks_markdown_is_current():
    committed = (REPO / "docs" / "checks.md").read_text(encoding="utf-8")
    assert committed == checks_markdown(), "docs/checks.md is stale: run `make docs`"


def test_every_check_has_a_section_and_all_docstring_parts():
    text = checks_markdown()
    for check in all_checks():
        section = re.split(r"\n## [A-Z]+[0-9]{3}\n", text.split(f"\n## {check.code}\n", 1)[1], maxsplit=1)[0]
        assert f"**{check.name}** · {check.category} · {check.severity}" in section
        for title in ("What it does", "Why is this bad", "Example", "Use instead"):
            assert f"### {title}" in section, (check.code, title)
        assert f"| [{check.code}](#{check.code.lower()}) |" in text
