"""A label's scope stated two ways: one sentence takes a case into a label, another keeps it out (CON006).

"UNRESP | Patient does not respond to voice or touch, whether or not they are breathing" against "UNRESP is only for
a patient who is unresponsive and not breathing normally"; "Robot-to-robot close calls ... are also NEAR_MISS
events" against "NEAR_MISS is for people only: when two robots pass close to each other, don't tag anything"; "Use
False Flag also when the clause is real but the summary overstates how serious it is" against "a real clause whose
seriousness is overstated is an Accuracy problem, not a False Flag".

Both sentences say so in words. One takes the case in: a condition the label does not depend on ("whether or not
C"), two cases taken alike ("whether A or B"), or a case added past the label's first reading ("also", "too", "even
when"). The other keeps it out: it denies the label to the case by name ("X is not L", "..., not L"), or restricts
the label ("L is only for Y", "reserve L for Y", "L only when Y") so that C matters, only A is left, or the added
case is named apart after the restriction ("...: when two robots pass close ..., don't tag anything"). A case
merely outside a restriction is not enough: "Tag OILED only when oil covers the feathers" and "Gulls with oil on the
feathers are also OILED" agree. Both must name the same label of the deck, from other sections (a sentence in the
rule's own section is its scope). The member lists of a definition against an exclusion are ``label_members``'s.
Patterns are data (``data/contradictions.toml`` [label_scope]).
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from typing import NamedTuple

from ..deck import same_project
from .claims import Claim, unquoted
from .lexicon import content, data, stem
from .relate import Relation, stated_together
from .text import as_read, find_span, quoted

# How a sentence scopes a label: the forms that keep a case out first.
_OUT = ("restricts", "excludes")
_IN = ("either", "alternatives", "extends", "defines")
_FIRST_CLAUSE = re.compile(r"[;:]|,\s+(?:but|so|and)\s+|\s+(?:—|–)\s+")


class Scope(NamedTuple):
    claim: Claim
    label: str  # the label's name as the deck writes it
    form: str  # one of _OUT or _IN
    case: frozenset[str]  # the case's words (a restriction's: its first clause)
    rest: frozenset[str]  # a restriction's words outside its own clause; an alternative's other case
    all: frozenset[str]  # the content words of the whole sentence
    words: str  # the words that scope the label, for the message and the span
    apart: bool = False  # a restriction's other clause sets a case apart (another label, or none)

    @property
    def inside(self) -> bool:
        return self.form in _IN


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    return frozenset(content(" ".join(data()["label_scope"]["generic"])))


# The label's name is masked in the sentence before the patterns read it, so they are compiled once.
_MASK = "\ue000"


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The patterns with the mask in place of ``{L}``, by form."""
    d = data()["label_scope"]
    listed = {form: [d[form]] if isinstance(d[form], str) else d[form] for form in _OUT + _IN}
    return tuple(
        (form, re.compile(p.replace("{L}", _MASK).replace("{E}", d["end"]), re.I))
        for form in _OUT + _IN
        for p in listed[form]
    )


def _key(name: str) -> str:
    return " ".join(stem(w) for w in re.findall(r"[a-z0-9]+", name.lower()))


def deck_labels(claims: list[Claim]) -> dict[str, str]:
    """Label key -> its name, for every label the deck gives as an outcome and writes as a name (capitalised, not
    a number)."""
    out: dict[str, str] = {}
    for f in claims:
        for name, _ in f.outcomes:
            written_as_name = name[:1].isupper() or re.fullmatch(r"[a-z]+(?:_[a-z]+)+", name)
            if written_as_name and re.search(r"[A-Za-z]{2}", name) and len(name) <= 40:
                out.setdefault(_key(name), name)
    return out


def _named(text: str, labels: dict[str, str]) -> list[str]:
    """The deck's labels a sentence names, in order, as written; a name inside a longer one ("Supported" in
    "Partially Supported") is that one."""
    out: list[str] = []
    if not labels:
        return out
    for m in _finder(tuple(sorted(labels.values()))).finditer(text):
        name = _written(m.group(0), labels)
        if name not in out:
            out.append(name)
    return out


