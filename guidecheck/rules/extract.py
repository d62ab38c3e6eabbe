"""Run spaCy over every rule-bearing block (one nlp.pipe pass per document) and build rule frames.

Rules of a document are cached by its content digest, the spaCy model and this stage's version, so a warm re-run
never imports spaCy at all. Document-level meaning is applied here: the label inventory (rubric tables and lines),
list lead-ins ("Do not:", "When a span is ambiguous:"), FAQ questions as context, and example -> rule links.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..cache import Cache, key
from ..config import Config
from ..model import Block, Document, Rule, rule_from_dict, to_dict
from . import block_memo
from .block_memo import BlockMemo
from .context import DocContext
from .segment import SKIP_KINDS, Unit, rule_blocks, rule_cell, whole_block

# Bump when extraction changes what it produces: old cache entries then stop matching.
EXTRACTOR_VERSION = "308"
# Blocks per nlp.pipe batch: a batch's rules reach the embedding process only when the whole batch is parsed, so
# the last batch is encoded while the run waits; 64 blocks cost 1-3 % more parse time than 256 (same parses).
BATCH_SIZE = 64
# Characters of text per parse batch: parsed Docs are held per batch, so this bounds peak memory.
BATCH_CHARS = 60_000
# Freshly extracted rules are handed on in chunks of this size (the embedding worker starts on them early).
# Small: the worker encodes every request waiting as one set anyway, and with chunks of 256 the last ones
# (up to 255 rules) reached it only when parsing ended, while the index waited for their vectors.
STREAM_CHUNK = 16
# An example illustrates one of the rules shortly before it: how many preceding rules are compared.
EXAMPLE_WINDOW = 60
# Whole-block units whose rule is built from the block text alone: no token of their parse is ever read.
_UNPARSED_WHOLE = frozenset({"table row", "rubric line", "glossary"})
_LOCAL_REF = re.compile(r"^@(\d+)$")
_WORDS = re.compile(r"[a-z][a-z'-]+")

__all__ = ["EXTRACTOR_VERSION", "SKIP_KINDS", "extract_document", "extract_rules", "is_cached"]


def batch_size_for(blocks: list[Block]) -> int:
    """Blocks per nlp.pipe batch, so one batch holds about BATCH_CHARS characters of parsed text (bounded memory
    on huge blocks, full batches on short list items)."""
    if not blocks:
        return BATCH_SIZE
    avg = max(1, sum(len(b.text) for b in blocks) // len(blocks))
    return max(4, min(BATCH_SIZE, BATCH_CHARS // avg))


def _doc_key(doc: Document, config: Config) -> str:
    """The document's bytes name its rules when it was read cleanly. A read with a warning is named by what was
    read: a time limit can cut a PDF short on a busy machine, and the rules of those first pages must not be
    served for the whole file on the next, complete read."""
    read = (
        doc.digest
        if doc.status == "ok" and not doc.message
        else key("read", doc.digest, *(b.text for b in doc.blocks))
    )
    return key("rules", EXTRACTOR_VERSION, read, doc.path, ",".join(config.spacy_model))


def label_inventory(blocks: list[Block]) -> set[str]:
    """Labels a document defines: label/score cells of rubric tables, names in rubric lines, label definition items."""
    from .block_frames import label_item_labels
    from .label_spotting import header_role, row_labels, rubric_line_labels

    out: set[str] = set()
    for b in blocks:
        why = whole_block(b) if b.kind not in SKIP_KINDS else None
        if (why == "table row" or rule_cell(b)) and header_role(b) == "rubric":  # topics stay in, as before
            out.update(row_labels(b))
        elif why == "rubric line":
            out.update(rubric_line_labels(b.text.strip())[1:])
        elif why == "label definition":
            out.update(label_item_labels(b))
    return {label for label in out if label and not label[0].isdigit() and len(label) > 1}


def _content_words(rule: Rule) -> set[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    words = {w for w in _WORDS.findall(rule.text.lower()) if w not in STOP_WORDS and len(w) > 2}
    return words | {f"label:{label.lower()}" for label in rule.labels}


def link_examples(rules: list[Rule], min_overlap: float, block_of: list[int] | None = None) -> None:
    """example_of = '@index' of the rule an example block illustrates; resolved to an id later.

    All sentences of one example block ("Example: '...'" + "This is Borderline.") are compared together and get
    the same link: the preceding rule (same section preferred, nearer wins ties) with the most content words
    and labels in common; a shared label counts most, since examples exist to show a verdict.
    """
    block_of = block_of if block_of is not None else list(range(len(rules)))
    words = [_content_words(r) for r in rules]
    groups: dict[int, list[int]] = {}
    for i, rule in enumerate(rules):
        if rule.is_example:
            groups.setdefault(block_of[i], []).append(i)
    for members in groups.values():
        first = members[0]
        ex_words = set().union(*(words[i] for i in members))
        ex_labels = {w for w in ex_words if w.startswith("label:")}
        section = rules[first].section
        best, best_score = None, min_overlap
        for j in range(first - 1, max(-1, first - 1 - EXAMPLE_WINDOW), -1):
            cand = rules[j]
            if cand.is_example:
                continue
            union = ex_words | words[j]
            score = len(ex_words & words[j]) / len(union) if union else 0.0
            shared = len(ex_labels & words[j])
            score += 0.3 * shared + (0.1 if shared and cand.kind in ("rubric", "definition") else 0.0)
            if cand.section == section:
                score += 0.05
            elif cand.section[:1] != section[:1]:
                continue
            score -= 0.002 * (first - j)  # nearer wins a tie
            if score > best_score:
                best, best_score = j, score
        for i in members:
            rules[i].example_of = f"@{best}" if best is not None else None


def extract_document(nlp, doc: Document, on_rules=None) -> list[Rule]:
    """All rule frames of one document, in reading order (ids are set by extract_rules)."""
    return extract_blocks(lambda: nlp, doc, on_rules, BlockMemo())


def needs_parse(block: Block) -> bool:
    """False for blocks whose rules read nothing of the parse, so spaCy never sees them: navigation (a TOC entry
    or pointer, never a rule) and blocks that are one rule as a whole (table rows, rubric lines, glossary items).
    A blank parse text still goes through spaCy: it yields no sentence, hence no rule."""
    from .segment import parse_text

    if block.meta.get("navigation"):
        return False
    return whole_block(block) not in _UNPARSED_WHOLE or not parse_text(block).strip()


def _parses(load_nlp: Callable[[], Any], blocks: list[Block]) -> Iterator[Any]:
    """spaCy Docs of ``blocks``, one nlp.pipe pass, produced lazily (a batch at a time: bounded memory)."""
    from .segment import parse_text

    if not blocks:
        return iter(())
    return iter(load_nlp().pipe((parse_text(b) for b in blocks), batch_size=batch_size_for(blocks)))


def _parse_block(
    load_nlp: Callable[[], Any], parses: Iterator[Any], memo: BlockMemo, ck: str, bi: int, block: Block, ctx
) -> list[Rule]:
    """Rules of a block the memo cannot replay: a new block takes the next Doc of the document's nlp.pipe pass;
    a known block whose incoming state changed is parsed on its own (spaCy's parse of a block does not depend on
    the batch it is in)."""
    from .block_rules import rules_for_block
    from .lexicon import matchers
    from .segment import parse_text

    if not needs_parse(block):
        parsed, matcher, dep = None, None, None  # rules_for_block returns before it reads any of them
    else:
        parsed = next(parses) if not memo.knows(ck) else load_nlp()(parse_text(block))
        matcher, dep = matchers(load_nlp())
    units = make_units_for(block, parsed)
    return memo.extract(
        ck, bi, block, ctx, lambda: rules_for_block(bi, block, parsed, matcher, dep, ctx, units)
    )


def extract_blocks(
    load_nlp: Callable[[], Any], doc: Document, on_rules=None, memo: BlockMemo | None = None
) -> list[Rule]:
    """The rules of one document; blocks ``memo`` remembers from its previous version are not parsed, and
    ``load_nlp`` (which returns the spaCy pipeline) is called only when some block has to be."""
    from .lexicon import lexicon

    memo = memo or BlockMemo()
    blocks = rule_blocks(doc.blocks)
    ctx = DocContext(
        labels=label_inventory(doc.blocks), lead_texts={b.lead_in.strip() for b in doc.blocks if b.lead_in}
    )
    keys = memo.keys(blocks, ctx)
    parses = _parses(load_nlp, [b for b, k in zip(blocks, keys) if not memo.knows(k) and needs_parse(b)])
    rules: list[Rule] = []
    block_of: list[int] = []
    flushed = 0
    for bi, (block, ck) in enumerate(zip(blocks, keys)):
        new = memo.replay(ck, bi, block, ctx)
        if new is None:  # a new block, or a known one whose neighbours changed what it inherits
            new = _parse_block(load_nlp, parses, memo, ck, bi, block, ctx)
        rules.extend(new)
        block_of.extend([bi] * len(new))
        if on_rules is not None and len(rules) - flushed >= STREAM_CHUNK:
            on_rules(rules[flushed:])
            flushed = len(rules)
    if on_rules is not None and len(rules) > flushed:
        on_rules(rules[flushed:])
    link_examples(rules, lexicon().min_example_overlap, block_of)
    return rules


def make_units_for(block: Block, parsed) -> list[Unit]:
    """Units of a parsed block; an unparsed one (``needs_parse`` is False) is one unit: the whole block."""
    from .segment import units_of

    if parsed is None:
        lead = len(block.text) - len(block.text.lstrip())
        return [Unit(block, lead, len(block.text.rstrip()), whole_block(block), None)]
    return units_of(block, parsed)


def _resolve_examples(doc_rules: list[Rule]) -> None:
    for rule in doc_rules:
        m = _LOCAL_REF.match(rule.example_of or "")
        if m:
            k = int(m.group(1))
            rule.example_of = doc_rules[k].id if k < len(doc_rules) else None


def extract_rules(
    documents: Iterable[Document], config: Config, cache: Cache, on_progress=None, on_rules=None
) -> list[Rule]:
    """All rules in reading order with run-stable ids R1, R2, ... (documents are already sorted).

    ``on_rules(list[Rule])`` is called with newly parsed (not cached) rules as they come, so the next stage
    can start on them while spaCy is still parsing.
    """
    per_doc: list[list[Rule]] = []
    loaded: list[Any] = []

    def load_nlp() -> Any:
        if not loaded:
            from .nlp import load_spacy

            loaded.append(load_spacy(tuple(config.spacy_model)))
        return loaded[0]

    models = ",".join(config.spacy_model)
    for doc in documents:
        if doc.status == "error" or not doc.blocks:
            continue
        k = _doc_key(doc, config)
        cached = cache.get_json("rules", k) if doc.digest else None
        if cached is not None:
            doc_rules = [rule_from_dict(d) for d in cached]
        else:
            memo = block_memo.previous(cache, doc.path, EXTRACTOR_VERSION, models) if doc.digest else None
            doc_rules = extract_blocks(load_nlp, doc, on_rules, memo)
            if doc.digest:
                cache.put_json("rules", k, [to_dict(r) for r in doc_rules])
                block_memo.save(cache, memo, doc.path, EXTRACTOR_VERSION, models, k)
        per_doc.append(doc_rules)
        if on_progress:
            on_progress(doc)
    n = 0
    for doc_rules in per_doc:
        for rule in doc_rules:
            n += 1
            rule.id = f"R{n}"
        _resolve_examples(doc_rules)
    return [r for doc_rules in per_doc for r in doc_rules]


def is_cached(doc: Document, config: Config, cache: Cache) -> bool:
    """True when this document's rules will come from the cache (the pipeline then skips model warm-up)."""
    return bool(doc.digest) and cache.has_json("rules", _doc_key(doc, config))
