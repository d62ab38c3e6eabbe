"""Contradiction eval: findings on the labeled decks, and the relation classifier on a labeled pair set.

Decks: guidelines/contradictions/<deck>/ (each checked as one guideline set), gold pairs in
guidelines/labels/contradictions.jsonl ({"deck", "a": [doc, text], "b": [doc, text], "label"}), where the label is
a check code (CON001 ...) or exception / override / duplicate / compatible. Every contradiction finding that does
not match a gold contradiction pair counts as a false positive, labeled or not.

Pairs: guidelines/labels/contradiction-pairs.jsonl ({"a", "b", "label", optional "a_lead_in"/"b_lead_in"}): each
side is written as a tiny Markdown document, parsed with the real extractor, embedded, and related directly.
"""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from .metrics import accuracy, normalise, prf


def _contradiction_codes() -> tuple[str, ...]:
    """Every registered contradiction check the labeled decks can score (derived from the registry)."""
    from ..checks import all_checks

    return tuple(
        c.code
        for c in all_checks()
        if c.category == "contradiction" and not getattr(c, "needs_user_model", False)
    )


CODES = _contradiction_codes()
REL_LABEL = {"REL001": "exception", "REL002": "override", "REL003": "duplicate"}
NEGATIVE = ("exception", "override", "duplicate", "compatible", "none")


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _matches(rule, doc: str, text: str) -> bool:
    if not (rule.path == doc or rule.path.endswith("/" + doc)):
        return False
    r, g = normalise(rule.text), normalise(text)
    return bool(r) and (r == g or r in g or g in r)


def _side_ids(rules, doc: str, text: str) -> set[str]:
    """Rules of the gold side. A gold example block matches its sentences; a short sentence such as "Rating: 3."
    that several examples share only counts where the block's longest sentence is."""
    found = [r for r in rules if _matches(r, doc, text)]
    if len({(r.location.line, r.location.page, r.location.slide) for r in found}) > 1:
        anchor = max(found, key=lambda r: len(r.text)).location
        found = [
            r
            for r in found
            if (r.location.line, r.location.page, r.location.slide)
            == (anchor.line, anchor.page, anchor.slide)
        ]
    return {r.id for r in found}


def gold_keys(rules, row: dict[str, Any]) -> set[frozenset[str]]:
    """The rule-id pairs a gold row names: every extracted rule of side a with every one of side b."""
    ia, ib = _side_ids(rules, *row["a"]), _side_ids(rules, *row["b"])
    return {frozenset((x, y)) for x in ia for y in ib if x != y}


def _run_deck(folder: Path):
    from ..config import load_config
    from ..pipeline import run

    config = load_config([str(folder)])
    return run([str(folder)], config, only_checks=["CON", "REL"])


def _gold_and_found(deck: str, gold: list[dict[str, Any]], result, notes: list[str]):
    """The gold rows with the rule-id pairs they name, and the pairs each check reported."""
    gold_pairs = []
    for g in gold:
        if not _side_ids(result.rules, *g["a"]) or not _side_ids(result.rules, *g["b"]):
            notes.append(f"{deck}: gold rule not extracted: {g['a'][1]!r} / {g['b'][1]!r}")
        gold_pairs.append((g, gold_keys(result.rules, g)))
    found: dict[str, set[frozenset[str]]] = defaultdict(set)
    for f in result.findings:
        if len(f.rules) == 2:
            found[f.check].add(frozenset(f.rules))
    return gold_pairs, found


def _false_positives(deck: str, rules, gold_pairs, found, counts, notes: list[str]) -> None:
    """Per-check false positives: findings of a check that match no gold pair of that check."""
    by_id = {r.id: r for r in rules}
    for code in CODES:
        gold_keys = set().union(set(), *(k for g, k in gold_pairs if g["label"] == code))
        for key in found[code] - gold_keys:
            counts[code][1] += 1
            if not any(key in k for g, k in gold_pairs):
                texts = " / ".join(repr(by_id[i].text) for i in sorted(key))
                notes.append(f"{deck}: unlabeled {code} finding: {texts}")


def _tricky(neg_flagged: int, neg_n: int, notes: list[str]) -> dict[str, Any]:
    """Share of the labeled non-contradictions (exceptions, updates, compatible pairs) reported as conflicts."""
    rate = neg_flagged / neg_n if neg_n else 0.0
    notes.insert(0, f"tricky negatives flagged as contradictions: {neg_flagged}/{neg_n} = {100 * rate:.1f}%")
    return {"fp": neg_flagged, "n": neg_n, "fp_rate": round(rate, 4), "accuracy": round(1 - rate, 4)}


