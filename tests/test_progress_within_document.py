"""Progress moves inside a large document: spaCy reports every parsed block, the bar shows the words parsed."""

from __future__ import annotations

import io

import pytest

from guidecheck.report import progress as progress_mod
from guidecheck.report.progress import Progress


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bar_shows_words_parsed_before_the_document_ends(monkeypatch):
    monkeypatch.setattr(progress_mod, "REFRESH_S", 0.0)
    tty = _Tty()
    with Progress(delay=0, file=tty) as progress:
        progress.parsed(600)
        first = tty.getvalue()
        progress.parsed(900)
    assert "600 words parsed" in first  # shown while the document is still being parsed
    assert "1,500 words parsed" in tty.getvalue()


def test_deck_progress_counts_decks(monkeypatch):
    tty = _Tty()
    with Progress(delay=0, file=tty) as progress:
        progress.deck_done(["audit/a/guide.md"])
        progress.deck_done(["audit/b/guide.md"])
    assert "2 decks done" in tty.getvalue()


@pytest.mark.slow
def test_parser_reports_each_block(write):
    from guidecheck.cache import Cache
    from guidecheck.config import load_config
    from guidecheck.ingest import read_paths
    from guidecheck.rules import extract_rules
    from guidecheck.rules.nlp import parse_progress

    body = "\n\n".join(f"Raters must check response {i} before they submit it." for i in range(40))
    deck = write("deck.md", "# Guide\n\n" + body + "\n")
    config = load_config([str(deck)])
    seen: list[int] = []
    with parse_progress(seen.append):
        extract_rules(read_paths([str(deck)], config), config, Cache(None))
    assert len(seen) >= 40 and sum(seen) >= 40 * 9  # one report per block, not one per document
    reported = len(seen)
    extract_rules(read_paths([str(deck)], config), config, Cache(None))
    assert len(seen) == reported  # outside the block nothing is reported
