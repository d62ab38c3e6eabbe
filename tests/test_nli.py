"""Optional NLI: the loader reads the label order from the model's config, scores both directions and keeps the
larger contradiction probability; configured, it adds CON009 findings. The model is a tiny random BERT that the
test builds and saves itself (no download)."""

from __future__ import annotations

import json

import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

WORDS = [
    "always",
    "never",
    "include",
    "the",
    "determiner",
    "in",
    "entity",
    "span",
    "spans",
    "determiners",
    "sarcasm",
    "sarcastic",
    "treat",
    "as",
    "own",
    "sentiment",
    "posts",
    "are",
    "labeled",
    "by",
    "literal",
    "of",
    "their",
    "words",
    "a",
]


def _tiny_nli(path, id2label, contradiction_bias=0.0):
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizerFast

    vocab = path / "vocab.txt"
    path.mkdir(parents=True, exist_ok=True)
    vocab.write_text("\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", ".", ",", *WORDS]) + "\n")
    tokenizer = BertTokenizerFast(vocab_file=str(vocab), do_lower_case=True)
    config = BertConfig(
        vocab_size=len(WORDS) + 7,
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=64,
        num_labels=3,
        id2label=id2label,
        label2id={v: k for k, v in id2label.items()},
    )
    torch.manual_seed(0)
    model = BertForSequenceClassification(config)
    contra = next(i for i, name in id2label.items() if name.lower().startswith("contra"))
    with torch.no_grad():
        model.classifier.bias[contra] += contradiction_bias
    model.eval()
    model.save_pretrained(path)
    tokenizer.save_pretrained(path)
    return model, tokenizer


def _probs(model, tokenizer, a, b):
    enc = tokenizer([a], [b], return_tensors="pt")
    with torch.no_grad():
        return torch.softmax(model(**enc).logits, dim=-1)[0]


@pytest.mark.parametrize(
    "id2label",
    [
        {0: "entailment", 1: "neutral", 2: "contradiction"},
        {0: "CONTRADICTION", 1: "NEUTRAL", 2: "ENTAILMENT"},
    ],
)
def test_label_order_from_config_and_both_directions(tmp_path, id2label):
    from guidecheck.index.nli import NLIScorer, label_indices, load_nli

    model, tokenizer = _tiny_nli(tmp_path / "nli", id2label)
    load_nli.cache_clear()
    contra = next(i for i, n in id2label.items() if n.lower().startswith("contra"))
    assert label_indices(model.config.id2label)["contradiction"] == contra
    a, b = "Always include the determiner in the entity span.", "Never include determiners in entity spans."
    got = NLIScorer(str(tmp_path / "nli")).contradiction([(a, b)])[0]
    fwd, bwd = _probs(model, tokenizer, a, b)[contra].item(), _probs(model, tokenizer, b, a)[contra].item()
    assert fwd != pytest.approx(bwd)  # the model is not symmetric, so both directions matter
    assert got == pytest.approx(max(fwd, bwd), abs=1e-5)


def test_model_without_contradiction_label_is_a_clear_error(tmp_path):
    from guidecheck.index.nli import label_indices
    from guidecheck.rules.nlp import ModelMissing

    with pytest.raises(ModelMissing, match="no contradiction label"):
        label_indices({0: "positive", 1: "negative"})


@pytest.mark.slow
def test_configured_nli_model_reports_con009(tmp_path, cli):
    from guidecheck.index.nli import load_nli

    load_nli.cache_clear()
    _tiny_nli(tmp_path / "nli", {0: "entailment", 1: "neutral", 2: "contradiction"}, contradiction_bias=12.0)
    deck = tmp_path / "deck"
    deck.mkdir()
    (deck / "guide.md").write_text(
        "# Sentiment\n\nTreat sarcasm as a sentiment of its own.\n\n"
        "Sarcastic posts are labeled by the literal sentiment of their words.\n\n"
        "Comments must be at least 50 words long.\n\nComments should be under 40 words.\n"
    )
    plain = json.loads(cli("check", deck, "--format", "json", "--fail-on", "never").stdout)
    before = next(f for f in plain["findings"] if f["check"] == "CON004")["confidence"]
    (tmp_path / "setup.cfg").write_text(f"[guidecheck]\nnli_model = {tmp_path / 'nli'}\ncache_dir = off\n")
    result = cli("check", deck, "--format", "json", "--fail-on", "never", "--config", tmp_path / "setup.cfg")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    con9 = [f for f in report["findings"] if f["check"] == "CON009"]
    assert len(con9) == 1
    assert "Treat sarcasm as a sentiment of its own." in con9[0]["message"]
    assert "Sarcastic posts are labeled by the literal sentiment of their words." in con9[0]["message"]
    assert con9[0]["severity"] == "warning" and 0.5 < con9[0]["confidence"] <= 0.95
    # The frame finding keeps its check; the model's agreement only raises its confidence.
    after = next(f for f in report["findings"] if f["check"] == "CON004")["confidence"]
    assert after == pytest.approx(min(0.99, before + 0.05), abs=0.002)
