"""Reading limits and thresholds from ``data/ingest.toml`` (data, not literals scattered through readers)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import tomllib


@lru_cache(maxsize=1)
def limits() -> dict[str, Any]:
    return tomllib.loads(resources.files("guidecheck").joinpath("data/ingest.toml").read_text("utf-8"))


def limit(section: str, name: str) -> Any:
    return limits()[section][name]
