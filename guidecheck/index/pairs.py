"""Candidate rule pairs: top-k cosine neighbours by blocked matrix products, plus pairs sharing a blocking key.

Never a Python loop over all pairs: similarities are computed a block of rows at a time and only the top-k per
row above the threshold survive (numpy argpartition); blocking keys (same object head, label value, numeric
attribute, defined term, capitalised name) add pairs the embeddings miss, e.g. "at least 50 words" / "under 40 words", and an
act reserved to a group is paired with every rule that names it (``reserved.py``). Pairs are formed within and
across the documents of one project alike, and never across projects (``projects.py``): a rule's neighbours
and group places are taken among the rules it may be compared with, so a deck's pairs do not depend on which
other decks share the run.

The exact product grows with n²: from ANN_MIN_RULES rules on, the neighbours come from an HNSW index
(usearch, ``ann.py``) instead, built single-threaded so the same rules give the same pairs.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from ..cache import Cache, code_version, key
from ..model import Rule
from .projects import Scopes
from .reserved import reserved_act_pairs

ROW_BLOCK = 1024
# At 10k rules the exact top-k takes about as long as building and querying an HNSW index; it grows with n².
ANN_MIN_RULES = 10_000
# Blocking-key groups larger than this pair each member only with its GROUP_TOP most similar members whose
# cosine is at least GROUP_FLOOR (vectorised): a key shared by hundreds of rules must not add n² pairs.
MAX_GROUP = 40
GROUP_TOP = 4
GROUP_FLOOR = 0.3
# Object heads too generic to block on: every rule has one of them.
GENERIC_HEADS = frozenset(
    {
        "it",
        "this",
        "that",
        "they",
        "them",
        "one",
        "thing",
        "item",
        "case",
        "rule",
        "way",
        "time",
        "something",
        "anything",
        "everything",
        "none",
        "all",
        "each",
        "other",
        "|",
    }
)
_WORD = re.compile(r"[a-z][a-z0-9_-]*")
# A capitalised name inside a sentence ("tick Escalation needed", "leave Factual Accuracy blank"): a label or flag
# the deck names, which two rules can share while the extractor spots it as a label in only one of them.
_NAME = re.compile(r"(?<=[a-z0-9,;)] )[A-Z][\w-]{2,}(?: [A-Z][\w-]*){0,2}")


@dataclass
class Pair:
    a: int  # index into Index.rules, a < b
    b: int
    similarity: float
    reasons: list[str] = field(default_factory=list)  # "embedding", "object:response", "label:2", ...


def _head(phrase: str | None) -> str | None:
    """Last word of a noun phrase, singular: 'the entity spans' -> 'entity span' head 'span'."""
    words = _WORD.findall((phrase or "").lower())
    if not words:
        return None
    head = words[-1]
    if len(head) > 3 and head.endswith("s") and not head.endswith("ss"):
        head = head[:-1]
    return None if head in GENERIC_HEADS or head.isdigit() else head


def _list_after(intro: str) -> re.Pattern[str]:
    """A list of examples after one of ``intro``'s words, up to the clause it sits in ("such as photos or PDFs")."""
    return re.compile(
        rf"\b(?:{intro})\s+([^;:.()]{{2,60}}?)"
        r"(?=,\s*(?:even|when|if|unless|because|since|as|so|but|which|who|where|while|though|although)\b|[;:.()]|$)",
        re.I,
    )


_WHETHER = r"whether\s+(?:it\s+is|they\s+are|it's)"
# The examples a rule gives of its object; "like" is left out here, where one member is enough to meet a head.
_SUCH_AS = _list_after(rf"such\s+as|including|e\.g\.,?|{_WHETHER}")


def _listed_heads(listed: str) -> set[str]:
    """The heads of the members of one list ("photos, PDFs or scans" -> photo, pdf, scan)."""
    return {h for part in re.split(r",|\bor\b|\band\b", listed) if (h := _head(part))}


