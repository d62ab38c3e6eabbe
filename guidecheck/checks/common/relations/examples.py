"""Worked examples whose verdict (a deduction, a score, a label) breaks a rule about the same thing (CON008).

An example is not a pair candidate: the embedding pairs compare rules with rules, and an example's case is
spread over several sentences ("A user asks for ..." then "Rating: 3."). So each example is merged into one
case, matched against every rule it shares topic words with, and judged against the rule it matches best.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass

from ..deck import same_project
from .claims import Claim, Interval
from .dimension_scores import DimensionClash, DimensionJudge
from .example_cases import (
    conceded_words,
    names_case,
    other_degree,
    rule_topic,
    states_condition,
    unmet_alternatives,
)
from .example_concessions import ProjectRarity, conceded_clashes, conceding
from .example_decisions import decision_clash, decision_words
from .example_excuses import breaks, excused
from .example_groups import example_groups, is_verdict
from .example_refused_labels import refused_label_clash
from .lexicon import content, data, lexicon
from .proposition import is_example_material
from .relate import Relation
from .text import as_read, quoted


@dataclass
class _Example:
    """One worked example: its sentences merged (the case in one sentence, "Rating: 3." in the next)."""

    claims: list[Claim]
    everything: frozenset[str]
    penalty: tuple[Claim, tuple[int, int]] | None
    score: tuple[Claim, Interval, tuple[int, int] | None] | None
    outcomes: list[tuple[Claim, str, tuple[int, int]]]

    @property
    def text(self) -> str:
        return " ".join(f.text for f in self.claims)


# A clash found for one example: (0 for a contradiction, 1 when explained away; minus the cover; the relation).
_Found = tuple[int, float, Relation]


def _merged(members: list[Claim]) -> _Example:
    """The example's verdict from whichever sentence states it: the first deduction that is not denied, the
    first score, and every named (non-numeric) label; a sentence that opens "Verdict:" / "Rating:" first."""
    penalty = next(
        ((f, f.penalty) for f in members if f.penalty and not _negated_before(f.text, f.penalty[0])), None
    )
    verdict_first = sorted(members, key=lambda f: not is_verdict(f))  # "Verdict: ..." states it, not the case
    score = next(((f, f.score, f.score_span) for f in verdict_first if f.score), None)
    outcomes = [(f, o, s) for f in verdict_first for o, s in f.outcomes if not o.replace(".", "").isdigit()]
    everything = frozenset().union(*(f.everything for f in members))
    return _Example(members, everything, penalty, score, outcomes)


def _negated_before(text: str, start: int) -> bool:
    """'did not deduct', 'without docking': the penalty is denied, not applied."""
    window = text[max(0, start - 14) : start].lower()
    return bool(re.search(r"(?<![\w'])(?:not|no|never|n't|without|nothing)(?![\w'])", window))


def _breakable_rules(claims: list[Claim]) -> list[Claim]:
    """Only sentences with force or an outcome are rules an example can break ("Note that ..." is not)."""
    return [
        f
        for f in claims
        if f.rule.kind != "rubric" and (f.deontic or f.outcomes) and not is_example_material(f)
    ]


def _postings(rules: list[Claim]) -> dict[str, list[int]]:
    """Topic word -> positions of the rules that use it, so an example meets only the rules it shares words with."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(rules):
        for w in rule_topic(f):
            postings[w].append(i)
    return postings


def _topics(rules: list[Claim], penalty_words: frozenset[str]) -> list[frozenset[str]]:
    """Each rule's topic as every example meets it, read once: the penalty vocabulary is not topic ("do not
    penalize typos" is about typos, so an example that docks a point for something else does not cover it), nor
    are the words only its concessive clause uses."""
    return [rule_topic(r) - penalty_words - conceded_words(r.text) for r in rules]


def _covers(
    e: _Example, rules: list[Claim], postings: dict[str, list[int]], topics: list[frozenset[str]]
) -> dict[int, float]:
    """Share of each rule's topic the example mentions, for rules sharing at least two words with it."""
    seen: dict[int, int] = defaultdict(int)
    for w in e.everything:
        for i in postings.get(w, ()):
            seen[i] += 1
    covers: dict[int, float] = {}
    for i, shared in sorted(seen.items()):
        if shared < 2:
            continue
        r = rules[i]
        topic = topics[i] - unmet_alternatives(r.text, e.everything)
        if topic and same_project(r.rule, e.claims[0].rule):
            covers[i] = len(topic & e.everything) / len(topic)
    return covers


