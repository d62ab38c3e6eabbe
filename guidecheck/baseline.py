"""Baseline: adopt guidecheck on an old deck without fixing every finding first.

``guidecheck baseline PATHS -o .guidecheck-baseline.json`` records the fingerprints of today's findings;
``guidecheck check PATHS --baseline FILE`` leaves those out and reports only the new ones. Fingerprints come
from the check and the normalised rule texts (``checks.base.fingerprint``), never positions: moving text
(lines above, a slide before, a paragraph into another file) keeps a finding baselined; rewording a rule
makes it new. A fingerprint recorded twice absorbs two findings, not every finding with that fingerprint.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from . import __version__
from .config import ConfigError
from .model import Finding

VERSION = 1


def dumps(findings: list[Finding]) -> str:
    """The baseline file: sorted and without positions, so it only changes when findings do."""
    entries = sorted(
        (
            {"fingerprint": f.fingerprint, "check": f.check, "path": f.location.path, "message": f.message}
            for f in findings
            if not f.suppressed
        ),
        key=lambda e: (e["fingerprint"], e["path"], e["message"]),
    )
    doc = {"version": VERSION, "tool": {"name": "guidecheck", "version": __version__}, "findings": entries}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def load(path: str) -> Counter[str]:
    """Fingerprint -> how many findings with it are accepted. A missing or malformed file is exit 2."""
    try:
        data = json.loads(Path(path).read_text("utf-8"))
        counts = Counter(str(e["fingerprint"]) for e in data["findings"])
    except FileNotFoundError:
        raise ConfigError(f"baseline file not found: {path}") from None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"invalid baseline file {path}: {exc}") from None
    return counts


def subtract(findings: list[Finding], accepted: Counter[str]) -> tuple[list[Finding], int]:
    """(findings not in the baseline, how many were left out)."""
    left = Counter(accepted)
    kept: list[Finding] = []
    for f in findings:
        if left[f.fingerprint] > 0 and not f.suppressed:
            left[f.fingerprint] -= 1
        else:
            kept.append(f)
    return kept, len(findings) - len(kept)
