"""Index: what checks look rules up by — embeddings, candidate pairs, label inventory, glossary."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..cache import Cache
from ..config import Config
from ..model import Document, Rule
from .embed import Embedder
from .glossary import GlossaryEntry, build_glossaries
from .labels import Inventory, build_inventories
from .pairs import Pair, candidate_pairs
from .projects import project_scopes, use_layout


@dataclass
class Index:
    documents: list[Document]
    rules: list[Rule]
    vectors: np.ndarray
    pairs: list[Pair]
    embedder: Embedder | None = None
    by_id: dict[str, Rule] = field(default_factory=dict)
    # path -> normalised term -> definition (index/glossary.py); path -> label inventory (index/labels.py)
    glossaries: dict[str, dict[str, GlossaryEntry]] = field(default_factory=dict)
    inventories: dict[str, Inventory] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_id = {r.id: r for r in self.rules}


def build_index(
    documents: list[Document],
    rules: list[Rule],
    config: Config,
    cache: Cache,
    embedder: Embedder | None = None,
) -> Index:
    """The caller owns ``embedder`` (and closes it): checks may embed more text through ``Index.embedder``."""
    embedder = embedder or Embedder(config.embedding_model, cache, config.allow_network)
    # Built before the vectors are waited for: on a cold run the embedding process is still encoding.
    glossaries, inventories = build_glossaries(documents), build_inventories(documents, cache)
    vectors = embedder.encode([r.text for r in rules])
    use_layout(config)
    scopes = project_scopes([r.path for r in rules])
    pairs = candidate_pairs(
        rules, vectors, config.top_k, config.similarity_threshold, cache=cache, scopes=scopes
    )
    return Index(documents, rules, vectors, pairs, embedder, glossaries=glossaries, inventories=inventories)
