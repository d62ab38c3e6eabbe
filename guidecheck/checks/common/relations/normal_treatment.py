"""A kind of item one rule says is handled like any other, and another gives a treatment of its own (CON003).

"Aerial and drone photos go through the normal review flow, the same as any other upload" / "Drone and other aerial
shots are out of scope and are rejected under R9"; "Local news outlet posts are pinned and rated like any other
report" / "Posts from news outlets, agencies and official accounts ... mark them Out of scope". An update or FAQ
often reverses a special case this way without saying so. The two are seldom embedding neighbours (one is mostly
the special case's reason), and few rules say "like any other", so each is compared with every rule that names most
of its kind of item. The kind is the rule's subject, or the FAQ question an answer about "it" answers ("Rate it like
any other chat"). The words of a treatment of its own are data (``data/contradictions.toml`` [normal_treatment]).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ....rules.lexicon import lexicon as rules_lexicon
from ..deck import same_project
from .addressee import LEADING_LABEL
from .claims import Claim
from .lexicon import content, data
from .proposition import is_example_material
from .relate import Relation, unless_updated
from .text import as_read, find_span, quoted

# The kind of item a rule opens on, up to its verb ("Aerial and drone photos" of "... go through the normal flow").
_SUBJECT = re.compile(
    r"^(?P<s>(?:[\w'’-]+,?\s+){0,7}?[\w'’-]+)\s+(?:(?:is|are|get|gets|go|goes|count|counts|stay|stays|receive|"
    r"receives)\b|(?:[a-z]+\s+)?(?:rated|scored|labell?ed|tagged|annotated|reviewed|pinned|approved|handled|treated|"
    r"coded|processed|routed)\b)",
    re.I,
)
_PRONOUNS = frozenset({"it", "they", "them", "these", "those", "this", "that"})


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    normal = rules_lexicon().data["descriptive"]["normal_treatment"]
    return re.compile(normal, re.I), re.compile(data()["normal_treatment"]["special"], re.I)


def _kind(c: Claim) -> tuple[frozenset[str], frozenset[str]]:
    """The words of the kind of item the rule handles as any other (its subject, else the question it answers), and
    those of the clause that narrows it ("Messages that threaten staff")."""
    text = LEADING_LABEL.sub("", c.text, count=1)  # "17 February 2025: Local news outlet posts ..."
    m = _SUBJECT.match(text)
    if m and m.group("s").split()[0].lower() not in _PRONOUNS:
        subject = m.group("s").replace("-", " ")  # "Closure-area photos": a closure area's
        clause = _CLAUSE.search(subject)
        return content(subject), content(clause.group()) if clause else frozenset()
    return (content(c.rule.context) if c.rule.context else frozenset()), frozenset()


_CLAUSE = re.compile(r"\b(?:that|which|who|whose)\b.*", re.I)


def _normal(c: Claim) -> bool:
    normal, _ = _patterns()
    return bool(normal.search(c.text)) and not c.exception and c.deontic == "O"


def normal_treatment_relations(claims: list[Claim]) -> list[Relation]:
    """CON003 for each kind of item handled like any other that another rule rejects, skips, leaves out of scope
    or leaves unlabelled: most of the kind's words (two at least) are the other rule's."""
    _, special = _patterns()
    rules = [c for c in claims if not is_example_material(c) and c.rule.kind != "rubric"]
    normal = [c for c in rules if _normal(c)]
    if not normal:
        return []
    special_ones = [(s, m.group()) for s in rules if (m := special.search(s.text)) and not _normal(s)]
    out: list[Relation] = []
    for n in normal:
        kind, clause = _kind(n)
        if len(kind) < 2:
            continue
        for s, said in special_ones:
            if not same_project(n.rule, s.rule):
                continue
            words = s.core | s.condition
            shared = kind & words
            # "Messages that threaten staff" are no "Test messages sent by clinic staff": the clause counts too
            if (
                len(shared) >= 2
                and len(shared) >= 0.6 * len(kind)
                and len(clause & words) >= 0.6 * len(clause)
            ):
                out.append(_relation(n, s, said))
                break
    return out


def _relation(n: Claim, s: Claim, said: str) -> Relation:
    why = (
        f"{quoted(as_read(n.rule))} handles these items like any other, but {quoted(as_read(s.rule))} gives them a "
        f"treatment of their own ({quoted(said)})."
    )
    return unless_updated("CON003", n, s, 0.7, why, find_span(s.rule, said))


__all__ = ["normal_treatment_relations"]
