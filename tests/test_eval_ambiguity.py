"""The ambiguity family's measured floor on the labeled corpus: each check P >= 0.85, overall R >= 0.85."""

from __future__ import annotations

import json

import pytest

from guidecheck.evaluate.ambiguity import CHECKS, load_gold

pytestmark = pytest.mark.slow
GUIDELINES_GOLD_MIN = 120


@pytest.fixture(scope="module")
def results():
    from guidecheck.evaluate import default_corpus, run_evaluations

    return run_evaluations(["ambiguity"], str(default_corpus()))["ambiguity"]


def test_gold_has_enough_real_positives_and_negatives():
    from guidecheck.evaluate import default_corpus

    corpus = default_corpus()
    gold = load_gold(corpus)
    assert sum(c["positive"] for c in gold) >= GUIDELINES_GOLD_MIN
    assert sum(not c["positive"] for c in gold) >= GUIDELINES_GOLD_MIN
    assert {c["check"] for c in gold if c["positive"]} == set(CHECKS)
    # every case is a real sentence of its deck, not invented for the gold file
    for case in gold:
        text = (corpus / case["doc"]).read_text("utf-8")
        flat = " ".join(text.split())
        if case["text"] and case["check"] not in ("COV002",):
            assert (
                " ".join(case["text"].split())[:40] in flat.replace("| ", "").replace(" |", "")
                or case["text"].split(" | ")[0] in flat
            ), case


def test_each_check_meets_the_precision_floor(results):
    for check in CHECKS:
        assert results["metrics"][check]["precision"] >= 0.85, (check, results["metrics"][check])


def test_overall_recall_meets_the_floor(results):
    assert results["metrics"]["overall"]["recall"] >= 0.85, results["metrics"]["overall"]


def test_noise_is_reported_per_check_and_per_bundled_deck(results):
    noise = {k: v for k, v in results["metrics"].items() if k.startswith("findings-per-1000-words")}
    assert all(f"findings-per-1000-words {c}" in noise for c in CHECKS)
    assert "findings-per-1000-words demo/search-relevance.md" in noise
    assert all(v["per_1000_words"] >= 0 for v in noise.values())


def test_cli_prints_the_family(cli):
    result = cli("eval", "--family", "ambiguity", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["ambiguity"]["metrics"]["overall"]["tp"] > 0
