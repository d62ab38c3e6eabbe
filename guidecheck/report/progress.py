"""Progress bar on stderr for long runs; silent when stderr is not a terminal.

The bar only appears once a run has taken ``delay`` seconds (many files or a large deck), so quick checks
print nothing extra even on a terminal.
"""

from __future__ import annotations

import sys

# Seconds before the bar appears.
DELAY = 1.0


class Progress:
    """Callable given to the pipeline: called once per document whose rules were extracted."""

    def __init__(
        self, enabled: bool | None = None, total: int | None = None, delay: float = DELAY, file=None
    ):
        self.file = file or sys.stderr
        self.enabled = self.file.isatty() if enabled is None else enabled
        self.total = total
        self.delay = delay
        self._bar = None

    def __enter__(self) -> Progress:
        return self

    def __call__(self, doc) -> None:
        if not self.enabled:
            return
        if self._bar is None:
            from tqdm import tqdm

            self._bar = tqdm(
                total=self.total,
                unit="doc",
                desc="extracting rules",
                file=self.file,
                leave=False,
                delay=self.delay,
                dynamic_ncols=True,
            )
        path = getattr(doc, "path", "")
        if path:
            self._bar.set_postfix_str(path[-40:], refresh=False)
        self._bar.update(1)

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.close()
