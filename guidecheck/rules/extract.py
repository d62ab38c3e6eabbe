"""Run spaCy over every rule-bearing block (batched with nlp.pipe) and build rule frames.

Rules of a document are cached by its content digest, the spaCy model and this stage's version, so a warm re-run
never imports spaCy at all.
"""
from __future__ import annotations

from typing import Iterable

from ..cache import Cache, key
from ..config import Config
from ..model import CODE, HEADING, QUOTE, Document, Rule, rule_from_dict, to_dict

# Bump when extraction changes what it produces: old cache entries then stop matching.
EXTRACTOR_VERSION = "1"
# Blocks never parsed for rules (examples ARE parsed: checks compare them with rules).
SKIP_KINDS = frozenset({HEADING, CODE, QUOTE})
BATCH_SIZE = 256
# Freshly extracted rules are handed on in chunks of this size (the embedding worker starts on them early).
STREAM_CHUNK = 256


def _doc_key(doc: Document, config: Config) -> str:
    return key("rules", EXTRACTOR_VERSION, doc.digest, doc.path, ",".join(config.spacy_model))


def _extract_document(nlp, doc: Document, on_rules=None) -> list[Rule]:
    from .frame import build_rule
    blocks = [b for b in doc.blocks if b.kind not in SKIP_KINDS and b.text.strip()]
    rules: list[Rule] = []
    flushed = 0
    for block, parsed in zip(blocks, nlp.pipe((b.text for b in blocks), batch_size=BATCH_SIZE)):
        for sent in parsed.sents:
            rule = build_rule(sent, block, "")
            if rule is not None:
                rules.append(rule)
        if on_rules is not None and len(rules) - flushed >= STREAM_CHUNK:
            on_rules(rules[flushed:])
            flushed = len(rules)
    if on_rules is not None and len(rules) > flushed:
        on_rules(rules[flushed:])
    return rules


def extract_rules(documents: Iterable[Document], config: Config, cache: Cache,
                  on_progress=None, on_rules=None) -> list[Rule]:
    """All rules in reading order with run-stable ids R1, R2, ... (documents are already sorted).

    ``on_rules(list[Rule])`` is called with newly parsed (not cached) rules as they come, so the next stage
    can start on them while spaCy is still parsing.
    """
    rules: list[Rule] = []
    nlp = None
    for doc in documents:
        if doc.status == "error" or not doc.blocks:
            continue
        k = _doc_key(doc, config)
        cached = cache.get_json("rules", k) if doc.digest else None
        if cached is not None:
            doc_rules = [rule_from_dict(d) for d in cached]
        else:
            if nlp is None:
                from .nlp import load_spacy
                nlp = load_spacy(tuple(config.spacy_model))
            doc_rules = _extract_document(nlp, doc, on_rules)
            if doc.digest:
                cache.put_json("rules", k, [to_dict(r) for r in doc_rules])
        rules.extend(doc_rules)
        if on_progress:
            on_progress(doc)
    for n, rule in enumerate(rules, start=1):
        rule.id = f"R{n}"
    return rules


def is_cached(doc: Document, config: Config, cache: Cache) -> bool:
    """True when this document's rules will come from the cache (the pipeline then skips model warm-up)."""
    return bool(doc.digest) and cache.get_json("rules", _doc_key(doc, config)) is not None
