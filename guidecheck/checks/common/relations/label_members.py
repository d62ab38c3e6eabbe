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
from .text import LIST_BREAK, as_read, find_span, quoted

# "..., including A, B and C" / "such as A or B": the cases a definition names as members.
_MEMBERS = re.compile(
    r"\b(?:including|includes|include|such\s+as|e\.g\.,?|for\s+example,?|plus)\s+(?P<list>[^.;:|()—–]+)", re.I
)
# A definition that is itself a list of its members: "ID | Medical record numbers, account numbers, device serial
# numbers, vehicle plates, and any other number ..." (three or more short items before the first stop).
_ENUMERATION = re.compile(r"^(?P<list>[^.;:|()—–]{3,400}?)(?=[.;:|]|$)")
_ENUM_ITEM_WORDS = 5
_CATCH_ALL = re.compile(r"\b(?:any|every|all)\s+other\b|\banything\b|\betc\b", re.I)
# "X is not a fee", "X is not a broken link" (a two-word name: its first word is the key), "X are not termination terms", "X does not count as FEE", "do not label X as FEE".
_EXCLUSIONS = (
    re.compile(
        r"(?:^|;\s*)(?P<x>[^,;:]{3,80}?)\s+(?:is|are)\s+(?:not|never)\s+(?:an?\s+|the\s+)?"
        r"(?!(?:tagged|labell?ed|marked|annotated|used|enough|needed|required|allowed)\b)(?P<l>[\w-]+(?:\s+[\w-]+)?)"
        r"(?:\s+(?:terms?|spans?|cases?|items?|labels?|tags?|flags?))?(?=\s*[,;.:]|\s*$|\s+(?:and|but|so)\b)",
        re.I,
    ),
    re.compile(r"^(?P<x>[^,;:]{3,80}?)\s+(?:does|do)\s+not\s+count\s+as\s+(?:an?\s+)?(?P<l>[\w-]+)", re.I),
    re.compile(
        r"\b(?:do\s+not|don't|never)\s+(?:label|tag|mark|count|classify)\s+(?P<x>[^,;:]{3,60}?)\s+as\s+"
        r"(?:an?\s+)?(?P<l>[\w-]+)",
        re.I,
    ),
    # "Don't use GFT for cryptocurrency or wire-transfer requests": the label's name as the deck writes it
    re.compile(
        r"\b(?i:do\s+not|don't|don’t|never)\s+(?i:use|apply)\s+(?:the\s+)?(?P<l>[A-Z][\w-]+)\s+(?i:(?:label|tag|code)\s+)?"
        r"(?i:for|on)\s+(?P<x>[^,;:]{3,60})"
    ),
)
# "GFT covers any request to pay by gift card, prepaid voucher, cryptocurrency, or wire transfer": a label's code
# and the cases it takes in.
_COVERS = re.compile(r"^\s*(?P<l>[A-Z][A-Z0-9_-]+)\s+(?:covers|includes)\s+(?P<list>[^.;:]+)")
# A rule that puts a case in a label: "An animal standing motionless ... is Resting, even though ...", "Tag X as
# COURT". The label is capitalised as the deck writes label names, and must be one the rule names as an outcome.
_INCLUSIONS = (
    re.compile(
        r"^(?P<x>[^;:]{3,160}?)\s+(?:is|are)\s+(?:labell?ed\s+|tagged\s+|marked\s+)?(?:an?\s+)?(?P<l>[A-Z][\w-]+)"
        r"(?=\s*[,;.]|\s*$|\s+(?:even|and|but|because|so|when|if)\b)"
    ),
    re.compile(
        r"^(?:tag|label|mark|classify)\s+(?P<x>[^,;:]{3,80}?)\s+as\s+(?:an?\s+)?(?P<l>[A-Z][\w-]+)", re.I
    ),
    # "Names of clinicians, nurses ... are PHI in this project and are tagged NAME just like ...": the verb says
    # the name after it is the label, whatever follows.
    re.compile(
        r"^(?P<x>[^;:]{3,160}?)\s+(?:is|are)\s+(?:[^;:]{0,40}?\s+and\s+(?:is|are)\s+)?"
        r"(?:labell?ed|tagged|marked)\s+(?:as\s+)?(?:an?\s+)?(?P<l>[A-Z][\w-]+)\b"
    ),
)
# "DATE is for calendar dates only; a clock time such as 14:30 is never tagged": the case is left out of the one
# label the sentence names.
# "Language interpreters get their own label, INT, and are never labelled TP": a second predicate of the subject.
_NEVER_TAGGED = re.compile(
    r"(?:^|;\s*)(?P<x>[^,;]{3,80}?)\s+(?:(?:get|gets|have|has|take|takes|receive|receives)\s[^;.]{0,60}?,?\s+and\s+)?"
    r"(?:is|are)\s+(?:never|not)\s+(?:tagged|labell?ed|marked|annotated)\b",
    re.I,
)

