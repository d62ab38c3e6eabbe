"""The real-deck eval: how blind verdicts and blind-listed problems turn into precision and recall."""

from __future__ import annotations

import json
import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from guidecheck.evaluate import real


def _finding(check, rules, verdict=None, folder="deck-a", message=""):
    return {
        "folder": folder,
        "check": check,
        "fingerprint": check + str(len(rules)),
        "message": message,
        "rules": rules,
        "verdict": verdict,
    }


PROBLEMS = [
    {
        "id": "P1",
        "folder": "deck-a",
        "type": "contradiction",
        "quote_a": "Always rate a reply with a factual error 2 or lower.",
        "quote_b": "A reply with a small factual slip can still earn a 4.",
    },
    {
        "id": "P2",
        "folder": "deck-a",
        "type": "undefined-label",
        "quote_a": "Mark such clips as NOISY.",
        "note": "label=NOISY; never defined",
    },
    {
        "id": "P3",
        "folder": "deck-a",
        "type": "vague-criterion",
        "quote_a": "Skip the clip if the speech is hard to follow.",
    },
]


def test_contradiction_is_found_only_when_both_sides_are_quoted():
    one_side = _finding("CON002", ["Always rate a reply with a factual error 2 or lower."])
    both = _finding(
        "CON002",
        [
            "Always rate a reply with a factual error 2 or lower.",
            "A reply with a small factual slip can still earn a 4.",
        ],
    )
    assert not real._finds(PROBLEMS[0], one_side)
    assert real._finds(PROBLEMS[0], both)
    assert not real._finds(PROBLEMS[0], dict(both, check="AMB001"))  # wrong kind of check


def test_undefined_label_is_matched_by_name_and_vague_criterion_by_sentence():
    assert real._finds(
        PROBLEMS[1], _finding("LAB001", ["Mark such clips as NOISY."], message="Label 'NOISY' is used")
    )
    assert not real._finds(PROBLEMS[1], _finding("LAB001", ["x"], message="Label 'CLEAN' is used"))
    assert real._finds(PROBLEMS[2], _finding("AMB001", ["Skip the clip if the speech is hard to follow"]))


def test_a_finding_that_quotes_no_rule_is_matched_by_the_sentence_it_points_at():
    """A sentence without a rule (a count announced, a 'may' in prose) is where the finding is; its text, not
    the empty rule list, is what a listed problem's quote is compared with."""
    at_line = dict(_finding("AMB005", []), located=["Skip the clip if the speech is hard to follow."])
    assert real._finds(PROBLEMS[2], at_line)
    assert not real._finds(PROBLEMS[2], _finding("AMB005", []))


def test_only_the_sentence_a_finding_quotes_or_its_line_is_its_place(tmp_path):
    from guidecheck.model import Block, Document, Finding, Location

    where = Location(str(tmp_path / "g.md"), line=3)
    doc = Document(where.path, "markdown", blocks=[Block("We distinguish 3 cases:", "paragraph", where)])
    page_only = Location(where.path, page=2)

    findings = [
        Finding("LAB006-1", "LAB006", "labels", "warning", 0.8, "announces 3 cases", [], "f1", where),
        Finding("AMB005-1", "AMB005", "ambiguity", "info", 0.7, 'may. ("It may rain.")', [], "f2", where),
        Finding("AMB006-1", "AMB006", "ambiguity", "info", 0.7, "'some' is vague", [], "f3", page_only),
    ]
    result = SimpleNamespace(documents=[doc], rules=[], findings=findings)

    rows = real._finding_rows(result, "deck")
    assert [r["located"] for r in rows] == [["We distinguish 3 cases:"], ["It may rain."], []]


