"""Shared by the deck build scripts: make generated Office files byte-identical across rebuilds."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path


def fix_zip_times(path: Path, fixed: dt.datetime) -> None:
    """Office files are zips stamped with the build time (and Word comments carry their own date); restamp both
    with ``fixed`` so a rebuild gives the same bytes."""
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    stamp = fixed.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    entries = [
        (
            info,
            re.sub(rb'w:date="[^"]*"', b'w:date="' + stamp + b'"', data)
            if info.filename == "word/comments.xml"
            else data,
        )
        for info, data in entries
    ]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            entry = zipfile.ZipInfo(info.filename, date_time=fixed.timetuple()[:6])
            entry.compress_type, entry.external_attr = zipfile.ZIP_DEFLATED, 0o600 << 16
            target.writestr(entry, data)
