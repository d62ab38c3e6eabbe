"""Terminal text: ``path:line[:col]: severity CHECK message`` grouped per document, then a summary line.

Each finding line stands alone (editors and grep can jump to it); the other rule of a pair and the suggested
fix follow on indented lines. Colour only when the caller says so (a TTY without NO_COLOR).
"""

from __future__ import annotations

from typing import Any

from .view import SEVERITY_ORDER, where

_COLOURS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_RESET, _BOLD, _DIM = "\x1b[0m", "\x1b[1m", "\x1b[2m"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _location(item: dict[str, Any]) -> str:
    """``path:12:3`` for text files; ``deck.pptx: slide 4 (notes)`` where there are no lines."""
    label = where(item)
    path = item.get("path") or "(unknown)"
    return path + ":" + label[len(path) :] if not item.get("line") and label != path else label


def render(report: dict[str, Any], colour: bool = False) -> str:
    def c(code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if colour else text

    rules = {r["id"]: r for r in report["rules"]}
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for f in report["findings"]:
        if not f.get("suppressed"):  # counted in the summary line, listed in JSON, SARIF and HTML
            by_doc.setdefault(f["path"], []).append(f)
    groups: list[list[str]] = []
    order = [d["path"] for d in report["documents"]] + [
        p for p in by_doc if p not in {d["path"] for d in report["documents"]}
    ]
    status = {d["path"]: d for d in report["documents"]}
    for path in order:
        lines: list[str] = []
        doc = status.get(path)
        if doc and doc["status"] != "ok":
            level = "error" if doc["status"] == "error" else "warning"
            lines.append(
                f"{path}: {c(_COLOURS[level], level)} {doc.get('message') or 'could not be checked'}"
            )
        for f in by_doc.get(path, []):
            lines.append(
                f"{_location(f)}: {c(_COLOURS.get(f['severity'], ''), f['severity'])} "
                f"{c(_BOLD, f['check'])} {f['message']}"
            )
            for rid in f.get("rules", [])[1:]:
                other = rules.get(rid)
                if other:
                    lines.append(c(_DIM, f"    other rule: {where(other)}"))
            if f.get("fix"):
                lines.append(c(_DIM, f"    fix: {f['fix']}"))
        if lines:
            groups.append(lines)
    s = report["summary"]
    sev = s["by_severity"]
    counts = ", ".join(_plural(sev.get(k, 0), k) for k in SEVERITY_ORDER)
    summary = (
        f"{_plural(s['documents'], 'document')}, {_plural(s['rules'], 'rule')}, "
        f"{_plural(s['findings'], 'finding')} ({counts})"
    )
    for key in ("suppressed", "baselined"):
        if s.get(key):
            summary += f"; {s[key]} {key}"
    unreadable = s.get("documents_with_errors", 0)
    if unreadable:
        summary += f"; {_plural(unreadable, 'document')} could not be read"
    body = "\n\n".join("\n".join(g) for g in groups)
    return (body + "\n\n" if body else "") + c(_DIM, summary) + "\n"
