"""One sentence parsed into the parts of a rule frame: clauses, labels, quantities, detection, actor/action/object."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Quantity, Rule
from .context import Detection, DocContext


@dataclass
class Found:
    """What the parse of one sentence found before lead-ins and roles are applied."""

    sent: object
    block: object
    det: Detection | None
    conditions: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    covered: set[int] = field(default_factory=set)
    labels: list[str] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    scale: bool = False  # the sentence sets up a scale ("one of five scores", "on a scale from 1 to 5")

    def make(self, text, unit, det, actor, action, obj, lead, context, evidence) -> Rule:
        from .block_frames import inherited_conditions, make_rule
        from .roles import quantifier_of

        return make_rule(
            text=text,
            block=self.block,
            start=unit.start,
            end=unit.end,
            kind=det.kind,
            modality=det.modality,
            negated=det.negated or det.kind in ("prohibition", "discouragement"),
            evidence=evidence,
            actor=actor,
            action=action,
            obj=obj,
            labels=self.labels,
            conditions=inherited_conditions(self.block) + self.conditions,
            exceptions=self.exceptions,
            quantities=self.quantities,
            quantifier=quantifier_of(self.sent, self.covered) or lead.get("quantifier"),
            context=context,
        )


def detect_sentence(sent, state, ctx: DocContext) -> Found:
    """Clauses, labels, quantities and the detected kind of one sentence (``state``: the block being read)."""
    from .clauses import parse_clauses
    from .descriptive import descriptive
    from .detect import detect
    from .label_purpose import label_purpose
    from .label_spotting import labels_in
    from .misread_imperatives import (
        imperative_after_clause,
        imperative_after_opener,
        imperative_after_statement,
        misread_imperative,
    )
    from .quantities import find_quantities

    vocab = sent.doc.vocab
    s_matches = [(vocab.strings[m], s, e) for m, s, e in state.matches if sent.start <= s < sent.end]
    s_dep = [(m, toks) for m, toks in state.dep_matches if sent.start <= toks[0] < sent.end]
    conditions, exceptions, covered = parse_clauses(sent)
    labels = labels_in(sent, ctx)
    lemma, is_noun = _word_lookups(sent)
    quantities = find_quantities(sent.text, lemma=lemma, is_noun=is_noun)
    det = detect(sent, s_matches, s_dep, covered, state.block, ctx, labels, bool(quantities))
    if det is None:
        # no modal, cue or plain imperative: an instruction the tagger misread, or a rule stated as a fact
        det = (
            misread_imperative(sent, covered)
            or imperative_after_statement(sent, covered)
            or imperative_after_opener(sent, covered)
            or imperative_after_clause(sent, covered)
            or descriptive(sent, covered, labels, quantities)
            or label_purpose(sent, covered, ctx)
        )
    scale = any(name == "scale" for name, _, _ in s_matches)
    return Found(sent, state.block, det, conditions, exceptions, covered, labels, quantities, scale)


def _word_lookups(sent):
    """(lemma, is_noun) of the sentence's words for find_quantities; the tables are built on first use, since
    most sentences hold no number and never ask."""
    tables: list[tuple[dict[str, str], set[str]]] = []

    def table() -> tuple[dict[str, str], set[str]]:
        if not tables:
            lemmas = {t.text.lower(): t.lemma_ for t in sent}
            tables.append((lemmas, {t.text.lower() for t in sent if t.pos_ in ("NOUN", "PROPN")}))
        return tables[0]

    return (lambda w: table()[0].get(w.lower(), w)), (lambda w: w.lower() in table()[1])


def head_noun(sent) -> str | None:
    from .roles import noun_phrase

    root = sent.root
    tok = (
        root
        if root.pos_ in ("NOUN", "PROPN")
        else next((t for t in sent if t.pos_ in ("NOUN", "PROPN")), None)
    )
    return noun_phrase(tok)


def frame_of(det: Detection, sent, lead: dict, inherited_action: str | None):
    """(actor, action, object): from the parse, or for a bare noun item from its lead-in ('Post ...:' > 'Threats')."""
    from .roles import frame_parts

    if det.verb is not None:
        return frame_parts(det, sent)
    if lead.get("kind"):
        return "you", inherited_action, head_noun(sent)
    return None, None, None


__all__ = ["Found", "detect_sentence", "frame_of", "head_noun"]
