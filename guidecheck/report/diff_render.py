"""Renderers for ``guidecheck diff``: text (reads well pasted into a PR comment: it is Markdown), JSON and
HTML. They read the dict from ``guidecheck.diff.build``."""

from __future__ import annotations

from typing import Any

from ..model import SEVERITY_RANK
from .view import where


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _quote(text: str) -> str:
    return " ".join(text.split())


def _finding_lines(items: list[dict[str, Any]]) -> list[str]:
    items = sorted(
        items, key=lambda f: (-SEVERITY_RANK.get(f["severity"], -9), f["path"], f.get("line") or 0)
    )
    return [f"- **{f['severity']}** `{f['check']}` {where(f)}: {_quote(f['message'])}" for f in items]


def _rule_sections(rules: dict[str, list[Any]]) -> list[str]:
    out: list[str] = []
    if rules["changed"]:
        out += ["", f"### Reworded rules ({len(rules['changed'])})", ""]
        for c in rules["changed"]:
            moved = "" if c["old"]["path"] == c["new"]["path"] else f", was in {c['old']['path']}"
            out.append(f"- {where(c['new'])} (similarity {c['similarity']:.2f}{moved})")
            out.append(f"  - before: {_quote(c['old']['text'])}")
            out.append(f"  - after: {_quote(c['new']['text'])}")
    for key, title in (("added", "Added rules"), ("removed", "Removed rules")):
        if rules[key]:
            out += ["", f"### {title} ({len(rules[key])})", ""]
            out += [f"- {where(r)}: {_quote(r['text'])}" for r in rules[key]]
    return out


def render_text(diff: dict[str, Any], colour: bool = False) -> str:
    s = diff["summary"]
    head = [
        f"## guidecheck: {diff['old']['label']} → {diff['new']['label']}",
        "",
        f"Findings: **{s['findings_new']} new**, {s['findings_resolved']} resolved, "
        f"{s['findings_unchanged']} unchanged.",
        f"Rules: {s['rules_added']} added, {s['rules_removed']} removed, {s['rules_changed']} reworded.",
    ]
    body: list[str] = []
    for key, title in (("new", "New findings"), ("resolved", "Resolved findings")):
        if diff["findings"][key]:
            body += ["", f"### {title} ({len(diff['findings'][key])})", ""]
            body += _finding_lines(diff["findings"][key])
    body += _rule_sections(diff["rules"])
    return "\n".join(head + body) + "\n"


def render_json(diff: dict[str, Any]) -> str:
    from .json_format import render

    return render(diff)


def render_html(diff: dict[str, Any]) -> str:
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(
        loader=PackageLoader("guidecheck.report", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["where"] = where
    return env.get_template("diff.html.j2").render(d=diff, plural=_plural)


def renderer(fmt: str):
    return {"text": render_text, "json": render_json, "html": render_html}[fmt]
