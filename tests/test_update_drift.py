"""A later file that says it replaces a rule is an override (REL002); one that silently says otherwise is drift.

Blind authors plant their FAQ and errata reversals in files titled "FAQ and update notes", "Errata" or
"Changelog", under dated headings, without a word that says the old rule changed. A rater who reads both cannot
tell which one holds, so guidecheck reports the pair as the contradiction it is. Only the later sentence's own
words ("now", "no longer", "starting 4 March", "Update (May):") make it an override, reported for information.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from test_output_conflicts_cli import pairs_with as _pairs

from guidecheck.cli import main

DECKS = {
    "silent/guide.md": "# Queue\n\nA clip that stays open for more than 12 minutes is released back to the queue.\n\n"
    "# Flags\n\nOnly QA leads may add the Escalate flag to a clip.\n",
    "silent/faq.md": "# Project Heron: FAQ and update notes\n\n## Timing\n\nYou have a full 25 minutes on each clip "
    "before the tool takes it back.\n\n## Flags\n\nAny annotator can add the Escalate flag to a clip they are "
    "working on.\n",
    "said/guide.md": "# Queue\n\nA clip that stays open for more than 12 minutes is released back to the queue.\n\n"
    "# Flags\n\nOnly QA leads may add the Escalate flag to a clip.\n",
    "said/changelog.md": "# Changelog\n\n## 4 March\n\nStarting 4 March, a clip is released back to the queue after 25 "
    "minutes instead.\n\n## 9 March\n\nAnnotators may now add the Escalate flag themselves.\n",
}


def _pair_findings(root) -> list[tuple[str, list[str]]]:
    """(check, the two rules' texts) of every CON and REL finding `guidecheck check` reports under ``root``."""
    for name, text in DECKS.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    args = ["check", str(root), "--format", "json", "--fail-on", "never", "--select", "CON,REL"]
    report = json.loads(CliRunner().invoke(main, args, catch_exceptions=False).stdout)
    rules = {r["id"]: r["text"] for r in report["rules"]}
    return [
        (f["check"], sorted(rules[i] for i in f["rules"])) for f in report["findings"] if len(f["rules"]) == 2
    ]


@pytest.mark.slow
def test_a_silent_difference_in_a_later_file_is_a_contradiction_and_a_stated_change_an_override(tmp_path):
    found = _pair_findings(tmp_path)
    silent = [(c, p) for c, p in found if any("full 25 minutes" in t or "Any annotator" in t for t in p)]
    said = [(c, p) for c, p in found if any("Starting 4 March" in t or "may now add" in t for t in p)]
    assert _pairs(silent, "more than 12 minutes", "full 25 minutes") == ["CON004"]
    assert _pairs(silent, "Only QA leads", "Any annotator") == ["CON011"]
    assert _pairs(said, "more than 12 minutes", "Starting 4 March") == ["REL002"]
    assert _pairs(said, "Only QA leads", "may now add") == ["REL002"]
