"""What list items inherit from the sentences that introduce them, composed down a chain of nested lead-ins.

Under "Don't:" -> "Post messages that contain:" -> "- Threats", the middle lead-in is itself negative (it sits under
"Don't:"), so "Threats" is a prohibition whose action is the middle lead-in's verb ("post"). Lead-ins are keyed by
the block that introduces the list (``meta["lead_seq"]``, set by ingest), so the same wording under a Do list and a
Don't list keeps two meanings.
"""

from __future__ import annotations

from ..model import EXAMPLE, LIST_ITEM, Block
from .context import Detection

_NEGATIVE = {"obligation": "prohibition", "recommendation": "discouragement"}


def lead_key(block: Block, own: bool) -> str | None:
    """Key of the lead-in this block introduces (``own``) or inherits."""
    seq = block.meta.get("lead_seq") if own else block.meta.get("item_of")
    if seq is not None:
        return str(seq)
    return block.text.strip() if own else block.lead_in


def _compose_polarity(out: dict, block: Block, text: str) -> None:
    """A lead-in under a negative lead-in states what not to do: its obligation turns into a prohibition."""
    if block.polarity != "negative" or out.get("negated"):
        return
    kind = out.get("kind")
    parent = block.lead_in or "Don't section"
    evidence = f"lead-in chain '{parent}' > '{text}'"
    if kind in _NEGATIVE:
        out.update(kind=_NEGATIVE[kind], negated=True, evidence=evidence)
        out["modality"] = "must" if out["kind"] == "prohibition" else "should"
    elif kind is None:
        out.update(kind="prohibition", modality="must", negated=True, evidence=evidence)


def _names_a_spec(lower: str) -> bool:
    """'Format:', 'Style guidelines:', 'Hard constraints for the copy:': a short label whose head names a
    specification. Its items ("- 80-120 words.") are what the work must have, though none has a verb."""
    from .lexicon import lexicon

    label = lower.rstrip(":").strip()
    words = label.split()
    if not lower.endswith(":") or not 0 < len(words) <= 5:
        return False
    nouns = lexicon().words["spec_lead_nouns"]
    head = " ".join(words[: words.index("for")]) if "for" in words else label
    return any(head == n or head.endswith(" " + n) for n in nouns)


def lead_in_parts(det: Detection | None, sent, block: Block) -> dict:
    """What the items of a list inherit from its lead-in: kind, modality, action, quantifier."""
    from .descriptive import EVIDENCE
    from .lexicon import lexicon
    from .roles import frame_parts, quantifier_of

    lex = lexicon()
    text = block.text.strip()
    lower = text.lower()
    out: dict = {}
    if lower.startswith(lex.discouragement_starts):
        out.update(kind="discouragement", modality="should", negated=True, evidence="lead-in 'avoid'")
    elif lower.startswith(lex.prohibition_starts):
        out.update(kind="prohibition", modality="must", negated=True, evidence=f"lead-in '{text}'")
    elif det is None and _names_a_spec(lower):
        out.update(
            kind="obligation", modality="must", negated=False, evidence=f"specification lead-in '{text}'"
        )
    elif (
        det is not None
        and det.kind not in ("definition", "rubric")
        and not det.evidence.startswith(EVIDENCE)
        and not _said_of_a_thing(det)
    ):
        # a statement ("The only exception is when ...:") introduces cases; it gives its items no force
        out.update(kind=det.kind, modality=det.modality, negated=det.negated, evidence=f"lead-in '{text}'")
    _compose_polarity(out, block, text)
    if det is not None:
        _, action, _ = frame_parts(det, sent)
        if action and action not in ("do", "be"):
            out["action"] = action
    q = quantifier_of(sent, set())
    if q:
        out["quantifier"] = q
    return out


def _said_of_a_thing(det: Detection) -> bool:
    """ "The batch sequence never changes:": a statement about a thing, with no modal and no person for its subject,
    describes the steps below it; its "never" forbids none of them ("Summaries must not contain:" and "Raters never
    use:" do)."""
    from .lexicon import lexicon

    verb = det.verb
    if verb is None or det.imperative or not det.negated or any(c.tag_ == "MD" for c in verb.children):
        return False  # "These caps take precedence over the table above:" gives its items their force
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    persons = lexicon().persons
    return (
        subject is not None
        and subject.pos_ in ("NOUN", "PROPN")
        and subject.lower_ not in persons
        and subject.lemma_.lower() not in persons
    )


def apply_lead(det: Detection | None, block: Block, lead: dict) -> tuple[Detection | None, str | None]:
    """The item's detection after its lead-in (or Do/Don't section) is applied, and the action it inherits."""
    if lead.get("kind"):
        if det is None:
            inherited = Detection(
                lead["kind"], lead.get("modality"), lead.get("negated", False), lead["evidence"]
            )
            return inherited, lead.get("action")
        if lead["kind"] in ("prohibition", "discouragement") and det.kind in ("obligation", "recommendation"):
            return Detection(
                lead["kind"], lead.get("modality"), True, lead["evidence"], det.verb, det.imperative
            ), None
        return det, None
    if det is not None and block.polarity == "negative" and det.imperative and det.kind == "obligation":
        return Detection("prohibition", "must", True, "Don't section", det.verb, True), None
    if det is None and block.polarity in ("negative", "positive") and block.kind == LIST_ITEM:
        neg = block.polarity == "negative"
        return Detection("prohibition" if neg else "obligation", "must", neg, "Do/Don't section"), None
    return det, None


def inherits_lead(block: Block) -> bool:
    return block.kind in (LIST_ITEM, EXAMPLE) or bool(block.lead_in)


__all__ = ["apply_lead", "inherits_lead", "lead_in_parts", "lead_key"]
