"""Deck engines: a 2-worker Dask LocalCluster checks three decks, one task per deck, and its JSON report is
byte-identical to the local engine's and to a plain run; deck splitting follows the checked folders."""

from __future__ import annotations

import shutil

import pytest
from conftest import GUIDELINES

from guidecheck.config import load_config
from guidecheck.engines.decks import split_decks

DECKS = ("ner-annotation", "search-relevance", "summarization")


@pytest.fixture
def audit_root(tmp_path):
    root = tmp_path / "audit"
    for deck in DECKS:
        shutil.copytree(GUIDELINES / "contradictions" / deck, root / deck)
    (root / "README.md").write_text("Raters must read every deck before the first task.\n", encoding="utf-8")
    return root


def test_split_decks_one_per_folder_plus_loose_files(audit_root):
    decks = split_decks([str(audit_root)], load_config([str(audit_root)]), [])
    assert len(decks) == 4
    assert decks[0] == [f"{audit_root.as_posix()}/README.md"]
    assert [d[0].split("/")[-2] for d in decks[1:]] == list(DECKS)


def _json(cli, root, monkeypatch, cache, *extra) -> str:
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))  # cold: each engine computes everything itself
    result = cli("check", root, "-f", "json", "--fail-on", "never", *extra)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.slow
def test_dask_two_workers_byte_identical_to_local(cli, audit_root, tmp_path, monkeypatch):
    distributed = pytest.importorskip("distributed")
    local = _json(cli, audit_root, monkeypatch, tmp_path / "c1", "--engine", "local")
    plain = _json(cli, audit_root, monkeypatch, tmp_path / "c2")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        dask = _json(
            cli,
            audit_root,
            monkeypatch,
            tmp_path / "c3",
            "--engine",
            "dask",
            "--scheduler",
            cluster.scheduler_address,
        )
        tasks = [t for t in client.run_on_scheduler(_task_keys) if t.startswith("guidecheck-deck-")]
    assert dask == local == plain
    assert sorted(tasks) == [f"guidecheck-deck-{i}" for i in range(4)]  # one task per deck
    assert '"rules"' in dask and "CON0" in dask  # a real report, with contradictions found


def _task_keys(dask_scheduler=None) -> list[str]:
    """Keys of the tasks the scheduler has seen (its transition log keeps forgotten ones too)."""
    return sorted({str(entry[0]) for entry in dask_scheduler.transition_log})


def test_scheduler_needs_dask_engine(cli, audit_root):
    result = cli("check", audit_root, "--scheduler", "tcp://127.0.0.1:1")
    assert result.exit_code == 2
    assert "--scheduler needs --engine dask" in result.output


def test_local_engine_parses_the_next_deck_before_checking_this_one(monkeypatch):
    """Pipelined by one deck: while deck k's last rules are embedded, spaCy already parses deck k+1."""
    from guidecheck import pipeline
    from guidecheck.config import load_config
    from guidecheck.engines import decks

    calls: list[str] = []

    class Begun:
        def __init__(self, files):
            self.files = files
            self.embedder = type("E", (), {"close": lambda self: None})()

    def complete(begun):
        calls.append(f"complete {begun.files[0]}")
        return pipeline.Result([], [], [], None)

    def begin(files, config, only):
        calls.append(f"begin {files[0]}")
        return Begun(files)

    monkeypatch.setattr(pipeline, "begin", begin)
    monkeypatch.setattr(pipeline, "complete", complete)
    results = decks._run_local([["a"], ["b"], ["c"]], load_config([]), None, None)
    assert len(results) == 3
    assert calls == ["begin a", "begin b", "complete a", "begin c", "complete b", "complete c"]
