"""A label, code or scale point defined by what it is for, stated with no modal and no "means".

Decks define their labels in tables and again in prose, and the prose is where a second file changes a definition:
"FRAG is for a recognisable object that has broken apart", "Not Present is the flag for a box the claimant left
empty", "Cannot judge is reserved for three situations", "Severity 1 covers damage that gets in a driver's way",
"A Tone score of 3 goes to hints that are warm", "An OM tag marks a material fact missing from the summary". Each is a
definition rule (kind "definition"), so the label checks compare it with the table and with the examples. The subject
must be a label: a scale point, a code, a bracketed tag, a name followed by "tag" or "flag", a label of the
document's inventory, or, with the unambiguous verbs ("is for", "is reserved for", "is the flag for"), a capitalised
name that is not a determiner, a pronoun or a part of the deck ("This section is for ..." is not one).

The words are data (``data/rules.toml`` [label_purpose]).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .context import Detection, DocContext
from .label_spotting import LABEL_CODE
from .lexicon import lexicon

_LEAD = r"^\s*(?:A:\s*|[-*•]\s*)?"
_CODE = re.compile(rf"^{LABEL_CODE}$")
_KINDS = frozenset(("tag", "label", "flag", "code", "category", "rating", "score", "option"))
_EVIDENT = re.compile(r"\d|\[|\b(?:tag|label|flag|code|category|option)$", re.I)


@lru_cache(maxsize=1)
def _words() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    d = lexicon().data["label_purpose"]
    form = re.compile(rf"{_LEAD}(?P<label>{d['label']})\s+(?P<verb>{d['verb']})\b")
    plain = re.compile(rf"^(?:also\s+|only\s+)?(?:{d['plain_verbs']})", re.I)
    return form, plain, frozenset(d["not_labels"])


def _name(label: str) -> str:
    """The label's name without its article and the word that says it is a label ("An OM tag" -> "OM")."""
    words = label.split()
    if words and words[0].lower() in ("a", "an", "the"):
        words = words[1:]
    if len(words) > 1 and words[-1].lower() in _KINDS:
        words = words[:-1]
    return re.sub(r"\s*\([^)]*\)$", "", " ".join(words))


def _is_label(label: str, verb: str, ctx: DocContext) -> bool:
    """Whether the subject names a label (see the module docstring)."""
    _, plain, not_labels = _words()
    name = _name(label)
    if not name or name.split()[0].lower() in not_labels:
        return False
    if _EVIDENT.search(label.strip()) or (len(name) >= 2 and _CODE.match(name.replace(" ", "_"))):
        return True
    if name.lower() in {x.lower() for x in ctx.labels}:
        return True
    return not plain.match(verb)  # "covers" and "marks" need a name the deck shows to be a label


def label_purpose(sent, covered: set[int], ctx: DocContext) -> Detection | None:
    """The definition a sentence gives a label by its purpose, or None."""
    text = sent.text
    m = _words()[0].match(text)
    if m is None or not _is_label(m.group("label"), m.group("verb"), ctx):
        return None
    at = sent.start_char + m.start("verb")
    verb = next((t for t in sent if t.idx >= at and t.i not in covered), None)
    if verb is None:
        return None
    negated = bool(re.search(r"\bnot\b", m.group("verb")))
    return Detection("definition", None, negated, "label purpose", verb, False)


__all__ = ["label_purpose"]
