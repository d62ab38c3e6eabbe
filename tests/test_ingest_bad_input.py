"""Bad input: one document entry with a clear status and message each, the run goes on, input never modified."""

from __future__ import annotations

import json
import logging
import os
import random
from pathlib import Path

import pytest
from fixtures_builders import build_docx, build_pdf, build_pptx, read

from guidecheck.config import Config
from guidecheck.ingest import read_document, read_paths

_RNG = random.Random(7)
RANDOM = bytes(_RNG.randrange(256) for _ in range(4096))


@pytest.mark.parametrize("name", ["a.md", "a.txt", "a.html", "a.pdf", "a.docx", "a.pptx"])
def test_empty_file(write, name):
    doc = read(write(name, b""))
    assert (doc.status, doc.message, doc.blocks) == ("error", "the file is empty", [])


@pytest.mark.parametrize("name", ["a.md", "a.txt", "a.html"])
def test_whitespace_only(write, name):
    assert (read(write(name, " \n\t\n  \n")).status, read(write(name, " \n\t\n")).message) == (
        "error",
        "the file contains only whitespace",
    )
    wide = read(write("w" + name, "  \n \n".encode("utf-16")))
    assert (wide.status, wide.message) == ("error", "the file contains only whitespace")


@pytest.mark.parametrize(
    "name, expected",
    [
        (
            "a.docx",
            "this file is not a valid Word document (.docx): it is damaged, incomplete, or not a Word document at "
            "all; open it in Office and save it again",
        ),
        (
            "a.pptx",
            "this file is not a valid PowerPoint deck (.pptx): it is damaged, incomplete, or not a PowerPoint deck "
            "at all; open it in Office and save it again",
        ),
        ("a.pdf", "this is not a PDF file (no PDF header); is it the right file or a mislabeled extension?"),
        (
            "a.md",
            "this file contains binary data, not Markdown text; is it the right file or a mislabeled extension?",
        ),
        (
            "a.txt",
            "this file contains binary data, not text; is it the right file or a mislabeled extension?",
        ),
        (
            "a.html",
            "this file contains binary data, not HTML; is it the right file or a mislabeled extension?",
        ),
    ],
)
def test_random_bytes(write, name, expected):
    doc = read(write(name, RANDOM))
    assert (doc.status, doc.message, doc.blocks) == ("error", expected, [])


def test_random_bytes_after_a_pdf_header(write):
    doc = read(write("a.pdf", b"%PDF-1.7\n" + RANDOM))
    assert doc.status == "error"
    assert doc.message.startswith("this PDF is damaged or incomplete")


