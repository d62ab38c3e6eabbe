"""A label table's row and another rule that describe the same label in opposite words (CON006).

"| HISTORICAL | The condition occurred in the past and has resolved; it is not being treated or monitored |" and
"Mark a condition HISTORICAL whenever it was first diagnosed more than twelve months before the visit, even if the
patient is still being treated for it"; "| 2 | Weak | One or more core facts are missing |" and "Quality 2: every
core fact is there"; "| PHOTO-MISMATCH | The photo shows a different unit |" and "Use PHOTO-MISMATCH for an image
of the right unit that is too dark". The row defines its label; the other rule gives the label to items its
definition rules out. The two must say of one thing (a word they share besides the label) that it is and is not
so: a word one of them negates and the other affirms, or two words of a polar pair (present / missing, right /
different, audible / muted: data, ``data/contradictions.toml`` [described_apart]). The other rule must give the
label (no prohibition, no "not" before it) and name no other label of the table, so "Don't mark Relevant if the
page does not answer" and "Use Weak rather than Poor when ..." stay quiet.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .claims import Claim
from .conflict import Conflict
from .lexicon import content, data, scale_words, stem
from .relate import Relation, decided
from .reserved_labels import sent_elsewhere
from .text import as_read, find_span, name_at, quoted


class Words(NamedTuple):
    poles: tuple[tuple[frozenset[str], frozenset[str]], ...]
    negation: re.Pattern[str]
    predicate: re.Pattern[str]
    not_before: re.Pattern[str]
    denied_after: re.Pattern[str]


@lru_cache(maxsize=1)
def _words() -> Words:
    d = data()["described_apart"]
    sides = (p.split("|") for p in d["poles"])
    poles = tuple((frozenset(map(stem, a.split())), frozenset(map(stem, b.split()))) for a, b in sides)
    return Words(
        poles,
        re.compile(d["negation"], re.I),
        re.compile(d["predicate"], re.I),
        re.compile(d["not_before"], re.I),
        re.compile(d["denied_after"], re.I),
    )


class Row(NamedTuple):
    claim: Claim
    names: tuple[str, ...]  # the label's names in the row: "2", "Weak"; "E1", "Explicit"
    description: str


_PARTS = re.compile(r"\s*[–—:|()]\s*|\s+-\s+")
_NAME = re.compile(r"^(?:[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2}|\d{1,2})$")


def _row(claim: Claim) -> Row | None:
    """A label table's row: short cells name the label (split at dashes and colons: "E1 – Explicit"), the first
    cell of four words or more describes it (a later long cell holds its examples)."""
    names: list[str] = []
    long = ""
    for cell in claim.rule.cells.values():
        cell = cell.strip()
        if _SHARE.match(cell):
            return None  # "| Broken Link | 88% | ...": a table of figures, not of definitions
        if len(cell.split()) >= 4:
            long = long or cell  # the definition comes before its examples
            continue
        names += [p for p in _PARTS.split(cell) if p and _NAME.match(p)]
    return Row(claim, tuple(names), long) if names and long else None


_SHARE = re.compile(r"^[<>≈~]?\s*\d+(?:[.,]\d+)?\s*%$")


def _named(text: str, name: str) -> re.Match[str] | None:
    """Where a rule names the label: the name as a word, written as the table writes it ("HISTORICAL", "Real
    People"), or a score with the word of its scale before it ("severity 2", "Quality 2")."""
    if name.isdigit():
        return re.search(rf"\b(?:{scale_words()})s?\s+(?:at\s+|of\s+)?{name}\b(?![.,]\d)", text, re.I)
    return name_at(text, name)  # as written: "Rater" is no "rater"


def _denied(text: str) -> frozenset[str]:
    """The words a text denies: within three words after "not", "no", "never" or "n't", and a state said and then
    denied ("should be present and is not")."""
    w = _words()
    after = {x for m in w.denied_after.finditer(text) for x in content(m.group("word"))}
    return frozenset(x for m in w.negation.finditer(text) for x in content(m.group("scope"))) | after


def _predicates(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(predicates said, predicates denied) of "is (still) being treated" / "is not being treated": a state the
    text says holds or does not, not a thing it names ("no second request" names another case)."""
    said, denied = set(), set()
    for m in _words().predicate.finditer(text):
        (denied if m.group("not") else said).add(stem(m.group("word").lower()))
    return frozenset(said), frozenset(denied)


def _stems(text: str) -> list[str]:
    """The text's words as stems, in order; "is there" as one word ("every core fact is there")."""
    return [stem(t.lower()) for t in re.findall(r"[\w'’-]+", _THERE.sub(" is_there ", text))]


def _near(tokens: list[str], word: str, others: frozenset[str]) -> frozenset[str]:
    """The words of ``others`` within eight words of ``word`` (parentheses left out)."""
    found: set[str] = set()
    for i, t in enumerate(tokens):
        if t == word:
            found |= others & set(tokens[max(0, i - 8) : i + 9])
    return frozenset(found)


_THERE = re.compile(r"\b(?:is|are)\s+(?:all\s+|still\s+)?there\b", re.I)


@lru_cache(maxsize=8192)
def _reading(text: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(predicates said, predicates denied, words not denied) of a text: read once per text, as a row's description
    meets every rule that names its label ("is there" is one word: no content word)."""
    said, denied = _predicates(text)
    return said, denied, frozenset(_stems(text)) - _denied(text)


def _clash(description: str, text: str, names: tuple[str, ...]) -> tuple[str, str] | None:
    """(word of the definition, word of the rule) that say one thing is and is not so, when the two also share a
    word of what they are about."""
    for name in names:
        text = text.replace(name, " ")
        description = description.replace(name, " ")
    (said_d, denied_d, all_d), (said_t, denied_t, all_t) = _reading(description), _reading(text)
    pairs = [(w, w) for w in sorted((said_d & denied_t) | (denied_d & said_t))]
    for a, b in _words().poles:
        for x, y in ((a, b), (b, a)):
            if all_d & x and all_t & y and not all_d & y and not all_t & x:
                pairs.append((sorted(all_d & x)[0], sorted(all_t & y)[0]))
    if not pairs:
        return None
    td, tt = (_stems(re.sub(r"\([^)]*\)", " ", t)) for t in (description, text))
    polar = {w for p in pairs for w in p}
    shared = content(description) & content(text) - polar
    for x, y in pairs:  # the thing both say it of stands near the word in each
        if _near(td, x, shared) & _near(tt, y, shared) or x == y:
            return x, y
    return None


def _surface(text: str, word: str) -> str:
    """The words of the text that say ``word`` (a stem): what a reader sees, with the negation when there is one
    ("is not being treated")."""
    for m in _words().predicate.finditer(text):
        if stem(m.group("word").lower()) == word:
            return m.group(0)
    if word == stem("is_there") and (m := _THERE.search(text)):
        return m.group(0)
    return next((t for t in re.findall(r"[\w'’-]+", text) if stem(t.lower()) == word), word)


def _gives(claim: Claim, where: re.Match[str]) -> bool:
    """The rule gives the label: no prohibition, no "not", "never" or "don't" shortly before the name."""
    if claim.deontic in ("F", "N") or claim.rule.is_example:
        return False
    return not _words().not_before.search(claim.text[max(0, where.start() - 40) : where.start()])


_TOKEN = re.compile(r"[\w-]+")


def _first_word(name: str) -> str:
    return _TOKEN.findall(name)[0]


def _mentions(claims: list[Claim]) -> dict[str, list[int]]:
    """Word -> positions of the claims that write it, so each row meets only the rules that can name one of its
    names (a name's first word stands in them as a word of its own): a deck has hundreds of rows and thousands of
    rules, and a regex per row and rule cost seconds on a 40k-word deck."""
    index: dict[str, list[int]] = {}
    for i, claim in enumerate(claims):
        for word in set(_TOKEN.findall(claim.text)):
            index.setdefault(word, []).append(i)
    return index


def _why(row: Row, claim: Claim, polar: bool, table: frozenset[str] = frozenset()) -> str | None:
    """Why the rule describes the row's label apart from the row: a word of the row it says the opposite of
    (``polar``), or the row's case sent to another label by the clause after the rule reserves this one."""
    label = " / ".join(row.names)
    hit = _clash(row.description, claim.text, row.names) if polar else None
    if hit is not None:
        said, against = _surface(claim.text, hit[1]), _surface(row.description, hit[0])
        return (
            f"The table describes {label} as {quoted(row.description)}, but {quoted(as_read(claim.rule))} gives "
            f"it where “{said}” holds, which the table rules out (“{against}”)."
        )
    sent = sent_elsewhere(row.names, row.description, claim.text, table)
    if sent is None:
        return None
    return (
        f"The table describes {label} as {quoted(row.description)}, but {quoted(as_read(claim.rule))} keeps it for "
        f"another case and sends that one to {sent[1]} (“{sent[0]}”)."
    )


def described_apart_relations(claims: list[Claim]) -> list[Relation]:
    """CON006 for a label table's row and a rule that describes the same label the opposite way."""
    rows = [r for c in claims if c.rule.kind == "rubric" and c.rule.cells and (r := _row(c))]
    table: dict[tuple[str, tuple[str, ...]], set[str]] = {}
    for r in rows:
        table.setdefault((r.claim.rule.path, r.claim.rule.section), set()).update(r.names)
    mentions = _mentions(claims)
    out = []
    for row in rows:
        others = table[(row.claim.rule.path, row.claim.rule.section)] - set(row.names)
        named = {i for name in row.names for i in mentions.get(_first_word(name), ())}
        other = {i for name in others for i in mentions.get(_first_word(name), ())}
        for i in sorted(named):
            claim = claims[i]
            if claim is row.claim or claim.rule.kind == "rubric":
                continue
            where = next((m for n in row.names if (m := _named(claim.text, n))), None)
            if where is None or not _gives(claim, where):
                continue
            # "Use Weak rather than Poor when ...": a rule that names another label of the table is read only for
            # the row's case sent to it
            polar = not (i in other and any(_named(claim.text, n) for n in others))
            why = _why(row, claim, polar, frozenset(others))
            if why is None:
                continue
            spans = find_span(row.claim.rule, row.description) + find_span(claim.rule, where.group(0))
            found = Conflict("CON006", 0.8, why, spans, False, categorical=True)
            a, b = (row.claim, claim) if row.claim.rule.id < claim.rule.id else (claim, row.claim)
            if (rel := decided(a, b, found, rows=True)) is not None:
                out.append(rel)
    return out


__all__ = ["described_apart_relations"]
