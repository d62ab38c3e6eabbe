"""Bytes -> str for text formats: UTF-8, UTF-16 (BOM or NUL pattern), legacy 8-bit encodings; binary refused."""

from __future__ import annotations

import codecs
import re

from . import damage
from .errors import InputProblem

# Share of control characters above which a file is treated as binary, not text.
BINARY_CONTROL_RATIO = 0.02
# Share of undecodable characters above which a file that declares its encoding is refused as undecodable.
UNDECODABLE_SHARE = 0.2
# A run of this many NUL bytes is a zeroed block (a half-written or damaged file), not the NULs binary data has
# scattered all over: the text around it is still read, and ``sanitize`` removes and counts the NULs.
_ZEROED = re.compile(rb"\x00{8,}")


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
    """Share of control characters, zeroed blocks left out (they are damage to a text file, not a sign of binary)."""
    sample = re.sub("\x00{8,}", "", text[:65536])
    if not sample:
        return 0.0
    return len(_CONTROL.findall(sample)) / len(sample)


# Control characters but tab, newline, carriage return and form feed; DEL and C1; U+FFF0 and above (astral
# characters included) but U+FFFD, a damaged byte that sanitize counts.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufff0-\ufffc\ufffe-\U0010ffff]")


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


def _damaged(raw: bytes, encoding: str) -> str:
    """Text in an encoding the file declares (a UTF-16 BOM), with the damaged bytes as U+FFFD; refused when
    too little of it decodes to be worth reading."""
    text = raw.decode(encoding, errors="replace")
    if text.count("\ufffd") > UNDECODABLE_SHARE * max(len(text), 1):
        raise InputProblem(
            damage.message("text", "text"), detail=f"{encoding}: most of the file does not decode"
        )
    return text


def _mostly_utf8(raw: bytes) -> str | None:
    """A UTF-8 file with a few damaged bytes (U+FFFD in their place), else None (a legacy 8-bit file).

    Most of its non-ASCII characters decode as UTF-8; in a cp1252 or latin-1 file almost none do, since a lone
    accented byte is never a valid UTF-8 sequence.
    """
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127) - bad
    return text if good >= 2 * bad else None


def decode(raw: bytes, what: str = "text") -> tuple[str, str]:
    """(text, encoding name). Raises InputProblem for binary data."""
    utf16 = _looks_utf16(raw)
    if utf16:
        return _checked(_damaged(raw, utf16).lstrip("\ufeff"), what), utf16
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    if b"\x00" in _ZEROED.sub(b"", raw[:65536]):
        raise InputProblem(
            f"this file contains binary data, not {what}; is it the right file or a mislabeled extension?"
        )
    try:
        text, encoding = raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        mostly_utf8 = _mostly_utf8(raw)
        if mostly_utf8 is not None:
            return _checked(mostly_utf8, what), "utf-8"
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
    if not text.replace("\x00", "").strip():
        raise InputProblem(damage.message("zeroed", "unknown"))
    return text.replace("\r\n", "\n").replace("\r", "\n")
