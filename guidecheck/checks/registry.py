"""One registry of checks; the CLI, the reports (SARIF rules, HTML docs links) and the docs read it.

Every module under ``guidecheck.checks`` is imported once; its ``@register``-decorated classes join the registry.
"""

from __future__ import annotations

import importlib
import pkgutil

from .base import Check

_REGISTRY: dict[str, type[Check]] = {}
_INFRA = {"base", "registry", "runner"}


def register(cls: type[Check]) -> type[Check]:
    if cls.code in _REGISTRY and _REGISTRY[cls.code] is not cls:
        raise ValueError(f"duplicate check code {cls.code}")
    _REGISTRY[cls.code] = cls
    return cls


def _load_all() -> None:
    package = importlib.import_module(__package__)
    for info in pkgutil.walk_packages(package.__path__, prefix=f"{__package__}."):
        if info.name.rsplit(".", 1)[-1] not in _INFRA:
            importlib.import_module(info.name)


def all_checks() -> list[type[Check]]:
    if not _REGISTRY:
        _load_all()
    return [_REGISTRY[c] for c in sorted(_REGISTRY)]


def get(code: str) -> type[Check]:
    all_checks()
    return _REGISTRY[code]
