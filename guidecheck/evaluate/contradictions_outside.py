"""Contradiction eval on text nobody in the project wrote: blind decks, blind pairs, real decks.

- Blind decks: guidelines/blind/<deck>/ with guidelines/labels/blind-contradictions.jsonl. A row labeled
  ``contradiction`` is gold; every contradiction finding that matches no gold row is a false positive. Recall
  per class; held-out decks only when ``GUIDECHECK_EVAL_HELDOUT=1`` (scored once, at the end of a piece of work).
  The splits ``heldout2`` and ``heldout3`` are the second and third frozen sets (new authors, new decks).
- Blind pairs: guidelines/labels/blind-pairs.jsonl, the same gate for its heldout split.
- Real decks (dev split): false contradictions per 20k words. Every contradiction finding counts as false unless
  it matches a contradiction a reader listed in guidelines/labels/real-parts/<folder>.problems.jsonl. Runs when
  the corpus folder exists (``GUIDECHECK_REALDECKS``, default ../shared/realdecks next to the checkout).
"""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path
from typing import Any

from .contradictions import _read_jsonl, _run_deck, gold_keys
from .contradictions_instructions import blind_instructions
from .metrics import normalise, prf
from .real import load_labels, realdecks_root, split_folders

HELDOUT_SPLITS = (
    "heldout",
    "heldout2",
    "heldout3",
    "heldout4",
    "heldout5",
    "heldout6",
    "heldout7",
    "heldout8",
    "heldout9",
    "heldout10",
    "heldout11",
    "heldout12",
    "heldout13",
    "heldout14",
    "heldout15",
    "heldout16",
    "heldout17",
    "heldout18",
    "heldout19",
    "heldout20",
    "heldout21",
    "heldout22",
    "heldout23",
    "heldout24",
    "heldout25",
    "heldout26",
    "heldout27",
    "heldout28",
    "heldout29",
    "heldout30",
    "heldout31",
    "heldout32",
    "heldout33",
    "heldout34",
    "heldout35",
    "heldout36",
    "heldout37",
    "heldout38",
    "heldout39",
    "heldout40",
    "heldout41",
    "heldout42",
    "heldout43",
    "heldout44",
    "heldout45",
    "heldout46",
    "heldout47",
    "heldout48",
    "heldout49",
)


def _splits() -> tuple[str, ...]:
    """Each held-out split is frozen and scored once, at the end of the round that added it: ``heldout`` (first
    contradiction round), ``heldout2`` (second), ``heldout3`` (third: two decks and a pair set by new blind
    authors), ``heldout4`` (fourth: task instructions by a new author), ``heldout5`` (fifth: task instructions and
    contract-clause pairs by two more authors), ``heldout6`` (sixth: the same again, two more authors),
    ``heldout7`` (seventh: two rater decks by two more authors), ``heldout8`` (eighth: a rater deck, task
    instructions and contract-clause pairs by three more authors), ``heldout9`` (ninth: two rater decks by two more
    authors), ``heldout10`` (tenth: the same again), ``heldout11`` (eleventh: four rater decks by four more
    authors), ``heldout12`` (twelfth: the same again), ``heldout13``
    (thirteenth: the same again), ``heldout14`` (fourteenth: the same again), ``heldout15`` (fifteenth: the same again), ``heldout16`` (sixteenth: the same again), ``heldout17``
    (seventeenth: the same again), ``heldout18`` (eighteenth: the same again), ``heldout19``
    (nineteenth: the same again), ``heldout20`` (twentieth: the same again), ``heldout21`` (twenty-first: the same
    again), ``heldout22`` (twenty-second: the same again), ``heldout23`` (twenty-third: the same
    again), ``heldout24`` (twenty-fourth: the same again), ``heldout25`` (twenty-fifth: the same
    again), ``heldout26`` (twenty-sixth: the same again), ``heldout27`` (twenty-seventh: the same again),
    ``heldout28`` (twenty-eighth: the same again), ``heldout29`` (twenty-ninth: the same again), ``heldout30`` (thirtieth: the same
    again), ``heldout31`` (thirty-first: the same again), ``heldout32`` (thirty-second: the same again),
    ``heldout33`` (thirty-third: the same again), ``heldout34`` (thirty-fourth: the same again),
    ``heldout35`` (thirty-fifth: the same again), ``heldout36`` (thirty-sixth: the same again), ``heldout37`` (thirty-seventh: the same again),
    ``heldout38`` (thirty-eighth: the same again), ``heldout39`` (thirty-ninth: the same again), ``heldout40`` (fortieth: the
    same again), ``heldout41`` (forty-first: the same again), ``heldout42`` (forty-second: the same again), ``heldout43`` (forty-third: the same again),
    ``heldout44`` (forty-fourth: the same again), ``heldout45`` (forty-fifth: the same again), ``heldout46`` (forty-sixth: the same again),
    ``heldout47`` (forty-seventh: the same again), ``heldout48`` (forty-eighth: the same again),
    ``heldout49`` (forty-ninth: the same again).
    ``GUIDECHECK_EVAL_HELDOUT=1`` scores all of them; a split's name (or several, comma-separated) scores only those, so a fresh split can be scored without re-reading
    the older ones, and the older ones without the fresh one."""
    chosen = os.environ.get("GUIDECHECK_EVAL_HELDOUT", "")
    if chosen == "1":
        return ("dev", *HELDOUT_SPLITS)
    names = {n.strip() for n in chosen.split(",")}
    return ("dev", *(s for s in HELDOUT_SPLITS if s in names))


