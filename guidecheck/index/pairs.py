"""Candidate rule pairs: top-k cosine neighbours by blocked matrix products, plus pairs sharing a blocking key.

Never a Python loop over all pairs: similarities are computed a block of rows at a time and only the top-k per
row above the threshold survive (numpy argpartition); blocking keys (same object head, label value, numeric
attribute, defined term, capitalised name) add pairs the embeddings miss, e.g. "at least 50 words" / "under 40 words", and an
act reserved to a group is paired with every rule that names it (``reserved.py``). Pairs are formed within and
across documents alike.

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


def candidate_pairs(
    rules: list[Rule],
    vectors: np.ndarray,
    k: int,
    threshold: float,
    ann_min_rules: int = ANN_MIN_RULES,
    cache: Cache | None = None,
) -> list[Pair]:
    sims = neighbour_pairs(vectors, k, threshold, ann_min_rules)
    pairs: dict[tuple[int, int], Pair] = {ab: Pair(ab[0], ab[1], s, ["embedding"]) for ab, s in sims.items()}
    groups: dict[str, list[int]] = defaultdict(list)
    for i, rule in enumerate(rules):
        for bk in blocking_keys(rule):
            groups[bk].append(i)
    for ab in reserved_act_pairs(rules):
        if ab not in pairs:
            s = float(vectors[ab[0]] @ vectors[ab[1]]) if len(vectors) else 0.0
            pairs[ab] = Pair(ab[0], ab[1], s, ["reserved-act"])
    for bk, members in sorted(groups.items()):
        if len(members) < 2:
            continue
        for a, b, s in _remembered_group_pairs(members, vectors, cache):
            ab = (a, b) if a < b else (b, a)
            if ab in pairs:
                if bk not in pairs[ab].reasons:
                    pairs[ab].reasons.append(bk)
            else:
                pairs[ab] = Pair(ab[0], ab[1], float(s), [bk])
    return [pairs[ab] for ab in sorted(pairs)]
