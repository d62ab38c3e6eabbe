"""The ``decks`` setting from the command line: named decks inside one folder are never compared."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.slow

ALWAYS = "Always include the determiner in the entity span."
NEVER = "Never include the determiner in the entity span."


def _checks(cli, path) -> list[str]:
    result = cli("check", path, "-f", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.output
    return [f["check"] for f in json.loads(result.stdout)["findings"]]


def _two_decks(write) -> None:
    write("deck/chatbot-guide.md", f"# Chatbot entities\n\n## Spans\n\n{ALWAYS}\n")
    write("deck/search/guide.md", f"# Search entities\n\n## Spans\n\n{NEVER}\n")


def test_without_the_setting_one_folder_is_one_deck(cli, write, tmp_path):
    _two_decks(write)
    assert "CON018" in _checks(cli, tmp_path / "deck")


def test_setup_cfg_decks_are_not_compared_with_each_other(cli, write, tmp_path):
    _two_decks(write)
    write("deck/setup.cfg", "[guidecheck]\ndecks = chatbot: chatbot-*.md, search: search/**\n")
    assert "CON018" not in _checks(cli, tmp_path / "deck")
    # two files of one named deck are still compared
    write("deck/chatbot-faq.md", f"# Chatbot FAQ\n\n## Spans\n\n{NEVER}\n")
    result = cli("check", tmp_path / "deck")
    assert result.exit_code == 1
    assert "CON018" in result.stdout and "chatbot-faq.md" in result.stdout


def test_pyproject_table_names_the_decks(cli, write, tmp_path):
    _two_decks(write)
    write(
        "deck/pyproject.toml",
        '[tool.guidecheck.decks]\nchatbot = ["chatbot-*.md"]\nsearch = "search/**"\n',
    )
    assert "CON018" not in _checks(cli, tmp_path / "deck")


def test_a_malformed_decks_setting_is_a_usage_error(cli, write, tmp_path):
    _two_decks(write)
    write("deck/setup.cfg", "[guidecheck]\ndecks = chatbot-*.md\n")
    result = cli("check", tmp_path / "deck")
    assert result.exit_code == 2
    assert "'decks' must look like 'name: glob, name: glob'" in result.output
