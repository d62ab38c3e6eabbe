"""AMB004 mixed modality (the same rule as "must" here and "should" there) and AMB005 ambiguous "may"."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...index.glossary import normal_term
from ...model import CODE, EXAMPLE, HEADING, QUOTE, Finding, Location, Rule, Span
from ..base import Check, CheckContext
from ..common.restatements import MODAL_WORDS, same_rule_pairs
from ..common.wording import data, is_checkable, mask_quotes
from ..registry import register

_MAY = re.compile(r"\bmay(?:\s+not)?\b")  # lower case: "May" is a month or a question


def _modal_span(rule: Rule) -> list[Span]:
    m = MODAL_WORDS.search(rule.text)
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
