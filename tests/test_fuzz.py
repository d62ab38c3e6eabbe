"""Seeded mutation fuzz over every reader (the set is fixed: the same seed writes the same damaged bytes).

40 damaged copies per format of the bundled decks go through ingest and the JSON and HTML reports without any
model; one end-to-end run of ``guidecheck check`` on a small damaged set shows the same from the user's side.
``make fuzz`` runs 1,000 cases with the same harness (tests/fuzzing.py).
"""

from __future__ import annotations

import json

import fuzzing
import pytest

SEED = 15


def test_forty_damaged_copies_per_format_all_reported_in_plain_words(tmp_path):
    result = fuzzing.run(tmp_path, total=40 * len(fuzzing.FORMATS), seed=SEED)
    assert result.failures == []
    assert result.cases == 240
    # The mutations really damage files, and damaged files that can still be read are read.
    assert result.statuses["error"] > 0 and result.statuses["warning"] > 0 and result.statuses["ok"] > 0


def test_mutations_are_seeded(tmp_path):
    first = [c.path.read_bytes() for c in fuzzing.write_cases(tmp_path / "a", 12, SEED)]
    again = [c.path.read_bytes() for c in fuzzing.write_cases(tmp_path / "b", 12, SEED)]
    originals = {p.read_bytes() for paths in fuzzing.corpus().values() for p in paths}
    assert first == again
    assert not originals & set(first)


@pytest.mark.slow
def test_check_on_damaged_decks_end_to_end(cli, tmp_path):
    deck = tmp_path / "deck"
    cases = fuzzing.write_cases(deck, 12, SEED)
    # The case from the issue: a Markdown deck with a zeroed block, still read as text.
    source = (fuzzing.REPO / "guidelines/demo/search-relevance.md").read_bytes()
    middle = len(source) // 2
    (deck / "zeroed.md").write_bytes(source[:middle] + bytes(300) + source[middle:])
    html, report_json = tmp_path / "r.html", tmp_path / "r.json"
    result = cli("check", deck, "-o", html, "-o", report_json, "--fail-on", "never")
    assert result.exit_code == 0 and "Traceback" not in result.output
    report = json.loads(report_json.read_text("utf-8"))
    documents = {d["path"].rsplit("/", 1)[-1]: d for d in report["documents"]}
    assert set(documents) == {c.path.name for c in cases} | {"zeroed.md"}
    assert all(d["status"] == "ok" or d["message"] for d in documents.values())
    assert not any(fuzzing.LIBRARY_WORDS.search(d["message"] or "") for d in documents.values())
    assert documents["zeroed.md"]["status"] == "warning" and documents["zeroed.md"]["rules"] > 0
    text = report_json.read_text("utf-8")
    assert not fuzzing.ESCAPED_CONTROL.search(text) and not fuzzing.CONTROL.search(text)
    assert not fuzzing.CONTROL.search(html.read_text("utf-8"))
