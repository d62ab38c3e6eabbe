"""Would an int8 encoder pass the encoder gate of issue 14? Measured on the bundled rules, as bench/parity.py does.

The fp32 MiniLM costs about 4 ms of CPU per rule on this machine (about 13 tokens, roughly 0.3 GFLOP each: the
core's peak), so on a cold 40k-word deck the encoder alone is some 17 CPU-seconds. Only a cheaper encoder moves
that. An encoder is accepted only with cosine >= 0.995 to the torch vectors on every bundled rule and identical
candidate pairs on every bundled deck. This probe builds int8 graphs from the cached fp32 ONNX graph with
onnxruntime's dynamic quantisation (weights per channel, activations per tensor at run time) in four variants:
every weight MatMul, only the feed-forward ones, only the attention projections, and every weight MatMul after
SmoothQuant (activation outliers moved into the weights by a per-channel scale; exact in fp32, alpha 0.8,
calibrated on the rules of guidelines/), and reports the gate and the single-thread CPU time of each.

    python bench/quantize_probe.py      # writes bench/quantize_results.json
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from parity import MIN_COSINE, deck_runs, pair_set  # noqa: E402

from guidecheck.engines.onnx_encoder import OnnxEncoder  # noqa: E402
from guidecheck.index.embed import PACKAGED_MODEL, MeanPoolingEncoder, resolve_model  # noqa: E402

ALPHA = 0.8


def weight_matmuls(model) -> list:
    inits = {i.name for i in model.graph.initializer}
    return [n for n in model.graph.node if n.op_type == "MatMul" and n.input[1] in inits]


def _is_ffn(name: str) -> bool:
    return "intermediate" in name or ("output/dense" in name and "attention" not in name)


def input_ranges(graph: Path, enc: OnnxEncoder, texts: list[str]) -> dict[str, np.ndarray]:
    """Largest |activation| per channel at the input of every weight MatMul, over real (unpadded) tokens."""
    import onnx
    import onnxruntime as ort

    model = onnx.load(str(graph))
    names = sorted({n.input[0] for n in weight_matmuls(model)})
    for name in names:
        model.graph.output.append(onnx.helper.make_tensor_value_info(name, onnx.TensorProto.FLOAT, None))
    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    top: dict[str, np.ndarray] = {}
    for start in range(0, len(texts), 64):
        feed = enc.feed(texts[start : start + 64])
        mask = feed["attention_mask"].astype(bool)
        for name, act in zip(names, session.run(names, feed)):
            m = np.abs(act[mask]).max(0)
            top[name] = np.maximum(top[name], m) if name in top else m
    return top


def smoothed(graph: Path, ranges: dict[str, np.ndarray], target: Path) -> None:
    """Divide each MatMul input by s per channel (a Mul node) and multiply the weight rows by s: same output."""
    import onnx
    from onnx import numpy_helper

    model = onnx.load(str(graph))
    inits = {i.name: i for i in model.graph.initializer}
    nodes = list(model.graph.node)
    for x, amax in ranges.items():
        users = [n for n in weight_matmuls(model) if n.input[0] == x]
        weights = [numpy_helper.to_array(inits[n.input[1]]) for n in users]
        wmax = np.max([np.abs(w).max(1) for w in weights], axis=0)
        s = (np.maximum(amax, 1e-5) ** ALPHA / np.maximum(wmax, 1e-5) ** (1 - ALPHA)).astype(np.float32)
        inv = numpy_helper.from_array(1.0 / s, f"{x}_smooth_inv")
        model.graph.initializer.append(inv)
        mul = onnx.helper.make_node("Mul", [x, inv.name], [f"{x}_smoothed"], name=f"{x}_smooth")
        for node, w in zip(users, weights):
            inits[node.input[1]].CopyFrom(numpy_helper.from_array(w * s[:, None], node.input[1]))
            node.input[0] = mul.output[0]
        producer = next((i for i, n in enumerate(nodes) if x in n.output), -1)
        nodes.insert(producer + 1, mul)
    del model.graph.node[:]
    model.graph.node.extend(nodes)
    onnx.save(model, str(target))


def quantised(graph: Path, target: Path, keep) -> None:
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    nodes = [n.name for n in weight_matmuls(onnx.load(str(graph))) if keep(n.name)]
    quantize_dynamic(
        str(graph),
        str(target),
        per_channel=True,
        weight_type=QuantType.QInt8,
        nodes_to_quantize=nodes,
        extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
    )


def with_graph(enc: OnnxEncoder, graph: Path) -> OnnxEncoder:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    enc.session = ort.InferenceSession(str(graph), options, providers=["CPUExecutionProvider"])
    return enc


def gate(enc: OnnxEncoder, runs: dict, torch_vectors: dict) -> dict:
    """Cosine to torch on every bundled rule, identical candidate pairs per deck, CPU ms per 1,000 rules."""
    cos, same, cpu, n = 1.0, 0, 0.0, 0
    for unit, rules in runs.items():
        texts = [r.text for r in rules]
        if not texts:
            same += 1
            continue
        start = time.process_time()
        v = enc.encode(texts)
        cpu += time.process_time() - start
        n += len(texts)
        cos = min(cos, float((v * torch_vectors[unit]).sum(1).min()))
        same += pair_set(rules, v) == pair_set(rules, torch_vectors[unit])
    return {
        "min_cosine": round(cos, 4),
        "decks_with_identical_pairs": f"{same}/{len(runs)}",
        "cpu_s_per_1000_rules": round(1000 * cpu / n, 2),
        "passes": cos >= MIN_COSINE and same == len(runs),
    }


def main() -> None:
    path = Path(resolve_model(PACKAGED_MODEL))
    runs = deck_runs()
    torch_enc = MeanPoolingEncoder(path)
    torch_vectors = {u: torch_enc.encode([r.text for r in rules]) for u, rules in runs.items()}
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        enc = OnnxEncoder(path, Path(tmp))
        fp32 = next(Path(tmp).glob("onnx/*/model.onnx"))
        out["fp32"] = gate(with_graph(enc, fp32), runs, torch_vectors)
        ranges = input_ranges(fp32, enc, [r.text for r in runs["guidelines"]])
        smoothed(fp32, ranges, Path(tmp) / "smooth.onnx")
        variants = {
            "int8_every_weight_matmul": (fp32, lambda n: True),
            "int8_feed_forward_only": (fp32, _is_ffn),
            "int8_attention_projections_only": (fp32, lambda n: not _is_ffn(n)),
            f"int8_smoothquant_alpha_{ALPHA}": (Path(tmp) / "smooth.onnx", lambda n: True),
        }
        for name, (source, keep) in variants.items():
            target = Path(tmp) / f"{name}.onnx"
            quantised(source, target, keep)
            out[name] = gate(with_graph(enc, target), runs, torch_vectors)
            print(name, out[name], file=sys.stderr)
    out["how"] = (
        "bundled rules of guidelines/ (bench/parity.py deck_runs), vectors compared with torch; CPU = process time, 1 thread"
    )
    (ROOT / "bench" / "quantize_results.json").write_text(json.dumps(out, indent=2, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
