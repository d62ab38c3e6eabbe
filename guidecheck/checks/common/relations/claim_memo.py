"""Claims remembered between runs of the same deck, so a re-check builds claims for new rules only.

``build_claim`` reads one rule and nothing else (not its id, not its example link), so a claim is keyed by the
rule's digest (``verdicts.rule_digest``, which leaves both out); the table is one cache entry per set of checked paths and code version
(``code_version``: any edit of the package makes every claim new). Claims are stored as JSON with their frozensets,
tuples and small dataclasses tagged, never pickled: the cache may be shared, and reading it must not run code. A
claim holding a value the codec does not know is simply built again on every run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields, is_dataclass
from typing import Any

from ....cache import Cache, code_version, key
from ....model import Quantity, Rule
from .claims import Claim, Interval, build_claim

_CLASSES: dict[str, type] = {"Interval": Interval, "Quantity": Quantity}
_FIELDS = [f.name for f in fields(Claim) if f.name != "rule"]


def _enc(v: Any) -> Any:
    if v is None or isinstance(v, (str, int, float)):
        return v
    if isinstance(v, list):
        return [_enc(x) for x in v]
    if isinstance(v, tuple):
        return {"t": [_enc(x) for x in v]}
    if isinstance(v, frozenset):
        return {"s": [_enc(x) for x in v]}
    if is_dataclass(v) and type(v).__name__ in _CLASSES:
        return {"d": type(v).__name__, "f": {f.name: _enc(getattr(v, f.name)) for f in fields(v)}}
    raise TypeError(type(v).__name__)


def _dec(v: Any) -> Any:
    if isinstance(v, list):
        return [_dec(x) for x in v]
    if not isinstance(v, dict):
        return v
    if "t" in v:
        return tuple(_dec(x) for x in v["t"])
    if "s" in v:
        return frozenset(_dec(x) for x in v["s"])
    return _CLASSES[v["d"]](**{k: _dec(x) for k, x in v["f"].items()})


def encode_claim(claim: Claim) -> list | None:
    """The claim's fields but its rule, as JSON values; None when one of them cannot be stored."""
    try:
        return [_enc(getattr(claim, name)) for name in _FIELDS]
    except TypeError:
        return None


def decode_claim(values: list, rule: Rule) -> Claim:
    return Claim(rule, **{name: _dec(v) for name, v in zip(_FIELDS, values)})


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
