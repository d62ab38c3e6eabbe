"""Which sentences make up one worked example (CON008): the blocks of one example heading, consecutive sentences
of one block, and a verdict right after its sample.

A worked example is often spread over blocks: "Example D: a jury-trial waiver" has a summary, a quoted clause and a
verdict line, and the verdict only breaks a rule when read with the clause.
"""

from __future__ import annotations

import re

from .claims import Claim

_EXAMPLE_START = re.compile(
    r"^\s*(?:(?i:(?:worked\s+)?(?:example|e\.g\.|for example|for instance|sample|case)\b)"
    # "Clip 5 - A boy ...", "Review 2: ...", "Item #3 –": a named, numbered item opens its own example ("Safety 2:"
    # scores a dimension and "Response 2:" is the second answer of one pairwise example, so a colon only after
    # the names of items)
    r"|[A-Z][a-z]{1,14}\s+(?:no\.\s*|#\s*)?\d{1,3}\s*[-–—]\s+[A-Z\"“‘']"
    r"|(?i:clip|item|review|post|scenario|ticket|tweet|video|call|listing|posting|comment|message)\s+(?:no\.\s*|#\s*)?\d{1,3}\s*[:.]\s"
    # "3 | "La sincronización ..." | Bug Report | 4": a table row whose first cell numbers it is one example
    r"|\d{1,3}\s*\|)"
)


def example_groups(claims: list[Claim]) -> list[list[Claim]]:
    """Consecutive example sentences of one block form one example; "Example 2: ..." or a new section (a heading
    "Example 4: system of equations") starts the next one."""
    groups: list[list[Claim]] = []
    last_key = None
    for f in claims:
        if not f.rule.is_example:
            last_key = None
            continue
        key = _example_key(f)
        same = key == last_key or (last_key is not None and _verdict_of_previous(f, groups[-1][-1]))
        if groups and same and not _EXAMPLE_START.match(f.text):
            groups[-1].append(f)
        else:
            groups.append([f])
        last_key = key
    return groups


_ONE_EXAMPLE_HEADING = re.compile(
    r"^\s*(?:worked\s+)?(?:example|case|sample|scenario)(?:\s+(?:no\.\s*|#\s*)?[A-Z0-9][\w.]{0,3}\b|\s*[:–—-]\s)",
    re.I,
)


def _example_key(f: Claim) -> tuple:
    """What one example is: its whole section when the heading names one example ("Example D: a jury-trial
    waiver", whose summary, quoted clause and verdict are separate blocks), else its block."""
    loc = f.rule.location
    if f.rule.section and _ONE_EXAMPLE_HEADING.match(f.rule.section[-1]):
        return (loc.path, f.rule.section)
    return (loc.path, loc.line, loc.page, loc.slide, loc.notes, f.rule.section)  # a docx has no lines


_VERDICT_START = re.compile(r"^\s*(?:verdict|rating|score|label|overall|outcome|decision)\b", re.I)


def opens_example(text: str) -> bool:
    """The sentence starts a worked example ("Example 3: ...", "Clip 5 - A boy ...")."""
    return bool(_EXAMPLE_START.match(text))


def is_verdict(f: Claim) -> bool:
    """The sentence opens with what the example was given: "Verdict: ...", "Rating: 3"."""
    return bool(_VERDICT_START.match(f.text))


def _verdict_of_previous(f: Claim, prev: Claim) -> bool:
    """'Verdict on the sample opening: ...' right after the sample, in its own block, is that sample's verdict."""
    return (
        bool(_VERDICT_START.match(f.text))
        and f.rule.location.path == prev.rule.location.path
        and f.rule.section == prev.rule.section
    )


__all__ = ["example_groups", "is_verdict"]
