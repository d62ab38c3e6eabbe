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
        ("heldout9,heldout3", ("dev", "heldout3", "heldout9")),
    ],
)
def test_eval_scores_only_the_held_out_splits_asked_for(monkeypatch, value, expected):
    if value is None:
        monkeypatch.delenv("GUIDECHECK_EVAL_HELDOUT", raising=False)
    else:
        monkeypatch.setenv("GUIDECHECK_EVAL_HELDOUT", value)
    assert _splits() == expected


def test_instruction_keys_quote_their_files_and_split_by_author():
    """Every conflict row of the blind instruction set names two sentences found verbatim in its prompt; the
    dev and held-out splits come from different authors (file prefixes)."""
    import json
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    rows = [json.loads(line) for line in (root / "guidelines/labels/blind-instructions.jsonl").open()]
    assert {r["split"] for r in rows} == {"dev", "heldout4", "heldout5", "heldout6", "heldout8"}
    for row in rows:
        text = (root / "evalsets/instructions" / row["deck"] / "instruction.md").read_text(encoding="utf-8")
        if row["label"] == "contradiction":
            assert row["a"][1] in text and row["b"][1] in text, row["deck"]
    splits = ("dev", "heldout4", "heldout5", "heldout6", "heldout8")
    prefixes = {s: {r["deck"][:2] for r in rows if r["split"] == s} for s in splits}
    for n, a in enumerate(splits):
        for b in splits[n + 1 :]:
            assert prefixes[a].isdisjoint(prefixes[b]), (a, b)


def test_clause_keys_split_by_author():
    """The contract-clause pair set: dev and the frozen held-out split come from two authors (id prefixes)."""
    import json
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    rows = [json.loads(line) for line in (root / "guidelines/labels/blind-clauses.jsonl").open()]
    splits = ("dev", "heldout5", "heldout6", "heldout8")
    by_split = {s: {r["id"][:2] for r in rows if r["split"] == s} for s in splits}
    assert by_split == {"dev": {"ce"}, "heldout5": {"cf"}, "heldout6": {"cg"}, "heldout8": {"c8"}}
    assert {r["label"] for r in rows} == {"contradiction", "consistent", "unrelated"}


def test_blind_deck_keys_quote_their_files():
    """Every row of the blind deck key names two sentences that its deck's files hold, as the reader reads them
    (HTML without tags, DOCX paragraphs), so a gold pair is never missed because its text is not there."""
    import json
    from pathlib import Path

    from guidecheck.evaluate.metrics import normalise
    from guidecheck.ingest import read_document

    root = Path(__file__).resolve().parents[1]
    rows = [json.loads(line) for line in (root / "guidelines/labels/blind-contradictions.jsonl").open()]
    texts: dict[Path, str] = {}
    for row in rows:
        for name, sentence in (row["a"], row["b"]):
            path = root / "guidelines/blind" / row["deck"] / name
            if path not in texts:
                doc = read_document(path, display=name)
                texts[path] = normalise(" ".join(b.text for b in doc.blocks))
            assert normalise(sentence) in texts[path], (row["deck"], name, sentence)
