"""Seeded mutation fuzzing of every reader: damaged copies of the bundled decks go through ingest and the reports.

Each case takes a deck from guidelines/ (docx, pptx, pdf, html, md, txt) and damages it the way files get damaged
in real life: flipped bytes (a bad disk or transfer), truncation (an interrupted copy), a chunk of another file
spliced in (a broken sync), a zeroed block (a sparse or half-written file). The outcome is checked for what a
user would see: every document has a status, a document that is not ok says why in plain words (no library
exception names), and no control character reaches a block, the JSON report or the HTML report. No models are
loaded: the rule list of the reports is built from the blocks themselves, so every character that was read is
rendered. ``test_fuzz.py`` runs a small seeded set; ``make fuzz`` runs this file as a script with 1,000 cases.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
FORMATS = ("docx", "pptx", "pdf", "html", "md", "txt")
# Folders other people write while we run, or gold labels: not part of the fuzz corpus.
SKIP_FOLDERS = ("blind", "labels", "src")
# C0 except tab and newline (and carriage return, which HTML treats as a newline), DEL and C1.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# What a control character looks like once the JSON encoder has escaped it.
ESCAPED_CONTROL = re.compile(r"\\u00(?:[01][0-9a-fA-F]|7[fF]|[89][0-9a-fA-F])")
# A library's voice in a message: exception class names, zlib's "Error -3", a traceback.
LIBRARY_WORDS = re.compile(r"\b[A-Z]\w*(?:Error|Exception)\b|BadZipFile|\bError -?\d|Traceback|\bErrno\b")


def corpus(root: Path = REPO / "guidelines") -> dict[str, list[Path]]:
    """The bundled decks by format, sorted so a seed always means the same cases."""
    out: dict[str, list[Path]] = {fmt: [] for fmt in FORMATS}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).parts
        if path.is_file() and rel[0] not in SKIP_FOLDERS and path.suffix.lstrip(".") in out:
            out[path.suffix.lstrip(".")].append(path)
    return out


# ---------------------------------------------------------------- mutations


def _flip(data: bytearray, rng: random.Random, donor: bytes) -> str:
    for _ in range(rng.randint(1, 16)):
        data[rng.randrange(len(data))] ^= rng.randrange(1, 256)
    return "flip"


def _truncate(data: bytearray, rng: random.Random, donor: bytes) -> str:
    del data[rng.randrange(1, len(data)) :]
    return "truncate"


def _splice(data: bytearray, rng: random.Random, donor: bytes) -> str:
    size = rng.randint(16, 4096)
    start = rng.randrange(max(1, len(donor) - size))
    at = rng.randrange(len(data))
    chunk = donor[start : start + size]
    if rng.random() < 0.5:
        data[at:at] = chunk  # inserted: everything after it shifts
    else:
        data[at : at + len(chunk)] = chunk  # overwritten in place
    return "splice"


def _zero(data: bytearray, rng: random.Random, donor: bytes) -> str:
    size = rng.randint(16, 8192)
    at = rng.randrange(len(data))
    data[at : at + size] = bytes(len(data[at : at + size]))
    return "zero"


MUTATIONS = (_flip, _truncate, _splice, _zero)


def mutate(raw: bytes, rng: random.Random, donor: bytes) -> tuple[bytes, list[str]]:
    """``raw`` damaged by one to three mutations (with ``donor`` as the source of spliced chunks)."""
    data = bytearray(raw)
    done = []
    for _ in range(rng.randint(1, 3)):
        if not data:
            break
        done.append(rng.choice(MUTATIONS)(data, rng, donor))
    return bytes(data), done


@dataclass
class Case:
    path: Path
    fmt: str
    source: str
    mutations: list[str]


def write_cases(workdir: Path, total: int, seed: int) -> list[Case]:
    """``total`` damaged decks spread evenly over the formats, written under ``workdir``; a seed is a fixed set."""
    rng = random.Random(seed)
    decks = corpus()
    cases = []
    for i, fmt in enumerate(FORMATS):
        folder = workdir / fmt
        folder.mkdir(parents=True, exist_ok=True)
        for n in range(total // len(FORMATS) + (i < total % len(FORMATS))):
            source = rng.choice(decks[fmt])
            donor = rng.choice([p for paths in decks.values() for p in paths])
            raw, done = mutate(source.read_bytes(), rng, donor.read_bytes())
            path = folder / f"case-{n:04d}.{fmt}"
            path.write_bytes(raw)
            cases.append(Case(path, fmt, source.relative_to(REPO).as_posix(), done))
    return cases


# ---------------------------------------------------------------- checks


def _strings(value: Any):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _strings(v)


def document_problems(doc) -> list[str]:
    """What is wrong with one read document, as a user would see it (empty when all is well)."""
    problems = []
    if doc.status not in ("ok", "warning", "error"):
        problems.append(f"status {doc.status!r}")
    if doc.status != "ok" and not doc.message:
        problems.append(f"status {doc.status} without a message")
    if doc.message and LIBRARY_WORDS.search(doc.message):
        problems.append(f"library words in the message: {doc.message!r}")
    for block in doc.blocks:
        fields = (block.text, block.section, block.lead_in, block.header, block.cells, block.meta)
        if any(CONTROL.search(s) for s in _strings(fields)):
            problems.append(f"control character in a block: {block.text[:60]!r}")
            break
    return problems


def _rules_from_blocks(documents) -> list:
    """One pseudo-rule per block, so the reports render every character ingest let through."""
    from guidecheck.model import Rule

    return [
        Rule(
            id=f"R{n}",
            text=block.text,
            location=block.location,
            section=block.section,
            block_kind=block.kind,
            lead_in=block.lead_in,
            cells=dict(zip(block.header, block.cells, strict=False)),
        )
        for n, block in enumerate(b for d in documents for b in d.blocks)
    ]


def report_problems(documents) -> list[str]:
    """Control characters in the JSON or the HTML report of these documents (raw or escaped)."""
    from guidecheck.pipeline import Result
    from guidecheck.report import build_report, renderer

    report = build_report(Result(documents, _rules_from_blocks(documents), [], None))
    problems = []
    as_json = renderer("json")(report)
    if ESCAPED_CONTROL.search(as_json) or any(CONTROL.search(s) for s in _strings(json.loads(as_json))):
        problems.append("control character in the JSON report")
    if CONTROL.search(renderer("html")(report)):
        problems.append("control character in the HTML report")
    return problems


# ---------------------------------------------------------------- a run


@dataclass
class FuzzRun:
    cases: int = 0
    statuses: Counter = field(default_factory=Counter)
    messages: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    slowest: tuple[float, str] = (0.0, "")
    seconds: float = 0.0


def run(workdir: Path, total: int, seed: int) -> FuzzRun:
    """Write the cases, read each one, check every document and then the reports of all of them together."""
    from guidecheck.ingest import read_document

    started = time.monotonic()
    out = FuzzRun()
    documents = []
    for case in write_cases(workdir, total, seed):
        label = f"{case.path.name} ({case.source}, {'+'.join(case.mutations)})"
        t = time.monotonic()
        try:
            doc = read_document(case.path, f"{case.fmt}/{case.path.name}")
        except Exception as exc:  # the one thing that must never happen
            out.failures.append(f"{label}: exception escaped: {type(exc).__name__}: {exc}")
            continue
        out.slowest = max(out.slowest, (time.monotonic() - t, label))
        out.cases += 1
        out.statuses[doc.status] += 1
        if doc.message:
            out.messages[re.sub(r"\d[\d,.%]*", "#", doc.message)[:90]] += 1
        out.failures += [f"{label}: {p}" for p in document_problems(doc)]
        documents.append(doc)
    out.failures += report_problems(documents)
    out.seconds = time.monotonic() - started
    return out


def summary(result: FuzzRun, seed: int) -> str:
    lines = [
        f"fuzz: {result.cases} cases (seed {seed}) in {result.seconds:.1f} s; "
        + ", ".join(f"{k} {v}" for k, v in sorted(result.statuses.items())),
        f"slowest document: {result.slowest[0]:.2f} s, {result.slowest[1]}",
        "most common messages:",
        *(f"  {n:4d}  {m}" for m, n in result.messages.most_common(12)),
        f"failures: {len(result.failures)}",
        *(f"  {f}" for f in result.failures[:40]),
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=1000, help="cases in all, spread over the six formats")
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="guidecheck-fuzz-") as tmp:
        result = run(Path(tmp), args.cases, args.seed)
    print(summary(result, args.seed))
    return 1 if result.failures else 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    sys.exit(main())
