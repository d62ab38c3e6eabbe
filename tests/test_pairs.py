"""Candidate pairs: top-k by blocked matrix products equals brute force, blocking keys add low-cosine pairs, and
large blocking groups stay bounded so a 40k-word deck pairs in well under a second."""

from __future__ import annotations

import time

import numpy as np

from guidecheck.index import pairs as pairs_mod
from guidecheck.index.pairs import blocking_keys, candidate_pairs, top_k_pairs
from guidecheck.model import Location, Quantity, Rule


def _unit(rng, n, d=384):
    v = rng.standard_normal((n, d)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def _rule(i, text="x", **kw):
    return Rule(id=f"R{i}", text=text, location=Location("deck.md", i), **kw)


def test_top_k_matches_brute_force_across_row_blocks(monkeypatch):
    rng = np.random.default_rng(0)
    base = _unit(rng, 40, 16)
    vectors = np.vstack([base, base + 0.05 * _unit(rng, 40, 16)])  # 40 near-twins
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    monkeypatch.setattr(pairs_mod, "ROW_BLOCK", 7)  # force several blocks
    got = top_k_pairs(vectors, 3, 0.5)
    sims = vectors @ vectors.T
    np.fill_diagonal(sims, -1)
    want = {}
    for i in range(len(vectors)):
        for j in np.argsort(-sims[i])[:3]:
            if sims[i, j] >= 0.5:
                want[(min(i, j), max(i, j))] = sims[i, j]
    assert set(got) == set(want)
    assert all(a < b for a, b in got)
    assert all((i, i + 40) in got for i in range(40))  # every twin found
    assert all(abs(got[k] - want[k]) < 1e-5 for k in got)


def test_blocking_keys_pair_rules_the_embeddings_miss():
    rules = [
        _rule(
            0,
            "Comments must be at least 50 words long.",
            object="50 word",
            quantities=[Quantity("length", ">=", 50, "word", text="at least 50 words")],
        ),
        _rule(
            1,
            "Keep it brief: under 40 words.",
            object="it",
            quantities=[Quantity("length", "<", 40, "word", text="under 40 words")],
        ),
        _rule(2, "Always include the determiners.", object="the determiners"),
        _rule(3, "Never include a determiner.", object="determiner"),
        _rule(4, "Rate it Did Not Load.", labels=["Did Not Load"]),
        _rule(5, "Use the label did-not-load.", labels=["did not load"]),
    ]
    vectors = np.eye(6, dtype=np.float32)  # orthogonal: no embedding pair at all
    got = {(p.a, p.b): p.reasons for p in candidate_pairs(rules, vectors, 4, 0.5)}
    assert got == {(0, 1): ["quantity:length"], (2, 3): ["object:determiner"], (4, 5): ["label:did not load"]}
    assert "object:it" not in blocking_keys(rules[1])  # generic heads never block


def test_large_blocking_group_is_bounded_and_fast():
    rng = np.random.default_rng(1)
    n = 3000
    rules = [_rule(i, object="the response") for i in range(n)]
    vectors = _unit(rng, n, 32)
    t = time.perf_counter()
    got = candidate_pairs(rules, vectors, 12, 0.55)
    elapsed = time.perf_counter() - t
    assert len(got) <= n * (12 + pairs_mod.GROUP_TOP)
    assert all(p.similarity >= pairs_mod.GROUP_FLOOR or "embedding" in p.reasons for p in got)
    assert elapsed < 2.0, elapsed


def test_an_act_reserved_to_a_group_is_paired_with_every_rule_naming_it():
    rules = [
        _rule(0, "Only QA leads can reopen a document after it has been submitted."),
        _rule(1, "Annotators can now reopen their own submitted documents for 24 hours."),
        _rule(2, "Changing a submitted score is reserved for QA reviewers."),
        _rule(3, "Open History and edit the rating yourself."),  # edit: a synonym of change
        _rule(4, "Read the whole lease before labeling."),
    ]
    vectors = np.eye(5, dtype=np.float32)  # orthogonal: no pair from the embeddings
    pairs = {(p.a, p.b): p.reasons for p in candidate_pairs(rules, vectors, k=2, threshold=0.5)}
    assert pairs == {(0, 1): ["reserved-act"], (2, 3): ["reserved-act"]}