def _con_pairs(result) -> set[frozenset[str]]:
    return {
        frozenset(f.rules) for f in result.findings if f.category == "contradiction" and len(f.rules) == 2
    }


def blind_decks(corpus: Path, split: str, notes: list[str]) -> dict[str, Any]:
    gold = [
        g for g in _read_jsonl(corpus / "labels" / "blind-contradictions.jsonl") if g.get("split") == split
    ]
    if not gold:
        return {}  # a split with no decks (held-out4 is task instructions only)
    by_deck: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g in gold:
        by_deck[g["deck"]].append(g)
    per_class: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # hits, n
    tp = fp = fn = 0
    for deck in sorted(by_deck):
        result = _run_deck(corpus / "blind" / deck)
        flagged = _con_pairs(result)
        planted: set[frozenset[str]] = set()
        for g in by_deck[deck]:
            keys = gold_keys(result.rules, g)
            hit = bool(keys & flagged)
            if g["label"] == "contradiction":
                planted |= keys
                per_class[g["class"]][0] += int(hit)
                per_class[g["class"]][1] += 1
                tp, fn = tp + int(hit), fn + int(not hit)
            elif hit:
                notes.append(f"blind {split} {deck}: consistent pair flagged ({g['class']}): {g['a'][1]!r}")
        extra = flagged - planted
        fp += len(extra)
        by_id = {r.id: r for r in result.rules}
        for key in sorted(extra, key=sorted)[:10]:
            notes.append(
                f"blind {split} {deck}: false contradiction: "
                + " / ".join(repr(by_id[i].text[:90]) for i in sorted(key))
            )
    out: dict[str, Any] = {f"blind-decks-{split}": prf(tp, fp, fn)}
    for cls, (hits, n) in sorted(per_class.items()):
        out[f"blind-decks-{split}-{cls}"] = {"recall": round(hits / n, 4) if n else 1.0, "tp": hits, "n": n}
    return out


def blind_pairs(corpus: Path, split: str, notes: list[str], name: str = "blind-pairs") -> dict[str, Any]:
    """A pair set read pair by pair: found when any reading of the two rules is decided a contradiction.
    ``name`` picks the set: blind-pairs (rater-deck rules), blind-clauses (contract-style clauses)."""
    from ..checks.common.relations.decide import decide
    from ..checks.common.relations.pairset import scored_pairs
    from ..checks.common.relations.scorer import features, scorer

    rows = [r for r in _read_jsonl(corpus / "labels" / f"{name}.jsonl") if r.get("split") == split]
    if not rows:
        return {}
    model = scorer()
    tp = fp = fn = 0
    per_class: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for sp in scored_pairs(rows, corpus):
        hit = False
        for inp, rel in sp.inputs:
            prob = float(model.probability(features(inp))[0])
            found = decide(inp, rel, prob, model.threshold, model.veto)
            hit = hit or bool(found and found.code.startswith("CON"))
        gold = sp.row["label"] == "contradiction"
        tp, fp, fn = tp + int(hit and gold), fp + int(hit and not gold), fn + int(gold and not hit)
        per_class[sp.row["class"]][0] += int(hit)
        per_class[sp.row["class"]][1] += 1
    out: dict[str, Any] = {f"{name}-{split}": prf(tp, fp, fn)}
    for cls, (flagged, n) in sorted(per_class.items()):
        out[f"{name}-{split}-{cls}"] = {"accuracy": None, "tp": flagged, "n": n}
    return out


def _listed(problems: list[dict[str, Any]], texts: list[str]) -> bool:
    got = [normalise(t) for t in texts]
    for p in problems:
        if p.get("type") != "contradiction":
            continue
        quotes = [normalise(p.get("quote_a", "")), normalise(p.get("quote_b", ""))]
        if all(any(q and (q in t or t in q) for t in got) for q in quotes):
            return True
    return False


def real_decks(corpus: Path, notes: list[str]) -> dict[str, Any]:
    root = realdecks_root(corpus)
    if not root.is_dir():
        notes.append(f"real decks not found at {root}; per-20k-words figure skipped")
        return {}
    false = words = listed = 0
    # the dev folders only: the held-out ones are never run or read here
    for folder in split_folders(load_labels(corpus), root, "dev"):
        problems = _read_jsonl(corpus / "labels" / "real-parts" / f"{folder}.problems.jsonl")
        result = _run_deck(root / folder)
        words += sum(d.words for d in result.documents)
        by_id = {r.id: r for r in result.rules}
        for f in result.findings:
            if f.category != "contradiction":
                continue
            texts = [by_id[i].text for i in f.rules if i in by_id]
            if _listed(problems, texts):
                listed += 1
            else:
                false += 1
                notes.append(f"real {folder}: false {f.check}: " + " / ".join(repr(t[:80]) for t in texts))
    notes.append(
        f"real dev decks: {false} false contradictions in {words} words = {20000 * false / max(words, 1):.2f} per 20k"
    )
    return {
        "real-dev-false-contradictions": {
            "fp": false,
            "tp": listed,
            "n": words,
            "per_1000_words": round(1000 * false / max(words, 1), 4),
        }
    }


def evaluate_outside(corpus: Path, notes: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for split in _splits():
        out.update(blind_decks(corpus, split, notes))
        out.update(blind_pairs(corpus, split, notes))
        out.update(blind_pairs(corpus, split, notes, "blind-clauses"))
        out.update(blind_instructions(corpus, split, notes))
    if os.environ.get("GUIDECHECK_EVAL_REAL", "1") == "1":
        out.update(real_decks(corpus, notes))
    return out


__all__ = ["blind_decks", "blind_pairs", "evaluate_outside", "real_decks"]
