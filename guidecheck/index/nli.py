"""Optional cross-encoder NLI scorer: contradiction probability of a rule pair, used as extra evidence.

Off unless ``nli_model`` is configured (a local path or a hub name; never downloaded unless allow_network).
Label order differs between NLI models, so it is read from the model's ``config.id2label``; each pair is scored
in both directions and the larger contradiction probability kept (contradiction is symmetric, models are not).
Scores are cached per model and text pair.
"""

from __future__ import annotations

import os
from functools import lru_cache

import numpy as np

from ..cache import Cache, key
from ..errors import ModelMissing

BATCH_SIZE = 32


def label_indices(id2label: dict) -> dict[str, int]:
    """{'contradiction': i, 'entailment': j, 'neutral': k} from a config's id2label, whatever the order."""
    out: dict[str, int] = {}
    for idx, name in id2label.items():
        low = str(name).lower()
        for canon in ("contradiction", "entailment", "neutral"):
            if low.startswith(canon[:6]):
                out[canon] = int(idx)
    if "contradiction" not in out:
        raise ModelMissing(f"NLI model has no contradiction label (id2label = {dict(id2label)})")
    return out


@lru_cache(maxsize=2)
def load_nli(name: str, allow_network: bool = False):
    if not allow_network:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        from transformers import AutoModelForSequenceClassification, AutoTokenizer
    except ImportError:
        raise ModelMissing(
            "transformers is not installed; install it with: pip install transformers"
        ) from None
    try:
        tokenizer = AutoTokenizer.from_pretrained(name, local_files_only=not allow_network)
        model = AutoModelForSequenceClassification.from_pretrained(name, local_files_only=not allow_network)
    except Exception as exc:  # missing files, no network: one line for the user
        raise ModelMissing(f"cannot load NLI model '{name}': {str(exc).splitlines()[0][:200]}") from None
    model.eval()
    return tokenizer, model, label_indices(model.config.id2label)


class NLIScorer:
    def __init__(self, model_name: str, cache: Cache | None = None, allow_network: bool = False):
        self.model_name = model_name
        self.cache = cache
        self.allow_network = allow_network

    def _probabilities(self, premises: list[str], hypotheses: list[str]) -> np.ndarray:
        import torch

        tokenizer, model, labels = load_nli(self.model_name, self.allow_network)
        out = []
        for start in range(0, len(premises), BATCH_SIZE):
            enc = tokenizer(
                premises[start : start + BATCH_SIZE],
                hypotheses[start : start + BATCH_SIZE],
                padding=True,
                truncation=True,
                max_length=256,
                return_tensors="pt",
            )
            with torch.no_grad():
                logits = model(**enc).logits
            out.append(torch.softmax(logits, dim=-1)[:, labels["contradiction"]].numpy())
        return np.concatenate(out) if out else np.zeros(0)

    def contradiction(self, pairs: list[tuple[str, str]]) -> list[float]:
        """max(P(contradiction | a, b), P(contradiction | b, a)) for each pair, in order."""
        keys = [key("nli", self.model_name, a, b) for a, b in pairs]
        cached = [self.cache.get_json("nli", k) if self.cache is not None else None for k in keys]
        todo = [i for i, c in enumerate(cached) if c is None]
        if todo:
            fwd = self._probabilities([pairs[i][0] for i in todo], [pairs[i][1] for i in todo])
            bwd = self._probabilities([pairs[i][1] for i in todo], [pairs[i][0] for i in todo])
            for n, i in enumerate(todo):
                cached[i] = float(max(fwd[n], bwd[n]))
                if self.cache is not None:
                    self.cache.put_json("nli", keys[i], cached[i])
        return [float(c) for c in cached]


__all__ = ["NLIScorer", "label_indices", "load_nli"]
