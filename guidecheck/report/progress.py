"""Progress bar on stderr for long runs; silent when stderr is not a terminal.

The bar only appears once a run has taken ``delay`` seconds (many files or a large deck), so quick checks
print nothing extra even on a terminal.
"""

from __future__ import annotations

import sys
import time

# Seconds before the bar appears.
DELAY = 1.0
# Within a document the bar's text is refreshed at most this often (spaCy reports every parsed block).
REFRESH_S = 0.25


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
        self._path = ""
        self._words = 0  # parsed in this run: moves within a large document (rules.nlp.parse_progress)
        self._decks = 0
        self._shown = 0.0

    def __enter__(self) -> Progress:
        return self

    def __call__(self, doc) -> None:
        if not self.enabled:
            return
        self._ensure_bar()
        path = getattr(doc, "path", "")
        if path:
            self._path = path[-40:]
            self._bar.set_postfix_str(self._status(), refresh=False)
        self._bar.update(1)

    def parsed(self, words: int) -> None:
        """spaCy parsed a block of ``words`` tokens: the bar's text moves before the document is done."""
        if not self.enabled:
            return
        self._words += words
        now = time.monotonic()
        if now - self._shown >= REFRESH_S:
            self._shown = now
            self._ensure_bar()
            self._bar.set_postfix_str(self._status())

    def deck_done(self, files: list[str]) -> None:
        """A deck finished (``--engine local`` or ``dask``)."""
        if not self.enabled:
            return
        self._decks += 1
        self._ensure_bar()
        self._path = files[0].rsplit("/", 1)[0][-40:] if files else self._path
        self._bar.set_postfix_str(self._status())

    def _status(self) -> str:
        parts = [self._path] if self._path else []
        if self._words:
            parts.append(f"{self._words:,} words parsed")
        if self._decks:
            parts.append(f"{self._decks} decks done")
        return " · ".join(parts)

    def _ensure_bar(self) -> None:
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

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.close()
