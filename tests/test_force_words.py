"""Force words live in one data file (data/modality.toml); contradiction cues, restatements and report marks read it."""

from __future__ import annotations

import pytest

from guidecheck import force_words as fw
from guidecheck.checks.common.relations.claims import build_claim
from guidecheck.checks.common.restatements import strip_modality
from guidecheck.model import Location, Rule
from guidecheck.report import view


def test_every_phrase_is_listed_once_under_one_force():
    phrases = [p for p, _, _ in fw._entries()]
    assert len(phrases) == len(set(phrases))
    assert {f for _, f, _ in fw._entries()} <= set(fw.FORCES)
    for use in fw.USES:
        assert fw.force_words(use), use


def test_report_marks_the_first_force_word_by_priority():
    # "must not" outranks "not" and "only"; "must" outranks "always" (the order in data/modality.toml).
    pair = {"rules": ["R1", "R2"], "spans": []}
    rule = {"id": "R1", "text": "Only quote sources you must not paraphrase.", "kind": "prohibition"}
    assert [p for p, m in view.highlight(pair, rule) if m] == ["must not"]
    rule = {"id": "R1", "text": "Always cite, and you must cite twice.", "kind": "obligation"}
    assert [p for p, m in view.highlight(pair, rule) if m] == ["must"]


def test_restatements_compare_rules_without_their_strength_words():
    assert strip_modality("We recommend that you cite the source.") == "cite the source."
    assert strip_modality("Raters must not skip items.") == strip_modality("Raters should not skip items.")


@pytest.mark.parametrize(
    ("text", "deontic", "cue"),
    [
        ("Bullet points are not allowed in summaries.", "F", "are not allowed"),
        ("Be sure to cite the source.", "O", "be sure to"),
        ("It is fine to add the date.", "P", "it is fine to"),
        ("Refrain from guessing the author.", "F", "refrain from"),
        ("Feel free to add a note.", "P", "feel free to"),
    ],
)
def test_contradiction_cues_come_from_the_same_list(text, deontic, cue):
    claim = build_claim(Rule("R1", text, Location("deck/guide.md"), kind="statement"))
    assert claim.deontic == deontic
    assert text[claim.cue[0] : claim.cue[1]].lower() == cue
