"""Sentence (spaCy Span) + its Block -> Rule frame, or None when the sentence is not normative.

The decision is explainable: ``Rule.evidence`` names the cue (modal, imperative, lead-in, rubric row) that made
the sentence a rule. Cue words and clause markers live in ``data/rules.toml``.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from ..model import EXAMPLE, LIST_ITEM, NOTE, TABLE_ROW, Block, Location, Quantity, Rule
from .quantities import find_quantities


@dataclass(frozen=True)
class Lexicon:
    cues: tuple[tuple[tuple[str, ...], str, str], ...]  # (tokens, kind, modality class), longest first
    strength: dict[str, float]
    negative_starts: tuple[str, ...]
    condition: tuple[str, ...]
    exception: tuple[str, ...]
    quantifiers: frozenset[str]
    dates: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = tomllib.loads(resources.files("guidecheck").joinpath("data/rules.toml").read_text("utf-8"))
    cues = sorted(((tuple(k.split()), v[0], v[1]) for k, v in data["cues"].items()), key=lambda c: -len(c[0]))
    return Lexicon(
        cues=tuple(cues),
        strength=data["strength"],
        negative_starts=tuple(data["imperative"]["negative_starts"]),
        condition=tuple(sorted(data["clauses"]["condition"], key=len, reverse=True)),
        exception=tuple(sorted(data["clauses"]["exception"], key=len, reverse=True)),
        quantifiers=frozenset(data["quantifiers"]["words"]),
        dates=tuple(re.compile(p, re.I) for p in data["dates"]["patterns"]),
    )


_RUBRIC_INLINE = re.compile(
    r"^\s*(?:(?:score|rating|grade|level)\s*)?(?P<label>\d+(?:\.\d+)?|[A-Z][\w /'-]{0,30}?)\s*(?:=|:|–|—|-)\s+(?P<desc>\S.*)$")
_SCORE_HEADER = re.compile(r"^(?:score|rating|grade|level|label|value|points?|rank|category|tag|class)\b", re.I)
_QUOTED = re.compile(r"[\"“”'‘’]([^\"“”'‘’]{1,40})[\"“”'‘’]")
_LABEL_AFTER = re.compile(
    r"\b(?:as|label(?:ed|led)?|mark(?:ed)?|tag(?:ged)?|rate[ds]?|score[ds]?|give|assign|select|choose|receive[s]?|get[s]?)\s+"
    r"(?:it|this|that|them|the (?:response|answer|item|page|span|output)\s+)?(?:(?:as|a|an|with)\s+)?"
    r"(?P<label>\d+(?:\.\d+)?|[\"“'‘][^\"”'’]{1,40}[\"”'’]|[A-Z][A-Za-z]+(?:[ -][A-Z][A-Za-z]+)*)")


def _cue_in(tokens_lower: list[str]) -> tuple[str, str, str, int] | None:
    """First (by position) cue in the sentence, longest match at that position: (cue, kind, class, index)."""
    lex = lexicon()
    for i in range(len(tokens_lower)):
        for cue, kind, modality in lex.cues:
            if tuple(tokens_lower[i:i + len(cue)]) == cue:
                return " ".join(cue), kind, modality, i
    return None


def _imperative(sent) -> bool:
    """Subjectless sentence whose root is a base-form verb: 'Label the span', 'Don't skip'."""
    root = sent.root
    if root.pos_ not in ("VERB", "AUX") and root.tag_ != "VB":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in root.children):
        return False
    if root.tag_ == "VB":
        return True
    first = next((t for t in sent if not t.is_punct and t.dep_ not in ("advmod",) and t.lower_ not in ("please", "always", "never")), None)
    return first is not None and first.i == root.i and first.tag_ in ("VB", "VBP")


def _clauses(text: str, markers: tuple[str, ...]) -> list[str]:
    """Clauses introduced by a marker word, up to the next comma/semicolon or sentence end."""
    out = []
    lower = text.lower()
    taken: list[tuple[int, int]] = []
    for marker in markers:
        for m in re.finditer(r"(?<![\w-])" + re.escape(marker) + r"(?![\w-])", lower):
            if any(a <= m.start() < b for a, b in taken):
                continue
            end_match = re.search(r"[,;]\s|\.\s*$|\.\s|\)|:\s", text[m.end():])
            end = m.end() + end_match.start() if end_match else len(text)
            clause = text[m.start():end].strip(" .,;")
            if len(clause.split()) >= 2:
                out.append(clause)
                taken.append((m.start(), end))
    return out


def _labels(text: str, block: Block) -> list[str]:
    found: list[str] = []
    for m in _LABEL_AFTER.finditer(text):
        label = m.group("label").strip("\"“”'‘’ ")
        if label.lower() not in ("it", "this", "that", "a", "an", "the", "you", "them"):
            found.append(label)
    for m in _QUOTED.finditer(text):
        label = m.group(1).strip()
        if label and len(label.split()) <= 4 and label not in found:
            found.append(label)
    if block.kind == TABLE_ROW and block.header and block.cells:
        for head, cell in zip(block.header, block.cells):
            if _SCORE_HEADER.match(head) and cell and cell not in found:
                found.insert(0, cell)
                break
    out: list[str] = []
    for label in found:
        if label not in out:
            out.append(label)
    return out


