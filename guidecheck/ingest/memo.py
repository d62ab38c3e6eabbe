"""Documents remembered by their bytes, so a re-check reads again only the files that changed.

A reader's result is a function of the file's bytes, its path as shown and the code, so an entry is keyed by the
three (``code_version``: any edit of the package makes every entry new). Only documents read without any
warning or error are kept: a time limit can cut a read short on a busy machine, and that outcome must not
outlive the run. Entries are tagged JSON (``guidecheck/tagged.py``), never pickled.
"""

from __future__ import annotations

from ..cache import Cache, code_version, key
from ..model import Block, Document, Location
from ..suppress.directives import Directive
from ..tagged import decode, encode

_CLASSES: dict[str, type] = {"Block": Block, "Location": Location, "Directive": Directive}
_FIELDS = ("blocks", "words", "directives")


def _entry(doc: Document) -> str:
    return key("document", code_version(), doc.path, doc.format, doc.digest)


def recall(cache: Cache | None, doc: Document) -> bool:
    """Fill ``doc`` (its digest set) from the cache; False when it has to be read."""
    if cache is None or not cache.enabled or not doc.digest:
        return False
    stored = cache.get_json("documents", _entry(doc))
    if not isinstance(stored, dict):
        return False
    try:
        values = {name: decode(stored[name], _CLASSES) for name in _FIELDS}
    except (KeyError, TypeError):
        return False
    doc.blocks, doc.words, doc.directives = values["blocks"], values["words"], values["directives"]
    return True


def remember(cache: Cache | None, doc: Document) -> None:
    if cache is None or not cache.enabled or not doc.digest or doc.status != "ok" or doc.message:
        return
    try:
        cache.put_json(
            "documents", _entry(doc), {name: encode(getattr(doc, name), _CLASSES) for name in _FIELDS}
        )
    except TypeError:
        return  # a value the codec does not know: read this document again next time


__all__ = ["recall", "remember"]
