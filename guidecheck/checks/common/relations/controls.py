"""A control of the tool banned outright in one rule and used in another (CON001).

"Do not use the Translate button or any outside machine-translation tool" and, in a later FAQ, "For every review not
in English, click Translate first"; "Do not run the Redact tool over faces" and "If a face is visible, cover it with
the Redact tool". The two name one control of the tool by its name ("Translate", "the Redact tool") with different
verbs (use / click, run / cover with), so the acts the frames compare differ, and they are seldom embedding
neighbours. A ban counts when its negation governs the use of the control ("do not use the X button", "never press
X") and nothing after the name narrows it ("Don't press Skip just because ...", "don't use the TIME code until ...",
"Don't use SAFETY for general advice" ban one use, not the control). The use must be the rule's own instruction, not
a time ("before pressing Submit"). A ban and a use stated in one section are a rule and its exception. Patterns are
data (``data/contradictions.toml``, [controls]).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .claims import Claim, unquoted
from .conflict import Conflict
from .deck_scans import pairwise
from .lexicon import data
from .proposition import is_example_material
from .relate import Relation, stated_together
from .text import as_read, find_span, quoted


class _Patterns(NamedTuple):
    use: re.Pattern[str]
    ban: re.Pattern[str]
    narrowed: re.Pattern[str]
    timed: re.Pattern[str]
    tool_ban: re.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    d = data()["controls"]
    # the pattern names the control twice (pressed, or used by its kind): the second is group "name2"
    use = d["use"].replace("NAME", d["name"], 1).replace("NAME", d["name"].replace("?P<name>", "?P<name2>"))
    return _Patterns(
        re.compile(use),
        re.compile(d["ban"].replace("USE", use)),
        re.compile(d["narrowed"], re.I),
        re.compile(d["timed"], re.I),
        re.compile(d["tool_ban"]),
    )


class ControlUse(NamedTuple):
    claim: Claim
    banned: bool
    name: str
    words: str  # the words that use or ban it, for the message


def control_use(claim: Claim) -> ControlUse | None:
    """The control a rule bans outright or tells raters to use, or None."""
    text = unquoted(claim.text)
    p = _patterns()
    if claim.deontic == "F":
        m = p.ban.search(text) or p.tool_ban.search(text)
        rest = re.split(r"[.;:]", text[m.end() :], maxsplit=1)[0] if m else ""
        if m is None or p.narrowed.search(rest):
            return None
        return ControlUse(claim, True, _name(m), m.group(0))
    if claim.deontic not in ("O", "P"):
        return None
    m = next((m for m in p.use.finditer(text) if not p.timed.search(text[: m.start()])), None)
    return ControlUse(claim, False, _name(m), m.group(0)) if m else None


def controls_used(text: str) -> set[str]:
    """The names of the controls a text presses or uses ("with the Escalate button", "press Escalate"), lower case:
    one control pressed under two verbs ("send it on with the Escalate button" / "press Escalate") is one act."""
    return {_name(m).lower() for m in _patterns().use.finditer(unquoted(text))}


def _name(m: re.Match[str]) -> str:
    return m.group("name") or m.group("name2")


def _conflict(x: ControlUse, y: ControlUse) -> Conflict | None:
    if x.banned == y.banned or x.name.lower() != y.name.lower():
        return None
    if stated_together(x.claim.rule, y.claim.rule):
        return None  # "Never press Skip. The one exception: ... press Skip" in one section
    ban, use = (x, y) if x.banned else (y, x)
    why = (
        f"{quoted(as_read(ban.claim.rule))} bans the {ban.name} control outright, but "
        f"{quoted(as_read(use.claim.rule))} tells raters to use it (“{use.words}”)."
    )
    spans = find_span(x.claim.rule, x.words) + find_span(y.claim.rule, y.words)
    return Conflict("CON001", 0.8, why, spans, False, categorical=True)


def control_relations(claims: list[Claim]) -> list[Relation]:
    """CON001 for a control banned outright in one rule and used in another of the same project."""
    found = [
        u
        for c in claims
        if not c.rule.is_example and not is_example_material(c)
        for u in (control_use(c),)
        if u is not None
    ]
    return pairwise(found + _acts_of_banned_tools(claims, found), lambda u: u.claim, _conflict)


def _acts_of_banned_tools(claims: list[Claim], found: list[ControlUse]) -> list[ControlUse]:
    """Rules that do what a banned tool does ("Raters must zoom into every customer photo" uses "the zoom tool")."""
    tools = {u.name.lower() for u in found if u.banned and u.name.islower()}
    if not tools:
        return []
    return [
        ControlUse(c, False, c.rule.action, c.rule.action)
        for c in claims
        if c.deontic in ("O", "P")
        and (c.rule.action or "").lower() in tools
        and not c.rule.is_example
        and not is_example_material(c)
    ]


__all__ = ["ControlUse", "control_relations", "control_use", "controls_used"]
