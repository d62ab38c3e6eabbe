"""Terminal text: grep-able finding lines grouped per document, colour only on a TTY, a summary line."""

from __future__ import annotations

import io
import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest
from builders import PUBLICATION_DATE, frame

from guidecheck.report import text
from guidecheck.report.progress import Progress

DECK = """# Search result rating

## Comments

Always include the publication date in your comment.

## Style

Never include the publication date in your comment.
"""

OTHER = """# Captions

Write an appropriate caption for every image.
"""

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_lines_grouped_per_document_with_summary(cli, write, fake_models):
    caption = frame(
        "Write an appropriate caption for every image.", action="write", object="caption", quantifier="all"
    )
    fake_models([*PUBLICATION_DATE, caption])
    deck, other = write("a-search.md", DECK), write("b-captions.md", OTHER)
    select = ("--extend-select", "AMB001")  # opt-in since data/policy.toml
    result = cli("check", deck, other, "--fail-on", "never", *select)
    assert result.exit_code == 0
    out = result.stdout
    assert not ANSI.search(out)  # not a terminal
    lines = out.splitlines()
    con = next(i for i, ln in enumerate(lines) if " CON018 " in ln)
    assert lines[con].startswith(f"{deck.as_posix()}:5: error CON018 ")
    assert lines[con + 1] == f"    other rule: {deck.as_posix()}:9"
    amb = next(i for i, ln in enumerate(lines) if " AMB001 " in ln)
    assert lines[amb].startswith(f"{other.as_posix()}:3: warning AMB001 'appropriate'")
    assert lines[amb + 1].startswith("    fix: ")
    assert con < amb and "" in lines[con:amb]  # a blank line between the two documents' groups
    report = json.loads(cli("check", deck, other, "-f", "json", "--fail-on", "never", *select).stdout)
    s = report["summary"]
    assert lines[-1].startswith(f"2 documents, {s['rules']} rules, {s['findings']} findings (")


def _report():
    return {
        "documents": [
            {"path": "deck.pptx", "status": "ok", "message": None},
            {"path": "broken.pdf", "status": "error", "message": "file is encrypted"},
        ],
        "rules": [
            {"id": "R1", "text": "a", "path": "deck.pptx", "slide": 2},
            {"id": "R2", "text": "b", "path": "deck.pptx", "slide": 7, "notes": True},
        ],
        "findings": [
            {
                "check": "CON001",
                "severity": "error",
                "message": "Clash.",
                "rules": ["R1", "R2"],
                "path": "deck.pptx",
                "line": None,
                "slide": 2,
                "notes": False,
                "fix": None,
            }
        ],
        "summary": {
            "documents": 2,
            "documents_with_errors": 1,
            "rules": 2,
            "findings": 1,
            "by_severity": {"error": 1},
        },
    }


def test_slides_pages_and_unreadable_documents():
    assert text.render(_report()) == (
        "deck.pptx: slide 2: error CON001 Clash.\n"
        "    other rule: deck.pptx slide 7 (notes)\n"
        "\n"
        "broken.pdf: error file is encrypted\n"
        "\n"
        "2 documents, 2 rules, 1 finding (1 error, 0 warnings, 0 infos); 1 document could not be read\n"
    )


def test_colour_codes_only_when_asked():
    coloured = text.render(_report(), colour=True)
    assert "\x1b[31merror\x1b[0m" in coloured
    assert ANSI.sub("", coloured) == text.render(_report())


def _run_on_tty(args: list[str], env: dict[str, str]) -> str:
    """Run the real CLI with stdout on a pseudo-terminal (the point of this test: isatty())."""
    master, slave = pty.openpty()
    exe = Path(sys.executable).with_name("guidecheck")
    proc = subprocess.Popen([str(exe), *args], stdout=slave, stderr=subprocess.DEVNULL, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=300)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.slow
def test_tty_gets_colour_and_no_color_turns_it_off(write, _isolated_cache):
    deck = write("search.md", DECK)
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    coloured = _run_on_tty(["check", str(deck), "--fail-on", "never"], env)
    assert "\x1b[31merror\x1b[0m" in coloured
    plain = _run_on_tty(["check", str(deck), "--fail-on", "never"], {**env, "NO_COLOR": "1"})
    assert "CON018" in plain and not ANSI.search(plain)


class _Stream(io.StringIO):
    def __init__(self, tty: bool):
        super().__init__()
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


def test_progress_bar_on_a_terminal_only():
    docs = [type("Doc", (), {"path": f"deck{i}.md"})() for i in range(3)]
    tty = _Stream(True)
    with Progress(total=3, delay=0, file=tty) as progress:
        for doc in docs:
            progress(doc)
    assert "extracting rules" in tty.getvalue() and "/3 [" in tty.getvalue()
    pipe = _Stream(False)
    with Progress(total=3, delay=0, file=pipe) as progress:
        for doc in docs:
            progress(doc)
    assert pipe.getvalue() == ""


def test_progress_waits_for_long_runs():
    tty = _Stream(True)
    with Progress(total=2, file=tty) as progress:  # default delay: a quick run shows nothing
        progress(type("Doc", (), {"path": "a.md"})())
    assert tty.getvalue() == ""
