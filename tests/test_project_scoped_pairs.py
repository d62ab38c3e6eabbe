"""A deck's candidate pairs, and so its findings, do not depend on the other decks checked in the same run.

Rules of two projects (sibling folders, or two decks the ``decks`` setting names) are never compared, so they
must not take each other's places among a rule's nearest neighbours or in a capped blocking group either. An
org-wide audit that checks a hundred decks at once must report for each deck what checking it alone reports.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from guidecheck.index.pairs import candidate_pairs
from guidecheck.index.projects import project_scopes
from guidecheck.model import Location, Rule

DECK = Path(__file__).resolve().parent.parent / "guidelines" / "contradictions" / "summarization"


def _rule(i: int, path: str, text: str = "x") -> Rule:
    return Rule(id=f"R{i}", text=text, location=Location(path, i))


def _unit(rng: np.random.Generator, n: int, d: int = 32) -> np.ndarray:
    v = rng.standard_normal((n, d)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def _seen(report: dict, root: Path) -> list[str]:
    """What a user reads of the findings on deck/: check, place, message, confidence (rule ids are run-wide)."""
    keep = ("check", "path", "line", "related", "message", "confidence", "severity", "fix")
    out = []
    for f in report["findings"]:
        if f["path"].startswith(f"{root}/deck/"):
            out.append(json.dumps({k: f.get(k) for k in keep}, sort_keys=True).replace(f"{root}/", "ROOT/"))
    return sorted(out)


def test_a_deck_reports_the_same_alone_and_beside_copies_of_itself(tmp_path, check_json):
    alone, many = tmp_path / "alone", tmp_path / "many"
    shutil.copytree(DECK, alone / "deck")
    shutil.copytree(DECK, many / "deck")
    for n in range(12):  # twelve sibling projects whose rules are each rule's nearest neighbours by far
        shutil.copytree(DECK, many / f"copy{n:02}")
    by_itself = _seen(check_json(alone), alone)
    beside = _seen(check_json(many), many)
    assert any('"check": "CON' in f for f in by_itself)
    assert beside == by_itself


def test_rules_of_sibling_folders_are_never_paired_but_errata_below_a_deck_are():
    paths = ["a/guide.md", "a/guide.md", "a/updates/errata.md", "b/guide.md", "b/guide.md"]
    rules = [_rule(i, p) for i, p in enumerate(paths)]
    vectors = np.tile(_unit(np.random.default_rng(1), 1), (5, 1))  # every rule the same sentence
    got = {(p.a, p.b) for p in candidate_pairs(rules, vectors, 12, 0.5, scopes=project_scopes(paths))}
    assert got == {(0, 1), (0, 2), (1, 2), (3, 4)}


@pytest.mark.parametrize("ann_min_rules", [10_000, 2])
def test_a_rules_neighbours_come_from_its_own_project_exact_or_approximate(ann_min_rules):
    rng = np.random.default_rng(2)
    own = _unit(rng, 6)
    vectors = np.vstack([own, own + 0.01 * _unit(rng, 6), own])  # rows 12-17 copy rows 0-5 in project b
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    paths = ["a/x.md"] * 12 + ["b/x.md"] * 6
    rules = [_rule(i, p) for i, p in enumerate(paths)]
    scoped = candidate_pairs(rules, vectors, 1, 0.5, ann_min_rules, scopes=project_scopes(paths))
    got = {(p.a, p.b) for p in scoped}
    assert {(i, i + 6) for i in range(6)} <= got  # each rule's nearest in its own project, the twin
    assert all((a < 12) == (b < 12) for a, b in got)


def test_a_pairs_similarity_is_the_same_whichever_way_it_was_found():
    rng = np.random.default_rng(3)
    vectors = _unit(rng, 30)
    paths = ["a/x.md"] * 15 + ["b/x.md"] * 15
    rules = [_rule(i, p) for i, p in enumerate(paths)]
    for p in candidate_pairs(rules, vectors, 5, -1.0, scopes=project_scopes(paths)):
        assert p.similarity == float(
            np.float32(vectors[p.a].astype(np.float64) @ vectors[p.b].astype(np.float64))
        )
