"""Terminal text: ``path:line: severity CHECK message`` grouped per document, then a summary line."""
from __future__ import annotations

from typing import Any

_COLOURS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_RESET, _BOLD, _DIM = "\x1b[0m", "\x1b[1m", "\x1b[2m"


def _where(f: dict[str, Any]) -> str:
    out = f["path"]
    if f.get("line"):
        out += f":{f['line']}"
    if f.get("page"):
        out += f": page {f['page']}"
    if f.get("slide"):
        out += f": slide {f['slide']}" + (" notes" if f.get("notes") else "")
    return out


def render(report: dict[str, Any], colour: bool = False) -> str:
    def c(code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if colour else text

    lines: list[str] = []
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for f in report["findings"]:
        by_doc.setdefault(f["path"], []).append(f)
    for doc in report["documents"]:
        findings = by_doc.pop(doc["path"], [])
        if doc["status"] != "ok":
            level = "error" if doc["status"] == "error" else "warning"
            lines.append(f"{doc['path']}: {c(_COLOURS[level], level)} {doc['message']}")
        for f in findings:
            lines.append(f"{_where(f)}: {c(_COLOURS[f['severity']], f['severity'])} {c(_BOLD, f['check'])} {f['message']}")
    for path, findings in by_doc.items():
        for f in findings:
            lines.append(f"{_where(f)}: {c(_COLOURS[f['severity']], f['severity'])} {c(_BOLD, f['check'])} {f['message']}")
    s = report["summary"]
    sev = s["by_severity"]
    counts = ", ".join(f"{sev.get(k, 0)} {k}{'s' if sev.get(k, 0) != 1 else ''}" for k in ("error", "warning", "info"))
    lines.append(c(_DIM, f"{s['documents']} document{'s' if s['documents'] != 1 else ''}, {s['rules']} rules, "
                         f"{s['findings']} finding{'s' if s['findings'] != 1 else ''} ({counts})"))
    return "\n".join(lines) + "\n"
