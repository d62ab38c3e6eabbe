"""A re-check after an edit reuses what the last check of the deck computed (rules per block, the classifier's
verdict per pair), and its report is byte-identical to a cold check of the edited deck."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import GUIDELINES

ADDED = "\nRaters must never flag an answer when the source is missing.\n"
INSERTED = "Annotators should always guess the label when they are unsure.\n\n"


def _report(cli, monkeypatch, cache, deck) -> tuple[int, str]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    result = cli("check", deck, "-f", "json", "--fail-on", "warning")
    return result.exit_code, result.stdout


def _edit(deck) -> None:
    """Append a rule to one file, insert a paragraph in the middle of another, delete lines of a third."""
    first, second, third = sorted(p for p in deck.iterdir() if p.is_file())
    first.write_text(first.read_text(encoding="utf-8") + ADDED, encoding="utf-8")
    lines = second.read_text(encoding="utf-8").splitlines(keepends=True)
    mid = len(lines) // 2
    second.write_text("".join([*lines[:mid], "\n", INSERTED, *lines[mid:]]), encoding="utf-8")
    lines = third.read_text(encoding="utf-8").splitlines(keepends=True)
    third.write_text("".join(lines[: len(lines) // 3] + lines[len(lines) // 3 + 4 :]), encoding="utf-8")


@pytest.mark.slow
def test_rechecks_after_edits_match_cold_checks(cli, monkeypatch, tmp_path):
    """Edits in three files, then a second edit of one of them (the block table follows each file's latest
    version): every re-check reports what a cold check of the same files reports, byte for byte."""
    deck = tmp_path / "deck"
    deck.mkdir()
    for name in ("health-answers.md", "image-captioning.md", "ner-annotation.md"):
        shutil.copy(GUIDELINES / "rules" / name, deck / name)
    warm = tmp_path / "warm-cache"
    _report(cli, monkeypatch, warm, deck)
    _edit(deck)
    incremental = _report(cli, monkeypatch, warm, deck)
    assert incremental == _report(cli, monkeypatch, tmp_path / "cold-1", deck)
    assert "never flag an answer when the source is missing" in incremental[1]
    target = deck / "ner-annotation.md"
    target.write_text(target.read_text(encoding="utf-8") + "\nRaters must tag the entity twice.\n", "utf-8")
    incremental = _report(cli, monkeypatch, warm, deck)
    assert incremental == _report(cli, monkeypatch, tmp_path / "cold-2", deck)


def test_verdicts_of_another_scorer_or_code_are_never_read(tmp_path, monkeypatch):
    """The lead retrains data/pair_scorer.json while decks are being checked: a verdict the old scorer gave must
    not answer a run with the new one. The table is named by the scorer file's bytes and the code version."""
    import hashlib
    from importlib import resources

    from guidecheck.cache import Cache
    from guidecheck.checks.common.relations import verdicts

    packaged = resources.files("guidecheck").joinpath("data/pair_scorer.json").read_bytes()
    assert verdicts.scorer_digest() == hashlib.sha256(packaged).hexdigest()
    cache = Cache(tmp_path)
    table = verdicts.VerdictTable(cache, "deck")
    table.new = {"pair": None}
    table.save()
    assert verdicts.VerdictTable(cache, "deck").old == {"pair": None}
    original = verdicts.scorer_digest
    monkeypatch.setattr(verdicts, "scorer_digest", lambda: "retrained")
    assert verdicts.VerdictTable(cache, "deck").old == {}
    monkeypatch.setattr(verdicts, "scorer_digest", original)
    monkeypatch.setattr(verdicts, "code_version", lambda: "edited")
    assert verdicts.VerdictTable(cache, "deck").old == {}


@pytest.mark.slow
def test_spacy_pipeline_loads_with_its_own_tokenizer():
    """load_spacy builds the pipeline with an empty tokenizer before reading the saved one (cheaper): the
    tokenizer it ends up with is byte for byte the one a plain spacy.load gives."""
    import spacy

    from guidecheck.config import load_config
    from guidecheck.rules.nlp import UNUSED_PIPES, load_spacy

    names = tuple(load_config([]).spacy_model)
    nlp = load_spacy(names)
    installed = [n for n in names if spacy.util.is_package(n)]
    plain = spacy.load(installed[0], exclude=list(UNUSED_PIPES))
    assert nlp.tokenizer.to_bytes() == plain.tokenizer.to_bytes()
    assert nlp.tokenizer.rules


