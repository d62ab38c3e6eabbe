"""Progress bar on stderr for long runs; silent when stderr is not a terminal."""
from __future__ import annotations

import sys


class Progress:
    """Callable given to the pipeline: called once per document whose rules were extracted."""

    def __init__(self, enabled: bool | None = None, total: int | None = None):
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.total = total
        self._bar = None

    def __enter__(self) -> "Progress":
        return self

    def __call__(self, doc) -> None:
        if not self.enabled:
            return
        if self._bar is None:
            from tqdm import tqdm
            self._bar = tqdm(total=self.total, unit="doc", desc="extracting rules", file=sys.stderr, leave=False)
        self._bar.update(1)

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.close()
