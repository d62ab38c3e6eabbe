"""Self-contained HTML report rendered with jinja2.

Autoescape is on and this module never builds markup: it hands the template plain strings and
(text, highlighted) segments, so any input text (a rule containing ``<script>``) renders as text.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from ..model import SEVERITY_RANK
from .view import (
    CATEGORIES,
    SEVERITIES,
    SEVERITY_ORDER,
    category_help,
    category_label,
    derived,
    highlight,
    position,
    segments,
    where,
)

# Bars shown per chart before the rest are folded into one "other" line.
CHART_ROWS = 12


def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("guidecheck", "report/templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["where"] = where
    env.filters["position"] = position
    env.filters["pct"] = lambda x: f"{round(float(x) * 100)}%"
    env.filters["category_label"] = category_label
    return env


def _side(finding: dict[str, Any], rule: dict[str, Any] | None, rid: str) -> dict[str, Any]:
    if rule is None:
        return {"id": rid, "missing": True, "segments": segments(f"(rule {rid} not in the report)", [])}
    return {
        "id": rid,
        "missing": False,
        "rule": rule,
        "segments": highlight(finding, rule),
        "where": where(rule),
        "position": position(rule),
        "path": rule.get("path", ""),
        "section": [s for s in (rule.get("section") or "").split(" > ") if s],
        # A "Do not:" list heading carries the force of its items: mark it when the report picks the words.
        "mark_lead_in": bool(rule.get("lead_in") and rule.get("polarity") and derived(finding, rule)),
    }


def _short_names(paths: list[str]) -> dict[str, str]:
    """Shortest trailing part of each path that is still unique (usually the file name)."""
    out: dict[str, str] = {}
    for path in paths:
        parts = path.split("/")
        for n in range(1, len(parts) + 1):
            tail = "/".join(parts[-n:])
            if sum(1 for other in paths if other == tail or other.endswith("/" + tail)) <= 1:
                break
        out[path] = tail
    return out


def _chart(
    rows: dict[str, Counter], labels: dict[str, str] | None = None, noun: str = "row"
) -> dict[str, Any]:
    """Horizontal stacked bars (one per row, stacked by severity) sized for an inline SVG."""
    items = sorted(rows.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    more = None
    if len(items) > CHART_ROWS:
        folded = items[CHART_ROWS - 1 :]
        more = {"rows": len(folded), "noun": noun, "total": sum(sum(c.values()) for _, c in folded)}
        items = items[: CHART_ROWS - 1]
    peak = max((sum(c.values()) for _, c in items), default=0) or 1
    bars = []
    for key, counts in items:
        x, parts = 0.0, []
        for sev in SEVERITY_ORDER:
            n = counts.get(sev, 0)
            if n:
                w = 100.0 * n / peak
                parts.append({"severity": sev, "count": n, "x": round(x, 2), "width": round(w, 2)})
                x += w
        label = (labels or {}).get(key, key)
        short = label if len(label) <= 32 else "…" + label[-31:]
        bars.append(
            {"key": key, "label": label, "short": short, "total": sum(counts.values()), "parts": parts}
        )
    # Rows past CHART_ROWS are summed in a caption line, not a bar that would dwarf the others.
    return {"bars": bars, "height": 28 * len(bars) + 4, "more": more}


def _finding_order(f: dict[str, Any]) -> tuple:
    """Most severe first, then by category, then where the finding is."""
    return (
        -SEVERITY_RANK.get(f["severity"], -9),
        list(CATEGORIES).index(f["category"]) if f["category"] in CATEGORIES else 99,
        f["path"],
        f.get("line") or 0,
        f.get("page") or 0,
        f.get("slide") or 0,
        f["id"],
    )


def _cards(report: dict[str, Any]) -> tuple[list[dict[str, Any]], dict[str, list[str]]]:
    """One card per finding, in display order, and rule id -> the findings that name it."""
    rules = {r["id"]: r for r in report["rules"]}
    checks = {c["code"]: c for c in report.get("checks") or []}
    cards = []
    rule_findings: dict[str, list[str]] = {}
    for f in sorted(report["findings"], key=_finding_order):
        sides = [_side(f, rules.get(rid), rid) for rid in f.get("rules") or []]
        for rid in f.get("rules") or []:
            rule_findings.setdefault(rid, []).append(f["id"])
        docs = sorted({f["path"]} | {s["path"] for s in sides if not s["missing"]})
        check = checks.get(f["check"], {})
        title = check.get("name") or f.get("name") or f["check"]
        cards.append({"f": f, "sides": sides, "docs": docs, "check": check, "title": title})
    return cards, rule_findings


def _charts(report: dict[str, Any]) -> dict[str, Any]:
    """Findings per document and per category, stacked by severity, and the categories that have errors."""
    per_doc: dict[str, Counter] = {d["path"]: Counter() for d in report["documents"]}
    per_cat: dict[str, Counter] = {}
    for f in report["findings"]:
        per_doc.setdefault(f["path"], Counter())[f["severity"]] += 1
        per_cat.setdefault(f["category"], Counter())[f["severity"]] += 1
    with_findings = {p: c for p, c in per_doc.items() if sum(c.values())}
    errors_by_cat = Counter(f["category"] for f in report["findings"] if f["severity"] == "error")
    return {
        "doc_counts": {p: sum(c.values()) for p, c in per_doc.items()},
        "doc_chart": _chart(with_findings, _short_names(list(with_findings)), "document"),
        "cat_chart": _chart(per_cat, {k: category_label(k) for k in per_cat}),
        "error_categories": [
            (k, category_label(k), n)
            for k, n in sorted(errors_by_cat.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
    }


def view_model(report: dict[str, Any]) -> dict[str, Any]:
    """Everything the template shows, as plain values (the template builds no data of its own)."""
    cards, rule_findings = _cards(report)
    summary = report["summary"]
    by_category = summary.get("by_category", {})
    sev = summary.get("by_severity", {})
    return {
        "report": report,
        "cards": cards,
        "rules": report["rules"],
        "rule_findings": rule_findings,
        "checks": report.get("checks") or [],
        "used_checks": sorted({f["check"] for f in report["findings"]}),
        "categories": [
            (k, category_label(k), category_help(k), by_category.get(k, 0))
            for k in list(CATEGORIES) + sorted(set(by_category) - set(CATEGORIES))
        ],
        "severities": [(k, SEVERITIES[k][0], SEVERITIES[k][1], sev.get(k, 0)) for k in SEVERITY_ORDER],
        "documents": report["documents"],
        "problem_docs": [d for d in report["documents"] if d["status"] == "error"],
        **_charts(report),
        "check_names": {c["code"]: c["name"] for c in report.get("checks") or []},
    }


def render(report: dict[str, Any]) -> str:
    if "checks" not in report:  # reports from older versions: fall back to the registry
        from .data import check_dicts

        report = {**report, "checks": check_dicts()}
    return _env().get_template("report.html.j2").render(**view_model(report))