def test_cache_entries_read_back_as_written(tmp_path):
    """Entries are read by orjson, or by the stdlib when they hold infinite floats; a corrupt entry is a miss."""
    from guidecheck.cache import Cache

    cache = Cache(tmp_path)
    value = {"interval": [1.5, float("inf")], "text": "“quoted” — ok", "n": 3, "none": None}
    cache.put_json("claims", "k1", value)
    assert cache.get_json("claims", "k1") == value
    cache.put_json("claims", "k2", {"plain": [0.1, 2]})
    assert cache.get_json("claims", "k2") == {"plain": [0.1, 2]}
    path = tmp_path / "claims" / "k2"[:2] / "k2.json"
    path.write_bytes(b'{"plain": [0.1,')
    assert cache.get_json("claims", "k2") is None


def test_documents_read_again_only_when_their_bytes_change(tmp_path):
    """Every format reads back from the cache as the reader made it (blocks, locations, directives), and an
    edited file is read anew."""
    from guidecheck.config import load_config
    from guidecheck.ingest import read_paths

    deck = tmp_path / "deck"
    shutil.copytree(GUIDELINES / "rules", deck)
    shutil.copy(GUIDELINES / "formats" / "chatbot-helpfulness-faq.pdf", deck)
    config = load_config([str(deck)])
    config.values["cache_dir"] = str(tmp_path / "cache")
    fresh = read_paths([str(deck)], config)
    assert {d.format for d in fresh} >= {"docx", "pptx", "pdf", "html", "markdown"}
    assert repr(read_paths([str(deck)], config)) == repr(fresh)
    edited = next(p for p in sorted(deck.iterdir()) if p.suffix == ".md")
    edited.write_text(edited.read_text(encoding="utf-8") + "\nRaters must re-read this line.\n", "utf-8")
    again = read_paths([str(deck)], config)
    assert any("Raters must re-read this line." in b.text for d in again for b in d.blocks)


FAQ = """# Rating FAQ

## Timing

Q: What if the page is {state}?

A: Raters must wait ten seconds before they rate it.

Do not:

- rate the page from its title alone
"""


@pytest.mark.slow
def test_unchanged_block_follows_the_question_before_it(cli, tmp_path, monkeypatch):
    """An answer whose own text did not change still takes the question above it, which did: the rules a
    re-check prints are those of a cold run (`guidecheck rules`)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    deck = tmp_path / "faq.md"
    deck.write_text(FAQ.format(state="slow"), encoding="utf-8")
    assert "What if the page is slow?" in cli("rules", deck).stdout
    deck.write_text(FAQ.format(state="blank"), encoding="utf-8")
    incremental = cli("rules", deck).stdout
    assert incremental == cli("rules", deck, "--no-cache").stdout
    assert "What if the page is blank?" in incremental and "slow" not in incremental


RUBRIC = """# Caption rating

| Score | Name | Meaning |
|---|---|---|
| 1 | Unusable | Wrong, misleading, or states facts that are not in the record. |
| 2 | Weak | Accurate but missing the object's name or date. |
| 3 | Good | Accurate, names the object, within the length limit. |

A caption that states a date not supported by the catalogue record gets a 1 (Unusable), however good the rest is.
"""


def test_a_rerun_from_the_rule_cache_reports_what_the_first_run_did(cli, monkeypatch, tmp_path):
    """A table's columns keep their order in the rule cache: a rerun that reads the rules back (the run cache
    gone) must not take the Meaning column for the scale point's name and report "1 (Unusable)" as a clash."""
    deck = tmp_path / "deck"
    deck.mkdir()
    (deck / "rubric.md").write_text(RUBRIC, encoding="utf-8")
    cache = tmp_path / "cache"
    first = _report(cli, monkeypatch, cache, deck)
    shutil.rmtree(cache / "guidecheck" / "runs")
    assert _report(cli, monkeypatch, cache, deck) == first
    assert [f["check"] for f in json.loads(first[1])["findings"]] == []
