"""A worked example that gives, as its reason, the very thing a rule says does not matter (CON008).

"A crash on launch is always Severity 4, no matter how many devices or users are affected" and "Launch crash, but
only one older device model is mentioned, so 3 rather than 4": the rule concedes a consideration ("however clear
the bird is", "whatever its width", "even when the hulls touch") to say that its verdict stands anyway. An example
of the rule's case that weighs that consideration and lands elsewhere breaks the rule. The concession is where a
deck foresees the reasoning of the example that breaks it, so the example must give the conceded word as a reason
and be near the case by rare words and meaning, not name most of the case: the strict test of the other example
readers (``states_condition``) asks for the case's every word, and an example that argues its way out of a rule
seldom restates it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Protocol

from ....model import Rule
from ..deck import same_project
from .claims import Claim, Interval
from .dimension_scores import DimensionJudge, word_rarity
from .example_cases import conceded_words, concession_spans, other_degree, states_what_the_case_denies
from .example_excuses import breaks, excused
from .lexicon import content, data, lexicon, stem
from .relate import Relation
from .text import as_read, name_at, quoted


class _Example(Protocol):
    """What this reader needs of a merged worked example (examples._Example)."""

    claims: list[Claim]
    everything: frozenset[str]
    score: tuple[Claim, Interval, tuple[int, int] | None] | None
    outcomes: list[tuple[Claim, str, tuple[int, int]]]

    @property
    def text(self) -> str: ...


# "the flag is Unsure, not Certain", "Off-Topic rather than ...": a label the rule turns down is not its verdict.
_REFUSED = re.compile(r"(?:\bnot|\bnever|\brather\s+than|\binstead\s+of|\bno\s+longer)\s*[\"“'‘]?$", re.I)

# The word that gives the verdict: what comes before it is the case ("Every LIFT-MAL and LIFT-FALL report is
# escalated": the labels name the reports, they are not the verdict); "Tick Medical Advice whenever ...".
_VERDICT_VERB = re.compile(
    r"\b(?:is|are|be|gets?|receives?|must|should|makes?|caps?|puts?|labell?ed|rated|graded|scored|marked|"
    r"tagged|coded|flagged|tick|mark|label|rate|grade|score|tag|code|set|select|choose|use)\b",
    re.I,
)

# A new clause between the verdict and the concession: "raise the score to 5 when ..., and drop it straight to 1
# if ..., whatever the tag count" concedes the tag count to the second verdict, not the first.
_NEW_CLAUSE = re.compile(r",\s*(?:and|but|or|then)\b|[;:]|\.\s", re.I)

# "S3", "Q-1", "Level 2": a grade on an ordered scale, by its letters and its number.
_GRADE = re.compile(r"^(?P<scale>[A-Za-z]{1,6})[\s-]?(?P<n>\d{1,2})$")
_AT_LEAST = re.compile(r"\bat\s+least\s*$|\bminimum\s+(?:of\s+)?$", re.I)
_OR_ABOVE = re.compile(r"^\s*or\s+(?:above|higher|more|over|worse)\b", re.I)
_AT_MOST = re.compile(r"\b(?:at\s+most|no\s+(?:higher|more)\s+than|capped\s+at|not\s+above)\s*$", re.I)
_OR_BELOW = re.compile(r"^\s*or\s+(?:below|lower|less|under|better)\b", re.I)


class ProjectRarity:
    """How rare each word is among one project's sentences, read once per document: an example weighs the same
    whether its deck is checked alone or beside a hundred others."""

    def __init__(self, claims: list[Claim]):
        self._by_path: dict[str, list[Claim]] = defaultdict(list)
        for c in claims:
            self._by_path[c.rule.path].append(c)
        self._read: dict[str, dict[str, float]] = {}

    def idf(self, rule: Rule) -> dict[str, float]:
        if rule.path not in self._read:
            members = [c for cs in self._by_path.values() if same_project(cs[0].rule, rule) for c in cs]
            self._read[rule.path] = word_rarity(members)
        return self._read[rule.path]


# A rule that concedes a consideration: (its position among the breakable rules, the rule, the conceded words).
Concession = tuple[int, Claim, frozenset[str]]


def conceding(rules: list[Claim]) -> list[Concession]:
    """(position, rule, conceded words) of each rule that gives a verdict and concedes a consideration."""
    out = []
    for i, r in enumerate(rules):
        if r.deontic not in ("O", None) or not (r.score or r.outcomes):
            continue
        if conceded := conceded_words(r.text):
            out.append((i, r, conceded))
    return out


def conceded_clashes(
    e: _Example,
    concessions: list[Concession],
    topics: list[frozenset[str]],
    judge: DimensionJudge,
    rarity: ProjectRarity,
) -> list[tuple[int, float, Relation]]:
    """Clashes with rules whose conceded consideration the example weighs, as (0 for a contradiction, 1 when
    explained away, minus a cover; the relation), when no rule the example covers is broken. The example must still
    be of the rule's case by rare words and meaning (``example_conceded``), though it need not name every word of
    the case. Rarity is read within the project, so that a deck gets the same findings alone or beside others."""
    th = lexicon().thresholds["example_conceded"]
    found: list[tuple[int, float, Relation]] = []
    for i, r, conceded in concessions:
        if not (conceded & e.everything) or not same_project(r.rule, e.claims[0].rule):
            continue
        rel = conceded_clash(e, r, conceded)
        idf = rarity.idf(e.claims[0].rule) if rel else None
        if rel and judge.affinity(r, topics[i], e.claims, e.everything, idf) >= th:
            rel = excused(rel, e, r)
            found.append((0 if rel.code == "CON008" else 1, -0.5, rel))
    return found


def conceded_clash(e: _Example, r: Claim, conceded: frozenset[str]) -> Relation | None:
    """CON008 when the example gives, as its reason, what the rule concedes, and a verdict the rule rules out: a
    score outside the rule's range, or other labels than the rule's."""
    cited = conceded & _reasons(e)
    if not cited or other_degree(e.everything, r.everything) or not _case_labels_named(e, r):
        return None
    if _calls_its_case_the_opposite(e.everything, r.everything):
        return None
    if states_what_the_case_denies(e.text, r):
        return None
    return _score_clash(e, r, cited) or _label_clash(e, r, cited)


# Where an example gives its reasons: "..., because the 0.4 mm width sits in the moderate band", "..., but the
# surface reads beautifully", "Q3, since the clipping is brief", "; the stitches are part of a normal recovery".
_REASON = re.compile(
    r"\b(?:because|since|as|so|but|although|though|given\s+that|despite|in\s+spite\s+of|while|which)\b|[;—–]|\s-\s",
    re.I,
)


def _reasons(e: _Example) -> frozenset[str]:
    """The words of the example's reasons: each sentence's text after its first word of reasoning."""
    return frozenset().union(
        *(content(f.text[m.end() :]) for f in e.claims if (m := _REASON.search(f.text)) is not None)
    )


def _calls_its_case_the_opposite(example: frozenset[str], rule: frozenset[str]) -> bool:
    """The rule's case is "wrong" and the example's "right" or "correct", never "wrong"."""
    pairs = data()["example_concessions"]["case_opposites"]
    return any(
        stem(x) in rule and stem(x) not in example and stem(y) in example
        for a, b in pairs
        for x, y in ((a, b), (b, a))
    )


def _verdict_at(r: Claim) -> int:
    """Where the rule's verdict begins: its first verdict word, else its start."""
    m = _VERDICT_VERB.search(r.text)
    return m.start() if m else 0


