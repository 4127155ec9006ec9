#!/usr/bin/env python3
"""Roof's split inference against published latencies: prints the tables of
docs/validation.md "Multi-device: tensor-parallel inference" and
"Multi-device: pipeline inference". Each row is the ratio measured time /
Roof's time, which must be at least 1 (a bound); each table's median must
be at most 2.

    bench/validate_tensor_parallel.py [--keep DIR]

Each model is a GPT-style stand-in written by scripts/gen_gpt_layers.py
(--dropout 0 --causal): the measured model's layers, width, heads and K/V
heads (grouped-query for LLaMA 70B, with its gated MLP matched in FLOPs
and weights by a GELU MLP 1.5 times as wide), without its embedding and
LM head. Each is priced one device at a time as
`roof-parallel-plan{plan=tp:N}`, upstream's sharding-propagation and
shard-partition, `roof-fuse-epilogues{attention=true}` and `roof-report`
on the system it ran on; the latency is one device's, collectives
included. Three kinds of row:
- first: the prefill of P tokens (time to first token);
- token: one decode step after P + D/2 tokens, the middle of a generation
  of D tokens after a prompt of P (--past, --seq 1; time per output token);
- request: a whole request, the prefill and D - 1 decode steps, each
  priced as the middle one (the steps grow linearly with the cache).

Sources (docs/validation.md quotes them):
- TensorRT-LLM: NVIDIA/TensorRT-LLM docs/source/performance.md (138f96d),
  "Low Latency" tables, v0.5: first-token latency of LLaMA 70B at tp 4.
- LMDeploy: InternLM/lmdeploy docs/en/benchmark/a100_fp16.md (3e391df),
  "llama2-70b": TurboMind v0.1.0a1 on A100-80G, the first token and the
  median per-token latency.
- NIM: docs.nvidia.com/nim/benchmarking/llm/1.0.0/performance.md,
  Llama-3.3-70b-instruct, NIM 1.8.0 on 2 x H100 80G, FP8, TP2, concurrency
  1: time to first token and inter-token latency at 200/200, 500/2000,
  1000/1000, 5000/500 and 20000/2000 input/output tokens (the table as
  transcribed in github.com/zivbeker42/llm-guesstimator,
  tested_benchmarks/nim_llama33_70b_v1.8.0_2xH100_fp8TP2.csv).
- FasterTransformer: NVIDIA/FasterTransformer docs/gpt_guide.md (07fdd2f),
  "Performance of GPT-20B" on A100-80GB nodes: whole-request latency at
  tp 1, 2, 4 and 8.
- DeepSpeed-Inference: huggingface/transformers-bloom-inference
  bloom-inference-scripts/README.md (0ec5115): BLOOM-176B on 8 x A100
  80GB, ms per generated token at batch 1.
- FasterTransformer: NVIDIA/FasterTransformer docs/gpt_guide.md (07fdd2f),
  "Performance of Megatron-530B": 105 layers, 128 heads of 160, FP16, batch
  1, on A100 80GB nodes with NVSwitch joined by InfiniBand (8 x 200 Gb/s a
  node): the request's latency at TP-16 (2 nodes), TP-32 (4 nodes) and
  TP-8 with PP-3 (3 nodes).
- Accelerate: huggingface/blog bloom-inference-pytorch-scripts.md
  (1928066): BLOOM-176B in bf16 on 8 x A100 80GB with Accelerate's naive
  pipeline (one GPU works at a time), ms per token at batch 1.

Rows with pp > 1 run through pipeline stages (parallel=pp:P without
training=, docs/parallelism.md "Pipelines"): a request's latency through
the stages and their sends.

"""

import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
from bounds import print_bounds  # noqa: E402
from systems import NVLINK3, network, target_file  # noqa: E402
from report_text import communication_share, latency_ms  # noqa: E402
from timing import roof_tool, work_folder  # noqa: E402

