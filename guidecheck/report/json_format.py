"""JSON renderer: the report contract, sorted keys, validated against the shipped schema in tests."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


def render(report: dict[str, Any]) -> str:
    """Indented, keys sorted, UTF-8. orjson: the stdlib encoder falls back to pure Python when indenting,
    which costs seconds on a large deck."""
    import orjson

    return orjson.dumps(report, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS).decode("utf-8") + "\n"


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    return json.loads(resources.files("guidecheck").joinpath("schema/report.schema.json").read_text("utf-8"))


def validate(report: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError when the report breaks the contract."""
    import jsonschema

    jsonschema.validate(report, schema())
