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

A second table takes Korthikanti et al., "Reducing Activation Recomputation
in Large Transformer Models" (MLSys 2023, arXiv 2205.05198), table 5: the
same kind of runs with full recomputation, and with sequence parallelism
and selective recomputation (plan sp:t, recompute=selective), on the
models of its table 3 whose pipeline is not interleaved (22 B and 1 T). Its
iteration times are given in seconds. For the 22 B model it also compares
the saved activations per layer with the paper's table 2, in bytes of
2-byte activations: 2sbh with full recomputation, and sbh 34/t with
sequence parallelism and selective recomputation, less the two dropout
masks (sbh each) the model has not: sbh 32/t.
"""

import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
from bounds import print_bounds  # noqa: E402
from timing import roof_tool, work_folder  # noqa: E402

SEQ = 2048
VOCAB = 51200

# (parameters as published, layers, hidden, heads, t, p, v (interleaved
# chunks a stage), GPUs, global batch, micro-batch, measured teraFLOP/s per
# GPU): table 1; v from the script's --num-layers-per-virtual-pipeline-stage
# (layers / (p x layers a chunk)).
ROWS = [
    ("1.7B", 24, 2304, 24, 1, 1, 1, 32, 512, 16, 137),
    ("3.6B", 30, 3072, 32, 2, 1, 1, 64, 512, 16, 138),
    ("7.5B", 36, 4096, 32, 4, 1, 1, 128, 512, 16, 142),
    ("18.4B", 40, 6144, 48, 8, 1, 1, 256, 1024, 8, 135),
    ("39.1B", 48, 8192, 64, 8, 2, 1, 512, 1536, 4, 138),
    ("76.1B", 60, 10240, 80, 8, 4, 3, 1024, 1792, 2, 140),
    ("145.6B", 80, 12288, 96, 8, 8, 2, 1536, 2304, 2, 148),
    ("310.1B", 96, 16384, 128, 8, 16, 2, 1920, 2160, 1, 155),
    ("529.6B", 105, 20480, 128, 8, 35, 3, 2520, 2520, 1, 163),
    ("1T", 128, 25600, 160, 8, 64, 1, 3072, 3072, 1, 163),
]

# (parameters, layers, hidden, heads, t, p, v, GPUs, global batch,
# micro-batch, seconds per iteration with full recomputation, with sequence
# parallelism and selective recomputation): Korthikanti et al. 2022, tables
# 3 and 5 (the 175 B and 530 B runs interleave 3 chunks a stage).
SEQUENCE_ROWS = [
    ("22B", 48, 6144, 64, 8, 1, 1, 8, 4, 4, 1.42, 1.10),
    ("175B", 96, 12288, 96, 8, 8, 3, 64, 64, 1, 18.13, 13.75),
    ("530B", 105, 20480, 128, 8, 35, 3, 280, 280, 1, 49.05, 37.83),
    ("1T", 128, 25600, 160, 8, 64, 1, 512, 512, 1, 94.42, 71.49),
]


def selene(nodes):
    """Selene's DGX A100 nodes as a roof-system/1 file: the NVLink of
    targets/a100-node.json, and eight 200 Gb/s HDR InfiniBand adapters per
    node, one per GPU (Narayanan et al., section 5)."""
    links = [{"name": "NVLink 3", "between": "devices",
              "bandwidth": "300 GB/s", "latency": "0.6 us"}]
    if nodes > 1:
        links.append({"name": "InfiniBand HDR", "between": "nodes",
                      "bandwidth": "25 GB/s", "latency": "2.7 us"})
    return {
        "schema": "roof-system/1",
        "name": f"{nodes} x DGX A100 80GB (Selene)",
        "device": "a100-sxm", "devices_per_node": 8, "nodes": nodes,
        "links": links,
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


def price(work, layers, hidden, heads, tp, pp, vp, gpus, batch, micro, plan,
          recompute):
    """Roof's training step for a run: the report's "training" object,
    and the micro-batches a step."""
    replicas = gpus // (tp * pp)
    accum = batch // (replicas * micro)
    model = os.path.join(work, f"gpt-{layers}x{hidden}-b{micro}.mlir")
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
        f"builtin.module(roof-parallel-plan{{plan={plan}:{tp}}},"
        "func.func(sharding-propagation,shard-partition,"
        "roof-combine-collectives,roof-fuse-epilogues{normalizations=true}),"
        f"roof-report{{targets={system} training=adam dtype-policy=f16 "
        f"master-dtype=f32 recompute={recompute} parallel={plan}:{tp},"
        f"pp:{pp},vp:{vp},dp:{replicas} grad-accum={accum} batch={micro} "
        "format=json})")
    out = subprocess.run(
        [roof_tool("roof-opt"), model, f"--pass-pipeline={pipeline}",
         "-o", os.devnull], check=True, capture_output=True,
        text=True).stdout
    return json.loads(out)["reports"][0]["training"], accum


def communication(step, accum, pp):
    """The tensor-parallel collectives' and the bubble's shares of a step,
    and the gradients' exposed all-reduce, as the tables print them."""
    pipeline = step.get("pipeline")
    runs = (accum + (pp - 1) / pipeline["chunks"]) if pipeline else accum
    links = runs * (step["forward_communication_s"] +
                    step["backward_communication_s"])
    exposed = step.get("data_parallel", {}).get("exposed_s", 0)
    bubble = (f", bubble {pipeline['bubble'] * 100:.1f} %"
              if pipeline else "")
    return (f"tensor {links / step['step_s'] * 100:.1f} %, data exposed "
            f"{exposed * 1e3:.1f} ms{bubble}")