# Stand-ins: (layers, hidden, heads, K/V heads, MLP width). LLaMA 70B's
# gated MLP of 28672 is matched in FLOPs and weights by 1.5 x 28672.
MODELS = {
    "LLaMA-70B": (80, 8192, 64, 8, 43008),
    "GPT-20B": (44, 6144, 48, 48, 4 * 6144),
    "BLOOM-176B": (70, 14336, 112, 112, 4 * 14336),
    "MT-NLG-530B": (105, 20480, 128, 128, 4 * 20480),
}
# Systems the catalog does not ship, written as roof-system/1 files: the
# figures are targets/a100-node.json's and the cluster's published NICs.
SYSTEMS = {
    f"a100-80gb-x{nodes}": {
        "schema": "roof-system/1",
        "name": f"{nodes} x 8 A100 80GB, NVSwitch, InfiniBand 8 x 200 Gb/s "
                "a node",
        "device": "a100-sxm", "devices_per_node": 8, "nodes": nodes,
        "links": [NVLINK3, network("InfiniBand HDR", "25 GB/s")],
        "sources": {"InfiniBand HDR": "FasterTransformer docs/gpt_guide.md: "
                    "nodes linked by InfiniBand, 8 x 200 Gb/s NICs: 25 GB/s "
                    "per GPU; latency: NCCL's hwLat NET"}}
    for nodes in (2, 3, 4)
}
# (source, model, system, dtype policy, tp, kind, prompt P, generated D,
# measured ms).
ROWS = [
    ("TensorRT-LLM", "LLaMA-70B", "h100-node", "f8", 4, "first", 128, 1, 26),
    ("TensorRT-LLM", "LLaMA-70B", "h100-node", "f8", 4, "first", 2048, 1,
     109),
    ("TensorRT-LLM", "LLaMA-70B", "a100-node", "f16", 4, "first", 128, 1, 47),
    ("TensorRT-LLM", "LLaMA-70B", "a100-node", "f16", 4, "first", 2048, 1,
     377),
    ("LMDeploy", "LLaMA-70B", "a100-node", "f16", 4, "first", 128, 128, 74),
    ("LMDeploy", "LLaMA-70B", "a100-node", "f16", 4, "token", 128, 128, 29),
    ("LMDeploy", "LLaMA-70B", "a100-node", "f16", 4, "token", 1, 128, 29),
    ("NIM", "LLaMA-70B", "h100-node", "f8", 2, "first", 500, 2000, 47.77),
    ("NIM", "LLaMA-70B", "h100-node", "f8", 2, "token", 500, 2000, 18.91),
    ("NIM", "LLaMA-70B", "h100-node", "f8", 2, "first", 200, 200, 31.22),
    ("NIM", "LLaMA-70B", "h100-node", "f8", 2, "token", 200, 200, 18.8),
    ("NIM", "LLaMA-70B", "h100-node", "f8", 2, "first", 1000, 1000, 82.46),
    ("NIM", "LLaMA-70B", "h100-node", "f8", 2, "token", 1000, 1000, 18.67),
    ("NIM", "LLaMA-70B", "h100-node", "f8", 2, "first", 5000, 500, 406.77),
    ("NIM", "LLaMA-70B", "h100-node", "f8", 2, "token", 5000, 500, 18.58),
    ("NIM", "LLaMA-70B", "h100-node", "f8", 2, "first", 20000, 2000,
     1833.01),
    ("NIM", "LLaMA-70B", "h100-node", "f8", 2, "token", 20000, 2000, 19.58),
    ("FasterTransformer", "GPT-20B", "a100-node", "f16", 1, "request", 80,
     200, 5609),
    ("FasterTransformer", "GPT-20B", "a100-node", "f16", 2, "request", 80,
     200, 3532),
    ("FasterTransformer", "GPT-20B", "a100-node", "f16", 4, "request", 80,
     200, 2438),
    ("FasterTransformer", "GPT-20B", "a100-node", "f16", 8, "request", 80,
     200, 2053),
    ("DeepSpeed", "BLOOM-176B", "a100-node", "f16", 8, "token", 8, 100,
     44.02),
    ("FasterTransformer", "MT-NLG-530B", "a100-80gb-x2", "f16", 16,
     "request", 20, 8, 565),
    ("FasterTransformer", "MT-NLG-530B", "a100-80gb-x2", "f16", 16,
     "request", 60, 20, 1379),
    ("FasterTransformer", "MT-NLG-530B", "a100-80gb-x2", "f16", 16,
     "request", 128, 8, 585),
    ("FasterTransformer", "MT-NLG-530B", "a100-80gb-x4", "f16", 32,
     "request", 20, 8, 431),
    ("FasterTransformer", "MT-NLG-530B", "a100-80gb-x4", "f16", 32,
     "request", 60, 20, 1037),
    ("FasterTransformer", "MT-NLG-530B", "a100-80gb-x4", "f16", 32,
     "request", 128, 8, 451),
]
# Through pipeline stages (parallel=pp:P without training=): (source, model,
# system, dtype policy, tp, pp, kind, P, D, measured ms).
PIPELINE_ROWS = [
    ("FasterTransformer", "MT-NLG-530B", "a100-80gb-x3", "f16", 8, 3,
     "request", 20, 8, 842),
    ("FasterTransformer", "MT-NLG-530B", "a100-80gb-x3", "f16", 8, 3,
     "request", 60, 20, 2085),
    ("FasterTransformer", "MT-NLG-530B", "a100-80gb-x3", "f16", 8, 3,
     "request", 128, 8, 866),
    ("Accelerate", "BLOOM-176B", "a100-node", "bf16", 1, 8, "token", 8, 100,
     230.38),
]



