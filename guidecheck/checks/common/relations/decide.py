"""Decide which rule pairs are reported: the frame detectors explain, the learned scorer decides.

For every candidate pair the frame classifier (``relate``) names the shape of a conflict, an exception, an update
or a duplicate. The scorer then gives the probability that the two rules contradict; a contradiction is reported
only when the scorer does not veto it, with the scorer's probability as its confidence. A pair the frames missed
but the scorer is sure of (at or above its threshold) is reported when its evidence can say why (an output
constraint, opposite force, two limits, two outcomes). Example material is never paired as rule against rule.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence

import numpy as np

from ..deck import same_project
from .case_numbers import before_force
from .claims import Claim
from .lexicon import content, word_overlap
from .numeric_limits import numbers_disjoint
from .output_clash import output_conflict
from .proposition import Side, overriding, side_of, stated_exception
from .relate import Relation, relate
from .rest_cases import only_for_another_case
from .scorer import PairInput, features, outcomes_differ, scorer, stances
from .sequence import timed_by
from .text import as_read, find_span, quoted, span_of
from .vectors import unit_rows
from .verbatim import leaves_the_copy_allowed

# Pairs this close are scored even without frame evidence (paraphrases, other addressees).
EVIDENCE_COSINE = 0.5
Encode = Callable[[list[str]], np.ndarray]


# Read by a policy reader only: compared with each other in ``policy_limits``, never as frames. "Notes shorter than
# 300 words are paid $0.40" names a kind of note by its length; it asks nothing of the rater or the output.
_POLICY_ONLY = frozenset({"pay term statement"})


def comparable(fa: Claim, fb: Claim, sa: Side, sb: Side) -> bool:
    """Two rules that may contradict: rules (not examples, rubric rows, pay statements) of the same project."""
    a, b = fa.rule, fb.rule
    if sa.example or sb.example or a.kind == "rubric" or b.kind == "rubric":
        return False
    if a.evidence in _POLICY_ONLY or b.evidence in _POLICY_ONLY:
        return False
    return same_project(a, b)


def _evidence(fa: Claim, fb: Claim, sa: Side, sb: Side, rel: Relation | None, cos: float) -> bool:
    """Cheap gate before any embedding: some frame evidence of a conflict, or two close texts."""
    pair = {fa.deontic, fb.deontic}
    return bool(
        rel is not None
        or cos >= EVIDENCE_COSINE
        or sa.restrict
        or sb.restrict
        or ("F" in pair and pair & {"O", "P"})
        or pair == {"O", "N"}
        or (fa.outcomes and fb.outcomes)
        or (fa.quantities and fb.quantities)
        or (sa.output and sb.output)
    )


# A candidate pair to score: its rule positions, cosine, the frame relation and whether it needs the scorer.
Todo = tuple[int, int, float, Relation | None, bool]


def pair_todo(
    claims: Sequence[Claim],
    sides: Sequence[Side],
    pairs: Sequence[tuple[int, int, float]],
    aliases: dict[str, str] | None = None,
    unnamed: bool = True,
) -> list[Todo]:
    """The comparable pairs with evidence, related by the frame classifier.

    ``unnamed=False`` scores only the pairs a frame detector named: when the threshold cannot be reached, the
    others are never reported and embedding their propositions would only cost time.
    """
    todo: list[Todo] = []
    for i, j, cos in pairs:
        fa, fb, sa, sb = claims[i], claims[j], sides[i], sides[j]
        if not comparable(fa, fb, sa, sb):
            continue
        rel = relate(fa, fb, cos, aliases)
        named = rel is not None or _output_named(sa, sb)
        if (named or unnamed) and _evidence(fa, fb, sa, sb, rel, cos):
            # An exception, update or duplicate is reported as it is: only possible conflicts need the score.
            todo.append((i, j, cos, rel, unnamed or rel is None or rel.code.startswith("CON")))
    return todo


def todo_texts(claims: Sequence[Claim], sides: Sequence[Side], todo: Sequence[Todo]) -> list[str]:
    """The neutral propositions and conditions the scored pairs compare, each once, in pair order (one batch:
    the same texts in the same order give the same vectors, bit for bit)."""
    texts: dict[str, int] = {}
    for i, j, _, _, scored in todo:
        for k in (i, j) if scored else ():
            texts.setdefault(sides[k].neutral, len(texts))
            if claims[k].condition_text:
                texts.setdefault(claims[k].condition_text, len(texts))
    return list(texts)


def todo_inputs(
    claims: Sequence[Claim], sides: Sequence[Side], todo: Sequence[Todo], texts: list[str], encode: Encode
) -> list[tuple[PairInput, Relation | None]]:
    """Scorer inputs of the related pairs, once the vectors of ``texts`` (``todo_texts``) can be had."""
    vec = unit_rows(encode(texts)) if texts else np.zeros((0, 1))
    row = {t: n for n, t in enumerate(texts)}
    out = []
    for i, j, cos, rel, scored in todo:
        fa, fb = claims[i], claims[j]
        cn = float(vec[row[sides[i].neutral]] @ vec[row[sides[j].neutral]]) if scored else 0.0
        cc = 0.0
        if scored and fa.condition_text and fb.condition_text:
            cc = float(vec[row[fa.condition_text]] @ vec[row[fb.condition_text]])
        overlap = word_overlap(fa.everything, fb.everything)
        out.append(
            (PairInput(fa, fb, sides[i], sides[j], cos, cn, cc, rel.code if rel else None, overlap), rel)
        )
    return out


def pair_inputs(
    claims: Sequence[Claim],
    pairs: Sequence[tuple[int, int, float]],
    encode: Encode,
    aliases: dict[str, str] | None = None,
    unnamed: bool = True,
) -> list[tuple[PairInput, Relation | None]]:
    """Scorer inputs for the comparable pairs with evidence; neutral propositions and conditions in one batch."""
    sides = [side_of(c) for c in claims]
    todo = pair_todo(claims, sides, pairs, aliases, unnamed)
    return todo_inputs(claims, sides, todo, todo_texts(claims, sides, todo), encode)


def _output_named(sa: Side, sb: Side) -> bool:
    """Two output-constraint frames that clash (a phrase required and forbidden, opposite tones, two languages)
    name the conflict as explicitly as a frame detector does: the scorer may veto it, not ignore it."""
    return bool(sa.output and sb.output) and output_conflict(sa.output, sb.output) is not None


def _bar(p: PairInput, rel: Relation | None, threshold: float, veto: float) -> float:
    """The probability a pair needs. An unconditional output clash (the same phrase required and forbidden,
    opposite tones, two languages, neither rule scoped by a condition or an exception) is categorical: the
    scorer, trained mostly on deontic pairs, does not veto it; nor a relation whose words state the clash (two
    disjoint limits, opposite priorities, an act reserved and given to all, two step orders, an exception refused,
    a field filled and left blank: its detector marks it categorical), which the scorer puts in the band where it
    cannot tell (0.62-0.74). A pair a detector named needs the veto bar; an unnamed pair the threshold."""
    if _output_named(p.sa, p.sb):
        scoped = p.fa.condition or p.fb.condition or p.fa.exception or p.fb.exception
        # An exception or update, or a permission under a condition ("If the piece is an opinion, summaries
        # may use the past tense"), has the shape of an exception: never reported as a conflict.
        excepted = p.fa.exception or p.fb.exception or p.fa.update or p.fb.update
        if excepted or (scoped and "P" in (p.fa.deontic, p.fb.deontic)):
            return math.inf
        return veto if scoped else 0.0
    if rel is not None and rel.evidence.get("categorical"):
        return 0.0
    return veto if rel is not None else threshold


def _sanction_of(p: PairInput) -> bool:
    """A prohibition and the sanction for breaking it ("... must not X" / "... that X must be penalized") are the
    same rule: the sanction's obligation is to penalize, not to do X. A prohibition of the sanction itself ("Do not
    use the Outdated flag merely because ...") forbids what the other rule requires: no sanction pair."""
    for rule, side, other, other_side in ((p.fa, p.sa, p.fb, p.sb), (p.fb, p.sb, p.fa, p.sa)):
        if (
            side.sanction
            and rule.deontic in ("O", "P", None)
            and other.deontic == "F"
            and not other_side.sanction
        ):
            return True
    return False


