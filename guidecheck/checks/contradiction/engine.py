"""Run the relation classifier once per index and share the result with every contradiction check."""

from __future__ import annotations

from ...index import Index
from .frames import Frame, build_frame
from .lexicon import jaccard, lexicon
from .relate import CONTRADICTIONS, Relation, q, relate, rubric_aliases, same_set
from .scales import example_relations, scale_relations

_ATTR = "_contradiction_relations"


def frames_of(index: Index) -> list[Frame]:
    cached = getattr(index, "_contradiction_frames", None)
    if cached is None:
        cached = [build_frame(r) for r in index.rules]
        index._contradiction_frames = cached
    return cached


def _nli_relations(index: Index, frames: list[Frame], taken: set[tuple[str, str]], config) -> list[Relation]:
    """CON009: candidate pairs the frames did not explain, judged by the configured NLI model."""
    from ...index.nli import NLIScorer

    th = lexicon().thresholds
    todo = []
    for pair in index.pairs:
        fa, fb = frames[pair.a], frames[pair.b]
        if (fa.rule.id, fb.rule.id) in taken or fa.rule.is_example or fb.rule.is_example:
            continue
        if not same_set(fa.rule, fb.rule):
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
                f"The NLI model reads {q(fa.text)} and {q(fb.text)} as contradicting each other "
                f"(p = {p:.2f}).",
                evidence={"nli": round(p, 4)},
            )
        )
    return out


def relations(index: Index, config=None) -> list[Relation]:
    """Every relation of the deck, computed on first use and kept on the index."""
    cached = getattr(index, _ATTR, None)
    if cached is not None:
        return cached
    frames = frames_of(index)
    aliases = rubric_aliases(frames)
    out: list[Relation] = []
    for pair in index.pairs:
        rel = relate(frames[pair.a], frames[pair.b], pair.similarity, aliases)
        if rel is not None:
            out.append(rel)
    out.extend(scale_relations(frames))
    out.extend(example_relations(frames, aliases))
    if config is not None and getattr(config, "nli_model", ""):
        taken = {(r.a.id, r.b.id) for r in out}
        nli = _nli_relations(index, frames, taken, config)
        out.extend(nli)
        _boost(out, index, frames, config)
    setattr(index, _ATTR, out)
    return out


def _boost(rels: list[Relation], index: Index, frames: list[Frame], config) -> None:
    """NLI as extra evidence: frame contradictions the model also reads as contradictory gain confidence."""
    from ...index.nli import NLIScorer

    targets = [r for r in rels if r.code in CONTRADICTIONS and r.code != "CON009"]
    if not targets:
        return
    cache = index.embedder.cache if index.embedder is not None else None
    probs = NLIScorer(config.nli_model, cache, config.allow_network).contradiction(
        [(r.a.text, r.b.text) for r in targets]
    )
    for r, p in zip(targets, probs):
        r.evidence["nli"] = round(p, 4)
        r.confidence = round(min(0.99, r.confidence + 0.1 * (p - 0.5)), 3)


__all__ = ["frames_of", "relations"]
