"""Label names a document defines outside rubric tables and scale lines.

Real guidelines define their labels in many shapes besides a rubric table: a heading that names the label with
the text under it as its definition ("Category: Medication", "5.3 Wh-Question <qw>", "What is an ENTITY?"),
"Name (CODE)" and "CODE: gloss", "(labeled X)", "(labels: a, b, c)", "are marked as X", counted lists ("three
types: LOC, HUMAN_PART and NON_HUMAN_PART") and lists of bare labels under a lead-in ("Living status:" then
"Alone", "Family"). These names carry no description, so they only make a label *defined* (LAB001, LAB005);
they never become scale points. Patterns live in ``data/labels.toml`` under ``[forms]``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources

import tomllib

from ..model import CODE, HEADING, LIST_ITEM, PARAGRAPH, Block, Document, Location
from .glossary import normal_term

_SEPARATORS = re.compile(r"[-_/\s]+")


@lru_cache(maxsize=1)
def forms() -> dict:
    """The compiled ``[forms]`` table of data/labels.toml."""
    data = tomllib.loads(resources.files("guidecheck").joinpath("data/labels.toml").read_text("utf-8"))[
        "forms"
    ]
    out: dict = {
        k: re.compile(data[k])
        for k in ("numbering", "code_line", "title_line", "list_split", "title_tag", "tag_verb")
    }
    out["patterns"] = [re.compile(p) for p in data["definitions"]]
    out["generic_heads"] = set(data["generic_heads"])
    out["function_words"] = set(data["function_words"])
    out["member_max_words"] = int(data["member_max_words"])
    return out


def is_title_text(text: str) -> bool:
    """Up to six capitalised words with no sentence punctuation at the end ("Tag List", "TAG TITLE CODE"): a
    title or a table header, not an instruction ("Mark spam as Spam" has lower-case words)."""
    words = text.split()
    return bool(forms()["title_line"].fullmatch(text.strip())) and all(
        w[0].isupper() or not w[0].isalpha() or w.lower() in forms()["function_words"] for w in words
    )


def is_title_line(block: Block) -> bool:
    """A heading, or a short line standing alone like one (PDFs and slides often lose heading styles)."""
    return block.kind == HEADING or (block.kind == PARAGRAPH and is_title_text(block.text))


def heading_words(text: str, lower: bool = True) -> tuple[str, ...]:
    """A heading's words without its numbering: "2.2.3.4 Non-human participants" -> (non, human, participants)."""
    text = forms()["numbering"].sub("", text.strip())
    return tuple(w for w in re.split(r"[^\w]+", text.lower() if lower else text) if w)


def _split_list(text: str) -> list[str]:
    parts = forms()["list_split"].split(text)
    return [p.strip(" \"“”'‘’*_.") for p in parts if p.strip(" \"“”'‘’*_.")]


def _pattern_names(text: str) -> Iterator[str]:
    """Names from "Name (CODE)", "<code>", "(labeled X)", "(labels: a, b)", "are marked as X", counted lists."""
    for rx in forms()["patterns"]:
        for m in rx.finditer(text):
            groups = m.groupdict()
            for key in ("code", "name"):
                if groups.get(key):
                    yield groups[key]
            if groups.get("list"):
                yield from (p for p in _split_list(groups["list"]) if len(p.split()) <= 4)
    for line in text.splitlines():
        m = forms()["code_line"].match(line.strip())
        if m:
            yield from (g for g in (m.group("code"), m.group("name")) if g)


def _title_names(text: str) -> Iterator[str]:
    """A heading names the label its text defines: the whole title, the part after "Category:", each CODE."""
    title = forms()["numbering"].sub("", text.strip()).strip(" \"“”'?:")
    yield title
    if ":" in title:
        yield title.rsplit(":", 1)[1]
    if not title.isupper():  # codes inside a mixed-case title; a title in capitals is shouting, not codes
        yield from re.findall(r"\b[A-Z][A-Z0-9]+(?:[_-][A-Z0-9]+)*\b", title)
    yield from re.findall(r"[\"“]([^\"”]{1,40})[\"”]", title)
    for m in forms()["title_tag"].finditer(title):
        yield m.group()
        yield title[: m.start()].strip(" \"“”'")  # "Wh-Question <qw>": the name beside the tag


