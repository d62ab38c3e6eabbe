"""GitHub Actions workflow commands: one ``::error|warning|notice`` annotation per finding.

Escaping follows the Actions runner: ``%``, CR and LF in the message; additionally ``:`` and ``,`` in property
values, which would otherwise end the value.
"""

from __future__ import annotations

from typing import Any

from .view import position

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(kind: str, props: list[tuple[str, Any]], message: str) -> str:
    body = ",".join(f"{k}={escape_property(str(v))}" for k, v in props if v not in (None, ""))
    return f"::{kind} {body}::{escape_data(message)}" if body else f"::{kind}::{escape_data(message)}"


def render(report: dict[str, Any]) -> str:
    lines = []
    # An unreadable document is not a finding, but CI must not pass over it silently.
    for d in report["documents"]:
        if d["status"] == "error":
            lines.append(
                _command(
                    "error",
                    [("file", d["path"]), ("title", "guidecheck: document not checked")],
                    d.get("message") or "could not be read",
                )
            )
    for f in report["findings"]:
        if f.get("suppressed"):
            continue  # annotations are for what needs fixing
        message = f["message"]
        if not f.get("line"):
            where = position(f)
            if where:
                message = f"{message} ({where})"
        props = [
            ("file", f["path"]),
            ("line", f.get("line")),
            ("col", f.get("column") if f.get("line") else None),
            ("title", f"{f['check']} {f.get('name') or ''}".strip()),
        ]
        lines.append(_command(COMMANDS.get(f["severity"], "warning"), props, message))
    return "\n".join(lines) + ("\n" if lines else "")