def _members(text: str) -> set[str]:
    """The heads of the examples a rule gives of its object ("such as photos or PDFs" -> photo, pdf)."""
    return set().union(*(_listed_heads(m.group(1)) for m in _SUCH_AS.finditer(text)))


# Any list of examples, "like" and "whether it is" included: two rules that name two of the same members ("Filler
# words such as um, uh and er" / "hesitation sounds like um or uh") speak of one class, whatever its name.
MEMBER_LIST = _list_after(rf"such\s+as|like|including|e\.g\.,?|{_WHETHER}")
MAX_MEMBERS = 6  # a longer list is a catalogue, not a class named by its members


def _member_pairs(text: str) -> list[str]:
    """Keys for every two members of one list of examples, so that two rules sharing two members meet."""
    keys = []
    for m in MEMBER_LIST.finditer(text):
        heads = sorted(_listed_heads(m.group(1)))
        if 2 <= len(heads) <= MAX_MEMBERS:
            keys.extend(f"members:{a}+{b}" for i, a in enumerate(heads) for b in heads[i + 1 :])
    return keys


def blocking_keys(rule: Rule) -> list[str]:
    keys = []
    head = _head(rule.object)
    if head and rule.kind != "rubric":
        keys.append(f"object:{head}")
        # "Do not open attachments such as photos or PDFs" is about photos too: it meets "open attached photos"
        keys.extend(f"object:{h}" for h in _members(rule.text) if h != head)
    if rule.kind != "rubric":
        keys.extend(_member_pairs(rule.text))
    if head and rule.kind != "rubric" and (mod := object_modifier(rule)):
        keys.append(f"modifier:{mod}")  # "the full-resolution image" / "the full-resolution file": one thing
    for label in rule.labels:
        norm = " ".join(_WORD.findall(label.lower())) or label.strip().lower()
        if norm:
            keys.append(f"label:{norm}")
    for q in rule.quantities:
        keys.append(f"quantity:{q.attribute}")
    for m in _NAME.finditer(rule.text):
        keys.append(f"name:{m.group(0).lower()}")
    if rule.kind == "definition" and head:
        keys.append(f"term:{head}")
    return sorted(set(keys))


def object_modifier(rule: Rule) -> str | None:
    """The hyphenated modifier right before the head of the rule's object ("full-resolution" of "open the
    full-resolution file"; the parser splits it, so the object reads "resolution file"): two rules whose objects
    carry it name one thing by two words ("image" / "file"). A blocking key here, and one thing to the act readings."""
    words = (rule.object or "").split()
    m = re.search(rf"\b([a-z]+(?:-[a-z]+)+)\s+{re.escape(words[-1])}\b", rule.text, re.I) if words else None
    return m.group(1).lower() if m else None


def top_k_pairs(vectors: np.ndarray, k: int, threshold: float) -> dict[tuple[int, int], float]:
    """Each row's k most similar other rows at or above the threshold, as (a < b) -> cosine."""
    n = vectors.shape[0]
    out: dict[tuple[int, int], float] = {}
    if n < 2 or k < 1:
        return out
    k = min(k, n - 1)
    for start in range(0, n, ROW_BLOCK):
        block = vectors[start : start + ROW_BLOCK] @ vectors.T  # (rows, n)
        rows = np.arange(block.shape[0])
        block[rows, rows + start] = -1.0  # no self pairs
        idx = np.argpartition(-block, k - 1, axis=1)[:, :k]
        sims = np.take_along_axis(block, idx, axis=1)
        r_sel, c_sel = np.nonzero(sims >= threshold)
        rows, cols, vals = r_sel + start, idx[r_sel, c_sel], sims[r_sel, c_sel]
        # (a, b) -> cosine, a < b; a pair found from both ends keeps the value of the later row, as one
        # assignment per hit in row order would (the rows of a block in order: rows < cols first, then the rest)
        low = rows < cols
        out.update(zip(zip(rows[low].tolist(), cols[low].tolist()), vals[low].tolist()))
        out.update(zip(zip(cols[~low].tolist(), rows[~low].tolist()), vals[~low].tolist()))
    return out


