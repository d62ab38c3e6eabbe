"""What DOCX and PPTX readers share: recognising files that are not what their name says before a library
chokes on them, and refusing zip bombs."""

from __future__ import annotations

import io
import zipfile

from . import damage
from .errors import InputProblem
from .limits import limit

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_NAMES = {
    "docx": ("Word document", ".doc", "word/document.xml"),
    "pptx": ("PowerPoint deck", ".ppt", "ppt/presentation.xml"),
}


def check_package(raw: bytes, fmt: str) -> None:
    """Raise InputProblem unless ``raw`` is a readable Office Open XML package of kind ``fmt``."""
    name, legacy, main_part = _NAMES[fmt]
    if raw.startswith(OLE_MAGIC):
        raise InputProblem(
            f"this is not a .{fmt} file inside: it is either an old-format {legacy} file renamed to "
            f".{fmt} or a password-protected {name}; open it in Office, remove any password and save it "
            f"as .{fmt}, then check again"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as package:
            infos = package.infolist()
            names = {i.filename for i in infos}
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise InputProblem(damage.message("not_a_package", fmt), detail=damage.detail(exc)) from None
    if main_part not in names:
        other = next((f for f, (_, _, part) in _NAMES.items() if part in names), None)
        hint = f" (it looks like a .{other} file; rename it)" if other else ""
        raise InputProblem(f"this file is a zip archive but not a {name} (.{fmt}){hint}")
    total = sum(i.file_size for i in infos)
    if total > limit("office", "max_unzipped_bytes"):
        raise InputProblem(
            f"this {name} would unpack to {total // (1024 * 1024):,} MB, over the limit; "
            "is it really a guideline document?"
        )