def _case_labels_named(e: _Example, r: Claim) -> bool:
    """A label in the rule's case ("Whenever Identity Attack applies, ...") is the whole case: the example must
    name it."""
    return all(name_at(e.text, o, re.I) for o, span in r.outcomes if span[1] <= _verdict_at(r))


def _conceded_to(r: Claim, span: tuple[int, int]) -> bool:
    """The concession belongs to the clause of the verdict at ``span``: no new clause stands between them."""
    for concession in concession_spans(r.text):
        a, b = sorted((span, concession))
        if not _NEW_CLAUSE.search(r.text[a[1] : b[0]]):
            return True
    return False


def _score_clash(e: _Example, r: Claim, cited: frozenset[str]) -> Relation | None:
    """The example's score is outside the range the rule gives its case whatever the conceded thing is."""
    if not (e.score and r.score and r.score_span and e.score[1].disjoint(r.score)):
        return None
    if not _conceded_to(r, r.score_span):
        return None
    ef, iv, span = e.score
    why = (
        f"The example {quoted(e.text)} gives {iv.describe()} on account of {_words(cited, e)}, but "
        f"{quoted(as_read(r.rule))} requires {r.score.describe()} for this case, {_concession(r)}."
    )
    return breaks(r, ef, 0.75, why, r.score_span, span)