# "Leave 'Id.' and 'Id. at' cites untagged", "You can leave doctors' and nurses' names untagged", "X should be left
# unlabelled": the case is kept out of every label.
_LEFT_UNTAGGED = re.compile(
    r"\b(?:leave|leaving)\s+(?P<x>[^;:]{3,80}?)\s+un(?:tagged|labell?ed|marked|annotated|highlighted)\b"
    r"|^(?P<y>[^,;:]{3,80}?)\s+(?:is|are)\s+(?:(?:always|to\s+be)\s+)?left\s+un(?:tagged|labell?ed|marked|annotated)\b",
    re.I,
)
_FIRST_VERB = re.compile(
    r"\s+(?:do|does|don't|doesn't|is|are|isn't|aren't|can|cannot|will|may|must|should|have|has)\b", re.I
)
# The label key of a case kept out of every label.
ANY_LABEL = "*"


def label_key(name: str) -> str:
    return stem(name.strip().lower().replace("_", " ").split()[0]) if name.strip() else ""


def _definitions(claims: list[Claim]) -> dict[str, list[tuple[Claim, str, frozenset[str]]]]:
    """Label -> (its defining rule, a member's words, the member's content) for every member a definition names."""
    out: dict[str, list[tuple[Claim, str, frozenset[str]]]] = {}
    for f in claims:
        if not f.rule.is_example and f.rule.kind == "definition" and (m := _COVERS.match(f.text)):
            _add_members(out, label_key(m.group("l")), f, m.group("list"))
        if f.rule.is_example or not f.outcomes:
            continue
        if f.rule.kind != "rubric":
            _stated_members(f, out)
            continue
        label = label_key(f.outcomes[0][0])
        lists = [m.group("list") for m in _MEMBERS.finditer(f.text)] + _enumerated(f)
        for listed in lists:
            for member in LIST_BREAK.split(listed):
                words = content(member)
                if words:
                    out.setdefault(label, []).append((f, member.strip(), words))
    return out


def _add_members(out: dict, label: str, f: Claim, listed: str) -> None:
    for member in LIST_BREAK.split(listed):
        words = content(member)
        if words:
            out.setdefault(label, []).append((f, member.strip(), words))


def _stated_members(f: Claim, out: dict[str, list[tuple[Claim, str, frozenset[str]]]]) -> None:
    """The cases a rule (not a rubric row) puts in a label by name: "Short forms ..., including 'Id.' and 'Id. at
    114', are tagged CASE_CITATION", "Names of clinicians, nurses, therapists and other staff are ... tagged NAME"."""
    got = label_inclusion(f)
    if got is None:
        return
    label, case_text, _ = got
    listed = [m.group("list") for m in _MEMBERS.finditer(case_text)] or [case_text]
    for part in listed:
        for member in LIST_BREAK.split(part):
            words = content(member)
            if words:
                out.setdefault(label, []).append((f, member.strip(), words))


def _enumerated(f: Claim) -> list[str]:
    """The definition cell of a label row when it is a plain list of short items ("Medical record numbers,
    account numbers, device serial numbers, vehicle plates, and any other number")."""
    cells = [c.strip() for c in f.text.split(" | ")]
    if len(cells) < 2:
        return []
    m = _ENUMERATION.match(cells[1])
    if m is None:
        return []
    items = [i.strip() for i in re.split(r",\s*", m.group("list")) if i.strip()]
    if len(items) < 3 or any(len(i.split()) > _ENUM_ITEM_WORDS for i in items[:-1]):
        return []  # a clause, not a list; only the last item may be a catch-all ("and any other number ...")
    last = items[-1]  # "or sits behind a paywall or login screen" is a member; "and any other number" is not
    keep = (
        [*items[:-1], last]
        if len(last.split()) <= 2 * _ENUM_ITEM_WORDS and not _CATCH_ALL.search(last)
        else items
    )
    return [", ".join(i for i in keep if i is last or len(i.split()) <= _ENUM_ITEM_WORDS)]


def _exclusion(f: Claim) -> tuple[str, str, frozenset[str]] | None:
    """(label key, the excluded case's words, their content) when the rule says a case is not a label."""
    for rx in _EXCLUSIONS:
        m = rx.search(f.text)
        if m:
            x = re.sub(r"^(?:yes|no|note)\s*[:,-]\s*", "", m.group("x").strip(), flags=re.I)
            return label_key(m.group("l")), x, content(x)
    m = _LEFT_UNTAGGED.search(f.text)
    if m and not f.condition:  # "leave it untagged when ..." is a narrower case, stated as one
        # "Drug lot numbers do not identify a person and are left untagged": the case is the subject, not its reason
        x = m.group("x") or _FIRST_VERB.split(m.group("y"), maxsplit=1)[0]
        return ANY_LABEL, x.strip(), content(x)
    named = {label_key(o) for o, _ in f.outcomes if not o.replace(".", "").isdigit()}
    m = _NEVER_TAGGED.search(f.text)
    if m and len(named) == 1:
        x = re.sub(r"^(?:a|an|the)\s+", "", m.group("x").strip(), flags=re.I)
        return named.pop(), x, content(x)
    return None


