#!/usr/bin/env python3
"""Roof's training step against published training throughput: prints the
table of docs/validation.md "Training throughput" (MPT models, per GPU, from
mosaicml/llm-foundry's scripts/train/benchmarking/README.md) with the ratio
measured time / predicted time, which must be at least 1.

    bench/validate_training.py [--keep DIR]

Each model is written by scripts/gen_gpt_layers.py (one sequence) and
priced as `roof-opt M.mlir --roof-fuse-epilogues=attention=true
--roof-report="targets=T training=adamw dtype-policy=bf16 master-dtype=f32
recompute=R scope-depth=2 format=json"`; Roof's tokens/s is the sequence's
tokens over forward_s + backward_s.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
from timing import roof_tool  # noqa: E402

SEQ = 2048
MODELS = {
    "MPT-7B": ["--layers", "32", "--hidden", "4096", "--heads", "32",
               "--vocab", "50432"],
    "MPT-125M": ["--layers", "12", "--hidden", "768", "--heads", "12",
                 "--vocab", "50368"],
}
# (model, GPU as published, target, recompute, measured tokens/s per GPU,
# micro-batch): llm-foundry's tables "A100 80GB with 1600 Gbps node-node
# interconnect (RoCE)", "H100 80GB BF16" and "A100 40GB" (the 40 GB part is
# priced on a100-sxm, the 80 GB part, whose memory is faster).
ROWS = [
    ("MPT-7B", "A100 80GB", "a100-sxm", "none", 4641, 6),
    ("MPT-7B", "H100 80GB", "h100-sxm", "none", 10643, 6),
    ("MPT-7B", "A100 40GB", "a100-sxm", "full", 3679, 12),
    ("MPT-125M", "A100 80GB", "a100-sxm", "none", 142830, 40),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", help="write the models here")
    args = parser.parse_args()
    roof_opt = roof_tool("roof-opt")
    work = args.keep or tempfile.mkdtemp()
    os.makedirs(work, exist_ok=True)
    print("%-9s %-10s %-11s %-9s %12s %12s %7s" % (
        "model", "GPU", "micro-batch", "recompute", "measured", "Roof",
        "ratio"))
    ratios = []
    for model, gpu, target, recompute, measured, batch in ROWS:
        path = os.path.join(work, model + ".mlir")
        if not os.path.exists(path):
            subprocess.run([sys.executable,
                            os.path.join(ROOT, "scripts", "gen_gpt_layers.py"),
                            "--seq", str(SEQ), *MODELS[model], "-o", path],
                           check=True)
        report = subprocess.run(
            [roof_opt, path, "--roof-fuse-epilogues=attention=true",
             "--roof-report=targets=%s training=adamw dtype-policy=bf16 "
             "master-dtype=f32 recompute=%s scope-depth=2 format=json"
             % (target, recompute), "-o", os.devnull],
            check=True, capture_output=True, text=True).stdout
        step = json.loads(report)["reports"][0]["training"]
        predicted = SEQ / (step["forward_s"] + step["backward_s"])
        ratios.append(predicted / measured)
        print("%-9s %-10s %-11d %-9s %12.0f %12.0f %7.2f" % (
            model, gpu, batch, recompute, measured, predicted, ratios[-1]))
    print("bounds: %d of %d rows (ratio >= 1); median ratio %.2f" % (
        sum(r >= 1 for r in ratios), len(ratios), statistics.median(ratios)))


if __name__ == "__main__":
    main()
