"""GC100 / GC101: suppression comments that do nothing or name a check that does not exist.

The findings are made after the other checks by ``guidecheck.suppress`` (only then is it known what each
comment suppressed); these classes put the two codes, their docs and severities in the one registry.
"""

from __future__ import annotations

from collections.abc import Iterable

from ...model import Finding
from ..base import Check, CheckContext
from ..registry import register


class _Reported(Check):
    category = "meta"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        return ()  # reported by guidecheck.suppress.apply, after every other check has run


@register
class UnusedSuppression(_Reported):
    """A suppression comment or ignore-file entry that suppresses nothing.

    What it does
    Reports a `guidecheck-disable…` comment, or an entry of `.guidecheck-ignore.toml`, that matched no
    finding in this run, naming the check IDs it was written for.

    Why is this bad
    Once the rule it excused has been reworded or removed, a stale suppression hides the next real finding
    in the same place without anyone noticing.

    Example
    <!-- guidecheck-disable-next-line AMB001 -- "relevant" is defined in training -->
    Transcribers must type every spoken word exactly as it is heard.

    Use instead
    Delete the comment (or the ignore-file entry), or move it next to the rule it is meant for.
    """

    code = "GC100"
    name = "unused-suppression"
    severity = "warning"


@register
class UnknownSuppressedCheck(_Reported):
    """A suppression comment names a check ID that does not exist.

    What it does
    Reports a `guidecheck-disable…` comment whose check list contains an ID (or prefix) that no check has.

    Why is this bad
    A typo such as `AMB01` suppresses nothing, and the author believes the finding is handled.

    Example
    <!-- guidecheck-disable CON01 -->

    Use instead
    <!-- guidecheck-disable CON001 -- the FAQ is older; fixed in the March update -->
    """

    code = "GC101"
    name = "unknown-check-in-suppression"
    severity = "error"
