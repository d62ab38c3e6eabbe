"""JSON renderer: the report contract, sorted keys, validated against the shipped schema in tests."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


def render(report: dict[str, Any]) -> str:
    return json.dumps(report, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    return json.loads(resources.files("guidecheck").joinpath("schema/report.schema.json").read_text("utf-8"))


def validate(report: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError when the report breaks the contract."""
    import jsonschema
    jsonschema.validate(report, schema())
