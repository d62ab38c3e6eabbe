"""Run the relation classifier once per run and share the result with every check that needs it."""

from __future__ import annotations

import json

import numpy as np

from ....cache import key
from ....index import Index
from ...base import CheckContext
from ..deck import same_project
from .claims import Claim, build_claim
from .decide import Scoring
from .deck_readers import deck_relations
from .lexicon import jaccard, lexicon
from .output_pairs import remembered_output_candidates
from .readings import READINGS, Readings, read_rules
from .relate import Relation, rubric_aliases
from .text import quoted
from .verdicts import VerdictTable, table_relations, uncached_pairs


def claims_of(index: Index) -> list[Claim]:
    """Every rule as a claim, in the index's order (pairs refer to rules by position)."""
    return [build_claim(r) for r in index.rules]


def _nli_relations(index: Index, claims: list[Claim], taken: set[tuple[str, str]], config) -> list[Relation]:
    """CON009: candidate pairs the claims did not explain, judged by the configured NLI model."""
    from ....index.nli import NLIScorer

    th = lexicon().thresholds
    todo = []
    for pair in index.pairs:
        fa, fb = claims[pair.a], claims[pair.b]
        if (fa.rule.id, fb.rule.id) in taken or fa.rule.is_example or fb.rule.is_example:
            continue
        if not same_project(fa.rule, fb.rule):
            continue
        if fa.rule.kind == "rubric" or fb.rule.kind == "rubric" or pair.similarity < th["nli_min_cosine"]:
            continue
        todo.append((fa, fb, pair.similarity))
    if not todo:
        return []
    cache = index.embedder.cache if index.embedder is not None else None
    scorer = NLIScorer(config.nli_model, cache, config.allow_network)
    probs = scorer.contradiction([(fa.text, fb.text) for fa, fb, _ in todo])
    out = []
    for (fa, fb, sim), p in zip(todo, probs):
        if p < th["nli_contradiction"]:
            continue
        if fa.exception or fb.exception or fa.update or fb.update:
            continue
        if fa.condition and fb.condition and jaccard(fa.condition, fb.condition) < th["same_condition"]:
            continue
        out.append(
            Relation(
                "CON009",
                fa.rule,
                fb.rule,
                round(min(0.95, p * (0.7 + 0.3 * sim)), 3),
                f"The NLI model reads {quoted(fa.text)} and {quoted(fb.text)} as contradicting each other "
                f"(p = {p:.2f}).",
                evidence={"nli": round(p, 4)},
            )
        )
    return out


def _encoder(index: Index):
    """The run's embedder (its cache serves texts seen before); without one, neutral propositions compare as 0."""
    if index.embedder is not None:
        return index.embedder.encode
    return lambda texts: np.zeros((len(texts), 1))


def relations(ctx: CheckContext) -> list[Relation]:
    """Every relation between the rules of this run, computed by the first check that asks."""
    return ctx.derived("relations", lambda c: _classify(c.index, c.config, readings(c)))


def readings(ctx: CheckContext) -> Readings:
    """The rules' digests and claims: built by the pipeline while the rules were embedded (``runner.prepare``),
    or now."""
    index = ctx.index
    found = ctx.derived(READINGS, lambda c: _read(c.index))
    return found if found.rules is index.rules else _read(index)


def _read(index: Index) -> Readings:
    return read_rules(index.rules, [d.path for d in index.documents], getattr(index.embedder, "cache", None))


def _verdicts(index: Index, config, aliases: dict[str, str]) -> VerdictTable:
    """The verdict table of this deck. Named by its paths, settings and embedding model, and by what the
    classifier reads of the whole deck besides the pair: the rubric aliases. Everything else a verdict reads is
    the pair's own (its two rules, cosine and id nearness: the table's keys), so an edit leaves the verdicts of
    the pairs it does not touch valid."""
    embedder = index.embedder
    context = [
        json.dumps(getattr(config, "values", None), sort_keys=True, default=str),
        f"{getattr(embedder, 'model_name', type(embedder).__name__)}|{getattr(embedder, 'backend', '')}",
        json.dumps(aliases, sort_keys=True),
        *sorted(d.path for d in index.documents),
    ]
    return VerdictTable(getattr(embedder, "cache", None), key("verdict-context", *context))


