"""Acceptance gates for the fast paths: ONNX encoder against torch, and ANN candidate pairs against exact ones.

1. Encoder: every rule of the bundled decks (what ``guidecheck rules guidelines/`` prints) is embedded with
   torch and with ONNX Runtime; the gate is cosine >= 0.995 on every rule.
2. Candidate pairs: for each bundled deck (each folder of guidelines/contradictions/ and guidelines/ambiguity/,
   and guidelines/ as one run) the candidate pairs from torch vectors and from ONNX vectors must be identical.
3. ANN: recall of the labeled contradiction pairs (guidelines/labels/contradictions.jsonl) among the candidate
   pairs, exact top-k against HNSW forced on (ann_min_rules=0), must be the same.

    python bench/parity.py            # writes bench/parity.json, exits 1 when a gate fails
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from guidecheck.cache import Cache  # noqa: E402
from guidecheck.config import load_config  # noqa: E402
from guidecheck.evaluate.metrics import normalise  # noqa: E402
from guidecheck.index.embed import PACKAGED_MODEL, MeanPoolingEncoder, resolve_model  # noqa: E402
from guidecheck.index.pairs import candidate_pairs  # noqa: E402
from guidecheck.ingest import read_paths  # noqa: E402
from guidecheck.rules import extract_rules  # noqa: E402

MIN_COSINE = 0.995
CORPUS = ROOT / "guidelines"


def deck_runs() -> dict[str, list]:
    """Rules per checked unit, extracted as `guidecheck check <unit>` would (bundled setup.cfg applies)."""
    units = {"guidelines": CORPUS}
    for family in ("contradictions", "ambiguity"):
        units.update({f"{family}/{d.name}": d for d in sorted((CORPUS / family).iterdir()) if d.is_dir()})
    out = {}
    for name, folder in units.items():
        config = load_config([str(folder)])
        out[name] = extract_rules(read_paths([str(folder)], config), config, Cache(None))
    return out


def pair_set(rules, vectors, ann_min_rules: int = 10**9) -> set[tuple[str, str]]:
    return {(rules[p.a].id, rules[p.b].id) for p in candidate_pairs(rules, vectors, 12, 0.55, ann_min_rules)}


def labeled_recall(unit: str, rules, pairs: set[tuple[str, str]]) -> tuple[int, int]:
    """Labeled contradictions whose two sides are some candidate pair (found, total) in one deck."""
    deck = unit.split("/", 1)[1]
    gold = [json.loads(x) for x in (CORPUS / "labels" / "contradictions.jsonl").read_text().splitlines() if x]
    found = total = 0
    for g in (g for g in gold if g["deck"] == deck and g["label"].startswith("CON")):

        def side(doc_text):
            doc, text = doc_text
            t = normalise(text)
            return {r.id for r in rules if r.path.endswith(doc) and t and (t in normalise(r.text))}

        a, b = side(g["a"]), side(g["b"])
        total += 1
        found += any((x, y) in pairs or (y, x) in pairs for x in a for y in b)
    return found, total


def main() -> int:
    from guidecheck.engines.onnx_encoder import OnnxEncoder

    path = Path(resolve_model(PACKAGED_MODEL))
    torch_enc = MeanPoolingEncoder(path)
    with tempfile.TemporaryDirectory() as tmp:
        onnx_enc = OnnxEncoder(path, Path(tmp))
        runs = deck_runs()
        report: dict = {"units": {}, "min_cosine": 1.0, "rules": len(runs["guidelines"])}
        ok = True
        for unit, rules in runs.items():
            texts = [r.text for r in rules]
            vt, vo = torch_enc.encode(texts), onnx_enc.encode(texts)
            cos = float((vt * vo).sum(1).min()) if texts else 1.0
            exact_t, exact_o, ann = pair_set(rules, vt), pair_set(rules, vo), pair_set(rules, vt, 0)
            entry = {
                "rules": len(rules),
                "min_cosine": round(cos, 6),
                "pairs_torch": len(exact_t),
                "pairs_identical": exact_t == exact_o,
                "pairs_ann": len(ann),
                "ann_pairs_in_exact": round(len(ann & exact_t) / max(1, len(exact_t)), 4),
            }
            if unit.startswith("contradictions/"):
                entry["labeled_recall_exact"] = labeled_recall(unit, rules, exact_t)
                entry["labeled_recall_ann"] = labeled_recall(unit, rules, ann)
                ok &= entry["labeled_recall_exact"] == entry["labeled_recall_ann"]
            ok &= cos >= MIN_COSINE and entry["pairs_identical"]
            report["min_cosine"] = min(report["min_cosine"], entry["min_cosine"])
            report["units"][unit] = entry
            print(unit, entry, file=sys.stderr)
    report["passed"] = bool(ok)
    (ROOT / "bench" / "parity.json").write_text(json.dumps(report, indent=2, sort_keys=True) + "\n")
    print("parity:", "passed" if ok else "FAILED", f"(min cosine {report['min_cosine']})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