def _label_clash(e: _Example, r: Claim, cited: frozenset[str]) -> Relation | None:
    """The example gives labels, none of them the one the rule requires, and never names the rule's label; a
    grade ("at least S3") is met by any grade of its scale within its bound ("S4")."""
    at = _verdict_at(r)
    required = [
        (o, span)
        for o, span in r.outcomes
        if span[0] >= at
        and not o.replace(".", "").isdigit()
        and not _REFUSED.search(r.text[: span[0]])
        and _conceded_to(r, span)
    ]
    if not (required and e.outcomes) or r.deontic != "O":
        return None
    if any(name_at(e.text, o, re.I) for o, _ in required):
        return None  # the example decides the rule's own label ("..., so it is not Level 3")
    given = _graded_against(e, r, required[0])
    if given is False:
        return None
    ef, label, span = given or e.outcomes[0]
    why = (
        f"The example {quoted(e.text)} is labeled {label} on account of {_words(cited, e)}, but "
        f"{quoted(as_read(r.rule))} requires {required[0][0]} for this case, {_concession(r)}."
    )
    return breaks(r, ef, 0.7, why, required[0][1], span)


def _graded_against(e: _Example, r: Claim, required: tuple[str, tuple[int, int]]):
    """For a required grade ("S3"): the example's grade of that scale when it breaks the bound, False when the
    example gives none that does (a grade of another scale is not this verdict), None for a named label."""
    want = _GRADE.match(required[0])
    if want is None:
        return None
    lo = hi = int(want.group("n"))
    before, after = r.text[: required[1][0]], r.text[required[1][1] :]
    if _AT_LEAST.search(before) or _OR_ABOVE.match(after):
        hi = 99
    elif _AT_MOST.search(before) or _OR_BELOW.match(after):
        lo = -1
    for f, label, span in e.outcomes:
        got = _GRADE.match(label)
        if got and got.group("scale").lower() == want.group("scale").lower():
            return (f, label, span) if not lo <= int(got.group("n")) <= hi else False
    return False


def _words(cited: frozenset[str], e: _Example) -> str:
    """The conceded words the example weighs, as the example writes them."""
    said = dict.fromkeys(w for w in re.findall(r"[A-Za-z][\w'-]*", e.text) if stem(w.lower()) in cited)
    return ", ".join(f"“{w}”" for w in said) or ", ".join(sorted(cited))


def _concession(r: Claim) -> str:
    """The rule's words that set the consideration aside ("however fluent the rest of the answer is")."""
    spans = concession_spans(r.text)
    if not spans:
        return "whatever else holds"
    return f"“{r.text[slice(*spans[0])].strip(' ,;(–—')}”"


__all__ = ["Concession", "ProjectRarity", "conceded_clash", "conceded_clashes", "conceding"]
