"""The terms a deck defines and uses, and the variants among them (TERM001 reports them, LAB001 skips them)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...index.glossary import normal_term
from ...index.label_forms import forms, spelling_key
from ...index.labels import Inventory, LabelUse, label_uses
from ...model import Location, Rule
from ..base import CheckContext
from .similarity import similarities
from .wording import data, is_checkable


@dataclass
class Term:
    display: str
    defined_at: list[tuple[Location, tuple[str, ...], str]] = field(
        default_factory=list
    )  # (where, section, source)
    uses: list[tuple[Rule, int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class Variant:
    variant: Term  # the form to replace
    canonical: Term  # the defined form
    similarity: float
    spelling: bool = (
        False  # one code written with other joiners or a plural S (BEFORE/OVERLAP, BEFORE-OVERLAP)
    )


def defines_bracket_tags(inv: Inventory | None) -> set[str]:
    """The brackets the deck writes its tags in: "[" for "[noise]", "<" for "<qw>"."""
    if inv is None:
        return set()
    return {k[0] for k in (*inv.names(), *inv.named) if k[:1] in ("[", "<")}


def is_label_use(text: str, use: LabelUse, bracket_tags: set[str]) -> bool:
    """Whether a captured label is a label the rule uses. Bracketed words are labels in a deck that defines
    bracketed tags, or right after an instruction to write them ("write [inaudible]"); elsewhere they are example
    markup or slot placeholders ("[restaurant_area]"). A quoted one is a mention ("if you misspell the tag \"[breah-noise]\""). Function words are never labels."""
    if normal_term(use.label).strip("[]") in forms()["function_words"]:
        return False
    if use.label[0] not in "[<":
        return True
    if use.start > 0 and text[use.start - 1] in "\"“'‘":
        return False  # quoted: a mention
    return use.label[0] in bracket_tags or bool(forms()["tag_verb"].search(text[: use.start]))


def deck_terms(ctx: CheckContext, path: str, rules: list[Rule]) -> dict[str, Term]:
    """Every label or glossary term the deck of ``path`` defines or assigns in a rule, with places."""
    terms: dict[str, Term] = {}
    inv = ctx.deck(path).inventory
    if inv is not None:
        for e in inv.entries:
            if e.name:
                terms.setdefault(normal_term(e.name), Term(e.name)).defined_at.append(
                    (e.location, e.section, "label")
                )
    for key, g in ctx.deck(path).glossary.items():
        terms.setdefault(key, Term(g.term)).defined_at.append((g.location, (), "glossary"))
    brackets = defines_bracket_tags(inv)
    for rule in rules:
        if not is_checkable(rule) or rule.kind in ("rubric", "definition"):
            continue
        for use in label_uses(rule):
            if not use.numeric and is_label_use(rule.text, use, brackets):
                terms.setdefault(normal_term(use.label), Term(use.label)).uses.append(
                    (rule, use.start, use.end)
                )
    return terms


def score_aliases(ctx: CheckContext, path: str, rules: list[Rule]) -> list[Variant]:
    """ "Rate bad replies 2" where the scale names 2 "Poor": one score, two names."""
    td = data()["terminology"]
    inv = ctx.deck(path).inventory
    if inv is None:
        return []
    names = {e.score: e for e in inv.entries if e.score and e.name}
    quality = set(data("vague")["words"]) | set(td["quality_words"])
    rx = re.compile(td["score_alias"])
    out: list[Variant] = []
    for rule in rules:
        if not is_checkable(rule) or rule.kind in ("rubric", "definition"):
            continue
        for m in rx.finditer(rule.text):
            word, entry = m.group("word").lower(), names.get(m.group("score"))
            if entry is None or word not in quality or word in normal_term(entry.name or "").split():
                continue
            variant = Term(m.group("word"), uses=[(rule, m.start("word"), m.end("word"))])
            canonical = Term(
                f"{entry.name} ({entry.score})", defined_at=[(entry.location, entry.section, "label")]
            )
            out.append(Variant(variant, canonical, 0.8))
    return out


def is_tag(label: str) -> bool:
    """A bracketed tag ("[noise]", "<qw>") is matched by tools letter for letter: another spelling of it is an
    undefined tag (LAB001), where another spelling of a word label is a terminology variant (TERM001)."""
    return label.strip("\"“”'").startswith(("[", "<"))


def same_word_family(a: str, b: str) -> bool:
    """One word in two grammatical forms ("AP" / "APs", "Severity" / "severe"): an attribute and its value, or
    a plural, never two names for one option. Misspellings ("Relevent") share less than the whole stem."""
    a, b = normal_term(a), normal_term(b)
    if " " in a or " " in b:
        return False
    a, b = (
        (a[:-1] if a.endswith("s") and len(a) > 2 else a),
        (b[:-1] if b.endswith("s") and len(b) > 2 else b),
    )
    common = next((n for n, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return a == b or common >= max(4, min(len(a), len(b)) - 1)


def find_variants(ctx: CheckContext, path: str, rules: list[Rule]) -> list[Variant]:
    """Variants in the deck of ``path``; ``rules`` are that deck's rules. A used tag that only spells a defined
    tag with other hyphens, spaces or case is LAB001's (the tag as written is undefined)."""
    td = data()["terminology"]
    terms = deck_terms(ctx, path, rules)
    keys = sorted(terms)
    if len(keys) < 2:
        return []
    sims = similarities(ctx, [terms[k].display for k in keys])
    configured = {normal_term(t) for t in ctx.config.glossary}
    out: list[Variant] = []
    defined = [i for i, k in enumerate(keys) if terms[k].defined_at or k in configured]
    for i, k in enumerate(keys):
        t = terms[k]
        if t.defined_at or k in configured or not t.uses:
            continue
        ranked = sorted(defined, key=lambda j: (-sims[i, j], j))
        if not ranked:
            continue
        best = ranked[0]
        if (is_tag(k) and spelling_key(keys[best]) == spelling_key(k)) or same_word_family(k, keys[best]):
            continue
        runner_up = float(sims[i, ranked[1]]) if len(ranked) > 1 else 0.0
        if (
            sims[i, best] >= td["used_variant_similarity"]
            and sims[i, best] - runner_up >= td["used_variant_margin"]
        ):
            out.append(Variant(t, terms[keys[best]], float(sims[i, best])))
    label_defs = [i for i in defined if any(src == "label" for _, _, src in terms[keys[i]].defined_at)]
    for x, i in enumerate(label_defs):
        for j in label_defs[x + 1 :]:
            a, b = terms[keys[i]], terms[keys[j]]
            sa = {s for _, s, _ in a.defined_at}
            sb = {s for _, s, _ in b.defined_at}
            if sa & sb or sims[i, j] < td["defined_variant_similarity"]:
                continue  # side by side in one scale: distinct options
            if same_word_family(keys[i], keys[j]):
                continue
            later, earlier = sorted((a, b), key=lambda t: t.defined_at[0][0].line or 0)[::-1]
            out.append(Variant(later, earlier, float(sims[i, j])))
    return out
