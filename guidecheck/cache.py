"""On-disk cache for derived data: JSON entries (rules per document, findings per run) and, through
index.embed.VectorStore, embeddings under the same root.

Entries are keyed by a hash of everything that determines them (input bytes, model name, code version), so a
stale entry is never read: it is simply not found. Writes are atomic (temp file + rename); a corrupt or
unreadable entry counts as a miss. A cache that cannot be written is silently skipped.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any


@lru_cache(maxsize=1)
def code_version() -> str:
    """Changes whenever any file of the installed package changes (size or mtime): derived results such as
    cached findings are then recomputed, so an upgrade or a local edit never serves stale findings."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            st = path.stat()
            h.update(f"{path.relative_to(root)}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def loads(data: bytes) -> Any:
    """JSON text -> value. orjson reads the large entries of a re-check (rules, verdicts, claims) several times
    faster than the stdlib; it refuses the non-standard Infinity and NaN that json.dumps writes for infinite
    floats, so those entries are read by the stdlib. Either way the same values come back."""
    import orjson

    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        return json.loads(data.decode("utf-8"))


def key(*parts: str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def write_atomic(path: Path, data: bytes) -> bool:
    """Temp file + rename, so a reader never sees half an entry. False (and nothing raised) when the cache
    cannot be written: a read-only cache only costs speed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
        return True
    except OSError:
        return False


class Cache:
    def __init__(self, root: Path | None):
        self.root = root

    @property
    def enabled(self) -> bool:
        return self.root is not None

    def _path(self, bucket: str, k: str, suffix: str) -> Path:
        assert self.root is not None
        return self.root / bucket / k[:2] / f"{k}{suffix}"

    def has_json(self, bucket: str, k: str) -> bool:
        """An entry exists (without reading it; a corrupt one is still found out by get_json)."""
        return self.enabled and self._path(bucket, k, ".json").is_file()

    def get_json(self, bucket: str, k: str) -> Any | None:
        if not self.enabled:
            return None
        try:
            return loads(self._path(bucket, k, ".json").read_bytes())
        except (OSError, ValueError):
            return None

    def put_json(self, bucket: str, k: str, value: Any) -> None:
        if self.enabled:
            # Not sorted: an entry must read back as it was stored, and dict order can carry meaning (a table
            # row's cells are header -> cell in column order; readers take the first column that names labels).
            write_atomic(self._path(bucket, k, ".json"), json.dumps(value).encode("utf-8"))