class Pricer:
    """Writes each stand-in once and prices it at a plan."""

    def __init__(self, work):
        self.work = work

    def price(self, model, system, dtype, tp, seq, past=0, pp=1):
        """One device's latency in ms (through `pp` stages, a request's)
        and its communication share."""
        layers, hidden, heads, kv_heads, ffn = MODELS[model]
        target = target_file(self.work, system, SYSTEMS)
        path = os.path.join(self.work, f"{model}-s{seq}-p{past}.mlir")
        if not os.path.exists(path):
            subprocess.run(
                [sys.executable, os.path.join(ROOT, "scripts",
                                              "gen_gpt_layers.py"),
                 "--layers", str(layers), "--seq", str(seq), "--hidden",
                 str(hidden), "--heads", str(heads), "--kv-heads",
                 str(kv_heads), "--ffn", str(ffn), "--causal", "--dropout",
                 "0", "--past", str(past), "-o", path], check=True)
        pipeline = (
            f"builtin.module(roof-parallel-plan{{plan=tp:{tp}}},"
            "func.func(sharding-propagation,shard-partition),"
            "func.func(roof-fuse-epilogues{attention=true}),"
            f"roof-report{{targets={target} dtype-policy={dtype}"
            f"{f' parallel=pp:{pp}' if pp > 1 else ''}}})")
        out = subprocess.run(
            [roof_tool("roof-opt"), path, f"--pass-pipeline={pipeline}",
             "-o", os.devnull], check=True, capture_output=True,
            text=True).stdout
        return latency_ms(out), communication_share(out)

    def predict(self, model, system, dtype, tp, kind, prompt, tokens,
                pp=1):
        """Roof's time for a row's kind, in ms, and the communication's
        share of its step."""
        first = self.price(model, system, dtype, tp, prompt, pp=pp)
        if kind == "first":
            return first
        step = self.price(model, system, dtype, tp, 1,
                          prompt + (tokens - 2) // 2, pp=pp)
        if kind == "token":
            return step
        return first[0] + (tokens - 1) * step[0], step[1]


def main():
    work = work_folder(__doc__, "roof-tp-")
    pricer = Pricer(work)
    print("split inference at batch 1: measured / Roof's time (>= 1: a "
          "bound)")
    print(f"{'source':17} {'model':11} {'system':12} {'dtype':5} {'tp':>2} "
          f"{'pp':>2} {'kind':7} {'P':>5} {'D':>5} {'measured ms':>11} "
          f"{'Roof ms':>9} {'ratio':>6}  communication")
    ok = True
    for rows in ([row[:5] + (1,) + row[5:] for row in ROWS], PIPELINE_ROWS):
        ratios = []
        for source, model, system, dtype, tp, pp, kind, prompt, tokens, \
                measured in rows:
            predicted, share = pricer.predict(model, system, dtype, tp, kind,
                                              prompt, tokens, pp)
            ratios.append(measured / predicted)
            print(f"{source:17} {model:11} {system:12} {dtype:5} {tp:2d} "
                  f"{pp:2d} {kind:7} {prompt:5d} {tokens:5d} "
                  f"{measured:11.2f} {predicted:9.2f} {ratios[-1]:6.2f}  "
                  f"{share:.1f} %")
        ok = print_bounds(ratios) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
