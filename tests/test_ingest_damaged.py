"""Damaged files: one plain message per cause (data/damaged.toml), the library's words only with -v, and no control
character ever leaves ingest."""

from __future__ import annotations

import io
import json
import re
import time
import zipfile
from pathlib import Path

import pytest
from fixtures_builders import build_docx, build_pdf, build_pptx, read

from guidecheck.ingest import damage

LIBRARY_WORDS = re.compile(r"\b[A-Z]\w*(?:Error|Exception)\b|BadZipFile|\bError -?\d")
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffd]")
MAIN_PART = {"docx": "word/document.xml", "pptx": "ppt/slides/slide1.xml"}


def _office(tmp_path: Path, fmt: str) -> bytes:
    if fmt == "docx":
        return build_docx(tmp_path / "ok.docx", [("para", "Raters must read the whole page.")]).read_bytes()
    slides = [{"title": "Rating", "bullets": [("Raters must read the whole page.", 0)]}]
    return build_pptx(tmp_path / "ok.pptx", slides).read_bytes()


def _repack(raw: bytes, part: str, content: bytes) -> bytes:
    """The same package with one part's content replaced (a valid zip: only the XML inside is broken)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, content if info.filename == part else src.read(info))
    return out.getvalue()


def _bad_crc(raw: bytes, part: str) -> bytes:
    """The package with a wrong CRC-32 recorded for ``part`` in the central directory: the data no longer matches."""
    data = bytearray(raw)
    at = data.find(b"PK\x01\x02")
    while at != -1:
        name_length = int.from_bytes(data[at + 28 : at + 30], "little")
        if data[at + 46 : at + 46 + name_length] == part.encode():
            data[at + 16] ^= 0xFF
            return bytes(data)
        at = data.find(b"PK\x01\x02", at + 1)
    raise AssertionError(f"{part} not in the package")


def _expect(doc, cause: str, fmt: str, status: str = "error") -> None:
    assert (doc.status, doc.message) == (status, damage.message(cause, fmt))
    assert not LIBRARY_WORDS.search(doc.message)


@pytest.mark.parametrize("fmt", ["docx", "pptx"])
def test_bad_crc_says_damaged_and_keeps_the_library_words_apart(tmp_path, write, fmt):
    doc = read(write(f"deck.{fmt}", _bad_crc(_office(tmp_path, fmt), MAIN_PART[fmt])))
    _expect(doc, "zip", fmt)
    assert doc.message.startswith(
        f"this {'Word document' if fmt == 'docx' else 'PowerPoint deck'} is damaged"
    )
    assert doc.detail.startswith("BadZipFile: Bad CRC-32")


@pytest.mark.parametrize("fmt", ["docx", "pptx"])
def test_broken_xml_inside_the_package(tmp_path, write, fmt):
    raw = _repack(_office(tmp_path, fmt), MAIN_PART[fmt], b'<?xml version="1.0"?><w:document><w:body><w:p>')
    doc = read(write(f"deck.{fmt}", raw))
    _expect(doc, "xml", fmt)
    assert "XMLSyntaxError" in doc.detail


@pytest.mark.parametrize("fmt", ["docx", "pptx"])
def test_not_a_zip_at_all(write, fmt):
    doc = read(write(f"deck.{fmt}", b"PK\x03\x04 this was cut off right after the signature"))
    _expect(doc, "not_a_package", fmt)
    assert "BadZipFile" in doc.detail


def test_pdf_with_a_broken_xref_table(tmp_path, write):
    whole = build_pdf(
        tmp_path / "whole.pdf", [[("p", "Raters must read everything. " * 40)]] * 3
    ).read_bytes()
    doc = read(write("cut.pdf", whole[: len(whole) // 3]))
    _expect(doc, "pdf", "pdf")
    assert doc.detail


def test_pdf_with_a_broken_content_stream(tmp_path, write):
    """pypdf reads a page whose stream does not decompress as an empty page: it is damage, not a scan."""
    raw = build_pdf(tmp_path / "ok.pdf", [[("p", "Raters must read the whole conversation.")]]).read_bytes()
    start = raw.index(b"stream\n", raw.index(b"/FlateDecode")) + len(b"stream\n") + 10
    doc = read(write("broken.pdf", raw[:start] + bytes([raw[start] ^ 0xFF]) + raw[start + 1 :]))
    _expect(doc, "pdf", "pdf")
    assert "decompressing" in doc.detail


def test_undecodable_text(write):
    """A UTF-16 file (it has the byte order mark) whose body is lone surrogates: nothing in it decodes."""
    doc = read(write("notes.txt", b"\xff\xfe" + "Rate\n".encode("utf-16-le") + b"\x00\xd8" * 200))
    _expect(doc, "text", "text")


def test_utf16_file_cut_off_mid_character_is_still_read(write):
    raw = ("\ufeff" + "Raters must read the whole page.\n\n" * 4).encode("utf-16-le")
    doc = read(write("notes.txt", raw[:-1]))
    assert (doc.status, doc.message) == ("ok", None)
    assert [b.text for b in doc.blocks] == ["Raters must read the whole page."] * 4


def test_utf8_file_with_a_damaged_byte_keeps_its_accents(write):
    text = "Le résumé doit être bref.\n\nLes évaluateurs lisent la réponse entière.\n"
    raw = text.encode("utf-8").replace(b"bref", b"br\xffef")
    doc = read(write("guide.md", raw))
    assert [b.text for b in doc.blocks] == [
        "Le résumé doit être bref.",
        "Les évaluateurs lisent la réponse entière.",
    ]


def test_too_deeply_nested(write):
    doc = read(write("deep.html", "<div>" * 5000 + "Raters must rate." + "</div>" * 5000))
    _expect(doc, "nesting", "html")
    assert doc.detail.startswith("RecursionError")


def test_reader_that_hangs_is_stopped_by_the_document_time_limit(write, monkeypatch):
    from guidecheck.ingest import limits, markdown

    original = limits.limits()
    monkeypatch.setattr(
        limits, "limits", lambda: {**original, "limits": {**original["limits"], "document_seconds": 1}}
    )
    monkeypatch.setattr(markdown, "read", lambda path, raw: time.sleep(30))
    started = time.monotonic()
    doc = read(write("slow.md", "Raters must rate.\n"))
    assert time.monotonic() - started < 5
    assert (doc.status, doc.message) == ("error", damage.message("timeout", "markdown", seconds=1))


def test_any_other_library_failure_is_plain_words_too(write, monkeypatch):
    from guidecheck.ingest import plaintext

    def broken(path, raw):
        raise RuntimeError("internal state 0x3f lost")

    monkeypatch.setattr(plaintext, "read", broken)
    doc = read(write("notes.txt", "Raters must rate.\n"))
    _expect(doc, "unreadable", "text")
    assert doc.detail == "RuntimeError: internal state 0x3f lost"


def test_control_characters_are_removed_and_a_few_go_unmentioned(write):
    text = (
        "Raters must read the whole\x07 page before they rate it.\n\nRaters must flag spam.\n"
        + "Rate it.\n" * 20
    )
    doc = read(write("guide.txt", text))
    assert doc.status == "ok" and doc.message is None
    assert not any(CONTROL.search(b.text) for b in doc.blocks)
    assert doc.blocks[0].text == "Raters must read the whole page before they rate it."


def test_more_than_one_percent_of_control_characters_gets_a_warning(write):
    doc = read(
        write("guide.md", "# Guide\n\nRaters must read the whole page before they choose a rating.\x1b\n")
    )
    assert doc.status == "warning"
    assert doc.message == (
        "1.5% of the characters in this Markdown file are control or replacement characters (1 of 66), so the "
        "file is probably damaged; they were left out, but re-export or re-download it and check again"
    )
    assert [b.text for b in doc.blocks] == [
        "Guide",
        "Raters must read the whole page before they choose a rating.",
    ]


def test_zeroed_block_in_a_text_file_is_read_around_and_reported(write):
    body = "# Rating\n\nRaters must read the whole page.\n\n" + "\x00" * 600 + "\n\nRaters must flag spam.\n"
    doc = read(write("guide.md", body))
    assert doc.status == "warning"
    assert doc.message.startswith("90.9% of the characters in this Markdown file are control or replacement")
    assert [b.text for b in doc.blocks] == [
        "Rating",
        "Raters must read the whole page.",
        "Raters must flag spam.",
    ]


def test_file_of_zero_bytes_only(write):
    doc = read(write("guide.md", bytes(4096)))
    _expect(doc, "zeroed", "unknown")


def test_folder_expansion_comes_from_the_reader_table(write, tmp_path):
    from guidecheck.config import Config
    from guidecheck.ingest import read_paths

    write("deck/notes.text", "Raters must rate.\n")
    write("deck/old.rtf", "{\\rtf1 Raters must rate.}")
    write("deck/sheet.xls", b"\xd0\xcf\x11\xe0")
    docs = {Path(d.path).name: (d.status, d.message) for d in read_paths([str(tmp_path / "deck")], Config())}
    assert docs == {
        "notes.text": ("ok", None),
        "old.rtf": (
            "error",
            "legacy .rtf files cannot be read; save it as .docx (File > Save As) and check again",
        ),
    }


def test_verbose_check_shows_the_library_words_on_stderr_only(cli, tmp_path):
    deck = tmp_path / "deck"
    deck.mkdir()
    (deck / "rubric.docx").write_bytes(_bad_crc(_office(tmp_path, "docx"), MAIN_PART["docx"]))
    quiet = cli("check", deck, "-f", "json", "--fail-on", "never")
    loud = cli("check", deck, "-f", "json", "--fail-on", "never", "-v")
    for result in (quiet, loud):
        assert result.exit_code == 0
        [entry] = json.loads(result.stdout)["documents"]
        assert entry["message"] == damage.message("zip", "docx")
    assert "BadZipFile" not in quiet.stderr
    assert f"guidecheck: {(deck / 'rubric.docx').as_posix()}: error: BadZipFile: Bad CRC-32" in loud.stderr
