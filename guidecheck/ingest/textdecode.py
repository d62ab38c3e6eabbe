"""Bytes -> str for text formats: UTF-8, UTF-16 (BOM or NUL pattern), legacy 8-bit encodings; binary refused."""

from __future__ import annotations

import codecs

from .errors import InputProblem

# Share of control characters above which a file is treated as binary, not text.
BINARY_CONTROL_RATIO = 0.02


def _looks_utf16(raw: bytes) -> str | None:
    if raw.startswith(codecs.BOM_UTF16_LE) or raw.startswith(codecs.BOM_UTF16_BE):
        return "utf-16"
    sample = raw[:4096]
    if len(sample) >= 4:
        even_nuls = sample[0::2].count(0) / (len(sample) / 2)
        odd_nuls = sample[1::2].count(0) / (len(sample) / 2)
        if odd_nuls > 0.4 and even_nuls < 0.05:
            return "utf-16-le"
        if even_nuls > 0.4 and odd_nuls < 0.05:
            return "utf-16-be"
    return None


def _control_ratio(text: str) -> float:
    sample = text[:65536]
    if not sample:
        return 0.0
    bad = sum(
        1
        for ch in sample
        if (ord(ch) < 32 and ch not in "\t\n\r\f") or ord(ch) >= 0xFFF0 or 0x7F <= ord(ch) < 0xA0
    )
    return bad / len(sample)


# cp1252 punctuation that Word puts into "latin-1" files: curly quotes, dashes, ellipsis, bullet, euro, trademark.
_CP1252_PUNCT = set("‘’“”–—…•€™‚„†‡ˆ‰‹›")
# Accented letters are sparse in Western European text; a legacy Cyrillic or Greek file read as cp1252 is all "accents".
WESTERN_ACCENT_SHARE = 0.3


def _western(raw: bytes) -> str | None:
    """The text as cp1252 when it reads as Western European text, else None (let charset detection decide).

    Statistical detectors guess Baltic or Central European code pages for short English or French files with a
    few accents; cp1252 (a superset of latin-1) is by far the likelier source of such a guideline file.
    """
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        return None
    high = [ch for ch in text if ord(ch) > 127]
    letters = sum(1 for ch in text if ch.isalpha())
    if not letters or len(high) / letters > WESTERN_ACCENT_SHARE:
        return None
    if all(
        (ch.isalpha() and ord(ch) < 0x180) or ch in _CP1252_PUNCT or 0xA0 <= ord(ch) <= 0xBF for ch in high
    ):
        return text
    return None


def decode(raw: bytes, what: str = "text") -> tuple[str, str]:
    """(text, encoding name). Raises InputProblem for binary data."""
    utf16 = _looks_utf16(raw)
    if utf16:
        try:
            return _checked(raw.decode(utf16).lstrip("\ufeff"), what), utf16
        except UnicodeDecodeError:
            pass
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    if b"\x00" in raw[:65536]:
        raise InputProblem(
            f"this file contains binary data, not {what}; is it the right file or a mislabeled extension?"
        )
    try:
        text, encoding = raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        western = _western(raw)
        if western is not None:
            return _checked(western, what), "cp1252"
        from charset_normalizer import from_bytes

        best = from_bytes(raw[:1_000_000]).best()
        encoding = best.encoding if best is not None else "latin-1"
        try:
            text = raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            text, encoding = raw.decode("latin-1"), "latin-1"
    return _checked(text, what), encoding


def _checked(text: str, what: str) -> str:
    """Normalised newlines; binary-looking or blank text refused with a message for the user."""
    if _control_ratio(text) > BINARY_CONTROL_RATIO:
        raise InputProblem(
            f"this file contains binary data, not {what}; is it the right file or a mislabeled extension?"
        )
    if not text.strip():
        raise InputProblem("the file contains only whitespace")
    return text.replace("\r\n", "\n").replace("\r", "\n")
