"""A thing one rule tells the reader to ignore and another tells them to act on (CON001).

"Ignore laughter, coughs and other non-speech sounds" and "Non-speech sounds such as laughter must be annotated"
are both obligations, so no flip of force shows; but ignoring a thing forbids every act on it. The two rules must
bind the same addressee and be about the same thing: each rule's object is named in the other ("sounds" /
"laughter" both ways), and their texts embed close. Words are data (``data/contradictions.toml``, [words]
ignore_acts).
"""

from __future__ import annotations

from .addressee import addressee
from .claims import Claim
from .conflict import Conflict
from .lexicon import lexicon
from .same_act import objects_meet_both_ways
from .text import as_read, quoted, span_of


def ignored_conflict(fa: Claim, fb: Claim, cosine: float) -> Conflict | None:
    """A ``Conflict`` when one obligation ignores what the other acts on."""
    lex = lexicon()
    for ignoring, acting in ((fa, fb), (fb, fa)):
        if (
            ignoring.deontic == "O"
            and ignoring.action in lex.ignore_acts
            and acting.deontic in ("O", "P")
            and acting.action not in lex.ignore_acts | {None}
            and addressee(ignoring) == addressee(acting)
            and objects_meet_both_ways(ignoring, acting)
            and cosine >= lex.thresholds["same_addressee_cosine"]
        ):
            why = f"{quoted(as_read(acting.rule))} acts on what {quoted(as_read(ignoring.rule))} says to ignore."
            return Conflict(
                "CON001",
                0.8,
                why,
                span_of(ignoring.rule, ignoring.cue) + span_of(acting.rule, acting.cue),
                True,
            )
    return None


__all__ = ["ignored_conflict"]
