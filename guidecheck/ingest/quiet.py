"""Keep third-party chatter (pypdf font warnings, python-pptx deprecations) off the user's terminal.

Libraries warn about odd fonts or broken cross-reference tables on almost every real PDF; the user can do
nothing with those lines, and a hundred of them hide the report. A reader that cannot cope raises instead.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

NOISY_LOGGERS = ("pypdf", "PyPDF2", "docx", "pptx", "bs4", "charset_normalizer", "fontTools")


@contextmanager
def quiet_libraries() -> Iterator[None]:
    saved = {}
    for name in NOISY_LOGGERS:
        logger = logging.getLogger(name)
        saved[name] = (logger.level, logger.propagate)
        logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        for name, (level, propagate) in saved.items():
            logging.getLogger(name).setLevel(level)
            logging.getLogger(name).propagate = propagate