@lru_cache(maxsize=256)
def _finder(names: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a deck's label names, longest first; a name of two words or more in any case."""
    alts = [
        re.escape(n) if " " not in n else f"(?i:{re.escape(n)})" for n in sorted(names, key=len, reverse=True)
    ]
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alts)})(?![\w-])")


def _written(found: str, labels: dict[str, str]) -> str:
    return next((n for n in labels.values() if n == found), None) or next(
        n for n in labels.values() if n.lower() == found.lower()
    )


def _masked(text: str, label: str) -> str:
    rx = rf"(?<![\w-]){re.escape(label)}(?![\w-])"
    return re.sub(rx, _MASK, text, flags=re.I if " " in label else 0)


def _words(text: str, label: str) -> frozenset[str]:
    words = content(text.replace("-", " ")) - content(label.replace("_", " ").replace("-", " "))
    return frozenset(words) - _generic()


def _marker(m: re.Match[str], group: str, label: str) -> str:
    """The words that scope the label, without the case: "are also NEAR_MISS", "Reserve Unsupported for"."""
    before, after = m.string[m.start() : m.start(group)], m.string[m.end(group) : m.end()]
    words = max((before, after), key=len).strip(" ,;:")
    return _shown(words if len(words.split()) > 1 else m.group(0).strip(" ,;:"), label)


@lru_cache(maxsize=1)
def _apart() -> re.Pattern[str]:
    return re.compile(data()["label_scope"]["apart"], re.I)


@lru_cache(maxsize=1)
def _asks() -> re.Pattern[str]:
    return re.compile(data()["label_scope"]["asks"], re.I)


def _scope(claim: Claim, label: str, form: str, m: re.Match[str], labels: dict[str, str]) -> Scope | None:
    """The scope one pattern's match states; ``m`` reads the sentence with the label masked."""
    text = m.string
    if form in ("either", "alternatives") and _asks().search(text):
        return None  # "If you cannot tell whether ...": a question, not a case taken in
    whole = _words(text, label)
    if form == "alternatives":
        a, b = _words(m.group("a"), label), _words(m.group("b"), label)
        return Scope(claim, label, form, a, b, whole, _shown(m.group(0), label)) if a and b else None
    if form == "restricts":
        return _restriction(claim, label, m, whole, labels)
    case = _words(m.group("c"), label)
    if not case:
        return None
    if form == "defines":  # a definition is read in its own cell, and quoted whole
        return Scope(claim, label, form, case, frozenset(), case, _shown(m.group("c").strip(), label))
    return Scope(claim, label, form, case, frozenset(), whole, _marker(m, "c", label))


def _restriction(
    claim: Claim, label: str, m: re.Match[str], whole: frozenset[str], labels: dict[str, str]
) -> Scope | None:
    """ "NEAR_MISS is for people only: when two robots pass close ...": the restriction's own clause is its case,
    the sentence's other clauses may set a case apart."""
    text, case_text = m.string, m.group("c")
    split = _FIRST_CLAUSE.search(case_text)
    end = m.start("c") + split.start() if split else m.end()
    case = _words(case_text[: split.start()] if split else case_text, label)
    if not case:
        return None
    other = text[: m.start()] + " " + text[end:]
    apart = bool(_apart().search(other)) or any(n != label for n in _named(other, labels))
    words = _shown(text[m.start() : end].strip(" ,"), label)
    return Scope(claim, label, "restricts", case, _words(other, label), whole, words, apart)


def _shown(words: str, label: str) -> str:
    return words.replace(_MASK, label)


def read_scope(claim: Claim, labels: dict[str, str]) -> Scope | None:
    """How a sentence scopes a label it names: a case taken in or kept out; None for neither."""
    if claim.rule.is_example or claim.update:
        return None
    text = unquoted(claim.text)
    named = _named(text, labels)
    if claim.rule.kind == "rubric" and claim.outcomes:
        named = [claim.outcomes[0][0]]  # a label table's row is about its own label
    for label in named:
        masked = _masked(text, label)
        for form, rx in _patterns():
            if (m := rx.search(masked)) and (found := _scope(claim, label, form, m, labels)):
                return found
    return None