def _judging_rules(covers: dict[int, float], rules: list[Claim]) -> list[tuple[Claim, float]]:
    """The rules the example is judged by: those it covers enough, and of the rules with an outcome only the best.

    The example's case is the one it matches best among the rules with a condition that give the same kind of
    verdict: "a harmful request" is judged by the harmful-request rule, not by the harmless-request rule it also
    resembles. Penalty rules are always kept ("do not penalize ...").
    """
    th = lexicon().thresholds["example_topic"]
    best: dict[bool, float] = defaultdict(float)
    for i, c in covers.items():
        if rules[i].outcomes and rules[i].condition:
            best[_scored(rules[i])] = max(best[_scored(rules[i])], c)
    out = []
    for i, cover in sorted(covers.items()):
        r = rules[i]
        if cover < th:
            continue
        if r.outcomes and not r.penalty and cover < best[_scored(r)] - 1e-9:
            continue
        out.append((r, cover))
    return out


def _scored(r: Claim) -> bool:
    """Which verdicts a rule competes for: a score, or a named label. Only rules with a condition compete ("If a
    reply ignores a hard constraint ..., Persona Consistency cannot go above 3" is not outdone by "Score each reply
    first", which has none), and a score rule only with score rules."""
    return r.score is not None


def _penalty_clash(e: _Example, r: Claim, cover: float) -> Relation | None:
    """The example deducts for what the rule says not to penalize."""
    if not (e.penalty and r.penalty and r.deontic in ("F", "N")):
        return None
    ef, span = e.penalty
    why = f"The example {quoted(e.text)} deducts for what {quoted(as_read(r.rule))} says not to penalize."
    return breaks(r, ef, 0.7 + 0.25 * cover, why, r.penalty, span)


_SCORED_THING = re.compile(
    r"\b(?:every|each|any|all|for)\s+(?:[\w-]+\s+){1,3}?(?:(?:that|which)\s+(?:is|are|was|were|gets?|got|receives?)\s+)?"
    r"(?:scored|rated|graded|given)\s*$",
    re.I,
)


def _score_is_case(r: Claim) -> bool:
    """'Add a comment for every segment scored 3 or lower': the score names the case, it is not required."""
    return r.score_span is not None and bool(_SCORED_THING.search(r.text[: r.score_span[0]]))


def _score_clash(e: _Example, r: Claim, cover: float) -> Relation | None:
    """The example gives a score outside the range the rule requires for this case."""
    if not (
        e.score and r.score and r.deontic in ("O", None) and cover >= 0.6 and e.score[1].disjoint(r.score)
    ) or (
        other_degree(e.everything, r.everything)
        or _score_is_case(r)
        or not states_condition(e.everything, r, e.text)
    ):
        return None
    ef, iv, span = e.score
    why = (
        f"The example {quoted(e.text)} gives {iv.describe()}, but {quoted(as_read(r.rule))} requires "
        f"{r.score.describe()} for this case."
    )
    return breaks(r, ef, 0.6 + 0.3 * cover, why, r.score_span, span)


def _label_clash(e: _Example, r: Claim, cover: float, aliases: dict[str, str]) -> Relation | None:
    """The example is labeled with none of the labels a conditional rule requires (score and name are one)."""
    if not (e.outcomes and r.outcomes and r.deontic == "O" and names_case(r) and cover >= 0.6) or not (
        states_condition(e.everything, r, e.text)
    ):
        return None
    if _ONLY_IN_CASE.search(r.text) or other_degree(e.everything, r.everything):
        return None  # "Select About the same only when ...": the case is needed for the label, not given it
    names = {aliases.get(o.lower(), o.lower()) for _, o, _ in e.outcomes}
    required = [
        (o, span)
        for o, span in r.outcomes
        if not o.replace(".", "").isdigit() and not _REFUSED.search(r.text[: span[0]])
    ]  # a score is the score clash's to compare
    rnames = {aliases.get(o.lower(), o.lower()) for o, _ in required}
    if not required or names & rnames:
        return None
    said = " ".join(f.text for f in e.claims).lower()
    if any(re.search(rf"\b{re.escape(o.lower())}\b", said) for o, _ in required):
        return None  # "..., so Late report is not set": the example decides the rule's label on its own terms
    ef, label, span = e.outcomes[0]
    why = (
        f"The example {quoted(e.text)} is labeled {label}, but {quoted(as_read(r.rule))} requires "
        f"{required[0][0]} for this case."
    )
    return breaks(r, ef, 0.55 + 0.3 * cover, why, required[0][1], span)


