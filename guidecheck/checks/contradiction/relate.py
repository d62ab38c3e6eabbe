"""One relation classifier for every rule pair: contradiction type, exception, override, duplicate or nothing.

The per-type checks (CON001-CON009, REL001-REL003) only filter its output, so an explicit exception or a dated
update suppresses a contradiction the same way whichever frame found it. Each relation carries its evidence:
the clashing words as spans in both rules and one sentence in the rules' own words.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...model import Rule, Span
from .frames import Frame
from .lexicon import jaccard, lexicon

NAMES = {
    "CON001": "deontic-flip",
    "CON002": "obligation-vs-permission",
    "CON003": "same-condition-different-outcome",
    "CON004": "numeric-conflict",
    "CON005": "priority-conflict",
    "CON006": "definition-divergence",
    "CON007": "rating-scale-conflict",
    "CON008": "example-contradicts-rule",
    "CON009": "nli-contradiction",
    "REL001": "exception",
    "REL002": "override",
    "REL003": "duplicate",
}
CONTRADICTIONS = tuple(c for c in NAMES if c.startswith("CON"))


@dataclass
class Relation:
    code: str
    a: Rule
    b: Rule
    confidence: float
    explanation: str
    spans: list[Span] = field(default_factory=list)
    stands_for: str | None = None  # for REL001/REL002: the contradiction it would otherwise be
    evidence: dict = field(default_factory=dict)


def q(text: str, limit: int = 160) -> str:
    """A rule quoted in its own words (long ones shortened in the middle)."""
    t = " ".join(text.split())
    if len(t) > limit:
        t = t[: limit - 40].rstrip() + " … " + t[-36:].lstrip()
    return f"“{t}”"


def said(rule: Rule) -> str:
    """The rule as a rater reads it: list items keep their lead-in ("Do not: include the date")."""
    if rule.lead_in and rule.lead_in.strip().lower() not in rule.text.lower():
        return f"{rule.lead_in.strip()} {rule.text}"
    return rule.text


def _span(rule: Rule, s: tuple[int, int] | None) -> list[Span]:
    return [Span(rule.id, s[0], s[1])] if s and s[1] > s[0] else []


def _find(rule: Rule, needle: str) -> list[Span]:
    i = rule.text.lower().find(needle.lower()) if needle else -1
    return [Span(rule.id, i, i + len(needle))] if i >= 0 else []


def same_set(a: Rule, b: Rule) -> bool:
    """Whether two rules belong to one guideline set: the same folder, or one folder inside the other.

    Sibling folders (guidelines/chatbot/ and guidelines/search/) are separate projects whose scales and labels
    are allowed to differ; comparing them would report every difference as a conflict.
    """
    da, db = a.path.rpartition("/")[0], b.path.rpartition("/")[0]
    return da == db or da.startswith(db + "/") or db.startswith(da + "/") or not da or not db


def _th(name: str) -> float:
    return lexicon().thresholds[name]


# --- conflict detectors: (code, confidence, explanation, spans, conditional) or None -------------------------

Conflict = tuple[str, float, str, list[Span], bool]


def _same_topic(fa: Frame, fb: Frame, cosine: float) -> float:
    """0 when the rules are about different things, else the overlap that made them the same."""
    j = jaccard(fa.core, fb.core)
    heads_differ = bool(
        fa.object_head
        and fb.object_head
        and fa.object_head != fb.object_head
        and fa.object_head not in fb.core
        and fb.object_head not in fa.core
    )
    if _topic_match(fa.core, fb.core, _th("same_topic_frames")) and not heads_differ:
        return max(j, 0.5)
    if (
        fa.action
        and fa.action == fb.action
        and fa.object_head
        and fa.object_head == fb.object_head
        and j >= _th("same_topic_frames")
        and cosine >= _th("frames_cosine")
    ):
        return j
    return 0.0


def _conditions_compatible(fa: Frame, fb: Frame) -> str:
    """'same', 'exclusive' (cannot both hold / different situations) or 'narrower' (one conditional, one not)."""
    if not fa.condition and not fb.condition:
        return "same"
    if bool(fa.condition) != bool(fb.condition):
        return "narrower"
    if fa.condition_neg != fb.condition_neg:
        return "exclusive"
    if _topic_match(fa.condition, fb.condition, _th("same_condition"), high=_th("same_condition_high")):
        return "same"
    return "exclusive"


def _topic_match(a: frozenset[str], b: frozenset[str], floor: float, high: float | None = None) -> bool:
    """Same thing: near-identical words, or one side only adds words to the other (a narrower phrasing).

    When each side has words of its own ("harmless request" / "harmful request", "video post" / "text-only
    post") the two are about different things unless the overlap is high.
    """
    j = jaccard(a, b)
    if j >= (high if high is not None else _th("same_topic")):
        return True
    return j >= floor and (a <= b or b <= a)


def _priority(fa: Frame, fb: Frame) -> Conflict | None:
    if not fa.priority or not fb.priority:
        return None
    wa, la, wa_t, la_t = fa.priority
    wb, lb, wb_t, lb_t = fb.priority
    if (wa & lb) and (la & wb) and not (wa & wb):
        why = (
            f"{q(said(fa.rule))} puts {wa_t} before {la_t}, but {q(said(fb.rule))} puts {wb_t} before {lb_t}."
        )
        spans = _find(fa.rule, wa_t) + _find(fa.rule, la_t) + _find(fb.rule, wb_t) + _find(fb.rule, lb_t)
        return "CON005", 0.9, why, spans, False
    return None


def _definition(fa: Frame, fb: Frame, cosine: float) -> Conflict | str | None:
    if not fa.definition or not fb.definition or fa.definition[0] != fb.definition[0]:
        return None
    _term, da, ca = fa.definition
    _, db, cb = fb.definition
    overlap = jaccard(ca, cb)
    if overlap >= _th("definition_same"):
        return "duplicate"  # (sentence embeddings of "X means ..." are dominated by X: never trusted here)
    if ca and cb and (ca <= cb or cb <= ca) and not _numbers_disjoint(fa, fb):
        return "duplicate"  # one definition only adds detail to the other
    why = f"The term is defined two ways: {q(said(fa.rule))} versus {q(said(fb.rule))}."
    conf = round(0.95 - 0.4 * overlap, 3)
    return "CON006", conf, why, _find(fa.rule, da) + _find(fb.rule, db), False


def _numbers_disjoint(fa: Frame, fb: Frame):
    for qa, ia in fa.quantities:
        for qb, ib in fb.quantities:
            if qa.attribute == qb.attribute and ia.disjoint(ib):
                return qa, qb
    return None


def _numeric(fa: Frame, fb: Frame) -> Conflict | None:
    hit = _numbers_disjoint(fa, fb)
    if not hit:
        return None
    filler = lexicon().quantity_filler
    ca, cb = fa.core - filler, fb.core - filler
    if not (ca or cb) or not _topic_match(ca, cb, _th("numeric_topic")):
        return None
    qa, qb = hit
    unit = qa.unit or qb.unit or qa.attribute
    why = (
        f"{q(said(fa.rule))} asks for {qa.text} and {q(said(fb.rule))} for {qb.text}: "
        f"no {unit} count satisfies both."
    )
    spans = _find(fa.rule, qa.text) + _find(fb.rule, qb.text)
    conf = 0.85 + 0.1 * min(fa.rule.strength, fb.rule.strength, 1.0)
    return "CON004", conf, why, spans, True


def _outcome_conflict(fa: Frame, fb: Frame, aliases: dict[str, str], cosine: float) -> Conflict | None:
    """Same situation, different label or score (CON003), or a permission outside an obligation's range (CON002)."""
    if not fa.outcomes or not fb.outcomes:
        return None
    cond = _conditions_compatible(fa, fb)
    if fa.condition and fb.condition:
        if cond != "same":
            return None
        topic = 1.0
    else:
        topic = jaccard(fa.core, fb.core)
        if not (
            _topic_match(fa.core, fb.core, _th("label_topic"))
            or (topic >= _th("label_topic_embedded") and cosine >= _th("label_cosine"))
        ):
            return None
    if fa.score and fb.score:
        if not fa.score.disjoint(fb.score):
            return None
        la, lb = fa.text[fa.score_span[0] : fa.score_span[1]], fb.text[fb.score_span[0] : fb.score_span[1]]
        spans = _span(fa.rule, fa.score_span) + _span(fb.rule, fb.score_span)
    else:
        a_names = {aliases.get(o.lower(), o.lower()) for o, _ in fa.outcomes}
        b_names = {aliases.get(o.lower(), o.lower()) for o, _ in fb.outcomes}
        if a_names & b_names:
            return None
        la, lb = fa.outcomes[0][0], fb.outcomes[0][0]
        spans = _span(fa.rule, fa.outcomes[0][1]) + _span(fb.rule, fb.outcomes[0][1])
    perm = {"P"} & {fa.deontic, fb.deontic}
    if perm and {fa.deontic, fb.deontic} & {"O", "F"}:
        o, p = (fa, fb) if fa.deontic != "P" else (fb, fa)
        lo, lp = (la, lb) if o is fa else (lb, la)
        why = f"{q(said(o.rule))} requires {lo}, but {q(said(p.rule))} still allows {lp}."
        return "CON002", 0.9, why, spans, False
    if fa.deontic in ("O", None) and fb.deontic in ("O", None):
        situation = f"“{fa.condition_text}”" if fa.condition_text else "the same case"
        why = f"For {situation}, {q(said(fa.rule))} gives {la} but {q(said(fb.rule))} gives {lb}."
        conf = 0.8 + 0.15 * min(topic, 1.0)
        return "CON003", conf, why, spans, False
    return None


def _action_conflict(fa: Frame, fb: Frame) -> Conflict | None:
    """Same condition, two terminal actions that exclude each other ('skip it' vs 'rate it 0')."""
    if not (fa.condition and fb.condition) or _conditions_compatible(fa, fb) != "same":
        return None
    if fa.deontic != "O" or fb.deontic != "O" or not fa.terminal or not fb.terminal:
        return None
    rating = {"rate", "label", "score"}
    if fa.terminal == fb.terminal or (fa.terminal in rating and fb.terminal in rating):
        return None
    why = (
        f"For “{fa.condition_text}”, {q(said(fa.rule))} says to {fa.terminal} the item "
        f"but {q(said(fb.rule))} says to {fb.terminal} it."
    )
    return (
        "CON003",
        0.8,
        why,
        _find(fa.rule, fa.rule.action or "") + _find(fb.rule, fb.rule.action or ""),
        False,
    )


def _deontic(fa: Frame, fb: Frame, cosine: float) -> Conflict | None:
    pair = {fa.deontic, fb.deontic}
    if fa.quantities and fb.quantities:
        return None  # a limit's polarity is part of the limit: the numeric frame decides
    if "F" in pair and pair & {"O", "P"}:
        code = "CON001"
    elif pair == {"O", "N"}:
        code = "CON002"
    else:
        return None
    topic = _same_topic(fa, fb, cosine)
    if not topic:
        return None
    # A list item whose force comes from its lead-in ("Do not:") gets no span: the report marks the lead-in.
    spans = _span(fa.rule, fa.cue) + _span(fb.rule, fb.cue)
    strength = min(max(fa.rule.strength, 0.3), max(fb.rule.strength, 0.3))
    conf = round(min(0.97, 0.55 + 0.3 * topic + 0.15 * strength), 3)
    if code == "CON001":
        pos, neg = (fa, fb) if fb.deontic == "F" else (fb, fa)
        verb = "requires" if pos.deontic == "O" else "allows"
        why = f"{q(said(pos.rule))} {verb} what {q(said(neg.rule))} forbids."
    else:
        o, n = (fa, fb) if fa.deontic == "O" else (fb, fa)
        why = f"{q(said(o.rule))} is an obligation, but {q(said(n.rule))} lets raters leave it out."
    return code, conf, why, spans, True


# --- the classifier ------------------------------------------------------------------------------------------


def _names(f: Frame, aliases: dict[str, str]) -> set[str]:
    return {aliases.get(o.lower(), o.lower()) for o, _ in f.outcomes}


def _quantity_set(f: Frame) -> set[tuple]:
    return {(q.attribute, q.comparator, q.value, q.upper) for q, _ in f.quantities}


def _duplicate(fa: Frame, fb: Frame, cosine: float, aliases: dict[str, str]) -> bool:
    if fa.deontic != fb.deontic or fa.exception != fb.exception or _conditions_compatible(fa, fb) != "same":
        return False
    if _quantity_set(fa) != _quantity_set(fb) or _names(fa, aliases) != _names(fb, aliases):
        return False
    filler = lexicon().quantity_filler if fa.quantities else frozenset()
    wa, wb = (fa.core | fa.condition) - filler, (fb.core | fb.condition) - filler
    return _topic_match(wa, wb, _th("same_topic"), high=_th("duplicate_jaccard")) or cosine >= _th(
        "duplicate_cosine"
    )


def _changed_by_update(fa: Frame, fb: Frame) -> bool:
    """A dated update that changes a limit, an outcome or the force of an earlier rule about the same thing."""
    if fa.update == fb.update:
        return False
    filler = lexicon().quantity_filler
    if not _topic_match(fa.core - filler, fb.core - filler, _th("same_topic_frames")):
        return False
    return (
        (_quantity_set(fa) != _quantity_set(fb) and bool(fa.quantities) and bool(fb.quantities))
        or (
            bool(fa.outcomes)
            and bool(fb.outcomes)
            and {o.lower() for o, _ in fa.outcomes} != {o.lower() for o, _ in fb.outcomes}
        )
        or (fa.deontic != fb.deontic and None not in (fa.deontic, fb.deontic))
    )


def relate(fa: Frame, fb: Frame, cosine: float, aliases: dict[str, str] | None = None) -> Relation | None:
    """The relation between two rules (reading order a, b), or None when they are merely related."""
    a, b = fa.rule, fb.rule
    if a.is_example or b.is_example or a.kind == "rubric" or b.kind == "rubric" or not same_set(a, b):
        return None
    aliases = aliases or {}
    found: Conflict | None = _priority(fa, fb)
    if found is None:
        d = _definition(fa, fb, cosine)
        if d == "duplicate":
            return Relation(
                "REL003",
                a,
                b,
                round(min(0.95, 0.6 + 0.35 * cosine), 3),
                f"{q(said(b))} defines the same term as {q(said(a))} in the same way.",
            )
        found = d
    if found is None:
        found = (
            _numeric(fa, fb)
            or _outcome_conflict(fa, fb, aliases, cosine)
            or _action_conflict(fa, fb)
            or _deontic(fa, fb, cosine)
        )
    if found is None:
        if _duplicate(fa, fb, cosine, aliases):
            return Relation(
                "REL003",
                a,
                b,
                round(min(0.95, 0.5 + 0.45 * cosine), 3),
                f"{q(said(b))} repeats {q(said(a))}.",
            )
        if _changed_by_update(fa, fb):
            later, earlier = (fb, fa) if fb.update else (fa, fb)
            return Relation(
                "REL002",
                a,
                b,
                round(min(0.9, 0.5 + 0.4 * cosine), 3),
                f"{q(said(later.rule))} is a dated update that changes {q(said(earlier.rule))}; "
                f"check that the old rule was edited too.",
            )
        return None
    code, conf, why, spans, conditional = found
    # Suppressors: the same order for every type, so no frame reports what another explains away.
    if fa.update or fb.update:
        later, earlier = (
            (fb, fa) if fb.update and (not fa.update or b.location.path >= a.location.path) else (fa, fb)
        )
        return Relation(
            "REL002",
            a,
            b,
            round(conf * 0.9, 3),
            f"{q(said(later.rule))} is a dated update that replaces {q(said(earlier.rule))}; not a contradiction.",
            spans,
            stands_for=code,
        )
    if fa.exception or fb.exception:
        exc, other = (fa, fb) if fa.exception else (fb, fa)
        clause = exc.exception_text
        return Relation(
            "REL001",
            a,
            b,
            round(conf * 0.9, 3),
            f"{q(said(exc.rule))} makes an explicit exception (“{clause}”) to {q(said(other.rule))}.",
            spans + _find(exc.rule, clause),
            stands_for=code,
        )
    if conditional:
        cond = _conditions_compatible(fa, fb)
        if cond == "exclusive":
            return None
        if cond == "narrower":
            narrow, general = (fa, fb) if fa.condition else (fb, fa)
            return Relation(
                "REL001",
                a,
                b,
                round(conf * 0.8, 3),
                f"{q(said(narrow.rule))} is a narrower rule (“{narrow.condition_text}”) "
                f"that carves an exception out of {q(said(general.rule))}.",
                spans + _find(narrow.rule, narrow.condition_text),
                stands_for=code,
            )
    return Relation(code, a, b, round(min(conf, 0.99), 3), why, spans)


def rubric_aliases(frames: list[Frame]) -> dict[str, str]:
    """Score <-> name from rubric table rows ('0' and 'Did Not Load' name the same outcome)."""
    lex = lexicon()
    out: dict[str, str] = {}
    for f in frames:
        cells = f.rule.cells
        if not cells:
            continue
        score = next((v for k, v in cells.items() if lex.score_header.match(k) and v.strip()), None)
        name = next((v for k, v in cells.items() if lex.label_header.match(k) and v.strip()), None)
        if score and name:
            out[name.strip().lower()] = score.strip().lower()
    return out


__all__ = ["CONTRADICTIONS", "NAMES", "Relation", "q", "relate", "rubric_aliases", "said", "same_set"]