def main():
    work = work_folder(__doc__, "roof-megatron-")
    print("Megatron-LM, table 1: measured / Roof's "
          "iteration time (>= 1: a bound)")
    print(f"{'model':6} {'t':>2} {'p':>2} {'v':>1} {'GPUs':>5} {'batch':>5} "
          f"{'accum':>5} {'measured s':>10} {'Roof s':>7} {'ratio':>6} "
          f"{'MFU':>5}  communication")
    ratios = []
    for name, layers, hidden, heads, tp, pp, vp, gpus, batch, micro, \
            tflops in ROWS:
        step, accum = price(work, layers, hidden, heads, tp, pp, vp, gpus,
                            batch, micro, "tp", "full")
        measured = measured_seconds(layers, hidden, gpus, batch, tflops)
        ratios.append(measured / step["step_s"])
        print(f"{name:6} {tp:2d} {pp:2d} {vp:1d} {gpus:5d} {batch:5d} "
              f"{accum:5d} "
              f"{measured:10.3f} {step['step_s']:7.3f} {ratios[-1]:6.2f} "
              f"{step['model_flops_utilization'] * 100:4.0f}%  "
              f"{communication(step, accum, pp)}")
    table_1 = print_bounds(ratios)

    print()
    print("Korthikanti et al., table 5: measured / Roof's iteration time, "
          "full recomputation, then sequence parallelism and selective "
          "recomputation")
    print(f"{'model':6} {'plan':>4} {'recompute':>9} {'measured s':>10} "
          f"{'Roof s':>7} {'ratio':>6} {'MFU':>5}  communication")
    sequence_ratios, speedups = [], []
    saved_per_layer = {}
    for name, layers, hidden, heads, tp, pp, vp, gpus, batch, micro, full, \
            present in SEQUENCE_ROWS:
        steps = []
        for plan, recompute, measured in (("tp", "full", full),
                                          ("sp", "selective", present)):
            step, accum = price(work, layers, hidden, heads, tp, pp, vp, gpus,
                                batch, micro, plan, recompute)
            steps.append(step["step_s"])
            sequence_ratios.append(measured / step["step_s"])
            if pp == 1:
                saved_per_layer[(name, plan)] = (
                    step["memory"]["saved_activations"] / layers, micro,
                    hidden, tp)
            print(f"{name:6} {plan}:{tp} {recompute:>9} {measured:10.3f} "
                  f"{step['step_s']:7.3f} {sequence_ratios[-1]:6.2f} "
                  f"{step['model_flops_utilization'] * 100:4.0f}%  "
                  f"{communication(step, accum, pp)}")
        speedups.append((name, full / present, steps[0] / steps[1]))
    sequence = print_bounds(sequence_ratios)
    for name, measured, roof in speedups:
        print(f"{name}: speedup measured {measured:.3f}, Roof {roof:.3f}")

    print()
    print("Saved activations per layer against Korthikanti et al., table 2 "
          "(2-byte activations, no dropout)")
    for (name, plan), (saved, micro, hidden, tp) in saved_per_layer.items():
        sbh = SEQ * micro * hidden
        # Full recomputation keeps each layer's input, 2sbh.
        formula = sbh * (32 / tp if plan == "sp" else 2)
        print(f"{name:6} {plan}:{tp} Roof {saved / 2**20:7.1f} MiB, "
              f"formula {formula / 2**20:7.1f} MiB, ratio "
              f"{saved / formula:.3f}")
    return table_1 and sequence


if __name__ == "__main__":
    sys.exit(0 if main() else 1)
