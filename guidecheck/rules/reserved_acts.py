"""A reservation stated as a fact about who does an act, with no modal verb: "Marking a thread as Unsummarisable is
reserved for QA leads", "Appeals are decided only by senior reviewers", "Marking an image UNUSABLE is a reviewer
decision". The parser often fails on these ("as Unsummarisable is reserved" read as a clause of its own), so they
are read by their words; each still says who may do what, which is a rule. The forms are the ones the CON011 reader
compares (``data/contradictions.toml`` [restriction]); the group must name people ("Severity 3 is reserved for the
Remove action" reserves a score to an action and gives no one an act)."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import tomllib

_FORMS = ("reserved", "reserved_thing", "reserved_by", "reserved_call")
_CASELESS = frozenset({"reserved"})  # "Changing ..." / "changing ..."; a thing's name is capitalised


@lru_cache(maxsize=1)
def _restriction() -> dict:
    data = resources.files("guidecheck").joinpath("data/contradictions.toml").read_text("utf-8")
    return tomllib.loads(data)["restriction"]


@lru_cache(maxsize=1)
def reservation_forms() -> dict[str, re.Pattern[str]]:
    """Each form of a reservation stated of the act or the thing, by its name in the data."""
    d = _restriction()
    return {name: re.compile(d[name], re.I if name in _CASELESS else 0) for name in _FORMS}


@lru_cache(maxsize=1)
def _people() -> frozenset[str]:
    d = _restriction()
    return frozenset(w.lower() for w in d["roles"] + d["people"])


def names_people(group: str) -> bool:
    """A group of people ("QA leads", "a reviewer"), singular or plural, not a thing ("the Remove action")."""
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", group)}
    return bool(words & _people() or {w[:-1] for w in words if w.endswith("s")} & _people())


def read_reservation(text: str) -> re.Match[str] | None:
    """The match of the first reservation form the text is written in, when its group names people."""
    for rx in reservation_forms().values():
        m = rx.match(text)
        if m is not None and names_people(m.group("group")):
            return m
    return None


def participle_base(act: str) -> str:
    """The verb of a passive reservation's participle ("made" -> make); a regular one stays as written (the readers
    compare stems, and "decided" and "decide" share one)."""
    return _restriction()["participles"].get(act.lower(), act.lower())