def label_inclusion(f: Claim) -> tuple[str, str, frozenset[str]] | None:
    """(label key, the case's words, their content) when the rule puts a case in a label it names."""
    named = {label_key(o) for o, _ in f.outcomes}
    for rx in _INCLUSIONS:
        m = rx.match(f.text)
        if m and label_key(m.group("l")) in named:
            return label_key(m.group("l")), m.group("x").strip(), content(m.group("x"))
    return None


def _sub_case_relations(claims: list[Claim], exclusions: list[tuple[Claim, tuple]]) -> list[Relation]:
    """CON006 where one rule says a case is never a label and another puts a narrower case of it in that label
    ("an animal that is standing is never Resting" / "An animal standing motionless ... is Resting"): every word
    of the excluded case is in the included one. An exclusion with its own exception ("unless ...") allows it."""
    out: list[Relation] = []
    inclusions = [(g, got) for g in claims if _rule_like(g) and (got := label_inclusion(g))]
    for f, (label, case_text, case) in exclusions:
        if f.exception or len(case) < 2:
            continue
        for g, (glabel, gtext, gcase) in inclusions:
            if glabel == label and g.rule.id != f.rule.id and case <= gcase and same_project(g.rule, f.rule):
                name = next(o for o, _ in g.outcomes if label_key(o) == label)
                out.append(_relation(g, f, gtext, case_text, name))
                break
    return out


def _rule_like(f: Claim) -> bool:
    return not f.rule.is_example and f.rule.kind != "rubric"


def _same_case(member: frozenset[str], case: frozenset[str]) -> bool:
    """The member names the excluded case: two words in common, the whole of a one-word member is the case, or a
    one-word case is named in a short member ("A paywall is not a broken link" / "sits behind a paywall")."""
    shared = member & case
    return (
        len(shared) >= 2
        or (len(member) == 1 and member <= case and len(case) <= 2)
        or (len(case) == 1 and case <= member and len(member) <= 3)
    )


def member_relations(claims: list[Claim]) -> list[Relation]:
    """CON006 for each case a label's definition (or another rule) includes and another rule excludes (REL002
    when the exclusion is an update that says it replaces the definition)."""
    exclusions = [(f, got) for f in claims if not f.rule.is_example and (got := _exclusion(f))]
    if not exclusions:
        return []
    members = _definitions(claims)
    out: list[Relation] = []
    for f, (label, case_text, case) in exclusions:
        # each case of a list excluded ("cryptocurrency or wire-transfer requests"), and the whole
        parts = [c for part in LIST_BREAK.split(case_text) if (c := content(part))]
        cases = [case, *parts] if label != ANY_LABEL else parts
        candidates = (
            members.get(label, []) if label != ANY_LABEL else [m for ms in members.values() for m in ms]
        )
        hits = [
            (d, text)
            for d, text, words in candidates
            if d.rule.id != f.rule.id
            and same_project(d.rule, f.rule)
            and any(_same_case(words, c) for c in cases)
            and not (f.exception and d.rule.kind != "rubric")  # "Never label X as L unless ...": its own case
        ]
        for d, text in hits[:1]:
            out.append(_relation(d, f, text, case_text))
    paired = {frozenset((r.a.id, r.b.id)) for r in out}
    extra = _sub_case_relations(claims, exclusions)
    return out + [r for r in extra if frozenset((r.a.id, r.b.id)) not in paired]


def _label_named(d: Claim) -> str:
    """The label a definition is of: its first outcome, or the code a "GFT covers ..." sentence opens on."""
    if d.outcomes:
        return d.outcomes[0][0]
    m = _COVERS.match(d.text)
    return m.group("l") if m else "the label"


def _relation(d: Claim, f: Claim, member: str, case: str, label: str | None = None) -> Relation:
    why = (
        f"{quoted(as_read(d.rule))} counts {quoted(member)} as {label or _label_named(d)}, but "
        f"{quoted(as_read(f.rule))} says {quoted(case)} is not."
    )
    spans = find_span(d.rule, member) + find_span(f.rule, case)
    if f.update or d.update:
        return Relation(
            "REL002", d.rule, f.rule, 0.7, why + " The later update replaces it.", spans, "CON006"
        )
    return Relation("CON006", d.rule, f.rule, 0.85, why, spans)


__all__ = ["label_inclusion", "label_key", "member_relations"]