def _group_pairs(members: list[int], vectors: np.ndarray) -> list[tuple[int, int, float]]:
    """All pairs of a small group; in a large group each member's GROUP_TOP nearest members above GROUP_FLOOR."""
    idx = np.asarray(members)
    if not len(vectors):
        x, y = np.triu_indices(len(idx), k=1)
        return list(zip(idx[x].tolist(), idx[y].tolist(), [0.0] * len(x)))
    if len(idx) <= MAX_GROUP:
        sub = vectors[idx] @ vectors[idx].T
        x, y = np.triu_indices(len(idx), k=1)
        return list(zip(idx[x].tolist(), idx[y].tolist(), sub[x, y].tolist()))
    out: list[tuple[int, int, float]] = []
    group = vectors[idx]
    for start in range(0, len(idx), ROW_BLOCK):
        block = group[start : start + ROW_BLOCK] @ group.T
        rows = np.arange(block.shape[0])
        block[rows, rows + start] = -1.0
        top = np.argpartition(-block, GROUP_TOP - 1, axis=1)[:, :GROUP_TOP]
        sims = np.take_along_axis(block, top, axis=1)
        r_sel, c_sel = np.nonzero(sims >= GROUP_FLOOR)
        out.extend(
            zip(idx[r_sel + start].tolist(), idx[top[r_sel, c_sel]].tolist(), sims[r_sel, c_sel].tolist())
        )
    return out


def neighbour_pairs(
    vectors: np.ndarray, k: int, threshold: float, ann_min_rules: int = ANN_MIN_RULES
) -> dict[tuple[int, int], float]:
    """Exact top-k below ann_min_rules rules, approximate (HNSW) at or above it."""
    if vectors.shape[0] >= ann_min_rules:
        from .ann import ann_top_k_pairs

        return ann_top_k_pairs(vectors, k, threshold)
    return top_k_pairs(vectors, k, threshold)


def _row_top_k(vectors: np.ndarray, rows: np.ndarray, cols: np.ndarray, k: int, threshold: float) -> set:
    """(a < b) pairs: each row's k most similar columns (itself left out) at or above the threshold, exactly."""
    k = min(k, len(cols) - 1)
    if k < 1 or not len(rows):
        return set()
    where = np.full(vectors.shape[0], -1)
    where[cols] = np.arange(len(cols))
    found: set[tuple[int, int]] = set()
    targets = vectors[cols].T  # gathered once, not once per block of rows
    for start in range(0, len(rows), ROW_BLOCK):
        part = rows[start : start + ROW_BLOCK]
        block = vectors[part] @ targets
        own = where[part]
        block[np.flatnonzero(own >= 0), own[own >= 0]] = -1.0  # no self pairs
        top = np.argpartition(-block, k - 1, axis=1)[:, :k]
        r_sel, c_sel = np.nonzero(np.take_along_axis(block, top, axis=1) >= threshold)
        a, b = part[r_sel], cols[top[r_sel, c_sel]]
        found.update(zip(np.minimum(a, b).tolist(), np.maximum(a, b).tolist()))
    return found


def scoped_neighbour_pairs(
    vectors: np.ndarray, scopes: Scopes, k: int, threshold: float, ann_min_rules: int = ANN_MIN_RULES
) -> set[tuple[int, int]]:
    """Each rule's top-k among the rules of its own project only (``projects.Scopes``): a rule of another
    deck never takes a place in its neighbours, so a deck gets the same pairs alone as beside others."""
    found: set[tuple[int, int]] = set()
    for rows, cols in scopes.groups():
        if len(cols) >= ann_min_rules:
            from .ann import ann_row_pairs

            found |= ann_row_pairs(vectors, rows, cols, k, threshold)
        else:
            found |= _row_top_k(vectors, rows, cols, k, threshold)
    return found


