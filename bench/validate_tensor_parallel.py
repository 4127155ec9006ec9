#!/usr/bin/env python3
"""Roof's tensor-parallel prefill against published first-token latencies:
prints the table of docs/validation.md "Multi-device: tensor-parallel
prefill". Each row is the ratio measured time / Roof's time, which must be
at least 1 (a bound); the median must be at most 2.

    bench/validate_tensor_parallel.py [--keep DIR]

The source: NVIDIA/TensorRT-LLM docs/source/performance.md (commit
138f96d, "low latency" table from TensorRT-LLM v0.5): the first-token
latency of LLaMA 70B at batch 1 over 4 GPUs (tensor parallelism 4), for
128 and 2048 input tokens, on H100 in FP8 and A100 in FP16.

The model is a stand-in of the same size: scripts/gen_gpt_layers.py writes
80 GPT-style decoder layers of width 8192 with 64 heads, without dropout.
Those hold 64.4 B weights. Llama-2-70B has 69 B: its grouped-query
attention has fewer weights, and its SwiGLU MLP has more. The stand-in has
no embedding and no LM head either. So it does less work than the real
model, which keeps the comparison a bound. Each run is priced as
`roof-parallel-plan{plan=tp:4}`, upstream's sharding-propagation and
shard-partition, `roof-fuse-epilogues{attention=true}` and `roof-report`
on `h100-node` (dtype-policy=f8) or `a100-node` (f16). The latency is one
device's, collectives included.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
from bounds import print_bounds  # noqa: E402
from timing import roof_tool  # noqa: E402

# (system, dtype policy, input tokens, measured first-token latency in ms)
ROWS = [
    ("h100-node", "f8", 128, 26),
    ("h100-node", "f8", 2048, 109),
    ("a100-node", "f16", 128, 47),
    ("a100-node", "f16", 2048, 377),
]
TP = 4


def latency_ms(text):
    """The latency of a text report, in ms."""
    value, unit = re.search(r"^latency ([0-9.]+) (us|ms|s) ", text,
                            re.M).groups()
    return float(value) * {"us": 1e-3, "ms": 1.0, "s": 1e3}[unit]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", help="write the models here")
    args = parser.parse_args()
    work = args.keep or tempfile.mkdtemp(prefix="roof-tp-")
    os.makedirs(work, exist_ok=True)
    print(f"LLaMA-70B-sized prefill at tp:{TP}: measured / predicted "
          "first-token latency (>= 1: a bound)")
    print(f"{'system':10} {'dtype':5} {'tokens':>6} {'measured ms':>12} "
          f"{'Roof ms':>8} {'ratio':>6}  communication")
    ratios = []
    for system, dtype, tokens, measured in ROWS:
        model = os.path.join(work, f"decoder-{tokens}.mlir")
        if not os.path.exists(model):
            subprocess.run(
                [sys.executable, os.path.join(ROOT, "scripts",
                                              "gen_gpt_layers.py"),
                 "--layers", "80", "--seq", str(tokens), "--hidden", "8192",
                 "--heads", "64", "--dropout", "0", "-o", model], check=True)
        pipeline = (
            f"builtin.module(roof-parallel-plan{{plan=tp:{TP}}},"
            "func.func(sharding-propagation,shard-partition),"
            "func.func(roof-fuse-epilogues{attention=true}),"
            f"roof-report{{targets={system} dtype-policy={dtype}}})")
        out = subprocess.run(
            [roof_tool("roof-opt"), model, f"--pass-pipeline={pipeline}",
             "-o", os.devnull], check=True, capture_output=True,
            text=True).stdout
        predicted = latency_ms(out)
        share = re.search(r"^communication: .*?\(([0-9.]+ %) of", out, re.M)
        ratio = measured / predicted
        ratios.append(ratio)
        print(f"{system:10} {dtype:5} {tokens:6d} {measured:12.1f} "
              f"{predicted:8.2f} {ratio:6.2f}  "
              f"{share.group(1) if share else '-'}")
    return 0 if print_bounds(ratios) else 1


if __name__ == "__main__":
    sys.exit(main())
