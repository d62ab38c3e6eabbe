"""Self-contained HTML report rendered with jinja2 (autoescape on: every input string is escaped)."""
from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape


def _env() -> Environment:
    return Environment(loader=PackageLoader("guidecheck", "report/templates"),
                       autoescape=select_autoescape(default=True, default_for_string=True),
                       trim_blocks=True, lstrip_blocks=True)


def render(report: dict[str, Any]) -> str:
    from ..checks import all_checks
    checks = {c.code: {"name": c.name, "category": c.category, "severity": c.severity, **c.doc_sections()}
              for c in all_checks()}
    rules = {r["id"]: r for r in report["rules"]}
    return _env().get_template("report.html.j2").render(report=report, rules=rules, checks=checks)