def _scoped_group_pairs(members: list[int], vectors: np.ndarray, cache: Cache | None, scopes: Scopes) -> list:
    """``_group_pairs`` of a blocking group, taken within each project: a member meets only the members its
    project may be compared with, and only they compete for its GROUP_TOP places in a large group."""
    out: list[tuple[int, int, float]] = []
    for mine, meeting in scopes.split(np.asarray(members)):
        sub = meeting.tolist()
        if len(sub) < 2:
            continue
        mine_set = set(mine.tolist())
        for a, b, s in _remembered_group_pairs(sub, vectors, cache):
            # a large group's pairs run from a member to its nearest; a small group's are every pair
            if a in mine_set or (len(sub) <= MAX_GROUP and b in mine_set):
                out.append((a, b, s))
    return out


def _remembered_group_pairs(members: list[int], vectors: np.ndarray, cache: Cache | None) -> list:
    """``_group_pairs`` of a group over MAX_GROUP members, from the cache when a run grouped the same vectors in
    the same order before (a re-check after an edit changes a few groups). The result depends on nothing else,
    so it is the same, value for value."""
    if cache is None or not cache.enabled or len(members) <= MAX_GROUP or not len(vectors):
        return _group_pairs(members, vectors)
    group = np.ascontiguousarray(vectors[np.asarray(members)])
    k = key(
        "group-pairs", code_version(), str(group.dtype), str(group.shape), hashlib.sha256(group).hexdigest()
    )
    stored = cache.get_json("pairs", k)
    if isinstance(stored, list):
        return [(members[pa], members[pb], s) for pa, pb, s in stored]
    found = _group_pairs(members, vectors)
    at = {m: n for n, m in enumerate(members)}
    cache.put_json("pairs", k, [[at[a], at[b], s] for a, b, s in found])
    return found


def _exact_similarities(vectors: np.ndarray, pairs: list[tuple[int, int]]) -> list[float]:
    """Each pair's cosine from its two vectors alone (float64 sum, kept at float32 precision), whichever
    product found it: a pair's value must not depend on the block or group it was found in."""
    if not pairs or not len(vectors):
        return [0.0] * len(pairs)
    ab = np.array(pairs, dtype=np.int64)
    sims = np.einsum("ij,ij->i", vectors[ab[:, 0]], vectors[ab[:, 1]], dtype=np.float64)
    return sims.astype(np.float32).tolist()


def candidate_pairs(
    rules: list[Rule],
    vectors: np.ndarray,
    k: int,
    threshold: float,
    ann_min_rules: int = ANN_MIN_RULES,
    cache: Cache | None = None,
    scopes: Scopes | None = None,
) -> list[Pair]:
    """Neighbours and blocking-key pairs. ``scopes``: which rules may meet (``projects.project_scopes``); when
    some may not, each rule's neighbours and group places are taken among those it may meet only."""
    if scopes is not None and scopes.everyone_meets:
        scopes = None
    if scopes is None:
        found = set(neighbour_pairs(vectors, k, threshold, ann_min_rules))
    else:
        found = scoped_neighbour_pairs(vectors, scopes, k, threshold, ann_min_rules)
    reasons: dict[tuple[int, int], list[str]] = {ab: ["embedding"] for ab in found}
    for ab in reserved_act_pairs(rules, scopes.may_meet if scopes else None):
        reasons.setdefault(ab, ["reserved-act"])
    groups: dict[str, list[int]] = defaultdict(list)
    for i, rule in enumerate(rules):
        for bk in blocking_keys(rule):
            groups[bk].append(i)
    for bk, members in sorted(groups.items()):
        if len(members) < 2:
            continue
        found_in_group = (
            _remembered_group_pairs(members, vectors, cache)
            if scopes is None
            else _scoped_group_pairs(members, vectors, cache, scopes)
        )
        for a, b, _ in found_in_group:
            why = reasons.setdefault((a, b) if a < b else (b, a), [])
            if bk not in why:
                why.append(bk)
    order = sorted(reasons)
    return [Pair(a, b, s, reasons[(a, b)]) for (a, b), s in zip(order, _exact_similarities(vectors, order))]
