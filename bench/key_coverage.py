"""How much of the text that matters does rule extraction see?

1. Blind dev answer keys: every sentence named by a row of guidelines/labels/blind-contradictions.jsonl with
   "split": "dev" is looked up among the rules extracted from its deck (guidelines/blind/<deck>), with the same
   matching the contradiction eval uses (``_side_ids``). A sentence counts as covered when a rule (not an example)
   matches it. The held-out rows and decks are never read beyond their split field.
2. ``--real``: rules per 1,000 words on the real decks (../shared/realdecks), per split of
   guidelines/labels/real.jsonl; ``--dump FILE`` writes the rule texts of the dev folders, so that two runs
   (before / after a change) can be compared with ``--new BEFORE AFTER`` (a seeded sample of new rules).

    python bench/key_coverage.py [--missing]
    python bench/key_coverage.py --real [--dump rules.json]
    python bench/key_coverage.py --new before.json after.json [--sample 20] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "guidelines"


def _extract(folder: Path):
    """(documents, rules) of one deck folder, extracted without any cache."""
    from guidecheck.cache import Cache
    from guidecheck.config import load_config
    from guidecheck.ingest import read_paths
    from guidecheck.rules import extract_rules

    cfg = load_config([str(folder)], None, {"cache_dir": "off"})
    docs = read_paths([str(folder)], cfg)
    return docs, extract_rules(docs, cfg, Cache(cfg.cache_path()))


def _dev_rows() -> list[dict]:
    path = CORPUS / "labels" / "blind-contradictions.jsonl"
    rows = (json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip())
    return [r for r in rows if r.get("split") == "dev"]


def key_coverage(show_missing: bool) -> dict:
    """Per deck: key sentences, covered by a rule, matched only by an example, not extracted."""
    from guidecheck.evaluate.contradictions import _side_ids

    by_deck: dict[str, set[tuple[str, str]]] = {}
    for row in _dev_rows():
        by_deck.setdefault(row["deck"], set()).update({tuple(row["a"]), tuple(row["b"])})
    total = {"n": 0, "rule": 0, "example": 0}
    for deck in sorted(by_deck):
        _, rules = _extract(CORPUS / "blind" / deck)
        plain = [r for r in rules if not r.is_example]
        counts = {"n": 0, "rule": 0, "example": 0}
        for doc, text in sorted(by_deck[deck]):
            counts["n"] += 1
            if _side_ids(plain, doc, text):
                counts["rule"] += 1
            elif _side_ids(rules, doc, text):
                counts["example"] += 1
                if show_missing:
                    print(f"  [example] {deck}/{doc}: {text}")
            elif show_missing:
                print(f"  [missing] {deck}/{doc}: {text}")
        print(f"{deck:32} {counts['rule']:3}/{counts['n']:<3} rules  {counts['example']:2} only as example")
        for k in total:
            total[k] += counts[k]
    share = total["rule"] / total["n"] if total["n"] else 0.0
    print(
        f"{'dev key sentences':32} {total['rule']:3}/{total['n']:<3} = {100 * share:.1f}% extracted as rules"
    )
    return total


def real_rates(dump: str | None) -> dict:
    """Rules (examples excluded) per 1,000 words on each split of the real decks."""
    from guidecheck.evaluate.real import load_labels, realdecks_root, split_folders

    root = realdecks_root(CORPUS)
    labels = load_labels(CORPUS)
    texts: dict[str, list[str]] = {}
    out = {}
    for split in ("dev", "heldout"):
        words = n = 0
        for folder in split_folders(labels, root, split):
            docs, rules = _extract(root / folder)
            plain = [r for r in rules if not r.is_example]
            words += sum(d.words for d in docs)
            n += len(plain)
            if split == "dev":
                texts[folder] = [r.text for r in plain]
        rate = 1000 * n / words if words else 0.0
        out[split] = {"rules": n, "words": words, "per_1000_words": round(rate, 2)}
        print(f"real decks ({split}): {n} rules in {words} words = {rate:.2f} per 1,000 words")
    if dump:
        Path(dump).write_text(json.dumps(texts, indent=1, ensure_ascii=False), "utf-8")
    return out


def new_rules(before: str, after: str, sample: int, seed: int) -> None:
    """A seeded sample of rule texts the second dump has and the first has not (per folder, as a multiset)."""
    a = json.loads(Path(before).read_text("utf-8"))
    b = json.loads(Path(after).read_text("utf-8"))
    added, removed = [], 0
    for folder, texts in b.items():
        old = list(a.get(folder, []))
        for t in texts:
            if t in old:
                old.remove(t)
            else:
                added.append((folder, t))
        removed += len(old)
    print(f"new rules: {len(added)}, rules no longer extracted: {removed}")
    for folder, text in random.Random(seed).sample(added, min(sample, len(added))):
        print(f"- [{folder}] {text}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--missing", action="store_true", help="list dev key sentences not extracted as rules")
    ap.add_argument("--real", action="store_true", help="rules per 1,000 words on the real decks")
    ap.add_argument("--dump", help="with --real: write the dev folders' rule texts to this JSON file")
    ap.add_argument("--new", nargs=2, metavar=("BEFORE", "AFTER"), help="sample rules new in AFTER")
    ap.add_argument("--sample", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    print(f"load average {os.getloadavg()[0]:.2f}", file=sys.stderr)
    if args.new:
        new_rules(*args.new, args.sample, args.seed)
    elif args.real:
        real_rates(args.dump)
    else:
        key_coverage(args.missing)


if __name__ == "__main__":
    main()