# "Select About the same only when neither commentary has an error": the label needs the case; an example of the
# case may get another label.
_ONLY_IN_CASE = re.compile(r"\bonly\s+(?:when|if|where|in\s+cases?\s+where)\b", re.I)

# "the flag is Unsure, not Certain", "Blocked rather than On Target": a label the rule turns down.
_REFUSED = re.compile(r"(?:\bnot|\bnever|\brather\s+than|\binstead\s+of)\s*[\"“'‘]?$", re.I)


_QUOTE = re.compile(r"[\"“]([^\"“”]{1,200})[\"”]")
_CLEAN_VERDICT = re.compile(
    r"\bno\s+(?:flags?|tags?|issues?|errors?|problems?|changes?)\b|\b(?:accepted|approved|kept)\s+as\s+(?:written|is)\b",
    re.I,
)


def _phrases(r: Claim) -> list[tuple[str, tuple[int, int]]]:
    """Short quoted wordings a rule names ("Openings like "Image of" or "Photo of" ..."), with their spans."""
    out = []
    for m in _QUOTE.finditer(r.text):
        words = m.group(1).split()
        if 1 <= len(words) <= 4 and any(w[:1].isalpha() for w in words):
            out.append((" ".join(words).lower(), m.span(1)))
    return out


def _quoted_material(e: _Example, outputs_only: bool = False) -> list[str]:
    """What the example quotes as the thing judged (a model's answer), outside its verdict sentences;
    ``outputs_only``: not a quotation it labels as the task's input ("Transcript: ...")."""
    return [
        " ".join(m.group(1).split()).lower()
        for f in e.claims
        if not (f.score or f.outcomes)
        for m in _QUOTE.finditer(f.text)
        if len(m.group(1).split()) >= 3 and not (outputs_only and _INPUT_LABEL.search(f.text[: m.start()]))
    ]