def _unexplained(p: PairInput, prob: float) -> Relation | None:
    """A conflict the frame detectors did not name: say why from the strongest evidence, or stay silent."""
    fa, fb = p.fa, p.fb
    if fa.exception or fb.exception or fa.update or fb.update:
        return None
    pair = {fa.deontic, fb.deontic}
    conf = round(min(prob, 0.99), 3)
    a, b = stances(p)
    agree = a * b > 0  # "never mention X" / "leave X out": opposite force, one stance
    if not agree and "F" in pair and pair & {"O", "P"}:
        pos, neg = (fa, fb) if fb.deontic == "F" else (fb, fa)
        if only_for_another_case(pos, neg) or timed_by(pos, neg) or leaves_the_copy_allowed(pos, neg):
            return None
        verb = "requires" if pos.deontic == "O" else "allows"
        why = f"{quoted(as_read(pos.rule))} {verb} what {quoted(as_read(neg.rule))} forbids."
        return Relation(
            "CON001", fa.rule, fb.rule, conf, why, span_of(fa.rule, fa.cue) + span_of(fb.rule, fb.cue)
        )
    if not agree and pair == {"O", "N"}:
        o, n = (fa, fb) if fa.deontic == "O" else (fb, fa)
        why = f"{quoted(as_read(o.rule))} is an obligation, but {quoted(as_read(n.rule))} lets raters leave it out."
        return Relation(
            "CON002", fa.rule, fb.rule, conf, why, span_of(fa.rule, fa.cue) + span_of(fb.rule, fb.cue)
        )
    if a * b < 0:
        why = (
            f"{quoted(as_read(fa.rule))} and {quoted(as_read(fb.rule))} ask for opposite things about the same "
            "thing: one asks for it, the other for its absence."
        )
        return Relation(
            "CON001", fa.rule, fb.rule, conf, why, span_of(fa.rule, fa.cue) + span_of(fb.rule, fb.cue)
        )
    hit = numbers_disjoint(fa, fb)
    if hit:
        why = f"{quoted(as_read(fa.rule))} asks for {hit[0].text} and {quoted(as_read(fb.rule))} for {hit[1].text}."
        return Relation(
            "CON004",
            fa.rule,
            fb.rule,
            conf,
            why,
            find_span(fa.rule, hit[0].text) + find_span(fb.rule, hit[1].text),
        )
    if outcomes_differ(fa, fb):
        why = f"{quoted(as_read(fa.rule))} and {quoted(as_read(fb.rule))} give the same case different outcomes."
        return Relation(
            "CON003",
            fa.rule,
            fb.rule,
            conf,
            why,
            span_of(fa.rule, fa.outcomes[0][1]) + span_of(fb.rule, fb.outcomes[0][1]),
        )
    return None


