"""Which frozen held-out splits `guidecheck eval` scores: none by default, all with 1, or one fresh split by name."""

from __future__ import annotations

import pytest

from guidecheck.evaluate.contradictions_outside import HELDOUT_SPLITS, _splits


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ("dev",)),
        ("0", ("dev",)),
        ("1", ("dev", *HELDOUT_SPLITS)),
        ("heldout3", ("dev", "heldout3")),
        ("no-such-split", ("dev",)),
    ],
)
def test_eval_scores_only_the_held_out_splits_asked_for(monkeypatch, value, expected):
    if value is None:
        monkeypatch.delenv("GUIDECHECK_EVAL_HELDOUT", raising=False)
    else:
        monkeypatch.setenv("GUIDECHECK_EVAL_HELDOUT", value)
    assert _splits() == expected
