"""Rule extraction remembered per block, so a re-check after an edit parses only the blocks that changed.

Extraction of a block reads three things besides the block itself: what the whole document tells every block
(its label inventory and lead-in texts, ``DocContext``), the FAQ question the block before it left open, and the
lead-in its items inherit (``DocContext.lead_ins``). A block's rules are therefore a function of its content key
(the block as read: text, kind, section, location, lead-in, cells, meta, plus the document-wide context) and of
that incoming state. Next to each document's rules entry, a table per document path records, for the last
version seen at that path, every block's content key, its slice of the rules, the state it read and the state it
left. When the document changes, a block whose key and incoming state are unchanged gives its rules back without
spaCy; only the others are parsed (spaCy is not even loaded when none is). Example links are recomputed over the
whole document afterwards (``extract.link_examples``), as on a cold run, so the rules are the ones a cold run
makes (``tests/test_incremental.py`` compares the reports).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..cache import Cache, key
from ..model import Block, Rule, rule_from_dict, to_dict
from .context import DocContext
from .lead_ins import inherits_lead, lead_key


def _dump(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)


def state_in(bi: int, block: Block, ctx: DocContext) -> list:
    """The cross-block state block ``bi`` reads: the question left open just before it, the lead-in it inherits."""
    question = ctx.question if ctx.question_block == bi - 1 else None
    lead = ctx.lead_ins.get(lead_key(block, own=False) or "") if inherits_lead(block) else None
    return [question, lead or {}]


@dataclass
class BlockMemo:
    """The previous version's blocks of one document (``old``) and the table of this version (``table``)."""

    old: dict[str, dict] = field(default_factory=dict)  # content key -> {"rules", "in", "out"}
    table: list[list] = field(
        default_factory=list
    )  # [content key, first rule, end rule, state in, state out]
    doc_context: str = ""
    _count: int = 0

    def keys(self, blocks: list[Block], ctx: DocContext) -> list[str]:
        """Content keys of a document's rule blocks, the document-wide context included."""
        self.doc_context = key("doc-context", _dump(sorted(ctx.labels)), _dump(sorted(ctx.lead_texts)))
        return [key("block", self.doc_context, _dump(to_dict(b))) for b in blocks]

    def knows(self, content_key: str) -> bool:
        return content_key in self.old

    def replay(self, content_key: str, bi: int, block: Block, ctx: DocContext) -> list[Rule] | None:
        """The block's rules from the previous version, when its content and incoming state are the same."""
        entry = self.old.get(content_key)
        incoming = state_in(bi, block, ctx)
        if entry is None or _dump(entry["in"]) != _dump(incoming):
            return None
        question, leads = entry["out"]
        if question is not None:
            ctx.question, ctx.question_block = question, bi
        ctx.lead_ins.update(leads)
        rules = [rule_from_dict(d) for d in entry["rules"]]
        for rule in rules:
            rule.example_of = None  # link_examples sets it again over the whole document
        self._note(content_key, len(rules), incoming, entry["out"])
        return rules

    def extract(
        self, content_key: str, bi: int, block: Block, ctx: DocContext, run: Callable[[], list[Rule]]
    ) -> list[Rule]:
        """Run extraction for one block and note the state it read and left."""
        incoming = state_in(bi, block, ctx)
        before = dict(ctx.lead_ins)
        rules = run()
        leads = {k: v for k, v in ctx.lead_ins.items() if before.get(k) is not v}
        question = ctx.question if ctx.question_block == bi else None
        self._note(content_key, len(rules), incoming, [question, leads])
        return rules

    def _note(self, content_key: str, n: int, incoming: list, out: list) -> None:
        self.table.append([content_key, self._count, self._count + n, incoming, out])
        self._count += n


def _table_key(path: str, version: str, models: str) -> str:
    return key("rule-blocks", version, path, models)


def previous(cache: Cache, path: str, version: str, models: str) -> BlockMemo:
    """The blocks of the last version of ``path`` this cache has seen (an empty memo when there is none)."""
    memo = BlockMemo()
    table = cache.get_json("rules", _table_key(path, version, models))
    rules = cache.get_json("rules", table["entry"]) if isinstance(table, dict) else None
    if not isinstance(rules, list):
        return memo
    for content_key, start, end, incoming, out in table["blocks"]:
        if 0 <= start <= end <= len(rules):  # a table that does not fit its entry is not read
            memo.old[content_key] = {"rules": rules[start:end], "in": incoming, "out": out}
    return memo


def save(cache: Cache, memo: BlockMemo, path: str, version: str, models: str, entry: str) -> None:
    """Record this version's block table for ``path``; ``entry`` is the key its rules were stored under."""
    cache.put_json("rules", _table_key(path, version, models), {"entry": entry, "blocks": memo.table})


__all__ = ["BlockMemo", "previous", "save", "state_in"]
