"""The reader table: which file endings guidecheck reads (and with which reader), and which it can name a fix for.

Folder expansion takes its default include globs from here, so a format is added in exactly one place.
"""

from __future__ import annotations

READERS: dict[str, tuple[str, str]] = {
    # suffix: (format name, "module:function")
    ".md": ("markdown", "markdown:read"),
    ".markdown": ("markdown", "markdown:read"),
    ".txt": ("text", "plaintext:read"),
    ".text": ("text", "plaintext:read"),
    ".html": ("html", "html:read"),
    ".htm": ("html", "html:read"),
    ".pdf": ("pdf", "pdf:read"),
    ".docx": ("docx", "docx:read"),
    ".pptx": ("pptx", "pptx:read"),
}

# Formats we cannot read but know the fix for: the format to save them as (File > Save As).
LEGACY: dict[str, str] = {
    ".doc": ".docx",
    ".ppt": ".pptx",
    ".rtf": ".docx",
    ".odt": ".docx",
    ".odp": ".pptx",
}

# Second spellings of a format, left out when the supported formats are listed for the user.
ALIASES = frozenset({".markdown", ".text", ".htm"})


def format_of(suffix: str) -> str | None:
    """The format name for a file ending (``.md`` -> markdown, ``.doc`` -> doc), None when unknown."""
    suffix = suffix.lower()
    if suffix in READERS:
        return READERS[suffix][0]
    if suffix in LEGACY:
        return suffix.lstrip(".")
    return None


def supported() -> str:
    return ", ".join(sorted(s for s in READERS if s not in ALIASES))


def default_include() -> list[str]:
    """Globs for every file ending in the table: what a folder expands to unless ``include`` is configured."""
    return [f"**/*{suffix}" for suffix in (*READERS, *LEGACY)]
