"""A label defined to include a case, and a rule that says the same case is not that label (CON006).

"FEE | Any amount the tenant must pay beyond base rent, including the security deposit, ..." and "A refundable
security deposit is not a fee" define one label two ways. The two sentences share few words with each other and
the embedding pairs rarely compare a rubric row with a one-line rule, so the definitions' member lists are read
on their own and every rule that excludes a case from a label is matched against them.
"""

from __future__ import annotations

import re

from ..deck import same_project
from .claims import Claim
from .lexicon import content, stem
from .relate import Relation
from .text import as_read, find_span, quoted

# "..., including A, B and C" / "such as A or B": the cases a definition names as members.
_MEMBERS = re.compile(
    r"\b(?:including|includes|include|such\s+as|e\.g\.,?|for\s+example,?)\s+(?P<list>[^.;:|()]+)", re.I
)
_SPLIT = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", re.I)
# "X is not a fee", "X are not termination terms", "X does not count as FEE", "do not label X as FEE".
_EXCLUSIONS = (
    re.compile(
        r"^(?P<x>[^,;:]{3,80}?)\s+(?:is|are)\s+not\s+(?:an?\s+|the\s+)?(?P<l>[\w-]+)"
        r"(?:\s+(?:terms?|spans?|cases?|items?|labels?|tags?|flags?))?(?=\s*[,;.:]|\s*$|\s+(?:and|but|so)\b)",
        re.I,
    ),
    re.compile(r"^(?P<x>[^,;:]{3,80}?)\s+(?:does|do)\s+not\s+count\s+as\s+(?:an?\s+)?(?P<l>[\w-]+)", re.I),
    re.compile(
        r"\b(?:do\s+not|don't|never)\s+(?:label|tag|mark|count|classify)\s+(?P<x>[^,;:]{3,60}?)\s+as\s+"
        r"(?:an?\s+)?(?P<l>[\w-]+)",
        re.I,
    ),
)


def _label_key(name: str) -> str:
    return stem(name.strip().lower().replace("_", " ").split()[0]) if name.strip() else ""


def _definitions(claims: list[Claim]) -> dict[str, list[tuple[Claim, str, frozenset[str]]]]:
    """Label -> (its defining rule, a member's words, the member's content) for every member a definition names."""
    out: dict[str, list[tuple[Claim, str, frozenset[str]]]] = {}
    for f in claims:
        if f.rule.is_example or f.rule.kind != "rubric" or not f.outcomes:
            continue
        label = _label_key(f.outcomes[0][0])
        for m in _MEMBERS.finditer(f.text):
            for member in _SPLIT.split(m.group("list")):
                words = content(member)
                if words:
                    out.setdefault(label, []).append((f, member.strip(), words))
    return out


def _exclusion(f: Claim) -> tuple[str, str, frozenset[str]] | None:
    """(label key, the excluded case's words, their content) when the rule says a case is not a label."""
    for rx in _EXCLUSIONS:
        m = rx.search(f.text)
        if m:
            x = re.sub(r"^(?:yes|no|note)\s*[:,-]\s*", "", m.group("x").strip(), flags=re.I)
            return _label_key(m.group("l")), x, content(x)
    return None


def _same_case(member: frozenset[str], case: frozenset[str]) -> bool:
    """The member names the excluded case: two words in common, or the whole of a one-word member is the case."""
    shared = member & case
    return len(shared) >= 2 or (len(member) == 1 and member <= case and len(case) <= 2)


def member_relations(claims: list[Claim]) -> list[Relation]:
    """CON006 for each case a label's definition includes and another rule excludes (REL002 when the exclusion is
    a dated update that replaces the definition)."""
    members = _definitions(claims)
    if not members:
        return []
    out: list[Relation] = []
    for f in claims:
        if f.rule.is_example or f.rule.kind == "rubric":
            continue
        found = _exclusion(f)
        if found is None or found[0] not in members:
            continue
        label, case_text, case = found
        hits = [
            (d, text)
            for d, text, words in members[label]
            if d.rule.id != f.rule.id and same_project(d.rule, f.rule) and _same_case(words, case)
        ]
        for d, text in hits[:1]:
            out.append(_relation(d, f, text, case_text))
    return out


def _relation(d: Claim, f: Claim, member: str, case: str) -> Relation:
    why = (
        f"{quoted(as_read(d.rule))} counts {quoted(member)} as {d.outcomes[0][0]}, but {quoted(as_read(f.rule))} "
        f"says {quoted(case)} is not."
    )
    spans = find_span(d.rule, member) + find_span(f.rule, case)
    if f.update:
        return Relation(
            "REL002", d.rule, f.rule, 0.7, why + " The later update replaces it.", spans, "CON006"
        )
    return Relation("CON006", d.rule, f.rule, 0.85, why, spans)


__all__ = ["member_relations"]
