"""Shared fixtures: an isolated cache per test session, an in-process CLI runner, and one-call pipeline runs."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
GUIDELINES = REPO / "guidelines"


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache(tmp_path_factory):
    """Tests never read or write the user's cache; one cache per session keeps warm paths testable."""
    cache = tmp_path_factory.mktemp("xdg-cache")
    old = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(cache)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    yield cache
    if old is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = old


# The test decks are about these checks; on real guidelines they are opt-in (data/policy.toml), so every run in a
# test selects them, subprocesses and Dask workers included. Tests marked `real_policy` see the shipped defaults.
CHECKS_UNDER_TEST = "CON001,CON003,CON007,CON008,CON010,LAB001,LAB003"


@pytest.fixture(autouse=True)
def _checks_under_test(request, monkeypatch):
    from guidecheck.config import EXTEND_SELECT_ENV

    if request.node.get_closest_marker("real_policy") is None:
        monkeypatch.setenv(EXTEND_SELECT_ENV, CHECKS_UNDER_TEST)
    else:
        monkeypatch.delenv(EXTEND_SELECT_ENV, raising=False)


@pytest.fixture
def cli():
    """Run the CLI in-process: cli('check', path, '--format', 'json') -> click Result (exit_code, stdout, stderr)."""
    from guidecheck.cli import main

    def invoke(*args: str):
        return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)

    return invoke


@pytest.fixture
def check_json(cli):
    """Check paths and return the parsed JSON report (exit code is not asserted here)."""

    def run(*paths, extra=()):
        result = cli("check", *paths, "--format", "json", "--fail-on", "never", *extra)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    return run


@pytest.fixture
def write(tmp_path):
    """write('deck.md', text) -> Path of a new file in the test's temp folder."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def fake_models(monkeypatch, tmp_path):
    """fake_models(frames, synonyms=None): the CLI runs with these hand-written rule frames instead of spaCy and with the
    hashed bag-of-words embedder (tests/builders.py) instead of the sentence model. Everything else (readers,
    index, checks, suppressions, reports, exit codes) is the real code. The cache is the test's own, so findings
    from fake frames never answer a real run."""
    from builders import FakeEmbedder, rules_from_frames

    import guidecheck.index.embed
    import guidecheck.rules
    import guidecheck.rules.extract

    def install(frames, synonyms=None):
        def extract(documents, config, cache, on_progress=None, on_rules=None):
            documents = list(documents)
            for doc in documents:
                if on_progress:
                    on_progress(doc)
            return rules_from_frames(documents, list(frames), strict=False)

        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "fake-models-cache"))
        monkeypatch.setattr(guidecheck.rules, "extract_rules", extract)
        monkeypatch.setattr(guidecheck.rules.extract, "is_cached", lambda *a: True)
        monkeypatch.setattr(guidecheck.index.embed, "Embedder", lambda *a, **k: FakeEmbedder(synonyms))

    return install
