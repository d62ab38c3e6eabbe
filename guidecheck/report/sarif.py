"""SARIF 2.1.0 for code-scanning tools: one run, a rule per registered check, a result per finding.

Decks have pages and slides, which SARIF regions cannot express: they go in the location's property bag
(``page``, ``slide``, ``notes``) so viewers that only know lines still show the file.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from .view import SARIF_LEVELS, position

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
DOCS_PATH = "docs/checks.md"


def _help_text(check: dict[str, Any]) -> tuple[str, str]:
    """Plain and Markdown help from the check's docstring sections, pointing at the generated docs."""
    docs = check.get("docs") or {}
    plain = [check.get("summary", "")]
    markdown = [f"**{check['code']} {check['name']}**: {check.get('summary', '')}"]
    for title in ("What it does", "Why is this bad", "Example", "Use instead"):
        body = docs.get(title)
        if not body:
            continue
        lines = [line.strip() for line in body.splitlines()]
        plain.append(f"{title}:\n" + "\n".join(lines))
        if title in ("Example", "Use instead"):
            markdown.append(f"### {title}\n\n```text\n" + "\n".join(lines) + "\n```")
        else:
            markdown.append(f"### {title}\n\n" + " ".join(line for line in lines if line))
    anchor = f"{DOCS_PATH}#{check['code'].lower()}"
    plain.append(f"Documentation: {anchor}")
    markdown.append(f"Documentation: [{check['code']}]({anchor})")
    return "\n\n".join(p for p in plain if p), "\n\n".join(markdown)


def _descriptor(check: dict[str, Any]) -> dict[str, Any]:
    text, markdown = _help_text(check)
    docs = check.get("docs") or {}
    full = " ".join(
        line.strip() for line in (docs.get("What it does") or check.get("summary", "")).splitlines()
    )
    return {
        "id": check["code"],
        "name": check["name"],
        "shortDescription": {"text": check.get("summary") or check["name"]},
        "fullDescription": {"text": full or check["name"]},
        "help": {"text": text, "markdown": markdown},
        "defaultConfiguration": {"level": SARIF_LEVELS.get(check["severity"], "warning")},
        "properties": {"category": check["category"], "tags": [check["category"]]},
    }


def _location(item: dict[str, Any], rule: dict[str, Any] | None = None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": quote(item.get("path") or "", safe="/")}}
    region: dict[str, Any] = {}
    if item.get("line"):
        region["startLine"] = item["line"]
        if item.get("column"):
            region["startColumn"] = item["column"]
    if rule is not None and rule.get("text"):
        region["snippet"] = {"text": rule["text"]}
    if region.get("startLine"):
        physical["region"] = region
    loc: dict[str, Any] = {"physicalLocation": physical}
    bag = {k: item[k] for k in ("page", "slide") if item.get(k)}
    if item.get("notes"):
        bag["notes"] = True
    if rule is not None and rule.get("section"):
        bag["section"] = rule["section"]
    if bag:
        loc["properties"] = bag
    return loc


def _result(f: dict[str, Any], index: dict[str, int], rules: dict[str, dict[str, Any]]) -> dict[str, Any]:
    first = rules.get(f["rules"][0]) if f.get("rules") else None
    out: dict[str, Any] = {
        "ruleId": f["check"],
        "level": SARIF_LEVELS.get(f["severity"], "warning"),
        "message": {"text": f["message"]},
        "locations": [_location(f, first)],
        "partialFingerprints": {"guidecheck/v1": f["fingerprint"]},
        "properties": {"category": f["category"], "confidence": f["confidence"], "findingId": f["id"]},
    }
    if f["check"] in index:
        out["ruleIndex"] = index[f["check"]]
    if f.get("fix"):
        out["properties"]["fix"] = f["fix"]
    related = []
    for n, rid in enumerate(f.get("rules", [])[1:], start=1):
        rule = rules.get(rid)
        if rule is None:
            continue
        loc = _location(rule, rule)
        loc["id"] = n
        where = position(rule)
        loc["message"] = {"text": f"Other rule{' (' + where + ')' if where else ''}: {rule['text']}"}
        related.append(loc)
    if not related:
        for n, item in enumerate(f.get("related") or [], start=1):
            loc = _location(item)
            loc["id"] = n
            loc["message"] = {"text": "Related location"}
            related.append(loc)
    if related:
        out["relatedLocations"] = related
    if f.get("suppressed"):
        out["suppressions"] = [_suppression(f["suppressed"])]
    return out


def _suppression(s: dict[str, Any]) -> dict[str, Any]:
    """A comment in the deck is ``inSource``; an entry of .guidecheck-ignore.toml is ``external``."""
    out: dict[str, Any] = {"kind": s["kind"], "status": "accepted"}
    if s.get("reason"):
        out["justification"] = s["reason"]
    out["properties"] = {"by": s["by"]}
    return out


def sarif(report: dict[str, Any]) -> dict[str, Any]:
    checks = list(report.get("checks") or [])
    known = {c["code"] for c in checks}
    # A finding from a check missing in the registry still gets a descriptor, so ruleIndex stays valid.
    for f in report["findings"]:
        if f["check"] not in known:
            known.add(f["check"])
            checks.append(
                {
                    "code": f["check"],
                    "name": f.get("name") or f["check"],
                    "category": f["category"],
                    "severity": f["severity"],
                    "summary": f.get("name") or f["check"],
                    "docs": {},
                }
            )
    index = {c["code"]: i for i, c in enumerate(checks)}
    rules = {r["id"]: r for r in report["rules"]}
    notifications = [
        {
            "level": "error" if d["status"] == "error" else "warning",
            "message": {"text": f"{d['path']}: {d.get('message') or d['status']}"},
            "locations": [_location({"path": d["path"]})],
        }
        for d in report["documents"]
        if d["status"] != "ok"
    ]
    tool = report.get("tool") or {}
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": tool.get("name", "guidecheck"),
                        "version": tool.get("version", ""),
                        "rules": [_descriptor(c) for c in checks],
                    }
                },
                "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notifications}],
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, index, rules) for f in report["findings"]],
            }
        ],
    }


def render(report: dict[str, Any]) -> str:
    return json.dumps(sarif(report), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