# "The only past tense you need is for history the record gives you": the one case the other form is for, an
# exception to the rule that asks for the first, not a second answer.
_SCOPED_ONLY = re.compile(r"^\s*the\s+only\b[^.;]{0,60}?\b(?:is|are)\s+(?:for|in|when|where)\b", re.I)


def _sections_apart(fa: Claim, fb: Claim) -> bool:
    """Two sections of one file about different things ("Short caption rules" / "Long description: the basics"):
    a count each asks for without naming the output ("Keep to one sentence." / "break the text into two or three
    paragraphs") is of a different output."""
    a, b = fa.rule, fb.rule
    if a.location.path != b.location.path or not a.section or not b.section:
        return False
    if content(a.text) & content(b.text):
        return False  # both name the output ("the key-takeaways box"): the sections do not tell it apart
    if a.section[: len(b.section)] == b.section or b.section[: len(a.section)] == a.section:
        return False  # one section holds the other
    return not content(a.section[-1]) & content(b.section[-1])


def _output_relation(p: PairInput, prob: float) -> Relation | None:
    hit = output_conflict(p.sa.output, p.sb.output)
    if hit is None:
        return None
    kind, wa, wb = hit
    fa, fb = p.fa, p.fb
    if (
        (kind == "count" and (_sections_apart(fa, fb) or (before_force(fa, wa) and before_force(fb, wb))))
        or _SCOPED_ONLY.search(fa.text)
        or _SCOPED_ONLY.search(fb.text)
    ):
        return None
    why = {
        "phrase": f"{quoted(as_read(fa.rule))} and {quoted(as_read(fb.rule))} disagree on whether "
        + (f"“{wa}”" if wa == wb else f"“{wa}” / “{wb}”")
        + " may appear in the output.",
        "slot": f"{quoted(as_read(fa.rule))} and {quoted(as_read(fb.rule))} require different words in the same "
        f"place of the output (“{wa}” / “{wb}”).",
        "count": f"{quoted(as_read(fa.rule))} asks for {wa} and {quoted(as_read(fb.rule))} for {wb}: no output "
        "can have both.",
        "content": f"{quoted(as_read(fa.rule))} and {quoted(as_read(fb.rule))} disagree on whether the output "
        f"covers “{wa}” / “{wb}”.",
        "tone": f"{quoted(as_read(fa.rule))} and {quoted(as_read(fb.rule))} disagree on the tone or register of the "
        f"output (“{wa}” / “{wb}”).",
        "language": f"{quoted(as_read(fa.rule))} and {quoted(as_read(fb.rule))} ask for the output in different "
        f"languages ({wa.removesuffix(' (language)')} / {wb.removesuffix(' (language)')}).",
    }[kind]
    return Relation("CON010", fa.rule, fb.rule, round(min(prob, 0.99), 3), why, evidence={"output": kind})


