"""``.guidecheck-ignore.toml`` beside a deck: accepted findings by fingerprint, with a reason and who accepted.

    [[ignore]]
    fingerprint = "3f2a9c0d1e4b5a67"
    reason = "the FAQ answer is older; the March update wins"
    accepted_by = "maria"

Works for every format (a PDF cannot carry comments). An entry that matches nothing is reported as GC100.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import tomllib

from ..config import ConfigError

NAME = ".guidecheck-ignore.toml"
_FINGERPRINT = re.compile(r"^[0-9a-f]{16}$")


@dataclass(frozen=True)
class Accepted:
    fingerprint: str
    reason: str | None
    accepted_by: str | None
    source: str  # the ignore file, as a path for reports


def _entry(item: object, source: str, n: int) -> Accepted:
    if not isinstance(item, dict) or not _FINGERPRINT.match(str(item.get("fingerprint", ""))):
        raise ConfigError(f'{source}: ignore entry {n} needs fingerprint = "<16 hex digits>"')
    unknown = set(item) - {"fingerprint", "reason", "accepted_by", "check", "message"}
    if unknown:
        raise ConfigError(f"{source}: ignore entry {n} has unknown key '{sorted(unknown)[0]}'")
    return Accepted(item["fingerprint"], item.get("reason"), item.get("accepted_by"), source)


def read(path: Path) -> list[Accepted]:
    """Entries of one ignore file; a file that cannot be parsed is a configuration error (exit 2)."""
    source = path.as_posix()
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"invalid ignore file {source}: {str(exc).splitlines()[0]}") from None
    return [_entry(item, source, n) for n, item in enumerate(data.get("ignore", []), start=1)]


def find(paths: list[str] | tuple[str, ...], document_paths: list[str]) -> list[Accepted]:
    """Ignore files in the folders given on the command line and in every document's folder."""
    folders: dict[Path, None] = {}
    for raw in paths:
        p = Path(raw)
        folders[p if p.is_dir() else p.parent] = None
    for doc in document_paths:
        folders[Path(doc).parent] = None
    seen: set[Path] = set()
    out: list[Accepted] = []
    for folder in folders:
        candidate = folder / NAME
        if candidate.is_file() and candidate.resolve() not in seen:
            seen.add(candidate.resolve())
            out += read(candidate)
    return out
