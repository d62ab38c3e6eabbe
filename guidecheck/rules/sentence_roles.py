"""The role of a sentence in a guideline: rule, example, rationale, background or navigation.

Real guidelines are mostly not rules: they welcome the reader, point to other chapters, explain why, describe the
data and quote samples. Only a sentence in the role ``rule`` becomes a rule the checks read; an ``example`` becomes
an example (checked against rules, never a rule itself); the other roles yield nothing. Roles are decided from the
wording (patterns in ``data/rules.toml [roles]``), the layout (paragraph fragments split at a page break, table
headers read as text) and the parse (who says what: "we have to mention" is the authors talking).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import LIST_ITEM, PARAGRAPH, TABLE_ROW, Block
from .context import Detection
from .lexicon import lexicon

RULE, EXAMPLE_ROLE, RATIONALE, BACKGROUND, NAVIGATION = (
    "rule",
    "example",
    "rationale",
    "background",
    "navigation",
)
ROLES = (RULE, EXAMPLE_ROLE, RATIONALE, BACKGROUND, NAVIGATION)
_URL = re.compile(r"(?:https?://|www\.)\S+")
_QUOTED = re.compile(r"[\"“][^\"“”]{3,}[\"”]|‘[^‘’]{3,}’")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_FIRST_WORD = re.compile(r"^\s*(\S+)")
_TERMINAL = re.compile(r"[.!?:;)\]\"”’']\s*$")
_HYPHEN_BREAK = re.compile(r"[a-z]-\s*$")


@dataclass(frozen=True)
class RolePatterns:
    navigation: tuple[re.Pattern[str], ...]
    pointer: re.Pattern[str]
    document_subject: re.Pattern[str]
    caption: re.Pattern[str]
    toc: tuple[re.Pattern[str], ...]
    welcome: tuple[re.Pattern[str], ...]
    commentary: tuple[re.Pattern[str], ...]
    rationale: tuple[re.Pattern[str], ...]
    example: tuple[re.Pattern[str], ...]
    transcript: tuple[re.Pattern[str], ...]
    sourced_sample: re.Pattern[str]
    markup: tuple[re.Pattern[str], ...]
    example_lead: re.Pattern[str]
    example_colon: re.Pattern[str]
    words: dict[str, frozenset[str]]


def _all(items: list[str], flags: int = re.I) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, flags) for p in items)


@lru_cache(maxsize=1)
def patterns() -> RolePatterns:
    d = lexicon().data["roles"]
    word_lists = (
        "discourse_verbs",
        "author_subjects",
        "possibility_verbs",
        "commentary_verbs",
        "speaker_headers",
    )
    return RolePatterns(
        navigation=_all(d["navigation"]),
        pointer=re.compile(d["pointer"], re.I),
        document_subject=re.compile(d["document_subject"], re.I),
        caption=re.compile(d["caption"], re.I),
        toc=_all(d["toc"], 0),
        welcome=_all(d["welcome"]),
        commentary=_all(d["commentary"]),
        rationale=_all(d["rationale"]),
        example=_all(d["example"]),
        # speaker prefixes are case-sensitive: "A:" is a speaker, "a:" is not
        transcript=tuple(re.compile(p) for p in d["transcript"]),
        sourced_sample=re.compile(d["sourced_sample"]),
        markup=_all(d["markup"], 0),
        example_lead=re.compile(d["example_lead"], re.I),
        example_colon=re.compile(d["example_colon"], re.I),
        words={k: frozenset(d[k]) for k in word_lists},
    )


def ends_with_example_lead(text: str) -> bool:
    """'For example:' / 'Consider:' ends the sentence: it only introduces what follows."""
    return bool(patterns().example_lead.search(text.strip()))


def opens_examples(text: str) -> bool:
    """'For example:', 'Consider:', 'such as:': what follows the sentence is example material."""
    p = patterns()
    return bool(p.example_lead.search(text.strip()) or p.example_colon.search(text))


def _mostly_links(text: str) -> bool:
    """'AMR page at ISI: https://...', a bare link list item: words left after the URLs are a name at most."""
    if not _URL.search(text):
        return False
    rest = _URL.sub(" ", text)
    rest = rest.split(":", 1)[1] if ":" in rest and len(rest.split(":", 1)[0].split()) <= 8 else rest
    return len(_WORD.findall(rest)) <= 4


def _quoted_sample(text: str) -> bool:
    """A sentence that opens with a quotation and is mostly quoted sample text: fewer than three words outside the
    quotes ('Transcribe "gonna" as "going to".' is a rule about quoted words)."""
    if text[:1] not in '"“‘' or not _QUOTED.search(text):
        return False
    return len(_WORD.findall(_QUOTED.sub(" ", text))) < 3


def text_role(text: str) -> tuple[str, str] | None:
    """(role, reason) decided by the wording alone, or None when the wording does not decide."""
    p = patterns()
    t = lexicon().faq_prefix.sub("", text.strip().lstrip("-–—•*> ").strip(), count=1).strip()
    checks: tuple[tuple[str, str, bool], ...] = (
        (NAVIGATION, "table of contents", any(rx.search(t) for rx in p.toc)),
        (NAVIGATION, "caption", bool(p.caption.match(t))),
        (NAVIGATION, "link list", _mostly_links(t)),
        (NAVIGATION, "cross-reference", any(rx.search(t) for rx in p.navigation)),
        (BACKGROUND, "welcome or survey", any(rx.search(t) for rx in p.welcome)),
        (BACKGROUND, "authors' commentary", any(rx.match(t) for rx in p.commentary)),
        (RATIONALE, "rationale", any(rx.match(t) for rx in p.rationale)),
        (EXAMPLE_ROLE, "transcript line", any(rx.match(t) for rx in p.transcript)),
        (EXAMPLE_ROLE, "example wording", any(rx.match(t) for rx in p.example)),
        (EXAMPLE_ROLE, "sourced sample", bool(p.sourced_sample.search(t))),
        (EXAMPLE_ROLE, "annotated sample", any(rx.search(t) for rx in p.markup)),
        (EXAMPLE_ROLE, "quoted sample", _quoted_sample(t)),
    )
    return next(((role, why) for role, why, hit in checks if hit), None)


def fragment_reason(
    text: str, block: Block, first_unit: bool, inherits: bool, cue: bool = False
) -> str | None:
    """Why a piece of text is layout debris rather than a sentence: split at a page break, a table header or
    heading read as a paragraph, a one-word item. ``inherits``: a lead-in gives the item its meaning; ``cue``: a
    modal or cue word makes a short unpunctuated line a rule all the same."""
    t = text.strip()
    kind = block.meta.get("original_kind", block.kind)
    m = _FIRST_WORD.match(t)
    first = m.group(1) if m else ""
    labelled = bool(lexicon().aside.match(block.text))  # "Legal note: do not ...": the label was set aside
    if kind == PARAGRAPH and first_unit and not block.lead_in and not labelled:
        if first[:1] in ",;)]>." or (first.isalpha() and first.islower() and first not in ("e.g", "i.e")):
            return "fragment (starts mid-sentence)"
        if not cue and not _TERMINAL.search(t) and len(t.split()) <= 12:
            return "fragment (heading or table line)"
    if first_unit and kind in (LIST_ITEM, PARAGRAPH) and _case_title(t, block.text):
        return "fragment (the title of the case the item states)"
    if _HYPHEN_BREAK.search(t):
        return "fragment (ends mid-word)"
    if not inherits and not cue and len(_WORD.findall(t)) <= 1:
        return "fragment (one word)"
    return None


_CASE_RESTATED = re.compile(r"^\s*(?:for|when|if|where|in|on|with)\b", re.I)


def _case_title(title: str, block_text: str) -> bool:
    """'No device location. For a "here" question with no device location on the card, ...': a short first
    sentence whose words the next sentence restates as its case is the item's title, not a ban."""
    words = re.findall(r"[a-z]{3,}", title.lower())
    if not 2 <= len(title.split()) <= 5 or len(words) < 2 or not title.endswith("."):
        return False
    rest = block_text.strip()[len(title) :].strip()
    following = re.split(r"(?<=[.!?])\s", rest, maxsplit=1)[0].lower()
    return bool(_CASE_RESTATED.match(following)) and all(w in following for w in words)


