"""Field labels that open a sentence in a brief or a spec ("Structure: ...", "Task: ...", "Audience: ...").

The tagger reads such a label as the subject of the verb after the colon, which hides the imperative. The rule
detector treats the label's tokens as covered, like an introductory phrase.
"""

from __future__ import annotations


def field_label(sent) -> set[int]:
    """The tokens of a field label that opens the sentence ("Structure: organise the post ...", "Task: translate
    ..."): up to four words without a verb before a colon. The tagger reads the label as the verb's subject."""
    colon = next((t for t in list(sent)[:6] if t.text == ":"), None)
    if colon is None or colon.i == sent.start:
        return set()
    label = sent.doc[sent.start : colon.i]
    if any(t.pos_ in ("VERB", "AUX") for t in label) or not (label[0].is_title or label[0].is_upper):
        return set()
    return {t.i for t in label} | {colon.i}


__all__ = ["field_label"]
