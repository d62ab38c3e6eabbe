"""The same act of the same addressee, however the two rules word it.

Two rules compare one act when they bind one addressee (``addressee``: "you", "annotators" and the imperative are
one reader; "either party" is every named party) and name one act: the same verb after synonyms and light verbs,
or an act that forbids every change ("never touch", "keep the original") against one that changes the thing.
A ban counts against an obligation only when it bans the act itself, not one way of doing it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ....index.pairs import MEMBER_LIST, object_modifier
from ....rules.lexicon import lexicon as rules_lexicon
from .addressee import LEADING_LABEL, addressee
from .claims import Claim
from .lexicon import content, lexicon, stem


@lru_cache(maxsize=1)
def party_nouns() -> frozenset[str]:
    """The named parties of an agreement ("supplier", "licensee", ...), asked for on every candidate pair."""
    return frozenset(rules_lexicon().words["party_nouns"])


def same_act(fa: Claim, fb: Claim) -> bool:
    """The same actor doing the same act (objects may be named differently). The actor is the addressee ("you",
    "annotators" and the imperative are one reader). "Either / neither / each party" is every named party of the
    agreement ("Neither party may assign ..." / "The Vendor is entitled to assign ...")."""
    a, b = addressee(fa), addressee(fb)
    same_actor = a == b or ("party" in (a, b) and {a, b} - {"party"} <= party_nouns())
    return bool(fa.action and (fa.action == fb.action or _change_forbidden(fa, fb)) and same_actor)


def general_ban(fa: Claim, fb: Claim) -> bool:
    """The rule of negative force bans the act itself, not one way of doing it: its main clause adds at most one
    word of its own to the act and its object ("Don't translate idioms; keep them ...", "should not name sources
    or organizations, because ..."). "Never draw one box around several pedestrians" bans one way of drawing a
    box, which "Draw the box tight" does not ask for: in an annotation deck an act and its object alone are the
    task itself."""
    keeping = keeps_as_is(fa, fb)
    neg, other = (fa, fb) if fa.deontic in ("F", "N") or keeping is fa else (fb, fa)
    text = lexicon().absolute.sub(
        " ", LEADING_LABEL.sub("", neg.text, count=1)
    )  # "for any reason whatsoever"
    main = _MAIN_CLAUSE.split(text, maxsplit=1)[0]
    verb = neg.rule.action or ""
    at = re.search(rf"\b{re.escape(verb[:4])}\w*", main, re.I) if len(verb) >= 2 else None
    predicate = (
        main[at.end() :] if at else main
    )  # the subject ("The assistant's answers") is no way of acting
    predicate = _SUCH_AS.sub(
        " ", predicate
    )  # "hesitation sounds like um or uh": the members name the thing banned
    extra = (
        content(predicate) - {neg.action, stem(verb), neg.object_head} - other.core - lexicon().relax_words
    )
    return len(extra) <= 1


def members_meet(fa: Claim, fb: Claim) -> bool:
    """One rule's object is a member the other names for its own: "always open attached photos" / "Do not open
    attachments such as photos or PDFs"; or both objects carry one compound modifier: "open the full-resolution
    image" / "should not open the full-resolution file" name one thing by two container words."""
    if any(x.object_head in _members(y.text) for x, y in ((fa, fb), (fb, fa)) if x.object_head):
        return True
    ea, eb = _members(fa.text), _members(fb.text)
    if len(ea & eb) >= 2:
        return True  # "Filler words such as um, uh and er" / "hesitation sounds like um or uh": one class by its members
    ma, mb = object_modifier(fa.rule), object_modifier(fb.rule)
    return ma is not None and ma == mb


def _members(text: str) -> frozenset[str]:
    """The words of the examples a sentence gives of a thing ("such as photos or PDFs", "including PDFs")."""
    return frozenset().union(*(content(m.group(1)) for m in _SUCH_AS.finditer(text)))


_SUCH_AS = MEMBER_LIST  # "such as", "like", "including", "e.g.", "whether it is": a list of examples


# (A label that opens the sentence, "The casing rule: never touch ...", is not its main clause.)
# Where a rule's main clause ends: punctuation, or a clause of reason, purpose, condition or exception.
_MAIN_CLAUSE = re.compile(r"[;:,(]|\b(?:because|since|as|so|unless|except|when|whenever|if)\b", re.I)


def objects_meet_both_ways(fa: Claim, fb: Claim) -> bool:
    """Each rule's object is named in the other ("sounds" / "laughter" both ways): one thing, worded apart."""
    return bool(fa.object_head and fb.object_head and fa.object_head in fb.core and fb.object_head in fa.core)


def _change_forbidden(fa: Claim, fb: Claim) -> bool:
    """One rule forbids any change ("never touch punctuation", "keep the original units"), the other asks for one
    ("always fix it", "convert every unit")."""
    lex = lexicon()
    for f, g in ((fa, fb), (fb, fa)):
        forbids = (f.deontic == "F" and f.action in lex.change_any) or _keeps(f)
        if forbids and g.deontic in ("O", "P") and g.action in lex.change_acts:
            return True
    return False


def _keeps(f: Claim) -> bool:
    return f.deontic == "O" and f.action == "retain" and bool(_AS_IS.search(f.text))


def keeps_as_is(fa: Claim, fb: Claim) -> Claim | None:
    """The rule that keeps a thing as it stands when the other changes it: an obligation that forbids."""
    keep = fa if _keeps(fa) else fb if _keeps(fb) else None
    return keep if keep is not None and _change_forbidden(fa, fb) else None


# "Keep the original units", "leave the wording as is": keeping a thing as it stands forbids changing it.
_AS_IS = re.compile(r"\b(?:original|as is|as it is|unchanged|intact|verbatim|as written|untouched)\b", re.I)


__all__ = ["general_ban", "keeps_as_is", "members_meet", "objects_meet_both_ways", "party_nouns", "same_act"]
