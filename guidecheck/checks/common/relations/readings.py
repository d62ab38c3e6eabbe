"""What the relation classifier reads of each rule on its own, before any pair: digest, claim, side; and what the
whole-deck readers that need no vector find in the claims.

None of it needs a vector, so the pipeline builds it (``runner.prepare``) while the embedding process is still
encoding the rule texts, instead of the checks building it after the index while the second core idles (about 2
of the 6 seconds of the checks on the 40k bench deck). The checks then find it by name in their context.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ....cache import Cache
from ....model import Rule
from .claim_memo import remembered_claims
from .claims import Claim
from .deck_readers import DeckParts, claim_relations
from .proposition import Side, side_of
from .verdicts import rule_digest

# The name a run's readings are kept under in CheckContext.derived.
READINGS = "relation-readings"


@dataclass
class Readings:
    rules: Sequence[Rule]  # the index's rules, in its order (pairs refer to rules by position)
    digests: list[str]
    claims: list[Claim]
    _sides: list[Side] | None = field(default=None, repr=False)
    _deck: DeckParts | None = field(default=None, repr=False)

    def sides(self) -> list[Side]:
        """Every claim's side, built on first use (a re-check whose verdicts are all cached needs none)."""
        if self._sides is None:
            self._sides = [side_of(c) for c in self.claims]
        return self._sides

    def deck_parts(self) -> DeckParts:
        """What the whole-deck readers that need no vector find in the claims, read on first use."""
        if self._deck is None:
            self._deck = claim_relations(self.claims)
        return self._deck


def read_rules(
    rules: Sequence[Rule], paths: Sequence[str], cache: Cache | None, spare_time: bool = False
) -> Readings:
    """Digests and claims of ``rules`` (claims of rules seen by the last run over ``paths`` come from the cache);
    ``spare_time``: build the sides and the deck readers' parts now too (the embedding process is still busy)."""
    digests = [rule_digest(r) for r in rules]
    readings = Readings(rules, digests, remembered_claims(rules, digests, cache, paths))
    if spare_time:
        readings.sides()
        readings.deck_parts()
    return readings


__all__ = ["READINGS", "Readings", "read_rules"]