def _names(case: frozenset[str], other: frozenset[str]) -> bool:
    """The other words name the case: two of its words, or the whole of a one-word case."""
    return bool(case) and len(case & other) >= min(2, len(case))


def _kept_out(inside: Scope, outside: Scope) -> bool:
    """The case the one sentence takes in is the case the other keeps out."""
    if outside.form == "excludes":  # "X is not L": X is named where the label takes it in
        if inside.form == "defines":
            return False  # a definition's members against an exclusion: label_members
        return _names(outside.case, inside.all) and _names(inside.case, outside.all)
    if inside.form == "either":  # "L whether or not C" / "L only for Y": C is part of Y
        return _names(inside.case, outside.case)
    if outside.form == "restricts" and inside.form in ("extends", "defines") and not outside.apart:
        return False  # the restriction's other clause sets no case apart
    if inside.form == "defines":  # the definition lists a case the restriction's other clause sets apart
        return outside.form == "restricts" and len((inside.all & outside.rest) - outside.case) >= 2
    if inside.form == "alternatives":  # "L whether A or B" / "L only for A": B is left out
        a, b = inside.case, inside.rest
        return (_names(a, outside.case) and not b & outside.case) or (
            _names(b, outside.case) and not a & outside.case
        )
    return _names(inside.case, outside.rest)  # "X is also L" / "L only for Y: X is not tagged"


def clash(x: Scope, y: Scope) -> bool:
    """One takes in a case the other keeps out of the same label, in another section."""
    if x.inside == y.inside or _key(x.label) != _key(y.label):
        return False
    if x.claim.rule.id == y.claim.rule.id or not same_project(x.claim.rule, y.claim.rule):
        return False
    inside, outside = (x, y) if x.inside else (y, x)
    # a sentence in the rule's own section is its scope
    return _kept_out(inside, outside) and not stated_together(x.claim.rule, y.claim.rule)


def _relation(x: Scope, y: Scope) -> Relation:
    """The relation in reading order (x before y)."""
    inside, outside = (x, y) if x.inside else (y, x)
    why = (
        f"{quoted(as_read(inside.claim.rule))} takes this case into {inside.label} (“{inside.words}”), but "
        f"{quoted(as_read(outside.claim.rule))} keeps it out (“{outside.words}”)."
    )
    spans = find_span(inside.claim.rule, inside.words) + find_span(outside.claim.rule, outside.words)
    return Relation("CON006", x.claim.rule, y.claim.rule, 0.8, why, spans)


def _project_labels(claims: list[Claim]) -> dict[str, dict[str, str]]:
    """Each document's labels, with those of the documents of its project (``same_project``: errata in
    ``deck/updates/`` speak of ``deck/``'s labels); sibling projects' labels are not read."""
    documents: dict[str, list[Claim]] = defaultdict(list)
    for f in claims:
        documents[f.rule.path].append(f)
    own = {path: (members[0].rule, deck_labels(members)) for path, members in documents.items()}
    return {
        path: {k: v for other, labels in own.values() if same_project(rule, other) for k, v in labels.items()}
        for path, (rule, _) in own.items()
    }


def scope_relations(claims: list[Claim]) -> list[Relation]:
    """CON006 for a case one sentence takes into a label in so many words and another keeps out of it."""
    labels_of = _project_labels(claims)
    by_label: dict[str, list[Scope]] = defaultdict(list)
    for f in claims:
        labels = labels_of[f.rule.path]
        if labels and (s := read_scope(f, labels)):
            by_label[_key(s.label)].append(s)
    out: list[Relation] = []
    for scopes in by_label.values():
        for i, x in enumerate(scopes):
            out += [_relation(x, y) for y in scopes[i + 1 :] if clash(x, y)]
    return out


__all__ = ["clash", "deck_labels", "read_scope", "scope_relations"]
