"""Labels written two ways in one deck, reported by TERM001 with the places of each form.

- Codes: compounds of capitalised parts joined by "/", "-" or "_" (BEFORE/OVERLAP and BEFORE-OVERLAP,
  OVERLAP/CAUSES and OVERLAP/CAUSE) are one code when their parts agree but for the joiner and a plural "S". The
  spelling used most often is taken as the intended one.
- Word order: a quoted label whose words are a defined label's words in another order ("HS implicit" where the
  scheme defines Implicit HS).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...index.glossary import normal_term
from ...model import CODE, Document, Location, Rule
from ..base import CheckContext
from ..common.deck import Deck
from ..common.terms import Term, Variant

_QUOTED = re.compile(r"[\"“]([^\"”]{3,40})[\"”]")
_COMPOUND = re.compile(r"(?<![\w/\[<-])[A-Z]{2,}(?:[-/_][A-Z]{2,})+(?![\w/\]>-])")


@dataclass
class _Spelling:
    text: str
    count: int = 0
    locations: list[Location] = field(default_factory=list)


def _key(code: str) -> str:
    """The parts without joiners and plural S: BEFORE/OVERLAP, BEFORE-OVERLAP -> "BEFORE OVERLAP"."""
    parts = re.split(r"[-/_]", code)
    return " ".join(p[:-1] if p.endswith("S") and len(p) > 3 else p for p in parts)


def _spellings(documents: list[Document]) -> dict[str, dict[str, _Spelling]]:
    """key -> spelling -> how often and where, over the deck's text (code blocks excepted)."""
    out: dict[str, dict[str, _Spelling]] = {}
    for doc in documents:
        for block in doc.blocks:
            if block.kind == CODE:
                continue
            for m in _COMPOUND.finditer(block.text):
                spelling = out.setdefault(_key(m.group()), {}).setdefault(m.group(), _Spelling(m.group()))
                spelling.count += 1
                if block.location not in spelling.locations:
                    spelling.locations.append(block.location)
    return out


def _term(spelling: _Spelling, rules: list[Rule]) -> Term:
    """The spelling as a Term: its first use in a rule, or else the places it is written."""
    for rule in rules:
        i = re.search(rf"(?<![\w/-]){re.escape(spelling.text)}(?![\w/-])", rule.text)
        if i:
            return Term(spelling.text, uses=[(rule, i.start(), i.end())])
    return Term(spelling.text, defined_at=[(loc, (), "text") for loc in spelling.locations[:3]])


def spelling_variants(ctx: CheckContext, deck: Deck) -> list[Variant]:
    """Every less frequent spelling of a code, against its most frequent one."""
    members = set(deck.paths)
    documents = [d for d in ctx.index.documents if d.path in members]
    out: list[Variant] = []
    for forms in _spellings(documents).values():
        if len(forms) < 2:
            continue
        ranked = sorted(forms.values(), key=lambda s: -s.count)  # stable: first written wins a tie
        canonical = Term(ranked[0].text, defined_at=[(loc, (), "text") for loc in ranked[0].locations[:3]])
        out += [Variant(_term(s, deck.rules), canonical, 0.9, spelling=True) for s in ranked[1:]]
    return out


def word_order_variants(ctx: CheckContext, deck: Deck) -> list[Variant]:
    """Quoted labels that put a defined label's words in another order."""
    inv = deck.inventory
    if inv is None:
        return []
    defined = {e.name for e in inv.entries if e.name} | set(inv.named)
    by_words = {tuple(sorted(normal_term(d).split())): d for d in defined if 2 <= len(d.split()) <= 4}
    members = set(deck.paths)
    documents = [d for d in ctx.index.documents if d.path in members]
    found: dict[str, _Spelling] = {}
    for doc in documents:
        for block in doc.blocks:
            for m in _QUOTED.finditer(block.text):
                text, key = m.group(1).strip(), normal_term(m.group(1))
                canonical = by_words.get(tuple(sorted(key.split())))
                if canonical is not None and normal_term(canonical) != key:
                    found.setdefault(text, _Spelling(text)).locations.append(block.location)
    out = []
    for text, spelling in found.items():
        canonical = by_words[tuple(sorted(normal_term(text).split()))]
        place = inv.named.get(normal_term(canonical))
        defined_at = [(place, (), "label")] if place is not None else []
        term = Term(_as_written(documents, canonical), defined_at=defined_at)
        out.append(Variant(_term(spelling, deck.rules), term, 0.9, spelling=True))
    return out


def _as_written(documents: list[Document], name: str) -> str:
    """``name`` as the deck writes it, capitalised where it can be ("Implicit HS" for the key "implicit hs")."""
    rx = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.I)
    written = [m.group() for doc in documents for block in doc.blocks for m in rx.finditer(block.text)]
    return next((w for w in written if w[0].isupper()), written[0] if written else name)
