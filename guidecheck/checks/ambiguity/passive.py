"""AMB008: passive obligations with no actor ("must be escalated" — by whom?)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...model import Finding, Span
from ..base import Check, CheckContext
from ..common.wording import allowed_words, data, is_checkable, mask_quotes
from ..registry import register

# Words the "-ed/-en" pattern catches that are not participles.
_NOT_PARTICIPLES = frozenset(
    {
        "been",
        "open",
        "often",
        "even",
        "seven",
        "eleven",
        "ten",
        "when",
        "then",
        "between",
        "children",
        "women",
        "men",
        "token",
        "listen",
        "garden",
        "kitchen",
        "citizen",
        "screen",
        "green",
        "need",
        "used",
        "red",
        "bed",
        "seed",
        "speed",
        "feed",
        "shed",
    }
)


def _pattern() -> re.Pattern[str]:
    pd = data()["passive"]
    modals = "|".join(re.escape(m) for m in sorted(pd["modals"], key=len, reverse=True))
    return re.compile(
        r"\b(?:" + modals + r")\s+(?:\w+ly\s+|also\s+|then\s+|first\s+|immediately\s+)?be\s+"
        r"(?:\w+ly\s+)?(?P<verb>(?:re-|pre-|co-|de-)?[a-z]+(?:ed|en)|" + "|".join(pd["irregular"]) + r")\b",
        re.I,
    )


@register
class ActorlessPassive(Check):
    """An obligation in the passive voice that never says who must act.

    What it does:
        Flags "must be escalated", "should be reviewed", "is to be removed" when no "by ..." names the actor.
        Participles whose actor is plainly the rater reading the rule (rated, labeled, marked, ...) and states
        (allowed, required, ...) are not flagged.

    Why is this bad:
        Raters, reviewers and leads each assume someone else does it: escalations and removals are skipped or
        done twice.

    Example:
        Any credible threat of self-harm must be escalated within one hour.

    Use instead:
        Raters must escalate any credible threat of self-harm to the safety lead within one hour.
    """

    code = "AMB008"
    name = "actorless-passive"
    category = "ambiguity"
    severity = "warning"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        pd = data()["passive"]
        skip = set(pd["rater_acts"]) | set(pd["state_participles"]) | allowed_words(ctx)
        pattern = _pattern()
        for rule in ctx.rules:
            if not is_checkable(rule) or rule.kind in ("definition", "rubric"):
                continue
            text = mask_quotes(rule.text)
            for m in pattern.finditer(text):
                verb = m.group("verb").lower()
                if verb in skip or verb in _NOT_PARTICIPLES:
                    continue
                clause = re.split(r"[,;:]", text[: m.start()])[-1]
                if re.search(r"\b(?:if|when|whenever|unless|once|because|whether|until)\b", clause, re.I):
                    continue  # "if the speaker cannot be identified": a condition, not an obligation
                if re.search(
                    r"\bby\s+(?:the|a|an|your|their|our|another|other|each|any|[A-Za-z]+(?:s|er|or|ist|ee)\b)",
                    text[m.end() :],
                    re.I,
                ) and not re.search(
                    r"\bby\s+(?:the\s+)?(?:end|time|deadline|monday|tuesday|wednesday|thursday|friday|\d)",
                    text[m.end() :],
                    re.I,
                ):
                    continue
                phrase = m.group(0)
                yield ctx.finding(
                    self,
                    [rule],
                    f"'{phrase}' does not say who must do it.",
                    confidence=0.7,
                    spans=[Span(rule.id, m.start(), m.end())],
                    key=verb,
                    fix=f'Name who acts, in the active voice: "Raters must {_base(verb)} ..." or '
                    f'"... must be {verb} by the team lead".',
                )
                break


def _base(participle: str) -> str:
    """escalated -> escalate, reviewed -> review, sent -> send (good enough for a suggestion)."""
    irregular = {
        "sent": "send",
        "made": "make",
        "taken": "take",
        "shown": "show",
        "seen": "see",
        "hidden": "hide",
        "set": "set",
        "put": "put",
        "told": "tell",
        "found": "find",
        "held": "hold",
        "brought": "bring",
        "run": "run",
        "rewritten": "rewrite",
        "redone": "redo",
        "withheld": "withhold",
        "given": "give",
        "overridden": "override",
        "kept": "keep",
        "undone": "undo",
        "forwarded": "forward",
    }
    if participle in irregular:
        return irregular[participle]
    if participle.endswith("ied"):
        return participle[:-3] + "y"
    if re.search(
        r"(?:at|iz|is|us|os|ov|rv|it|ch|nc|rc|rg|dg|ag|ur|ir|bl|pl|gl|tl|ok|ar|ue|at|et|ot|in)ed$", participle
    ):
        return participle[:-1]
    if participle.endswith("ed"):
        stem = participle[:-2]
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls":
            stem = stem[:-1]
        return stem
    return participle
