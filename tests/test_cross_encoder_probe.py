"""The cross-encoder probe (bench/cross_encoder_probe.py): held-out rows stay unread, the figures mean what the
results file says, and the shipped delta loads back onto the packaged base model."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

torch = pytest.importorskip("torch")
probe = pytest.importorskip("cross_encoder_probe")


def test_only_train_and_dev_rows_are_read_and_context_leads_the_sentence():
    train, ours, dev = probe.load_rows()
    assert {r["split"] for r in train} == {"train"} and {r["split"] for r in dev} == {"dev"}
    assert all(r["split"] == "train" for r in ours)
    row = {"a": "mention the price", "a_context": "Don't", "b": "x"}
    assert probe.side(row, "a") == "Don't: mention the price"
    assert probe.side({"b": "cold replies", "b_lead_in": "Avoid:"}, "b") == "Avoid: cold replies"


def test_threshold_at_precision_is_the_lowest_that_keeps_it():
    rows = [{"label": lab, "class": c} for lab, c in [("contradiction", "x")] * 9 + [("consistent", "y")] * 3]
    p = np.array([0.99, 0.98, 0.97, 0.96, 0.95, 0.94, 0.93, 0.92, 0.5, 0.91, 0.4, 0.3])
    got = probe.at_precision(rows, p)
    assert got["threshold"] == 0.5 and got["flagged_of_class"] == {"x": "9/9", "y": "1/3"}
    assert got["precision"] == 0.9 and got["recall"] == 1.0


def test_folds_are_disjoint_stratified_and_cover_every_row():
    rows = [{"class": c} for c in "aaaaabbbbbbbbbbccccc"]
    fs = probe.folds(rows)
    assert sorted(i for f in fs for i in f) == list(range(len(rows)))
    assert all(sum(rows[i]["class"] == "b" for i in f) == 2 for f in fs)


@pytest.mark.slow
def test_shipped_delta_loads_on_the_base_and_an_untrained_delta_is_the_base(tmp_path):
    from cross_encoder_model import CrossEncoder, base_path

    torch.set_num_threads(1)
    base = CrossEncoder(base_path()).eval()
    a, b = ["Never mention the price."], ["Always state the cost."]
    enc = base.tokenizer(a, b, return_tensors="pt")
    with torch.no_grad():
        ref = base.bert(**enc).last_hidden_state.mean(1)
        ours = base.head(ref)[:, 0]
        assert torch.allclose(base.upper(base.lower(a, b)), ours, atol=1e-4)
    meta = base.load_delta(probe.DELTA)
    assert meta["frozen_layers"] == 2 and probe.DELTA.stat().st_size < 8_000_000
    p = probe.score_texts(base, [*a, "Keep replies short."], [*b, "Use a friendly tone."])
    assert p.shape == (2,) and ((p > 0) & (p < 1)).all()
