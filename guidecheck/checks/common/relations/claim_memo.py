"""Claims remembered between runs of the same deck, so a re-check builds claims for new rules only.

``build_claim`` reads one rule and nothing else (not its id, not its example link), so a claim is keyed by the
rule's digest (``verdicts.rule_digest``, which leaves both out); the table is one cache entry per set of checked
paths and code version (``code_version``: any edit of the package makes every claim new). Claims are stored as
tagged JSON (``guidecheck/tagged.py``), never pickled. A claim holding a value the codec does not know is built
again on every run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from typing import Any

from ....cache import Cache, code_version, key
from ....model import Quantity, Rule
from ....tagged import decode, encode
from .claims import Claim, Interval, build_claim

_CLASSES: dict[str, type] = {"Interval": Interval, "Quantity": Quantity}
_FIELDS = [f.name for f in fields(Claim) if f.name != "rule"]


def encode_claim(claim: Claim) -> list | None:
    """The claim's fields but its rule, as JSON values; None when one of them cannot be stored."""
    try:
        return [encode(getattr(claim, name), _CLASSES) for name in _FIELDS]
    except TypeError:
        return None


def decode_claim(values: list, rule: Rule) -> Claim:
    return Claim(rule, **{name: decode(v, _CLASSES) for name, v in zip(_FIELDS, values)})


def remembered_claims(
    rules: Sequence[Rule], digests: Sequence[str], cache: Cache | None, paths: Sequence[str]
) -> list[Claim]:
    """Every rule as a claim, in order; claims of rules the last run over these paths saw come from the cache.
    ``digests`` are the rules' ``rule_digest``."""
    cache = cache if cache is not None and cache.enabled else None
    entry = key("claims", code_version(), *sorted(paths))
    old = cache.get_json("claims", entry) if cache else None
    old = old if isinstance(old, dict) else {}
    new: dict[str, Any] = {}
    out: list[Claim] = []
    for rule, digest in zip(rules, digests):
        stored = old.get(digest)
        claim = decode_claim(stored, rule) if stored is not None else build_claim(rule)
        stored = stored if stored is not None else encode_claim(claim)
        if stored is not None:
            new[digest] = stored
        out.append(claim)
    if cache is not None and new.keys() != old.keys():
        cache.put_json("claims", entry, new)
    return out


__all__ = ["decode_claim", "encode_claim", "remembered_claims"]
