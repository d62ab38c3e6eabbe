"""One registry of checks; the CLI, the reports (SARIF rules, HTML docs links) and the docs read it.

Every module under ``guidecheck.checks`` is imported once; its ``@register``-decorated classes join the registry.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from importlib import resources

import tomllib

from .base import Check

_REGISTRY: dict[str, type[Check]] = {}
_INFRA = {"base", "registry", "runner"}


def register(cls: type[Check]) -> type[Check]:
    if cls.code in _REGISTRY and _REGISTRY[cls.code] is not cls:
        raise ValueError(f"duplicate check code {cls.code}")
    _REGISTRY[cls.code] = cls
    return cls


@cache
def _load_all() -> None:
    """Import every check module once. Not "when the registry is empty": a module imported on its own first
    (a test, a plugin) would otherwise leave the registry holding only that module's checks."""
    package = importlib.import_module(__package__)
    for info in pkgutil.walk_packages(package.__path__, prefix=f"{__package__}."):
        if info.name.rsplit(".", 1)[-1] not in _INFRA:
            importlib.import_module(info.name)


def all_checks() -> list[type[Check]]:
    _load_all()
    return [_REGISTRY[c] for c in sorted(_REGISTRY)]


def get(code: str) -> type[Check]:
    all_checks()
    return _REGISTRY[code]


@cache
def policy() -> dict:
    """The default-on policy (data/policy.toml): which checks are opt-in, and why."""
    text = resources.files("guidecheck").joinpath("data/policy.toml").read_text("utf-8")
    return tomllib.loads(text)


def on_by_default(code: str) -> bool:
    return bool(policy().get("checks", {}).get(code, {}).get("default", True))


def opt_in_reason(code: str) -> str | None:
    """Why a check is opt-in (None for checks that are on by default)."""
    entry = policy().get("checks", {}).get(code, {})
    return None if entry.get("default", True) else str(entry.get("why", ""))


def _matches(code: str, patterns: list[str] | tuple[str, ...]) -> bool:
    return any(code.startswith(p) for p in patterns)


def enabled(code: str, select: list[str], extend_select: list[str], disable: list[str]) -> bool:
    """ruff's selection: ``select`` replaces the default set, ``extend_select`` adds to it, ``disable`` wins."""
    if _matches(code, disable):
        return False
    if select:
        return _matches(code, select)
    return on_by_default(code) or _matches(code, extend_select)
