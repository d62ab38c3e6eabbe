"""Report renderers: json, text, html, sarif, github. Each takes the report dict from ``data.build_report``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .data import build_report


def renderer(fmt: str) -> Callable[..., str]:
    import importlib

    module = {"json": "json_format", "text": "text", "html": "html", "sarif": "sarif", "github": "github"}[
        fmt
    ]
    return importlib.import_module(f"{__name__}.{module}").render


FORMATS = ("text", "json", "html", "sarif", "github")
SUFFIX_FORMATS = {".json": "json", ".html": "html", ".htm": "html", ".sarif": "sarif", ".txt": "text"}

__all__ = ["FORMATS", "SUFFIX_FORMATS", "Any", "build_report", "renderer"]
