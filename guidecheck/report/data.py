"""The JSON report contract: one plain dict built from a pipeline Result; every renderer reads this dict.

Stable: keys sorted on output, no timestamps or absolute paths, so the same input gives byte-identical JSON.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from .. import __version__
from ..model import Finding, Rule, to_dict

REPORT_VERSION = "1"
# Frame fields copied into each rule object after the location fields.
FRAME_FIELDS = (
    "kind",
    "modality",
    "strength",
    "negated",
    "actor",
    "action",
    "object",
    "labels",
    "conditions",
    "exceptions",
    "quantities",
    "quantifier",
    "date",
    "is_example",
    "role",
    "example_of",
    "lead_in",
    "polarity",
    "block_kind",
    "cells",
    "evidence",
    "context",
)


def rule_dict(rule: Rule) -> dict[str, Any]:
    loc = rule.location
    out: dict[str, Any] = {
        "id": rule.id,
        "text": rule.text,
        "path": loc.path,
        "line": loc.line,
        "page": loc.page,
        "slide": loc.slide,
        "notes": loc.notes,
        "section": " > ".join(rule.section),
    }
    for name in FRAME_FIELDS:
        out[name] = to_dict(getattr(rule, name))
    return out


def finding_dict(finding: Finding, check_names: dict[str, str]) -> dict[str, Any]:
    loc = finding.location
    return {
        "id": finding.id,
        "check": finding.check,
        "name": check_names.get(finding.check, finding.check),
        "category": finding.category,
        "severity": finding.severity,
        "confidence": finding.confidence,
        "message": finding.message,
        "rules": list(finding.rules),
        "fingerprint": finding.fingerprint,
        "path": loc.path,
        "line": loc.line,
        "column": loc.column,
        "page": loc.page,
        "slide": loc.slide,
        "notes": loc.notes,
        "fix": finding.fix,
        "spans": [{"rule": s.rule, "start": s.start, "end": s.end} for s in finding.spans],
        "related": [to_dict(r) for r in finding.related],
        "suppressed": finding.suppressed,
    }


def check_dicts() -> list[dict[str, Any]]:
    """Every registered check with its documentation, so renderers (SARIF rules, HTML docs) need no registry."""
    from ..checks import all_checks

    out = []
    for c in all_checks():
        sections = c.doc_sections()
        out.append(
            {
                "code": c.code,
                "name": c.name,
                "category": c.category,
                "severity": c.severity,
                "summary": sections.get("summary", ""),
                "docs": {k: v for k, v in sections.items() if k != "summary"},
            }
        )
    return out


def build_report(result, baselined: int = 0) -> dict[str, Any]:
    """``baselined``: how many findings ``--baseline`` left out (they are not in ``result.findings``)."""
    checks = check_dicts()
    names = {c["code"]: c["name"] for c in checks}
    findings = [finding_dict(f, names) for f in result.findings]
    active = [f for f in findings if not f["suppressed"]]  # suppressed ones are listed, never counted
    documents = [
        {
            "path": d.path,
            "format": d.format,
            "status": d.status,
            "message": d.message,
            "rules": d.rule_count,
            "words": d.words,
        }
        for d in result.documents
    ]
    return {
        "version": REPORT_VERSION,
        "tool": {"name": "guidecheck", "version": __version__},
        "checks": checks,
        "documents": documents,
        "rules": [rule_dict(r) for r in result.rules],
        "findings": findings,
        "summary": {
            "documents": len(documents),
            "documents_with_errors": sum(1 for d in documents if d["status"] == "error"),
            "rules": sum(1 for r in result.rules if not r.is_example),
            "examples": sum(1 for r in result.rules if r.is_example),
            "words": sum(d.words for d in result.documents),
            "findings": len(active),
            "suppressed": len(findings) - len(active),
            "baselined": baselined,
            "by_severity": dict(sorted(Counter(f["severity"] for f in active).items())),
            "by_category": dict(sorted(Counter(f["category"] for f in active).items())),
            "by_check": dict(sorted(Counter(f["check"] for f in active).items())),
        },
    }
