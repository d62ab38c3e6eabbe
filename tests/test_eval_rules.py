"""The rules eval runs on the real labeled corpus and meets the floors of issue 4."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from guidecheck.evaluate.metrics import normalise
from guidecheck.evaluate.rules import evaluate, field_equal, load_gold

pytestmark = pytest.mark.slow  # loads spaCy or the embedding model

CORPUS = Path(__file__).resolve().parents[1] / "guidelines"


@pytest.fixture(scope="module")
def result():
    return evaluate(CORPUS)


def test_corpus_size_and_formats():
    gold = load_gold(CORPUS)
    docs = {g["doc"] for g in gold}
    assert len(docs) >= 5
    assert len({Path(d).suffix for d in docs}) >= 3
    assert len(gold) >= 300
    assert sum(1 for g in gold if g.get("frame")) >= 60
    assert all((CORPUS / d).is_file() for d in docs)
    assert all(
        g["kind"]
        in (
            "obligation",
            "prohibition",
            "permission",
            "recommendation",
            "discouragement",
            "definition",
            "priority",
            "rubric",
        )
        for g in gold
        if g["rule"]
    )
    # every deck has rules and non-rules (tricky negatives are part of the corpus)
    per_doc = Counter((g["doc"], g["rule"]) for g in gold)
    assert all(per_doc[(d, True)] and per_doc[(d, False)] for d in docs)


def test_floors(result):
    m = result["metrics"]
    assert m["rule-detection"]["precision"] >= 0.9 and m["rule-detection"]["recall"] >= 0.9
    assert m["kind"]["accuracy"] >= 0.85
    for name in ("conditions", "exceptions", "quantities"):
        assert m[name]["accuracy"] >= 0.85, name
        assert m[name + " (non-empty gold)"]["n"] > 0
    assert m["rule-detection"]["tp"] + m["rule-detection"]["fn"] == sum(
        1 for g in load_gold(CORPUS) if g["rule"]
    )


def test_every_predicted_rule_is_a_labeled_sentence(result):
    """Precision is only meaningful if every sentence is labeled: no false positive comes from an unlabeled text."""
    gold_texts = {normalise(g["text"]) for g in load_gold(CORPUS)}
    fps = [e.split(": ", 1)[1] for e in result["errors"] if e.startswith("FP ")]
    assert all(normalise(t) in gold_texts for t in fps), fps


def test_field_comparison_is_strict_where_it_matters():
    assert field_equal("conditions", ["If the page does not load"], ["if the page does not load"])
    assert not field_equal("conditions", [], ["if the page does not load"])
    assert not field_equal("quantities", [{"comparator": ">", "value": 2, "unit": None}], [[">=", 2, None]])
    assert field_equal("labels", ["Reject"], ["reject"]) and not field_equal(
        "labels", ["Reject", "Revise"], ["Reject"]
    )
    assert field_equal("quantifier", None, None) and not field_equal("actor", "you", None)


def test_cli_eval_prints_rule_figures(cli):
    result = cli("eval", "--family", "rules", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"rules"}
    assert data["rules"]["metrics"]["rule-detection"]["precision"] >= 0.9
    text = cli("eval", "--family", "rules")
    assert "rule-detection" in text.stdout and "precision" in text.stdout
