"""The relation classifier's per-rule readings, and what the whole-deck readers that need no vector find, are built
by the pipeline before the index (runner.prepare), while the embedding process still encodes the rules; the findings
must be those of readings built by the checks."""

from __future__ import annotations

import shutil

import pytest
from conftest import GUIDELINES


def _deck(tmp_path):
    deck = tmp_path / "deck"
    deck.mkdir()
    for name in (
        "health-answers.md",
        "content-safety.html",
    ):  # a deck whose rules relate (a REL001 among them)
        shutil.copy(GUIDELINES / "rules" / name, deck / name)
    for path in (GUIDELINES / "contradictions" / "chatbot-rating").iterdir():  # worked examples, label tables
        shutil.copy(path, deck / path.name)
    return deck


def test_prepare_reads_the_rules_only_for_checks_that_read_relations(tmp_path):
    from guidecheck.cache import Cache
    from guidecheck.checks.common.relations.readings import READINGS
    from guidecheck.checks.runner import prepare
    from guidecheck.config import load_config

    config = load_config([str(tmp_path)])
    cache = Cache(None)
    assert prepare([], [], config, cache, ["AMB001"]) == {}
    readings = prepare([], [], config, cache, ["CON001"], spare_time=True)[READINGS]
    assert readings.claims == [] and readings.sides() == []
    assert readings.deck_parts() and not any(readings.deck_parts().values())


def _findings(deck, cache_dir) -> list[dict]:
    from guidecheck.config import load_config
    from guidecheck.model import to_dict
    from guidecheck.pipeline import begin, complete

    config = load_config([str(deck)])
    config.values["cache_dir"] = str(cache_dir)
    started = begin([str(deck)], config, ["CON", "REL", "AMB004"])
    started.cold = True  # sides read before the index too, as on a cold run
    return [to_dict(f) for f in complete(started).findings]


@pytest.mark.slow  # two cold pipeline runs
def test_prepared_readings_give_the_findings_of_readings_built_by_the_checks(tmp_path, monkeypatch):
    from guidecheck.checks import runner

    deck = _deck(tmp_path)
    prepared = _findings(deck, tmp_path / "cache-1")
    assert any(f["check"].startswith(("CON", "REL")) for f in prepared)
    assert {"CON006", "CON008"} <= {f["check"] for f in prepared}  # found by whole-deck readers
    monkeypatch.setattr(runner, "prepare", lambda *args, **kwargs: {})  # the checks read the rules themselves
    assert _findings(deck, tmp_path / "cache-2") == prepared