def _uses(material: list[str], phrase: str) -> bool:
    """The example's quoted answer contains the phrase as words ("Photo of a brushed ..." uses "photo of")."""
    return any(re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", q) for q in material)


def _quoted_clash(e: _Example, r: Claim, hit: tuple[str, tuple[int, int]]) -> Relation | None:
    """The example's quoted answer uses a wording the rule caps or flags ("alt text that starts "Photo of" gets
    REDUNDANT_PHRASE and cannot score above 4"), yet its verdict is above the cap or has no flags."""
    clean = next(((f, m.span()) for f in e.claims for m in [_CLEAN_VERDICT.search(f.text)] if m), None)
    capped = bool(e.score and r.score and math.isinf(r.score.lo) and e.score[1].disjoint(r.score))
    # a flag the rule gives to the wording; "... are not room names" withholds one, as "no flags" does
    flags = [o for o, _ in r.outcomes if not o.replace(".", "").isdigit()] if r.deontic != "F" else []
    if capped and e.score and r.score:
        ef, verdict, span = e.score[0], e.score[1].describe(), e.score[2]
        how = f"caps it at {r.score.describe()}"
    elif (
        clean
        and (flags or (r.deontic == "F" and _uses(_quoted_material(e, outputs_only=True), hit[0])))
        and not r.penalty
    ):
        # "do not penalize "I think"" allows it
        ef, verdict, span = clean[0], quoted(clean[0].text[slice(*clean[1])]), clean[1]
        how = "flags that wording" if flags else "forbids that wording"
    else:
        return None
    why = f"The example {quoted(e.text)} quotes {quoted(hit[0])} and gives {verdict}, but {quoted(as_read(r.rule))} {how}."
    return breaks(r, ef, 0.8, why, hit[1], span)


# A quotation the example labels as the task's input ("Transcript: "Turn the lamp off please."", "Query: ..."): a
# wording the rule forbids in what the rater writes (slot values, a rewrite) may stand in it.
_INPUT_LABEL = re.compile(
    r"\b(?:transcript|utterance|command|query|prompt|message|request|question|input|user(?:\s+says)?)\s*:\s*$",
    re.I,
)


_Quoting = list[tuple[Claim, list[tuple[str, tuple[int, int]]]]]


def _quoted_hits(e: _Example, quoting: _Quoting, judged: set[str]):
    """(rule, its first wording the example's quoted answer uses) for rules not judged by shared words."""
    material = _quoted_material(e)
    if not material:
        return
    for r, phrases in quoting:
        if r.rule.id in judged or not same_project(r.rule, e.claims[0].rule):
            continue
        hit = next(((p, span) for p, span in phrases if _uses(material, p)), None)
        if hit is not None:
            yield r, hit


def _clashes(e: _Example, judges: list[tuple[Claim, float]], aliases: dict[str, str]) -> list[_Found]:
    """Each judging rule the example breaks, by the first kind of verdict they share (deduction, score, label)."""
    found: list[_Found] = []
    for r, cover in judges:
        rel = (
            _penalty_clash(e, r, cover)
            or _score_clash(e, r, cover)
            or _label_clash(e, r, cover, aliases)
            or (
                None
                if other_degree(e.everything, r.everything)
                else decision_clash(e.claims, e.everything, r, cover)
            )
            or refused_label_clash(e.claims, e.outcomes, e.everything, r, cover)
        )
        if rel is not None:
            rel = excused(rel, e, r)
            found.append((0 if rel.code == "CON008" else 1, -cover, rel))
    return found


def _best(found: list[_Found]) -> list[Relation]:
    """Every rule the example breaks equally well (a rule and its restatement in the FAQ), else the best one.

    A contradiction outranks an excused clash, and a better-covered rule a worse-covered one.
    """
    if not found:
        return []
    best = min(found, key=lambda t: (t[0], t[1]))
    return [
        rel
        for kind, cov, rel in sorted(found, key=lambda t: (t[0], t[1], t[2].a.id))
        if (kind, cov) == best[:2]
    ]


def _dimension_clash(e: _Example, c: DimensionClash) -> Relation:
    """The example scores the dimension outside the range the rule sets for it in this case."""
    why = (
        f"The example {quoted(e.text)} gives {c.given.dimension} {c.given.value:g}, but {quoted(as_read(c.rule.rule))} "
        f"requires {c.ranged.describe()} for this case."
    )
    return excused(
        breaks(c.rule, c.sentence, min(0.95, 0.3 + 0.4 * c.strength), why, c.rule_span, c.given.span),
        e,
        c.rule,
    )


def example_relations(
    claims: list[Claim], aliases: dict[str, str] | None = None, vectors=None
) -> list[Relation]:
    """Worked examples whose verdict breaks a rule about the same thing. ``vectors`` (the rules' embeddings, in
    the claims' order) let a paraphrased case count for the dimension scores; without them only words do."""
    groups = example_groups(claims)
    if not groups:
        return []
    rules = _breakable_rules(claims)
    judge = DimensionJudge(claims, groups, rules, vectors)
    examples = [
        e
        for e in map(_merged, groups)
        if e.penalty
        or e.score
        or e.outcomes
        or any(_CLEAN_VERDICT.search(f.text) for f in e.claims)
        or judge.scores_any(e.claims)
    ]
    postings = _postings(rules)
    # the words of a deduction or a decision are the verdict, not the case: "do not penalize typos" is about typos
    penalty_words = content(" ".join(data()["words"]["penalty"] + decision_words()))
    topics = _topics(rules, penalty_words)
    quoting = [(r, phrases) for r in rules if (phrases := _phrases(r))]  # read once, not once per example
    concessions = conceding(rules)  # (position, rule, conceded words)
    rarity = ProjectRarity(claims)
    out: list[Relation] = []
    for e in examples:
        judges = _judging_rules(_covers(e, rules, postings, topics), rules)
        found = _clashes(e, judges, aliases or {}) or conceded_clashes(e, concessions, topics, judge, rarity)
        for r, hit in _quoted_hits(e, quoting, {r.rule.id for r, _ in judges}):
            rel = _quoted_clash(e, r, hit)
            if rel is not None:
                found.append((0, -1.0, rel))
        for c in judge.clashes(e.claims, e.everything):
            # a "Minor slip" example is no case of a rule about a "Major slip", as for an unnamed score
            if same_project(c.rule.rule, e.claims[0].rule) and not other_degree(
                e.everything, c.rule.everything
            ):
                rel = _dimension_clash(e, c)
                found.append((0 if rel.code == "CON008" else 1, -c.strength / 2, rel))
        out.extend(_best(found))
    return out


__all__ = ["example_relations"]
