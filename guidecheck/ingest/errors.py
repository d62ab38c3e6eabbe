"""The one exception readers raise for bad input: it carries the status and the message for the user."""

from __future__ import annotations

from ..model import Block


class InputProblem(Exception):
    def __init__(
        self,
        message: str,
        status: str = "error",
        blocks: list[Block] | None = None,
        detail: str | None = None,
    ):
        super().__init__(message)
        self.message = message
        self.status = status
        self.blocks = blocks or []  # what could still be read (status warning)
        self.detail = detail  # the library's own words, shown only with -v