def _noun_phrase(token) -> str:
    """Lemmatised head noun phrase: compounds and adjectives kept, determiners dropped."""
    parts = [t for t in token.subtree if t.dep_ in ("compound", "amod", "nummod") and t.head == token] + [token]
    parts.sort(key=lambda t: t.i)
    return " ".join(t.lemma_.lower() for t in parts)


def _frame_parts(sent) -> tuple[str | None, str | None, str | None, bool]:
    """(actor, action, object, negated) from the dependency parse."""
    root = sent.root
    verb = root
    # "must label X": root is the main verb; "is required to label X": follow xcomp.
    for child in root.children:
        if child.dep_ == "xcomp" and child.pos_ == "VERB" and root.lemma_ in ("be", "need", "have", "require", "make", "ensure"):
            verb = child
    actor = None
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            actor = _noun_phrase(child) if child.pos_ != "PRON" else child.lower_
    obj = None
    for child in verb.children:
        if child.dep_ in ("dobj", "obj", "attr", "oprd"):
            obj = _noun_phrase(child)
            break
    if obj is None:
        for child in verb.children:
            if child.dep_ == "prep":
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    obj = _noun_phrase(pobj)
                    break
    if obj is None and root.dep_ == "ROOT" and actor and root.lemma_ == "be":
        obj = actor
    negated = any(c.dep_ == "neg" for c in root.children) or any(c.dep_ == "neg" for c in verb.children)
    action = verb.lemma_.lower() if verb.pos_ in ("VERB", "AUX") else None
    return actor, action, obj, negated


def _date(text: str, block: Block) -> str | None:
    for source in (text, " > ".join(block.section)):
        for rx in lexicon().dates:
            m = rx.search(source)
            if m:
                return m.group(0).strip(" :")
    return None


def _quantifier(words: list[str]) -> str | None:
    for w in words:
        if w in lexicon().quantifiers:
            return w
    return None


def build_rule(sent, block: Block, rule_id: str) -> Rule | None:
    text = " ".join(sent.text.split())
    if len(text) < 3 or text.endswith("?"):
        return None
    words = [t.lower_ for t in sent]
    cue = _cue_in(words)
    kind = modality = None
    evidence = ""
    lex = lexicon()
    inline_rubric = _RUBRIC_INLINE.match(text)
    if block.kind == TABLE_ROW or (block.meta.get("original_kind") == TABLE_ROW):
        kind, modality, evidence = "rubric", None, "table row"
    elif inline_rubric and len(text.split()) <= 30 and (inline_rubric.group("label")[0].isdigit() or block.kind == LIST_ITEM):
        kind, modality, evidence = "rubric", None, "rubric line"
    elif cue is not None:
        cue_text, kind, modality, _ = cue
        evidence = f"cue '{cue_text}'"
    elif _imperative(sent):
        lower = text.lower()
        if any(lower.startswith(s) for s in lex.negative_starts):
            kind, modality = "prohibition", "must"
        else:
            kind, modality = "obligation", "must"
        evidence = "imperative"
    if block.polarity and block.kind in (LIST_ITEM, NOTE) or (block.polarity and block.meta.get("original_kind") == LIST_ITEM):
        # Items under "Do not:" are prohibitions even when they are bare noun phrases.
        if kind in (None, "obligation", "recommendation") and block.polarity == "negative":
            kind, modality, evidence = "prohibition", "must", f"lead-in '{block.lead_in or 'Don’t'}'"
        elif kind is None and block.polarity == "positive":
            kind, modality, evidence = "obligation", "must", f"lead-in '{block.lead_in or 'Do'}'"
    if kind is None and block.lead_in and block.kind == LIST_ITEM:
        lead_cue = _cue_in(block.lead_in.lower().split())
        if lead_cue is not None:
            kind, modality = lead_cue[1], lead_cue[2]
            evidence = f"lead-in cue '{lead_cue[0]}'"
    if kind is None:
        return None
    actor, action, obj, negated = _frame_parts(sent)
    if kind == "obligation" and evidence == "imperative":
        actor = actor or "you"
    start = sent.start_char
    location = block.location
    if location.line is not None and "\n" in block.text[:start]:
        location = replace(location, line=location.line + block.text[:start].count("\n"))
    return Rule(
        id=rule_id,
        text=text,
        location=location,
        section=block.section,
        block_kind=block.meta.get("original_kind", block.kind),
        kind=kind,
        modality=modality,
        strength=lex.strength.get(modality or "", 1.0 if kind in ("rubric", "definition") else 0.0),
        negated=negated or kind in ("prohibition", "discouragement"),
        actor=actor,
        action=action,
        object=obj,
        labels=_labels(text, block),
        conditions=_clauses(text, lex.condition),
        exceptions=_clauses(text, lex.exception),
        quantities=find_quantities(text),
        quantifier=_quantifier(words),
        date=_date(text, block),
        is_example=block.kind == EXAMPLE,
        lead_in=block.lead_in,
        polarity=block.polarity,
        cells=dict(zip(block.header, block.cells)) if block.header else {},
        start=start,
        end=start + len(sent.text.rstrip()),
        evidence=evidence,
    )


__all__ = ["build_rule", "lexicon", "Location", "Quantity"]
