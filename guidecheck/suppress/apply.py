"""After the checks: mark findings that a comment or an ignore file suppresses, and report the comments
that suppress nothing (GC100) or name an unknown check (GC101).

A finding is suppressed when any of its rules (for a contradiction, one of the two is enough) or, for a
finding without rules, its own location is covered by a directive that names the finding's check. Suppressed
findings stay in every report, marked; they never count toward ``--fail-on``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..checks.base import fingerprint
from ..config import Config
from ..model import Document, Finding, Location, Rule
from .directives import Directive
from .sidecar import Accepted


@dataclass
class _Point:
    """One place a finding is about: a rule (with its text) or the finding's own location."""

    location: Location
    text: str | None


@dataclass
class _Doc:
    """A document's directives and, for DOCX, its paragraphs in order (directives are anchored to them)."""

    document: Document
    paragraphs: list[str] = field(default_factory=list)

    def unit(self, point: _Point) -> int | None:
        fmt, loc = self.document.format, point.location
        if fmt == "pptx":
            return loc.slide
        if fmt == "docx":
            return self.paragraph_of(point.text)
        return loc.line

    def paragraph_of(self, text: str | None) -> int | None:
        if not text:
            return None
        needle = _squash(text)
        return next((i for i, p in enumerate(self.paragraphs) if needle in p), None)

    def position(self, d: Directive) -> int | None:
        if self.document.format == "docx":
            return self.paragraph_of(d.anchor)
        return d.position

    def covering(self, check: str, unit: int | None) -> Directive | None:
        """The directive that suppresses ``check`` at ``unit``, if any."""
        last: Directive | None = None
        for d in self.document.directives:
            if not d.names(check):
                continue
            if d.action == "disable-file":
                return d
            pos = self.position(d)
            if unit is None or pos is None:
                continue
            if d.action == "disable-next-line" and (d.target if d.target is not None else pos) == unit:
                return d
            if d.action in ("disable", "enable") and pos <= unit:
                last = d if last is None or pos >= (self.position(last) or 0) else last
        return last if last is not None and last.action == "disable" else None


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def _points(finding: Finding, rules: dict[str, Rule]) -> list[_Point]:
    found = [_Point(rules[r].location, rules[r].text) for r in finding.rules if r in rules]
    return found or [_Point(finding.location, None)]


def _docs(documents: list[Document]) -> dict[str, _Doc]:
    out = {}
    for doc in documents:
        if doc.directives:
            paragraphs = [_squash(b.text) for b in doc.blocks] if doc.format == "docx" else []
            out[doc.path] = _Doc(doc, paragraphs)
    return out


def _in_source(
    finding: Finding, rules: dict[str, Rule], docs: dict[str, _Doc], used: dict[int, set[str]]
) -> bool:
    for point in _points(finding, rules):
        doc = docs.get(point.location.path)
        d = doc.covering(finding.check, doc.unit(point)) if doc else None
        if d is not None:
            used.setdefault(id(d), set()).add(finding.check)
            finding.suppressed = {"kind": "inSource", "reason": d.reason, "by": d.location.label()}
            return True
    return False


def _external(finding: Finding, accepted: dict[str, Accepted], used: set[str]) -> None:
    entry = accepted.get(finding.fingerprint)
    if entry is not None:
        used.add(entry.fingerprint)
        by = entry.source + (f" (accepted by {entry.accepted_by})" if entry.accepted_by else "")
        finding.suppressed = {"kind": "external", "reason": entry.reason, "by": by}


@dataclass
class Outcome:
    """What the suppression step found besides the marks: comments used, ignore entries used."""

    used: dict[int, set[str]] = field(default_factory=dict)
    accepted_used: set[str] = field(default_factory=set)


def mark(
    documents: list[Document], rules: list[Rule], findings: list[Finding], accepted: list[Accepted]
) -> Outcome:
    """Set ``finding.suppressed`` in place; return which directives and ignore entries were used."""
    out = Outcome()
    docs = _docs(documents)
    by_id = {r.id: r for r in rules}
    by_fp = {a.fingerprint: a for a in accepted}
    for f in findings:
        f.suppressed = None
        if not (docs and _in_source(f, by_id, docs, out.used)) and by_fp:
            _external(f, by_fp, out.accepted_used)
    return out


def _meta(code: str, severity: str, message: str, where: Location, words: str, fix: str) -> Finding:
    fp = fingerprint(code, [words], where.path.rpartition("/")[2])
    return Finding(f"{code}-{fp[:8]}", code, "meta", severity, 1.0, message, [], fp, where, fix)


def known(check: str, codes: list[str]) -> bool:
    return any(c == check or (check.isalpha() and c.startswith(check)) for c in codes)


def meta_findings(
    documents: list[Document], accepted: list[Accepted], out: Outcome, config: Config, ran: list[str]
) -> list[Finding]:
    """GC101 for unknown IDs, GC100 for directives and ignore entries that suppressed nothing."""
    from ..checks import all_checks

    codes = [c.code for c in all_checks()]
    sev = config.severity_overrides()
    found: list[Finding] = []
    for doc in documents:
        for d in doc.directives:
            unknown = [c for c in d.checks if not known(c, codes)]
            if unknown:
                found.append(_unknown(d, unknown, sev))
            elif d.action != "enable":
                found += _unused(d, out.used.get(id(d), set()), ran, sev)
    for a in accepted:
        if a.fingerprint not in out.accepted_used:
            msg = f"ignore entry for fingerprint {a.fingerprint} matches no finding"
            where = Location(a.source)
            fix = "delete the entry: the finding it accepted is gone or its rule was reworded"
            found.append(_meta("GC100", sev.get("GC100", "warning"), msg, where, a.fingerprint, fix))
    return found


def _unknown(d: Directive, unknown: list[str], sev: dict[str, str]) -> Finding:
    msg = f"'{d.text}' names {'an unknown check' if len(unknown) == 1 else 'unknown checks'}: {', '.join(unknown)}"
    fix = "use the IDs listed by `guidecheck checks`"
    return _meta("GC101", sev.get("GC101", "error"), msg, d.location, d.text, fix)


def _unused(d: Directive, used: set[str], ran: list[str], sev: dict[str, str]) -> list[Finding]:
    if d.checks:
        idle = [c for c in d.checks if known(c, ran) and not any(u == c or u.startswith(c) for u in used)]
    else:
        idle = [] if used else ["(all checks)"]
    if not idle:
        return []
    msg = f"'{d.text}' suppresses nothing ({', '.join(idle)}: no such finding here)"
    fix = "delete the comment, or move it next to the rule it is meant for"
    return [_meta("GC100", sev.get("GC100", "warning"), msg, d.location, d.text, fix)]
