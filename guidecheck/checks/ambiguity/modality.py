"""AMB004 mixed modality (the same rule as "must" here and "should" there) and AMB005 ambiguous "may"."""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np

from ...index.glossary import normal_term
from ...model import CODE, EXAMPLE, HEADING, QUOTE, Finding, Location, Rule, Span
from ..base import Check, CheckContext
from ..registry import register
from .common import _memo, data, deck_of, is_checkable, mask_quotes

NORMATIVE = {"obligation", "recommendation", "permission", "prohibition", "discouragement"}
_MODAL_WORDS = re.compile(
    r"\b(?:must not|must never|must|shall not|shall|should not|shouldn't|should|may not|may|can|need to|needs to|"
    r"have to|has to|is required to|are required to|always|never|ideally|please|try to|it is best to|"
    r"we recommend that you|we recommend|is recommended|are recommended|do not|don't|avoid)\b",
    re.I,
)
_MAY = re.compile(r"\bmay(?:\s+not)?\b")  # lower case: "May" is a month or a question


def strip_modality(text: str) -> str:
    """The rule without its strength words, so two rules that differ only in strength compare as equal."""
    return re.sub(r"\s+", " ", _MODAL_WORDS.sub(" ", text)).strip()


def related_elsewhere(ctx: CheckContext) -> set[tuple[str, str]]:
    """Rule pairs the contradiction family owns: any conflict, exception or override, and REL003 duplicates of the
    same strength (identical restatements). A pair that differs in strength (must / should) is mixed modality,
    AMB004's by the family split, even when REL003 also calls it a repeat.
    """
    try:
        from ..contradiction.engine import relations
    except ImportError:
        return set()
    out: set[tuple[str, str]] = set()
    for rel in relations(ctx.index, ctx.config):
        if rel.code == "REL003" and (rel.a.modality or "") != (rel.b.modality or ""):
            continue
        out.add((rel.a.id, rel.b.id))
        out.add((rel.b.id, rel.a.id))
    return out


def same_rule_pairs(ctx: CheckContext, floor: float = 0.7) -> list[tuple[Rule, Rule, float]]:
    """Candidate pairs of normative rules with the same polarity, scored on their modality-free wording.

    Shared by AMB004 and DUP001 (terminology/duplicates.py); labels and numbers must agree, otherwise the pair is
    a contradiction (another family's business), not a restatement.
    """
    memo = _memo(ctx, "same_rule_pairs")
    if floor not in memo:
        memo[floor] = _same_rule_pairs(ctx, floor)
    return memo[floor]


def _same_rule_pairs(ctx: CheckContext, floor: float) -> list[tuple[Rule, Rule, float]]:
    rules = ctx.rules
    taken = related_elsewhere(ctx)
    scope = data()["modality"]["pair_scope"]
    cands: list[tuple[Rule, Rule]] = []
    for pair in ctx.index.pairs:
        a, b = rules[pair.a], rules[pair.b]
        if pair.similarity < floor or not (is_checkable(a) and is_checkable(b)) or (a.id, b.id) in taken:
            continue
        if a.kind not in NORMATIVE or b.kind not in NORMATIVE or a.negated != b.negated:
            continue
        if (scope == "document" and a.path != b.path) or (
            scope == "folder" and deck_of(a.path) != deck_of(b.path)
        ):
            continue
        if a.conditions != b.conditions and (a.conditions or b.conditions):
            continue
        if sorted(ln.lower() for ln in a.labels) != sorted(ln.lower() for ln in b.labels):
            continue
        if sorted((q.attribute, q.comparator, q.value) for q in a.quantities) != sorted(
            (q.attribute, q.comparator, q.value) for q in b.quantities
        ):
            continue
        cands.append((a, b))
    if not cands or ctx.index.embedder is None:
        return []
    texts = sorted({strip_modality(r.text) for ab in cands for r in ab})
    vecs = ctx.index.embedder.encode(texts)
    row = {t: i for i, t in enumerate(texts)}
    out = []
    for a, b in cands:
        sim = float(np.dot(vecs[row[strip_modality(a.text)]], vecs[row[strip_modality(b.text)]]))
        out.append((a, b, sim))
    return out


def _modal_span(rule: Rule) -> list[Span]:
    m = _MODAL_WORDS.search(rule.text)
    return [Span(rule.id, m.start(), m.end())] if m else []