def _deck_scores(corpus: Path, gold: list[dict[str, Any]], notes: list[str]) -> dict[str, Any]:
    by_deck: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g in gold:
        by_deck[g["deck"]].append(g)
    counts = {c: [0, 0, 0] for c in CODES + tuple(REL_LABEL)}
    overall = [0, 0, 0]
    neg_flagged = neg_n = 0
    for deck in sorted(by_deck):
        folder = corpus / "contradictions" / deck
        if not folder.is_dir():
            notes.append(f"deck folder missing: {folder}")
            continue
        result = _run_deck(folder)
        rules = result.rules
        gold_pairs, found = _gold_and_found(deck, by_deck[deck], result, notes)
        flagged = set().union(set(), *(found[c] for c in found if c.startswith("CON")))
        for g, keys in gold_pairs:
            label = g["label"]
            hit_any = bool(keys & flagged)
            if label in CODES:
                overall[0 if hit_any else 2] += 1
                if keys & found[label]:
                    counts[label][0] += 1
                else:
                    counts[label][2] += 1
                    notes.append(
                        f"{deck}: missed {label}: {g['a'][1]!r} vs {g['b'][1]!r}"
                        + (
                            f" (found as {', '.join(sorted(c for c in found if keys & found[c]))})"
                            if hit_any
                            else ""
                        )
                    )
            else:
                neg_n += 1
                if hit_any:
                    neg_flagged += 1
                    codes = sorted(c for c in found if c.startswith("CON") and keys & found[c])
                    notes.append(
                        f"{deck}: tricky negative ({label}) flagged as {', '.join(codes)}: "
                        f"{g['a'][1]!r} vs {g['b'][1]!r}"
                    )
            for code, rel in REL_LABEL.items():
                if keys & found[code]:
                    counts[code][0 if label == rel else 1] += 1
                elif label == rel:
                    counts[code][2] += 1
                    notes.append(f"{deck}: {label} not reported as {code}: {g['a'][1]!r} vs {g['b'][1]!r}")
        _false_positives(deck, rules, gold_pairs, found, counts, notes)
        overall[1] += len(flagged - set().union(set(), *(k for g, k in gold_pairs if g["label"] in CODES)))
    metrics: dict[str, Any] = {"overall": prf(*overall)}
    for code in CODES:
        metrics[code] = prf(*counts[code])
    for code in REL_LABEL:
        metrics[f"{code}-{REL_LABEL[code]}"] = prf(*counts[code])
    metrics["tricky-negatives-fp-rate"] = _tricky(neg_flagged, neg_n, notes)
    return metrics


def _pair_docs(pairs: list[dict[str, Any]], folder: Path) -> list[Path]:
    paths = []
    for n, p in enumerate(pairs):
        for side in ("a", "b"):
            lead = p.get(f"{side}_lead_in")
            body = f"{lead}\n\n- {p[side]}\n" if lead else f"{p[side]}\n"
            if p[side].lower().startswith("example"):
                body = f"## Examples\n\n{body}"  # as in a deck: worked examples sit under an Examples heading
            path = folder / f"p{n:04d}{side}.md"
            path.write_text(body, encoding="utf-8")
            paths.append(path)
    return paths


def _pair_scores(corpus: Path, pairs: list[dict[str, Any]], notes: list[str]) -> dict[str, Any]:
    from ..cache import Cache
    from ..checks.common.relations.claims import build_claim
    from ..checks.common.relations.deck_readers import deck_relations
    from ..checks.common.relations.relate import relate
    from ..config import load_config
    from ..index.embed import Embedder
    from ..ingest import read_document
    from ..rules import extract_rules

    config = load_config([str(corpus)])
    cache = Cache(config.cache_path())
    with tempfile.TemporaryDirectory() as tmp:
        paths = _pair_docs(pairs, Path(tmp))
        docs = [read_document(p, display=p.name) for p in paths]
        rules = extract_rules(docs, config, cache)
    sides: dict[str, list] = defaultdict(list)
    for r in rules:
        sides[r.path].append(r)
    vectors = Embedder(config.embedding_model, cache, config.allow_network).encode([r.text for r in rules])
    row = {r.id: i for i, r in enumerate(rules)}
    tp = fp = fn = 0
    correct = 0
    for n, p in enumerate(pairs):
        ra, rb = sides.get(f"p{n:04d}a.md", []), sides.get(f"p{n:04d}b.md", [])
        predicted = "none"
        rels = []
        fa, fb = [build_claim(x) for x in ra], [build_claim(y) for y in rb]
        for x, fx in zip(ra, fa):
            for y, fy in zip(rb, fb):
                rel = relate(fx, fy, float(vectors[row[x.id]] @ vectors[row[y.id]]))
                rels += [rel] if rel else []
        rels += deck_relations(fa + fb)
        codes = [r.code for r in rels]
        con = sorted(c for c in codes if c.startswith("CON"))
        predicted = (
            con[0]
            if con
            else next((REL_LABEL[c] for c in ("REL002", "REL001", "REL003") if c in codes), "none")
        )
        gold = p["label"]
        is_con, pred_con = gold in CODES, predicted in CODES
        if is_con and pred_con:
            tp += 1
        elif pred_con:
            fp += 1
            notes.append(f"pair false positive {predicted} (gold {gold}): {p['a']!r} / {p['b']!r}")
        elif is_con:
            fn += 1
            notes.append(f"pair missed {gold} (got {predicted}): {p['a']!r} / {p['b']!r}")
        if predicted == gold or (gold in ("compatible", "none") and predicted in ("none",)):
            correct += 1
    return {"pairs": prf(tp, fp, fn), "pairs-label-accuracy": accuracy(correct, len(pairs))}


def evaluate(corpus: Path) -> dict[str, Any]:
    notes: list[str] = []
    gold = _read_jsonl(corpus / "labels" / "contradictions.jsonl")
    metrics = _deck_scores(corpus, gold, notes) if gold else {}
    pairs = _read_jsonl(corpus / "labels" / "contradiction-pairs.jsonl")
    if pairs:
        metrics.update(_pair_scores(corpus, pairs, notes))
    from .contradictions_outside import evaluate_outside

    metrics.update(evaluate_outside(corpus, notes))
    return {"metrics": metrics, "notes": notes}
