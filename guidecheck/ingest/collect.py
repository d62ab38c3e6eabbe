"""Expand the command-line paths into files: recursive, include/exclude globs, hidden folders skipped."""

from __future__ import annotations

import fnmatch
from pathlib import Path

from ..config import Config
from .formats import default_include


def _matches(rel: str, patterns: list[str]) -> bool:
    for pattern in patterns:
        if fnmatch.fnmatch(rel, pattern):
            return True
        # "**/*.md" must also match "top.md" at the root of the folder.
        if pattern.startswith("**/") and fnmatch.fnmatch(rel, pattern[3:]):
            return True
    return False


def collect_paths(
    paths, config: Config, skipped: list[tuple[str, str]] | None = None
) -> list[tuple[Path, str]]:
    """(file, display path) pairs. Files named explicitly are always read, even when a glob would skip them."""
    out: list[tuple[Path, str]] = []
    seen: set[Path] = set()
    # No include globs configured: every file ending the reader table knows (read, or named a fix for).
    include, exclude = list(config.include) or default_include(), list(config.exclude)
    for raw in paths:
        top = Path(raw)
        if top.is_dir():
            for file in sorted(p for p in top.rglob("*")):
                rel = file.relative_to(top).as_posix()
                if any(part.startswith(".") for part in file.relative_to(top).parts):
                    continue  # hidden files and folders, .git included
                if file.is_dir() or (file.is_symlink() and not file.exists()):
                    continue
                if _matches(rel, exclude):
                    if skipped is not None:
                        skipped.append((str(file), "excluded by configuration"))
                    continue
                if not _matches(rel, include):
                    if skipped is not None:
                        skipped.append((str(file), f"unsupported file type '{file.suffix or file.name}'"))
                    continue
                if file.resolve() not in seen:
                    seen.add(file.resolve())
                    out.append((file, file.as_posix()))
        else:
            if top.resolve() not in seen:
                seen.add(top.resolve())
                out.append((top, top.as_posix()))
    return out