@register
class MixedModality(Check):
    """The same rule is a "must" in one place and a "should" or "may" in another.

    What it does:
        Finds pairs of rules that say the same thing once the strength words are removed, with the same
        polarity, but with different strength (must / should / may).

    Why is this bad:
        Raters cannot tell whether breaking the rule is an error or a preference; reviewers grade the same
        behaviour as a failure in one queue and as fine in another.

    Example:
        Raters must read the whole article before rating.
        ...
        Raters should read the whole article before rating.

    Use instead:
        Pick one strength and state it once: "Raters must read the whole article before rating."
    """

    code = "AMB004"
    name = "mixed-modality"
    category = "ambiguity"
    severity = "warning"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        threshold = float(data()["modality"]["same_rule_similarity"])
        for a, b, sim in same_rule_pairs(ctx):
            if (
                sim < threshold
                or (a.modality or "") == (b.modality or "")
                or not a.modality
                or not b.modality
            ):
                continue
            strong, weak = (a, b) if a.strength >= b.strength else (b, a)
            yield ctx.finding(
                self,
                [a, b],
                f"The same rule is given as '{strong.modality}' ('{strong.text}') and as '{weak.modality}' "
                f"('{weak.text}').",
                confidence=round(min(0.95, sim), 3),
                spans=_modal_span(a) + _modal_span(b),
                fix=f"Decide whether it is required ('{strong.modality}') or a preference ('{weak.modality}'), "
                "keep one statement with that strength and delete or reword the other.",
            )


@register
class AmbiguousMay(Check):
    """ "may" that can be read as permission or as possibility.

    What it does:
        Flags "may" / "may not" in rules whose subject is a thing rather than the rater ("The summary may
        include quotes"), where the sentence can mean "is allowed to" or "sometimes does".

    Why is this bad:
        One rater reads "Responses may include links" as permission (links are fine), another as a warning
        (watch out for links). "may not" is worse: forbidden, or possibly absent?

    Example:
        Captions may not mention the photographer.

    Use instead:
        Captions must not mention the photographer. (or: It is fine for a caption to mention the photographer.)
    """

    code = "AMB005"
    name = "ambiguous-may"
    category = "ambiguity"
    severity = "info"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        for rule in ctx.rules:
            if not is_checkable(rule) or rule.kind in ("definition", "rubric"):
                continue
            m = _ambiguous_may(rule.text, rule.actor)
            if m is not None:
                yield ctx.finding(
                    self,
                    [rule],
                    _message(m.group(0)),
                    confidence=0.6,
                    spans=[Span(rule.id, m.start(), m.end())],
                    key=m.group(0).lower(),
                    fix=_fix(m.group(0)),
                )
        # The rules stage may read a thing-subject "may" as possibility and extract no rule: exactly the sentences
        # readers split on. Those are reported on their line, without a rule.
        covered: dict[str, list[str]] = {}
        for rule in ctx.rules:
            covered.setdefault(rule.path, []).append(normal_term(rule.text))
        for doc in ctx.index.documents:
            for block in doc.blocks:
                if block.kind in (HEADING, EXAMPLE, CODE, QUOTE) or "may" not in block.text.lower():
                    continue
                for n, line in enumerate(block.text.splitlines()):
                    for sentence in re.split(r"(?<=[.!?])\s+", line.strip().lstrip("-*• ")):
                        key = normal_term(sentence)
                        if not key or any(key in t or t in key for t in covered.get(doc.path, []) if t):
                            continue
                        m = _ambiguous_may(sentence, None)
                        if m is None or not sentence.rstrip().endswith((".", "!")):
                            continue
                        line_no = block.location.line + n if block.location.line is not None else None
                        yield ctx.finding(
                            self,
                            [],
                            f'{_message(m.group(0))} ("{sentence.strip()}")',
                            confidence=0.55,
                            location=Location(
                                doc.path,
                                line_no,
                                page=block.location.page,
                                slide=block.location.slide,
                                notes=block.location.notes,
                            ),
                            key=key,
                            fix=_fix(m.group(0)),
                        )


def _ambiguous_may(text: str, actor: str | None) -> re.Match[str] | None:
    """The first "may" / "may not" whose subject is a thing, not the rater, and that is not plainly possibility."""
    md = data()["modality"]
    people = set(md["person_subjects"])
    after = tuple(md["possibility_after"])
    masked = mask_quotes(text)
    for m in _MAY.finditer(masked):
        before = re.findall(r"[A-Za-z']+", masked[: m.start()])
        if not before:
            continue  # "May I ..." or a fragment
        subject = before[-1].lower()
        if subject in people or (
            (actor or "").lower() in people and subject in ("also", "still", "then", "now")
        ):
            continue
        if masked[m.end() :].lstrip().lower().startswith(after):
            continue
        return m
    return None


def _message(phrase: str) -> str:
    return f"'{phrase}' can be read as permission or as possibility here."


def _fix(phrase: str) -> str:
    return (
        'Say which: for permission write "... is allowed" or "Raters may accept ..."; '
        + ('for a ban write "must not"; ' if "not" in phrase.lower() else "")
        + 'for possibility write "can" / "might" and say what raters do about it.'
    )