def parse_role(det: Detection, actor: str | None, action: str | None, text: str) -> tuple[str, str] | None:
    """Roles the parse decides: the authors commenting ("we have to mention"), a pointer without an obligation."""
    p = patterns()
    if action in p.words["discourse_verbs"] and actor in p.words["author_subjects"]:
        return BACKGROUND, "authors' commentary"
    weak = det.kind in ("permission", "definition") and not det.imperative
    if det.kind == "permission" and not det.imperative and p.pointer.search(text):
        return NAVIGATION, "cross-reference"
    if weak and p.document_subject.match(text.strip()):
        return NAVIGATION, "about the document"
    return None


def is_speaker_table(block: Block) -> bool:
    """A table whose columns are speakers ('user | system') holds dialogue samples, not rubric rows."""
    if block.meta.get("original_kind", block.kind) != TABLE_ROW or not block.header:
        return False
    speakers = patterns().words["speaker_headers"]
    return any(re.sub(r"[\d\s_-]+$", "", h.strip().lower()) in speakers for h in block.header)


def is_listy(block: Block) -> bool:
    return block.meta.get("original_kind", block.kind) == LIST_ITEM


__all__ = [
    "BACKGROUND",
    "EXAMPLE_ROLE",
    "NAVIGATION",
    "RATIONALE",
    "ROLES",
    "RULE",
    "ends_with_example_lead",
    "fragment_reason",
    "is_speaker_table",
    "opens_examples",
    "parse_role",
    "patterns",
    "text_role",
]