def test_truncated_pdf(tmp_path):
    whole = build_pdf(
        tmp_path / "whole.pdf", [[("p", "Raters must read everything. " * 40)]] * 3
    ).read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(whole[: len(whole) // 3])
    doc = read(cut)
    assert doc.status == "error"
    assert doc.message.startswith("this PDF is damaged or incomplete (was it truncated while copying?)")


def test_office_file_of_the_wrong_kind(tmp_path):
    deck = build_pptx(tmp_path / "deck.pptx", [{"title": "Scale", "bullets": [("Rate 1-5", 0)]}])
    renamed = tmp_path / "rubric.docx"
    renamed.write_bytes(deck.read_bytes())
    doc = read(renamed)
    assert (doc.status, doc.message) == (
        "error",
        "this file is a zip archive but not a Word document (.docx) (it looks like a .pptx file; rename it)",
    )


@pytest.mark.parametrize("name, legacy", [("rubric.docx", ".doc"), ("deck.pptx", ".ppt")])
def test_old_office_file_renamed_to_new_extension(write, name, legacy):
    doc = read(write(name, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + RANDOM))
    assert doc.status == "error"
    assert f"old-format {legacy} file" in doc.message and "password-protected" in doc.message


@pytest.mark.parametrize("name, target", [("old.doc", ".docx"), ("old.ppt", ".pptx")])
def test_legacy_formats_say_what_to_convert_to(write, name, target):
    doc = read(write(name, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + RANDOM))
    assert (doc.status, doc.message) == (
        "error",
        f"legacy {name[3:]} files cannot be read; save it as {target} (File > Save As) and check again",
    )


def test_multi_megabyte_single_line_is_read_in_pieces(write):
    words = ["raters", "must", "read", "the", "whole", "page", "before", "they", "choose", "a", "rating"]
    line = " ".join(words[i % len(words)] for i in range(400_000))  # ~2.4 MB, no line break
    doc = read(write("dump.txt", line))
    assert doc.status == "warning"
    assert doc.message == (
        f"contains a run of {len(line):,} characters without a paragraph break; it was read in "
        "pieces of 5,000 characters (is this an exported or minified file?)"
    )
    assert all(len(b.text) <= 5_000 for b in doc.blocks)
    assert " ".join(b.text for b in doc.blocks).split() == line.split()  # nothing lost


def test_unknown_extension_named_explicitly_is_skipped_with_a_note(write):
    doc = read(write("notes.xyz", "Raters must rate."))
    assert doc.status == "warning" and doc.blocks == []
    assert doc.message.startswith(
        "skipped: '.xyz' is not a guideline format guidecheck reads (.docx, .html, .md"
    )


def test_unknown_extension_in_folder_is_listed_as_skipped(write, tmp_path):
    write("deck/guide.md", "Raters must rate.\n")
    write("deck/photo.png", b"\x89PNG....")
    write("deck/.git/config", "[core]\n")
    write("deck/.hidden/secret.md", "Never read me.\n")
    skipped: list[tuple[str, str]] = []
    docs = read_paths([str(tmp_path / "deck")], Config(), skipped)
    assert [Path(d.path).name for d in docs] == ["guide.md"]
    assert [(Path(p).name, why) for p, why in skipped] == [("photo.png", "unsupported file type '.png'")]


def test_vanished_file(tmp_path):
    doc = read_document(tmp_path / "gone.docx", "gone.docx")
    assert (doc.status, doc.message) == ("error", "file not found")


def test_unreadable_file(write, monkeypatch):
    path = write("locked.md", "Raters must rate.\n")
    if os.geteuid() == 0:  # root reads anything: make the read itself fail as it would for a normal user
        real = Path.read_bytes
        monkeypatch.setattr(
            Path,
            "read_bytes",
            lambda self: (_ for _ in ()).throw(PermissionError(13, "denied")) if self == path else real(self),
        )
    else:
        path.chmod(0)
    doc = read(path)
    assert (doc.status, doc.message) == ("error", "permission denied: the file cannot be read")


def test_pdf_time_budget_stops_and_says_so(tmp_path, monkeypatch):
    from guidecheck.ingest import limits

    original = limits.limits()
    monkeypatch.setattr(
        limits, "limits", lambda: {**original, "pdf": {**original["pdf"], "timeout_seconds": 0}}
    )
    doc = read(build_pdf(tmp_path / "slow.pdf", [[("p", "Raters must rate.")]] * 3))
    assert (doc.status, doc.message) == ("warning", "stopped after 0 s at page 1 of 3")


def test_library_warnings_do_not_reach_the_terminal(tmp_path, capfd, caplog):
    raw = build_pdf(tmp_path / "ok.pdf", [[("p", "Raters must read the whole conversation.")]]).read_bytes()
    broken = tmp_path / "badxref.pdf"
    broken.write_bytes(raw.replace(b"startxref\n", b"startxref\n9").replace(b"xref\n0 ", b"xref\n1 "))
    with caplog.at_level(logging.DEBUG):
        doc = read(broken)
    assert doc.status == "ok" and [b.text for b in doc.blocks] == ["Raters must read the whole conversation."]
    assert [r for r in caplog.records if r.name.startswith("pypdf")] == []
    assert capfd.readouterr().err == ""


def test_inputs_are_never_modified(tmp_path):
    files = [
        build_docx(tmp_path / "r.docx", [("para", "Raters must rate.")]),
        build_pptx(tmp_path / "d.pptx", [{"title": "T", "bullets": [("Rate", 0)], "notes": "Never skip."}]),
        build_pdf(tmp_path / "f.pdf", [[("p", "Raters must rate.")]]),
    ]
    before = {f: (f.read_bytes(), f.stat().st_mtime_ns) for f in files}
    for f in files:
        assert read(f).status == "ok"
    assert {f: (f.read_bytes(), f.stat().st_mtime_ns) for f in files} == before


@pytest.mark.slow
def test_check_run_reports_every_bad_file_and_continues(cli, write, tmp_path):
    deck = tmp_path / "deck"
    write(
        "deck/good.md",
        "# Comments\n\nComments must be at least 50 words long.\n\nComments must be under 40 words.\n",
    )
    write("deck/empty.pdf", b"")
    write("deck/random.docx", RANDOM)
    write("deck/random.pptx", RANDOM)
    write("deck/binary.md", RANDOM)
    write("deck/old.ppt", RANDOM)
    write("deck/blank.txt", "   \n")
    write("deck/photo.png", RANDOM)
    result = cli("check", deck, "-f", "json", "--fail-on", "never", "--verbose")
    assert result.exit_code == 0
    assert "Traceback" not in result.output
    docs = {Path(d["path"]).name: d["status"] for d in json.loads(result.stdout)["documents"]}
    assert docs == {
        "binary.md": "error",
        "blank.txt": "error",
        "empty.pdf": "error",
        "good.md": "ok",
        "old.ppt": "error",
        "random.docx": "error",
        "random.pptx": "error",
    }
    assert "skipped" in result.stderr and "photo.png" in result.stderr


def test_pdf_page_that_never_finishes_is_interrupted(tmp_path, monkeypatch):
    """A page that hangs inside the PDF library is stopped by the alarm, not waited for."""
    import time

    from guidecheck.ingest import limits, pdf

    original = limits.limits()
    monkeypatch.setattr(
        limits, "limits", lambda: {**original, "pdf": {**original["pdf"], "timeout_seconds": 1}}
    )
    real = pdf._lines_of
    monkeypatch.setattr(
        pdf, "_lines_of", lambda page: time.sleep(30) if page.page_number == 1 else real(page)
    )
    path = build_pdf(tmp_path / "hang.pdf", [[("p", "Raters must rate.")]] * 3)
    started = time.monotonic()
    doc = read(path)
    assert time.monotonic() - started < 5
    assert (doc.status, doc.message) == (
        "warning",
        "reading took longer than 1 s and was stopped; 1 of 3 pages were read",
    )
    assert [b.location.page for b in doc.blocks] == [1]