def _is_member(block: Block, prev: Block | None, prev_member: bool) -> bool:
    """A bare label in a list: a short item under a lead-in ending in ':' or after another bare label."""
    text = block.text.strip()
    if block.kind not in (LIST_ITEM, PARAGRAPH) or not text or text[-1] in ".:;?!,":
        return False
    if len(text.split()) > forms()["member_max_words"]:
        return False
    if re.fullmatch(r"[\[<][\w -]{1,30}[\]>]", text):
        return True
    return prev_member or (prev is not None and prev.text.rstrip().endswith(":"))


def named_labels(doc: Document) -> tuple[dict[str, Location], bool]:
    """normalised name -> where the document defines it, in any of the forms above (first place wins); and
    whether any name came from a form other than a heading's bare title: "3.2 Word order" names a section, while
    "Category: Dosage", a CODE in a title and the other forms show that the document defines labels."""
    out: dict[str, Location] = {}
    listed = False
    prev: Block | None = None
    prev_member = False
    for block in doc.blocks:
        if block.kind == CODE:
            continue
        names: list[str] = list(_pattern_names(block.text))
        member = not is_title_line(block) and _is_member(block, prev, prev_member)
        if member:
            names.append(block.text.strip())
        if is_title_line(block):
            title, *parts = _title_names(block.text)  # parts: "Category: X", a CODE, a quoted name, a <tag>
            names += parts
        listed = listed or bool(names)
        if is_title_line(block):
            names.append(title)
        for name in names:
            key = normal_term(name).strip(" .,:;")
            if key and key not in out and len(key) <= 60 and key not in forms()["function_words"]:
                out[key] = block.location
        prev, prev_member = block, member
    return out, listed


def document_headings(doc: Document) -> list[tuple[str, ...]]:
    """The words of every heading and heading-like line, for matching labels against section titles."""
    return [heading_words(b.text, lower=False) for b in doc.blocks if is_title_line(b)]


def label_keys(label: str) -> list[str]:
    """The forms under which ``label`` may be defined: as written, singular, without a generic head noun
    ("Grammar error" -> "grammar"), the capitalised stem of "UNCertain" (UNC), and each part of a prefixed
    family ("NEG_ACTION", "Possible_Drug": the part after and before the separator)."""
    key = normal_term(label).strip("[]<>")
    keys = [key]
    words = key.split()
    if len(words) > 1 and words[-1] in forms()["generic_heads"]:
        keys.append(" ".join(words[:-1]))
    stem = re.match(r"([A-Z]{2,})[a-z]+$", label.strip('"“”'))
    if stem:
        keys.append(stem.group(1).lower())
    parts = [p for p in re.split(r"[-_/]", key) if len(p) >= 2]
    if len(parts) > 1:
        keys += [parts[-1], parts[0], " ".join(parts)]
    for k in list(keys):
        for suffix in ("es", "s"):
            if k.endswith(suffix) and len(k) > len(suffix) + 2:
                keys.append(k[: -len(suffix)])
    return list(dict.fromkeys(keys))


def in_headings(label: str, headings: Iterable[tuple[str, ...]]) -> bool:
    """Whether a heading names ``label``: its words appear in order in the title, each word equal to or the
    start of a title word ("IMPLICIT" in "Annotating IMPLICITNESS of EVENTs", NON_HUMAN_PART in "Non-human
    participants"). The title must be about the label: short (up to four words), or the label's words make
    half of it, or a code in capitals is written in capitals there ("DUPLICATE marking for repeated spans").
    A question in passing ("What about products named after their maker?") defines nothing."""
    words = [w for w in re.split(r"[^\w]+", label.replace("_", " ")) if w]
    if not words or (len(words) == 1 and words[0].lower() in forms()["function_words"]):
        return False
    code = label.isupper()

    def fits(word: str, title_word: str) -> bool:
        word, low = word.lower(), title_word.lower()
        return word == low or (len(word) >= 3 and low.startswith(word))

    n = len(words)
    for title in headings:
        about = len(title) <= 4 or 2 * n >= len(title)
        for i in range(len(title) - n + 1):
            span = title[i : i + n]
            if all(fits(w, t) for w, t in zip(words, span)) and (
                about or (code and all(t.isupper() for t in span))
            ):
                return True
    return False


def spelling_key(label: str) -> str:
    """A label with case and separators removed: "[side speech]", "[side-speech]" and "Side_Speech" agree."""
    return _SEPARATORS.sub("", normal_term(label).strip("[]<>"))
