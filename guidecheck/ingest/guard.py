"""Time limits for reading: a hard stop so one hostile or broken file cannot hang the whole run.

A library stuck in a loop on a damaged file never returns on its own, so the stop is a SIGALRM that raises
``TimedOut`` (a BaseException: library code that catches Exception cannot swallow it). Limits nest: the whole
document has one, and the PDF reader a shorter one of its own that keeps the pages read so far. The timer is
always set to the earliest deadline, and the alarm names the limit that ran out so each level catches only its
own. Signals work only in the main thread; elsewhere ``deadline`` sets no timer.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

# (deadline on the monotonic clock, token) of every active limit, outermost first.
_ACTIVE: list[tuple[float, object]] = []
_SAVED: list[object] = []  # the SIGALRM handler to restore when the outermost limit ends


class TimedOut(BaseException):
    """A limit ran out; ``token`` is the one ``deadline`` yielded for it."""

    def __init__(self, token: object):
        super().__init__("time limit reached")
        self.token = token


def _usable() -> bool:
    return threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")


def _on_alarm(signum, frame) -> None:
    _end, token = min(_ACTIVE, key=lambda item: item[0])
    raise TimedOut(token)


def _arm() -> None:
    """Set the timer to the earliest active deadline (at least a millisecond away: 0 would disarm it)."""
    end = min(item[0] for item in _ACTIVE)
    signal.setitimer(signal.ITIMER_REAL, max(end - time.monotonic(), 0.001))


@contextmanager
def deadline(seconds: float) -> Iterator[object]:
    """Raise ``TimedOut(token)`` in the body once ``seconds`` have passed; yields the token to compare with."""
    token = object()
    if not _usable():
        yield token
        return
    if not _ACTIVE:
        _SAVED.append(signal.signal(signal.SIGALRM, _on_alarm))
    _ACTIVE.append((time.monotonic() + seconds, token))
    _arm()
    try:
        yield token
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        _ACTIVE.pop()
        if _ACTIVE:
            _arm()
        else:
            signal.signal(signal.SIGALRM, _SAVED.pop())
