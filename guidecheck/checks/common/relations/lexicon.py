"""Word lists and patterns of data/contradictions.toml, compiled once, plus the tokeniser the relation claims share.

Two lists come from other data files, where they are shared: the force cues (prohibit, oblige, permit) from
data/modality.toml, and the score-column header of rubric tables from data/labels.toml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import tomllib

from ....force_words import force_words

_WORD = re.compile(r"[a-z][a-z'’-]*[a-z]|[a-z]")


@lru_cache(maxsize=1)
def data() -> dict[str, Any]:
    return tomllib.loads(
        resources.files("guidecheck").joinpath("data/contradictions.toml").read_text("utf-8")
    )


@lru_cache(maxsize=1)
def scale_words() -> str:
    """The words a score is named by ("severity 2", "Quality 2"), as a regex alternation ([score_words])."""
    return "|".join(map(re.escape, data()["score_words"]["scale_words"]))


@lru_cache(maxsize=1)
def _score_header() -> re.Pattern[str]:
    """The score-column header of a rubric table: the label inventory's (labels.toml), so a column that names the
    scores for the labels check names them for the scale and alias relations too."""
    labels = tomllib.loads(resources.files("guidecheck").joinpath("data/labels.toml").read_text("utf-8"))
    return re.compile("|".join(f"(?:{p})" for p in labels["inventory"]["score_headers"]), re.I)


def phrase_pattern(phrases: list[str]) -> re.Pattern[str]:
    """Alternation of phrases, longest first, on word boundaries."""
    alts = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’])(?:{alts})(?![\w'’])", re.I)


@dataclass(frozen=True)
class Lexicon:
    thresholds: dict[str, float]
    stop: frozenset[str]
    relax: re.Pattern[str]
    relax_words: frozenset[str]
    light_verbs: frozenset[str]
    opposites: tuple[tuple[str, str], ...]
    case_opposites: tuple[tuple[str, str], ...]  # stems of degrees that name two cases: "minor" / "major"
    act_of: dict[str, str]  # stemmed verb -> the stem its synonym group is named by
    change_any: frozenset[str]  # stems of acts that forbid any change when forbidden ("never touch")
    change_acts: frozenset[str]  # stems of acts that change their object
    ignore_acts: frozenset[str]  # stems of acts that forbid every other act on their object
    opposite_acts: frozenset[frozenset[str]]  # pairs of act stems (synonyms folded) that exclude each other
    quantity_filler: frozenset[str]
    quantity_scope: re.Pattern[str]
    prohibit: re.Pattern[str]
    oblige: re.Pattern[str]
    permit: re.Pattern[str]
    terminal: frozenset[str]
    penalty: re.Pattern[str]
    override_text: tuple[re.Pattern[str], ...]
    condition_clause: re.Pattern[str]
    exception_clause: re.Pattern[str]
    absolute: re.Pattern[str]
    priority: tuple[re.Pattern[str], ...]
    priority_gate: re.Pattern[str]
    definition_gate: re.Pattern[str]
    conflict_clauses: tuple[re.Pattern[str], ...]
    definition: tuple[re.Pattern[str], ...]
    scale: tuple[re.Pattern[str], ...]
    usage: tuple[re.Pattern[str], ...]
    bounds: tuple[re.Pattern[str], ...]
    names: tuple[re.Pattern[str], ...]
    upper: re.Pattern[str]
    lower: re.Pattern[str]
    score_header: re.Pattern[str]
    label_header: re.Pattern[str]
    index_header: re.Pattern[str]
    left_undone: re.Pattern[str]  # "leave X untagged": group "v" is the act left undone


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    d = data()
    w = d["words"]
    act_of = {stem(v): stem(group[0]) for group in w["act_synonyms"] for v in group}
    comp = lambda xs: tuple(re.compile(x, re.I) for x in xs)  # noqa: E731
    return Lexicon(
        thresholds={k: float(v) for k, v in d["thresholds"].items()},
        stop=frozenset(w["stop"]),
        relax=phrase_pattern(w["relax"]),
        relax_words=frozenset(w["relax_words"]),
        light_verbs=frozenset(w["light_verbs"]),
        opposites=tuple((stem(a), stem(b)) for a, b in w["opposites"]),
        case_opposites=tuple((stem(a), stem(b)) for a, b in w["case_opposites"]),
        act_of=act_of,
        change_any=frozenset(stem(x) for x in w["change_any"]),
        change_acts=frozenset(stem(x) for x in w["change_acts"])
        | frozenset(stem(x) for x in w["change_any"]),
        ignore_acts=frozenset(stem(x) for x in w["ignore_acts"]),
        opposite_acts=frozenset(
            frozenset(act_of.get(stem(x), stem(x)) for x in pair) for pair in w["opposite_acts"]
        ),
        quantity_filler=frozenset(stem(x) for x in w["quantity_filler"]),
        quantity_scope=re.compile(w["quantity_scope"], re.I),
        prohibit=phrase_pattern(list(force_words("cue", "prohibit"))),
        oblige=phrase_pattern(list(force_words("cue", "oblige"))),
        permit=phrase_pattern(list(force_words("cue", "permit"))),
        terminal=frozenset(w["terminal_actions"]),
        penalty=phrase_pattern(w["penalty"]),
        override_text=comp(d["override"]["text"]),
        condition_clause=re.compile(d["clauses"]["condition"], re.I),
        exception_clause=re.compile(d["clauses"]["exception"], re.I),
        absolute=re.compile(d["clauses"]["absolute"], re.I),
        priority=comp(d["priority"]["patterns"]),
        priority_gate=re.compile(d["priority"]["gate"], re.I),
        definition_gate=re.compile(d["definition"]["gate"], re.I),
        conflict_clauses=comp(d["priority"]["conflict_clauses"]),
        definition=comp(d["definition"]["patterns"]),
        scale=comp(d["scale"]["patterns"]),
        usage=comp(d["scale"]["usage"]),
        bounds=tuple(re.compile(x) for x in d["scale"]["bounds"]),
        names=tuple(re.compile(x) for x in d["scale"]["names"]),
        upper=phrase_pattern(d["scale"]["upper"]),
        lower=phrase_pattern(d["scale"]["lower"]),
        score_header=_score_header(),
        label_header=re.compile(d["scale"]["label_header"], re.I),
        index_header=re.compile(d["scale"]["index_header"], re.I),
        left_undone=re.compile(d["left_undone"]["pattern"], re.I),
    )


@lru_cache(maxsize=1)
def _irregular() -> dict[str, str]:
    return {form: base for form, base in data()["words"]["irregular_forms"]}


def base_forms(text: str) -> str:
    """The text with each irregular past participle ("sent", "written") put as its verb's base form, for readers
    that compare what two phrases name ("Annotations sent back for fixes" / "If QA sends an annotation back").
    Not folded into ``stem``: "No injuries are shown" must not come to name what "clips that show scars" does."""
    forms = _irregular()
    return re.sub(r"[A-Za-z]+", lambda m: forms.get(m.group(0).lower(), m.group(0)), text)


def act_stem(word_stem: str) -> str:
    """The act a stem names, its noun folded to its verb ("escalation" is "escalat", as "escalated" is; "redaction"
    "redact"): for readers that ask whether a clause does the act another rule names as a thing."""
    return word_stem[:-3] if len(word_stem) > 7 and word_stem.endswith(("tion", "sion")) else word_stem


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Crude, symmetric suffix stripping: enough for 'determiners' ~ 'determiner', 'penalizing' ~ 'penalize'."""
    w = word.strip("'’-").replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 5 and w.endswith("ings"):  # "ratings" ~ "rating" ~ "rate"
        w = w[:-1]
    if len(w) > 4 and w.endswith(("ies", "ied")):  # "applies" ~ "applied" ~ "apply"
        w = w[:-3] + "y"
    elif len(w) > 4 and w.endswith("ing"):
        w = w[:-3]
        w = w[:-1] if len(w) > 2 and w[-1] == w[-2] and w[-1] not in "sl" else w
    elif len(w) > 4 and w.endswith("ed"):
        w = w[:-2]
        w = w[:-1] if len(w) > 2 and w[-1] == w[-2] and w[-1] not in "sl" else w
    elif len(w) > 3 and w.endswith("es") and w[-3] in "sxz":
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    if len(w) > 2 and w.endswith("e"):
        w = w[:-1]
    return w


@lru_cache(maxsize=16384)
def content(text: str, extra_stop: frozenset[str] = frozenset()) -> frozenset[str]:
    """Stemmed content words of a text: stop words, cue words and numbers dropped."""
    stop = lexicon().stop
    out = set()
    for m in _WORD.finditer(text.lower()):
        w = m.group(0)
        if w in stop or w in extra_stop or len(w) < 2:
            continue
        s = stem(w)
        if s and s not in stop:
            out.add(s)
    return frozenset(out)


def word_overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared content words over the smaller side's: 1.0 when one rule's content is all in the other.

    A function of the pair alone, on purpose: weighting words by how common they are in the deck made every
    pair's score depend on every rule, so a one-word edit anywhere changed every verdict (and a deck scored
    differently beside other decks); the pair scorer gained nothing measurable from it."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)
