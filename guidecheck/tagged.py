"""Values with tuples, frozensets, dicts, infinite floats and a few dataclasses, as standard JSON and back.

The caches of a re-check (claims, documents) hold such values. ``to_dict`` would turn tuples into lists and
lose the dataclasses, and pickle would let whoever can write the cache run code in the next check. Here every
container but a list is tagged: ``{"t": [...]}`` a tuple, ``{"s": [...]}`` a frozenset, ``{"m": [[key, value],
...]}`` a dict in its order, ``{"d": name, "f": {...}}`` a dataclass the caller names, ``{"x": "inf"}`` an
infinite float. A tuple or set of plain values gets an upper-case tag and is read back without a walk. A value
of any other type raises TypeError, and the caller then stores nothing.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from .cache import Cache

T = TypeVar("T")

_PLAIN = (str, int, float)


def _plain(items: list) -> bool:
    return all(x is None or isinstance(x, _PLAIN) for x in items)


def encode(v: Any, classes: dict[str, type]) -> Any:
    """``v`` as JSON values; dataclasses only of the types in ``classes`` (by name)."""
    if isinstance(v, float) and not math.isfinite(v):
        return {"x": repr(v)}
    if v is None or isinstance(v, _PLAIN):
        return v
    if isinstance(v, list):
        return [encode(x, classes) for x in v]
    if isinstance(v, (tuple, frozenset)):
        items = [encode(x, classes) for x in v]
        tag = "t" if isinstance(v, tuple) else "s"
        return {tag.upper() if _plain(items) else tag: items}
    if isinstance(v, dict) and all(isinstance(k, str) for k in v):
        return {"m": [[k, encode(x, classes)] for k, x in v.items()]}  # pairs: put_json sorts object keys
    if is_dataclass(v) and classes.get(type(v).__name__) is type(v):
        return {"d": type(v).__name__, "f": {f.name: encode(getattr(v, f.name), classes) for f in fields(v)}}
    raise TypeError(type(v).__name__)


def decode(v: Any, classes: dict[str, type]) -> Any:
    if isinstance(v, list):
        return [decode(x, classes) for x in v]
    if not isinstance(v, dict):
        return v
    if "S" in v:
        return frozenset(v["S"])
    if "T" in v:
        return tuple(v["T"])
    if "m" in v:
        return {k: decode(x, classes) for k, x in v["m"]}
    if "t" in v:
        return tuple(decode(x, classes) for x in v["t"])
    if "s" in v:
        return frozenset(decode(x, classes) for x in v["s"])
    if "x" in v:
        return float(v["x"])
    return classes[v["d"]](**{k: decode(x, classes) for k, x in v["f"].items()})


def remembered(
    cache: Cache | None, bucket: str, k: str, compute: Callable[[], T], classes: dict[str, type]
) -> T:
    """``compute()``, or the value stored under ``k`` by an earlier run (``k`` must name everything it depends
    on, the code included)."""
    enabled = cache is not None and cache.enabled
    stored = cache.get_json(bucket, k) if enabled else None
    if stored is not None:
        try:
            return decode(stored, classes)
        except (KeyError, TypeError):
            pass
    value = compute()
    if enabled:
        with contextlib.suppress(TypeError):  # a value the codec does not know: computed again next time
            cache.put_json(bucket, k, encode(value, classes))
    return value


__all__ = ["decode", "encode", "remembered"]