def _classify(index: Index, config, readings: Readings) -> list[Relation]:
    """Claims and verdicts of rules and pairs the last run over these paths saw come from the cache. The texts
    the scorer compares go to the embedding process first; the scale and example relations, which need no
    vector, are read while it encodes them."""
    claims, digests = readings.claims, readings.digests
    aliases = rubric_aliases(claims)
    pairs = [(p.a, p.b, p.similarity) for p in index.pairs]
    cache = getattr(index.embedder, "cache", None)
    extra = remembered_output_candidates(claims, digests, index.vectors, [(a, b) for a, b, _ in pairs], cache)
    pairs += extra
    # A pair only its output frames brought together is reported only as the output conflict they name.
    output_only = {frozenset((claims[i].rule.id, claims[j].rule.id)) for i, j, _ in extra}
    table = _verdicts(index, config, aliases)
    keys, todo = uncached_pairs(index.rules, digests, pairs, table)
    scoring = Scoring(claims, readings.sides(), todo, aliases) if todo else None
    if scoring is not None and index.embedder is not None:
        index.embedder.prefetch(scoring.texts, urgent=True)
    later = deck_relations(claims, aliases, index.vectors, readings.deck_parts())
    out = table_relations(
        index.rules, pairs, keys, table, scoring.relations(_encoder(index)) if scoring else []
    )
    table.save()
    out = [r for r in out if "output" in r.evidence or frozenset((r.a.id, r.b.id)) not in output_only]
    taken = {(r.code, frozenset((r.a.id, r.b.id))) for r in out}
    out.extend(r for r in later if (r.code, frozenset((r.a.id, r.b.id))) not in taken)  # a pair reported once
    out = _superseded_dropped(out)
    if config is not None and getattr(config, "nli_model", ""):
        taken = {(r.a.id, r.b.id) for r in out}
        nli = _nli_relations(index, claims, taken, config)
        out.extend(nli)
        _boost(out, index, claims, config)
    return out


# A check whose reading of a pair says more than an opt-in check's reading of the same pair: "keeps items in another
# language out of the work" says why "excuses a case that ... refuses" and "handles these items like any other" clash;
# "excuses a case that ... refuses" says why a field left blank and a comment required clash.
_SUPERSEDES = {
    "CON014": frozenset({"CON001", "CON003", "CON016", "CON017"}),
    "CON016": frozenset({"CON001", "CON017"}),
    "CON017": frozenset({"CON001"}),
    "CON018": frozenset({"CON001", "CON016"}),  # a thing put in and kept out: the refusal is its wording
}


def _superseded_dropped(rels: list[Relation]) -> list[Relation]:
    """The relations, less those of a check another check's relation of the same pair supersedes."""
    over: dict[frozenset[str], set[str]] = {}
    for r in rels:
        if r.code in _SUPERSEDES:
            over.setdefault(frozenset((r.a.id, r.b.id)), set()).update(_SUPERSEDES[r.code])
    return [r for r in rels if r.code not in over.get(frozenset((r.a.id, r.b.id)), ())]


def _boost(rels: list[Relation], index: Index, claims: list[Claim], config) -> None:
    """NLI as extra evidence: frame contradictions the model also reads as contradictory gain confidence."""
    from ....index.nli import NLIScorer

    targets = [r for r in rels if r.code.startswith("CON") and r.code != "CON009"]
    if not targets:
        return
    cache = index.embedder.cache if index.embedder is not None else None
    probs = NLIScorer(config.nli_model, cache, config.allow_network).contradiction(
        [(r.a.text, r.b.text) for r in targets]
    )
    for r, p in zip(targets, probs):
        r.evidence["nli"] = round(p, 4)
        r.confidence = round(min(0.99, r.confidence + 0.1 * (p - 0.5)), 3)


__all__ = ["claims_of", "deck_relations", "readings", "relations"]