def test_score_split_reports_precision_over_judged_and_opt_in_checks_apart():
    findings = [
        _finding("CON002", [PROBLEMS[0]["quote_a"], PROBLEMS[0]["quote_b"]], "useful"),
        _finding("CON004", ["a", "b"], "wrong"),
        _finding("AMB005", ["The clip may contain noise."], "wrong"),  # opt-in in data/policy.toml
        _finding("AMB001", ["Skip the clip if the speech is hard to follow"], None),
    ]
    out = real.score_split(findings, PROBLEMS, words=2000)
    assert out["default"]["findings"] == 2 and out["default"]["precision"] == 0.5
    assert out["default"]["per_1000_words"] == 1.0
    assert out["default"]["found_ids"] == ["P1"]
    assert out["all"]["found_ids"] == ["P1", "P3"] and out["all"]["unjudged"] == 1
    assert out["checks"]["AMB005"]["on_by_default"] is False
    assert out["default"]["recall_by_type"]["contradiction"] == 1.0


def test_verdicts_survive_a_fingerprint_change():
    labels = [
        {
            "kind": "judgment",
            "doc": "deck-a/x.md",
            "check": "CON001",
            "fingerprint": "old",
            "rules": ["Never cite sources.", "Cite every source."],
            "verdict": "useful",
        }
    ]
    verdicts = real._verdicts(labels)
    moved = _finding("CON001", ["Cite every source.", "Never cite sources."])
    moved["fingerprint"] = "new"
    assert real._verdict(moved, verdicts) == "useful"


REALDECKS = real.realdecks_root(Path(__file__).resolve().parent.parent / "guidelines")


@pytest.mark.slow
@pytest.mark.skipif(not REALDECKS.is_dir(), reason="../shared/realdecks is not beside this checkout")
def test_eval_on_one_real_deck(tmp_path, monkeypatch):
    """End to end on the smallest dev deck: every finding is scored, the held-out decks are not touched."""
    corpus = tmp_path / "guidelines"
    (corpus / "labels").mkdir(parents=True)
    rows = [
        json.loads(x)
        for x in (Path(__file__).resolve().parent.parent / "guidelines" / real.LABELS)
        .read_text("utf-8")
        .splitlines()
        if x.strip()
    ]
    keep = [r for r in rows if r["doc"].startswith("marco-dialog-human-eval/")]
    (corpus / real.LABELS).write_text("".join(json.dumps(r) + "\n" for r in keep), "utf-8")
    monkeypatch.setenv("GUIDECHECK_REALDECKS", str(REALDECKS))
    res = real.evaluate(corpus, splits=("dev",))
    dev = res["splits"]["dev"]
    assert dev["decks"] == ["marco-dialog-human-eval"] and dev["words"] > 500
    assert dev["all"]["problems"] == sum(1 for r in keep if r["kind"] == "problem")
    assert "heldout" not in res["splits"]
    assert os.environ["GUIDECHECK_REALDECKS"] == str(REALDECKS)


def test_label_findings_match_the_label_the_reader_named():
    problem = {
        "id": "P9",
        "folder": "deck-a",
        "type": "inconsistent-label",
        "quote_a": "Mark it as [side noise].",
        "quote_b": "",
        "note": "The tag list defines [side-noise].",
    }
    assert real._finds(
        problem, _finding("TERM001", [], message="'[side noise]' is another spelling of '[side-noise]'")
    )
    assert not real._finds(
        problem, _finding("TERM001", [], message="'[laugh]' is another spelling of '[laughs]'")
    )


def test_the_labels_file_is_the_merge_of_the_readers_parts():
    """guidelines/labels/real.jsonl must be what guidelines/src/real_labels.py writes from the parts, so a verdict
    added to a part is scored and nothing is scored that no part holds."""
    import importlib.util

    root = Path(__file__).resolve().parents[1] / "guidelines"
    spec = importlib.util.spec_from_file_location("real_labels", root / "src" / "real_labels.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    merged = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in module.merged_rows()]
    assert merged == (root / "labels" / "real.jsonl").read_text("utf-8").splitlines()
    assert all(r.get("kind") in ("problem", "judgment") for r in module.merged_rows())
