#!/usr/bin/env python3
"""Roof's training step under tensor and data parallelism against Megatron-
LM's published throughput: prints the table of docs/validation.md "Multi-
device: Megatron-LM training". Each row is the ratio measured iteration
time / Roof's step time, which must be at least 1 (a bound); the median
must be at most 2.

    bench/validate_megatron.py [--keep DIR]

The source: Narayanan et al., "Efficient Large-Scale Language Model
Training on GPU Clusters Using Megatron-LM" (SC21, arXiv 2104.04473),
table 1: GPT models on Selene (DGX A100 80GB nodes), tensor parallelism t
of 1 to 8 within a node, sequence 2048, fp16 mixed precision, full
activation recomputation, achieved teraFLOP/s per GPU. The rows are those
without pipelines (1.7 B to 18.4 B, 32 data-parallel replicas) and those
whose pipeline is not interleaved (39.1 B over 2 stages, 1 T over 64),
since Roof prices the plain 1F1B schedule. The micro-batches are those of
the authors' script for the table, NVIDIA/Megatron-LM
examples/sc21/run_table_1.sh. The paper converts
throughput with its equation (3), F = 96 B s l h^2 (1 + s / 6h + V / 16lh)
per iteration of B sequences (V = 51,200), so the measured time is
F / (GPUs x teraFLOP/s per GPU).

The model is written by scripts/gen_gpt_layers.py: the paper's layers,
without dropout, embedding, LM head or loss, so it does less work than the
measured one and each row stays a bound. Each is priced as
roof-parallel-plan{plan=tp:t}, upstream's sharding-propagation and
shard-partition, roof-fuse-epilogues{normalizations=true} (Megatron's fused
softmax and layer norm kernels) and roof-report with training=adam,
dtype-policy=f16, master-dtype=f32, recompute=full,
parallel=tp:t,pp:p,dp:d and grad-accum = B / (d x micro-batch) (the
microbatches of a pipeline), on a system of Selene's nodes written here.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
from bounds import print_bounds  # noqa: E402
from timing import roof_tool  # noqa: E402

SEQ = 2048
VOCAB = 51200

# (parameters as published, layers, hidden, heads, t, p, GPUs, global
# batch, micro-batch, measured teraFLOP/s per GPU): table 1.
ROWS = [
    ("1.7B", 24, 2304, 24, 1, 1, 32, 512, 16, 137),
    ("3.6B", 30, 3072, 32, 2, 1, 64, 512, 16, 138),
    ("7.5B", 36, 4096, 32, 4, 1, 128, 512, 16, 142),
    ("18.4B", 40, 6144, 48, 8, 1, 256, 1024, 8, 135),
    ("39.1B", 48, 8192, 64, 8, 2, 512, 1536, 4, 138),
    ("1T", 128, 25600, 160, 8, 64, 3072, 3072, 1, 163),
]


def selene(nodes):
    """Selene's DGX A100 nodes as a roof-system/1 file: the NVLink of
    targets/a100-node.json, and eight 200 Gb/s HDR InfiniBand adapters per
    node, one per GPU (Narayanan et al., section 5)."""
    return {
        "schema": "roof-system/1",
        "name": f"{nodes} x DGX A100 80GB (Selene)",
        "device": "a100-sxm", "devices_per_node": 8, "nodes": nodes,
        "links": [{"name": "NVLink 3", "between": "devices",
                   "bandwidth": "300 GB/s", "latency": "0.6 us"},
                  {"name": "InfiniBand HDR", "between": "nodes",
                   "bandwidth": "25 GB/s", "latency": "2.7 us"}],
        "sources": {
            "NVLink 3": "targets/a100-node.json",
            "InfiniBand HDR": "eight 200 Gb/s HDR InfiniBand HCAs per node "
                              "(Narayanan et al. 2021, section 5): 25 GB/s "
                              "per GPU and direction; latency: NCCL's hwLat "
                              "NET (targets/h100-cluster-4.json)"}}


def measured_seconds(layers, hidden, gpus, batch, tflops):
    """The iteration time the paper's equation (3) gives."""
    flops = 96 * batch * SEQ * layers * hidden ** 2 * (
        1 + SEQ / (6 * hidden) + VOCAB / (16 * layers * hidden))
    return flops / (gpus * tflops * 1e12)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", help="write the models and systems here")
    args = parser.parse_args()
    work = args.keep or tempfile.mkdtemp(prefix="roof-megatron-")
    os.makedirs(work, exist_ok=True)
    print("Megatron-LM, table 1: measured / Roof's "
          "iteration time (>= 1: a bound)")
    print(f"{'model':6} {'t':>2} {'p':>2} {'GPUs':>5} {'batch':>5} "
          f"{'accum':>5} {'measured s':>10} {'Roof s':>7} {'ratio':>6} "
          f"{'MFU':>5}  communication")
    ratios = []
    for name, layers, hidden, heads, tp, pp, gpus, batch, micro, tflops \
            in ROWS:
        replicas = gpus // (tp * pp)
        accum = batch // (replicas * micro)
        model = os.path.join(work, f"gpt-{name}-b{micro}.mlir")
        if not os.path.exists(model):
            subprocess.run(
                [sys.executable, os.path.join(ROOT, "scripts",
                                              "gen_gpt_layers.py"),
                 "--layers", str(layers), "--hidden", str(hidden), "--heads",
                 str(heads), "--seq", str(SEQ), "--batch", str(micro),
                 "--dropout", "0", "-o", model], check=True)
        system = os.path.join(work, f"selene-{gpus // 8}.json")
        with open(system, "w") as f:
            json.dump(selene(gpus // 8), f)
        pipeline = (
            f"builtin.module(roof-parallel-plan{{plan=tp:{tp}}},"
            "func.func(sharding-propagation,shard-partition,"
            "roof-fuse-epilogues{normalizations=true}),"
            f"roof-report{{targets={system} training=adam dtype-policy=f16 "
            f"master-dtype=f32 recompute=full parallel=tp:{tp},pp:{pp},"
            f"dp:{replicas} grad-accum={accum} batch={micro} format=json}})")
        out = subprocess.run(
            [roof_tool("roof-opt"), model, f"--pass-pipeline={pipeline}",
             "-o", os.devnull], check=True, capture_output=True,
            text=True).stdout
        step = json.loads(out)["reports"][0]["training"]
        measured = measured_seconds(layers, hidden, gpus, batch, tflops)
        ratios.append(measured / step["step_s"])
        pipeline = step.get("pipeline")
        runs = (accum + pp - 1) if pipeline else accum
        links = runs * (step["forward_communication_s"] +
                        step["backward_communication_s"])
        exposed = step["data_parallel"]["exposed_s"]
        bubble = (f", bubble {pipeline['bubble'] * 100:.1f} %"
                  if pipeline else "")
        print(f"{name:6} {tp:2d} {pp:2d} {gpus:5d} {batch:5d} {accum:5d} "
              f"{measured:10.3f} {step['step_s']:7.3f} {ratios[-1]:6.2f} "
              f"{step['model_flops_utilization'] * 100:4.0f}%  "
              f"tensor {links / step['step_s'] * 100:.1f} %, data exposed "
              f"{exposed * 1e3:.1f} ms{bubble}")
    print_bounds(ratios)


if __name__ == "__main__":
    main()
