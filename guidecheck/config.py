"""Configuration: defaults from ``data/defaults.toml``, overridden by the project's setup.cfg or pyproject.toml.

The project file is found from the first checked path upward (like ruff), ``--config`` overrides the search.
Unknown keys are an error that names the key: a typo must never silently turn a check off.
"""

from __future__ import annotations

import configparser
import os
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import tomllib


class ConfigError(Exception):
    """Bad configuration: reported as one line, exit code 2."""


def _defaults() -> dict[str, Any]:
    text = resources.files("guidecheck").joinpath("data/defaults.toml").read_text("utf-8")
    return tomllib.loads(text)


DEFAULTS: dict[str, Any] = _defaults()


@dataclass
class Config:
    values: dict[str, Any] = field(default_factory=lambda: dict(DEFAULTS))
    source: str | None = None  # file the project settings came from
    root: Path | None = None  # folder of that file: relative globs and paths are resolved from it

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["values"][name]
        except KeyError:
            raise AttributeError(name) from None

    def severity_overrides(self) -> dict[str, str]:
        out = {}
        for item in self.values["severity"]:
            check, _, level = item.partition("=")
            if level.strip() not in ("error", "warning", "info"):
                raise ConfigError(f"severity override {item!r} must look like CHECK-ID=error|warning|info")
            out[check.strip()] = level.strip()
        return out

    def cache_path(self) -> Path | None:
        raw = self.values["cache_dir"]
        if raw == "off":
            return None
        if raw:
            p = Path(raw)
            return p if p.is_absolute() or self.root is None else self.root / p
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        return Path(base) / "guidecheck"


def _decks(raw: Any, source: str) -> dict[str, list[str]]:
    """The ``decks`` setting as name -> globs. setup.cfg writes ``name: glob glob, name: glob`` (an item
    without ``name:`` adds globs to the deck before it); TOML writes a table of strings or lists of strings."""
    if isinstance(raw, str):
        table: dict[str, list[str]] = {}
        current = None
        for item in filter(None, (p.strip() for line in raw.splitlines() for p in line.split(","))):
            if ":" in item:
                current, _, item = (part.strip() for part in item.partition(":"))
            elif current is None:
                raise ConfigError(f"{source}: 'decks' must look like 'name: glob, name: glob', got {item!r}")
            table.setdefault(current, []).extend(item.split())
        raw = table
    if not isinstance(raw, dict):
        raise ConfigError(f"{source}: 'decks' must be a table of deck name -> globs, got {raw!r}")
    out = {}
    for name, globs in raw.items():
        globs = [globs] if isinstance(globs, str) else globs
        if not re.fullmatch(r"[\w.-]+", str(name)) or not isinstance(globs, list) or not globs:
            raise ConfigError(f"{source}: deck '{name}' needs a name (letters, digits, - _ .) and globs")
        if not all(isinstance(g, str) and g for g in globs):
            raise ConfigError(f"{source}: the globs of deck '{name}' must be strings")
        out[str(name)] = list(globs)
    return out


def _coerce(key: str, raw: Any, source: str) -> Any:
    """setup.cfg gives strings; turn them into the type of the default."""
    default = DEFAULTS[key]
    if isinstance(default, dict):
        return _decks(raw, source)
    if not isinstance(raw, str):
        if isinstance(default, list) and isinstance(raw, str):
            raw = [raw]
        if type(default) is float and isinstance(raw, int):
            raw = float(raw)
        if type(raw) is not type(default):
            raise ConfigError(f"{source}: '{key}' must be a {type(default).__name__}, got {raw!r}")
        return raw
    if isinstance(default, list):
        return [p.strip() for line in raw.splitlines() for p in line.split(",") if p.strip()]
    if isinstance(default, bool):
        low = raw.strip().lower()
        if low in ("1", "true", "yes", "on"):
            return True
        if low in ("0", "false", "no", "off"):
            return False
        raise ConfigError(f"{source}: '{key}' must be true or false, got {raw!r}")
    if isinstance(default, (int, float)):
        try:
            return type(default)(raw.strip())
        except ValueError:
            raise ConfigError(f"{source}: '{key}' must be a number, got {raw!r}") from None
    return raw.strip()


def _read_file(path: Path) -> dict[str, Any] | None:
    """The guidecheck section of one file, or None when the file has none."""
    try:
        if path.name == "pyproject.toml" or path.suffix == ".toml":
            data = tomllib.loads(path.read_text("utf-8"))
            section = data.get("tool", {}).get("guidecheck")
            if section is None and path.name != "pyproject.toml":
                section = data.get("guidecheck", data)
            return section
        parser = configparser.ConfigParser(interpolation=None)
        parser.read_string(path.read_text("utf-8"), source=str(path))
        if parser.has_section("guidecheck"):
            return dict(parser.items("guidecheck"))
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read configuration {path}: {exc}") from None
    except (configparser.Error, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"invalid configuration {path}: {str(exc).splitlines()[0]}") from None


def find_project_file(start: Path) -> Path | None:
    """setup.cfg or pyproject.toml with a guidecheck section, from ``start`` upward."""
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        for name in ("pyproject.toml", "setup.cfg"):
            path = candidate / name
            if path.is_file() and _read_file(path) is not None:
                return path
    return None


def load_config(
    paths: list[str] | tuple[str, ...] = (),
    explicit: str | None = None,
    overrides: dict[str, Any] | None = None,
) -> Config:
    path: Path | None
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"configuration file not found: {explicit}")
        section = _read_file(path)
        if section is None:
            raise ConfigError(f"{explicit} has no [guidecheck] or [tool.guidecheck] section")
    else:
        path = find_project_file(Path(paths[0])) if paths else find_project_file(Path.cwd())
        section = _read_file(path) if path else None
    cfg = Config()
    if path is not None and section is not None:
        cfg.source, cfg.root = str(path), path.resolve().parent
        for key, raw in section.items():
            key = key.replace("-", "_")
            if key not in DEFAULTS:
                raise ConfigError(f"{path}: unknown configuration key '{key}'")
            cfg.values[key] = _coerce(key, raw, str(path))
    for key, value in (overrides or {}).items():
        if value is not None:
            cfg.values[key] = value
    extend_from_environment(cfg)
    if cfg.values["fail_on"] not in ("error", "warning", "info", "never"):
        raise ConfigError(f"fail_on must be error, warning, info or never, got {cfg.values['fail_on']!r}")
    cfg.severity_overrides()
    return cfg


EXTEND_SELECT_ENV = "GUIDECHECK_EXTEND_SELECT"


def extend_from_environment(cfg: Config) -> None:
    """``GUIDECHECK_EXTEND_SELECT=CON001,LAB`` adds opt-in checks for every run of this environment (a CI job,
    a pre-commit hook, Dask workers) without a project file; it only ever adds to ``extend_select``."""
    extra = [c.strip() for c in os.environ.get(EXTEND_SELECT_ENV, "").split(",") if c.strip()]
    if extra:
        cfg.values["extend_select"] = [*cfg.values["extend_select"], *extra]