def decide(p: PairInput, rel: Relation | None, prob: float, threshold: float, veto: float) -> Relation | None:
    """The relation to report for one scored pair (see the module docstring)."""
    if rel is not None and rel.code.startswith("REL"):
        return rel
    if prob < _bar(p, rel, threshold, veto):
        return None
    if _sanction_of(p):
        return None
    if stated_exception(p.fa, p.fb):
        why = f"{quoted(as_read(p.fb.rule))} states an exception right next to {quoted(as_read(p.fa.rule))}."
        return Relation("REL001", p.fa.rule, p.fb.rule, round(min(prob, 0.99), 3), why, stands_for="CON001")
    if (over := overriding(p.fa, p.fb)) is not None:
        other = p.fb if over is p.fa else p.fa
        why = f"{quoted(as_read(over.rule))} states that it overrides the general rule {quoted(as_read(other.rule))}."
        return Relation("REL001", p.fa.rule, p.fb.rule, round(min(prob, 0.99), 3), why, stands_for="CON001")
    if rel is not None:  # a frame detector's relation names the conflict more precisely
        rel.confidence = round(min(prob, 0.99), 3)
        found = rel
    else:
        found = _output_relation(p, prob)
        if found is not None and found.evidence.get("output") == "content":
            # A topic required and forbidden is opposite force on one proposition: said as such when it can be.
            said = _unexplained(p, prob)
            if said is not None:
                said.evidence["output"] = "content"
                found = said
    found = found or _unexplained(p, prob)
    if found is not None:
        found.evidence["probability"] = round(float(prob), 4)
    return found


class Scoring:
    """Pairs related and the texts their scores need known; ``relations`` waits for the vectors and decides.

    Split so that the texts can go to the embedding process (``prefetch``) before the run does other work that
    needs no vectors, instead of the run waiting for them with nothing to do."""

    def __init__(
        self,
        claims: Sequence[Claim],
        sides: Sequence[Side],
        pairs: Sequence[tuple[int, int, float]],
        aliases: dict[str, str] | None = None,
    ):
        self.claims, self.sides, self.model = claims, sides, scorer()
        self.todo = pair_todo(claims, sides, pairs, aliases, unnamed=self.model.threshold <= 1.0)
        self.texts = todo_texts(claims, sides, self.todo)

    def relations(self, encode: Encode) -> list[Relation]:
        inputs = todo_inputs(self.claims, self.sides, self.todo, self.texts, encode)
        if not inputs:
            return []
        model = self.model
        probs = model.probability(np.vstack([features(p) for p, _ in inputs]))
        out = []
        for (p, rel), prob in zip(inputs, probs):
            found = decide(p, rel, float(prob), model.threshold, model.veto)
            if found is not None:
                out.append(found)
        return out


def scored_relations(
    claims: Sequence[Claim],
    pairs: Sequence[tuple[int, int, float]],
    encode: Encode,
    aliases: dict[str, str] | None = None,
) -> list[Relation]:
    return Scoring(claims, [side_of(c) for c in claims], pairs, aliases).relations(encode)


__all__ = [
    "Scoring",
    "comparable",
    "decide",
    "pair_inputs",
    "pair_todo",
    "scored_relations",
    "todo_inputs",
    "todo_texts",
]
