"""Deck diff: what a new version of a deck changed, as rules and findings.

Both versions go through the normal pipeline (so both are served from the caches when warm). Rules are
matched by their normalised text first; what is left is aligned by embedding similarity, so a reworded rule
is "changed" wherever it moved, not "removed + added". Findings are matched by fingerprint.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from . import __version__
from .config import Config

# Cosine similarity at or above which an unmatched old rule and new rule are one reworded rule.
REWORD_SIMILARITY = 0.75


class DiffError(Exception):
    """Bad revision or path: one line, exit 2."""


def _normal(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def _unmatched(items: list[dict], other: list[dict]) -> list[dict]:
    """The rules of ``items`` whose text is not in ``other`` (counting repeats: two copies need two)."""
    left = Counter(_normal(r["text"]) for r in other)
    rest = []
    for r in items:
        n = _normal(r["text"])
        if left[n] > 0:
            left[n] -= 1
        else:
            rest.append(r)
    return rest


def _match_exact(old: list[dict], new: list[dict]) -> tuple[list[dict], list[dict]]:
    """Drop the rules whose text is in both versions; return what is left of each."""
    return _unmatched(old, new), _unmatched(new, old)


def _similarities(old: list[dict], new: list[dict], config: Config):
    from .cache import Cache
    from .index.embed import Embedder

    embedder = Embedder(config.embedding_model, Cache(config.cache_path()), config.allow_network)
    try:
        a = embedder.encode([r["text"] for r in old])
        b = embedder.encode([r["text"] for r in new])
    finally:
        embedder.close()
    return a @ b.T


def align_rules(old: list[dict], new: list[dict], config: Config) -> dict[str, list[Any]]:
    """``added``, ``removed`` and ``changed`` (old, new, similarity), best pairs first, each rule used once."""
    old = [r for r in old if not r.get("is_example")]
    new = [r for r in new if not r.get("is_example")]
    rest_old, rest_new = _match_exact(old, new)
    changed: list[dict[str, Any]] = []
    if rest_old and rest_new:
        sims = _similarities(rest_old, rest_new, config)
        pairs = sorted(
            ((float(sims[i, j]), i, j) for i in range(len(rest_old)) for j in range(len(rest_new))),
            reverse=True,
        )
        used_o: set[int] = set()
        used_n: set[int] = set()
        for sim, i, j in pairs:
            if sim < REWORD_SIMILARITY:
                break
            if i in used_o or j in used_n:
                continue
            used_o.add(i)
            used_n.add(j)
            changed.append({"old": rest_old[i], "new": rest_new[j], "similarity": round(sim, 3)})
        rest_old = [r for i, r in enumerate(rest_old) if i not in used_o]
        rest_new = [r for j, r in enumerate(rest_new) if j not in used_n]
    changed.sort(key=lambda c: (c["new"]["path"], c["new"]["line"] or 0, c["new"]["slide"] or 0))
    return {"added": rest_new, "removed": rest_old, "changed": changed}


def compare_findings(old: list[dict], new: list[dict]) -> dict[str, list[dict]]:
    """By fingerprint, counting duplicates; suppressed findings are left out of both sides."""
    old = [f for f in old if not f.get("suppressed")]
    new = [f for f in new if not f.get("suppressed")]
    before = Counter(f["fingerprint"] for f in old)
    after = Counter(f["fingerprint"] for f in new)
    out: dict[str, list[dict]] = {"new": [], "resolved": [], "unchanged": []}
    for f in new:
        if before[f["fingerprint"]] > 0:
            before[f["fingerprint"]] -= 1
            out["unchanged"].append(f)
        else:
            out["new"].append(f)
    for f in old:
        if after[f["fingerprint"]] > 0:
            after[f["fingerprint"]] -= 1
        else:
            out["resolved"].append(f)
    return out


def build(old_report: dict, new_report: dict, config: Config, labels: tuple[str, str]) -> dict[str, Any]:
    """The diff document every diff renderer reads (the JSON output, validated by diff.schema.json)."""
    rules = align_rules(old_report["rules"], new_report["rules"], config)
    findings = compare_findings(old_report["findings"], new_report["findings"])
    return {
        "version": "1",
        "tool": {"name": "guidecheck", "version": __version__},
        "old": {"label": labels[0], "summary": old_report["summary"]},
        "new": {"label": labels[1], "summary": new_report["summary"]},
        "rules": rules,
        "findings": findings,
        "checks": new_report["checks"],
        "summary": {
            **{f"rules_{k}": len(v) for k, v in rules.items()},
            **{f"findings_{k}": len(v) for k, v in findings.items()},
        },
    }


def _git(repo: Path, *args: str) -> bytes:
    try:
        return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True).stdout
    except FileNotFoundError:
        raise DiffError("git is not installed") from None
    except subprocess.CalledProcessError as exc:
        raise DiffError(f"git {' '.join(args)}: {exc.stderr.decode(errors='replace').strip()}") from None


def _where(path: str) -> tuple[Path, str]:
    """(repository top, ``path`` relative to it)."""
    target = Path(path)
    repo = target if target.is_dir() else target.parent
    top = Path(_git(repo, "rev-parse", "--show-toplevel").decode().strip())
    rel = target.resolve().relative_to(top.resolve()).as_posix() if target.exists() else path
    return top, rel


def checkout(revision: str, path: str, into: Path) -> Path:
    """Write ``path`` as it was at ``revision`` under ``into`` (same relative layout); return the copy."""
    top, rel = _where(path)
    listing = _git(top, "ls-tree", "-r", "-z", "--name-only", revision, "--", rel or ".").split(b"\0")
    for name in filter(None, (n.decode() for n in listing)):
        out = into / name
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(_git(top, "show", f"{revision}:{name}"))
    return into / rel if rel else into


def kept_checkout(revision: str, path: str, cache_root: Path) -> Path:
    """The copy of ``path`` at ``revision`` under the cache, in a folder named by git's hash of that content.

    The run cache is keyed by document paths, so a copy in a new temporary folder would be checked from
    scratch on every diff. Here the same content always has the same paths: a second diff against the same
    revision reads its findings from the cache. Written to a temporary folder and renamed, so two diffs at
    once never see half a copy.
    """
    top, rel = _where(path)
    tree = _git(top, "rev-parse", f"{revision}:{rel}" if rel else f"{revision}^{{tree}}").decode().strip()
    home = cache_root / "checkouts"
    folder = home / tree[:20]
    if not folder.is_dir():
        home.mkdir(parents=True, exist_ok=True)
        part = Path(tempfile.mkdtemp(prefix=".tmp-", dir=home))
        checkout(revision, path, part)
        try:
            part.rename(folder)
        except OSError:  # another diff finished the same copy first
            shutil.rmtree(part, ignore_errors=True)
    return folder / rel if rel else folder


def git_sides(spec: str, path: str, tmp: str, cache_root: Path | None = None) -> tuple[Path, Path]:
    """``REV1..REV2`` over ``path``: two copies (REV2 empty = the working tree), kept under the cache when
    there is one, else in ``tmp``."""
    rev1, sep, rev2 = spec.partition("..")
    if not sep or not rev1:
        raise DiffError(f"--git needs REV1..REV2, got {spec!r}")

    def copy(rev: str, name: str) -> Path:
        if cache_root is not None:
            try:
                return kept_checkout(rev, path, cache_root)
            except OSError:  # a cache that cannot be written only costs speed
                pass
        return checkout(rev, path, Path(tmp) / name)

    return copy(rev1, "old"), copy(rev2, "new") if rev2 else Path(path)


def relabel(report: dict[str, Any], prefix: str, label: str) -> None:
    """Show paths of a temporary checkout as the repository paths (``tmp/old/deck/a.md`` -> ``deck/a.md``)."""

    def fix(item: dict[str, Any]) -> None:
        if isinstance(item.get("path"), str) and item["path"].startswith(prefix):
            item["path"] = label + item["path"][len(prefix) :]

    for group in ("documents", "rules", "findings"):
        for item in report[group]:
            fix(item)
            for rel in item.get("related") or []:
                fix(rel)


def tempdir() -> tempfile.TemporaryDirectory:
    return tempfile.TemporaryDirectory(prefix="guidecheck-diff-")
