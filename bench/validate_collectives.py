#!/usr/bin/env python3
"""Roof's collectives against published measurements (nccl-tests, a TPU
v5e slice's profiles): prints the table of docs/validation.md "Multi-
device: collectives". Each row is the ratio measured time / Roof's time,
which must be at least 1 (a bound); the median must be at most 2.

    bench/validate_collectives.py [--keep DIR]

Each row is one collective of the shard dialect on a grid of the measured
system's devices, S bytes of f32, priced with `roof-opt M.mlir
--roof-report="targets=SYSTEM format=json"`; Roof's time is the kernel's
time_s (its alpha-beta time on the links, with the device's launch
overhead). Systems the catalog does not ship (an H100 node with NVLink
SHARP off, two AWS instances joined by EFA, a 4x8 TPU v5e slice) are
written as roof-system/1 files naming the shipped device.

A measured time comes from nccl-tests' own definitions (nccl-tests
doc/PERFORMANCE.md): algbw = S / time, busbw = algbw x 2 (n - 1) / n for
all_reduce and x (n - 1) / n for all_gather, where S is the all-reduced
buffer or the all-gathered result. Rows that give busbw are converted with
them. Sources (docs/validation.md names them in full):
- NVIDIA engineers' statements of the busbw 8-GPU nodes reach, in
  NVIDIA/nccl-tests issues #212, #290 and #326, and users' reports they
  answer (#175 A100, #272 H200);
- aws-samples/awsome-distributed-training, micro-benchmarks/nccl-tests/
  README.md (commit 27b7d49): all_reduce_perf on 2 x p5.48xlarge (16 H100,
  3200 Gbps EFA each) and 2 x p4de.24xlarge (16 A100, 400 Gbps EFA each);
- jax-ml/scaling-book, sharding chapter (commit 1c6d7e9): the profiled
  time of two all-gathers over a 4-chip axis of a TPU v5e mesh {X: 8, Y: 4};
- all_to_all: NVIDIA/nccl issue #2169 (4 H100 of a node) and
  crazyguitar/aws-gpu-communication-benchmark, data/nccl_alltoall.csv
  (a77f70d: 2 to 16 p5.48xlarge); algbw = S / time, S each rank's buffer.
"""

import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
from bounds import print_bounds  # noqa: E402
from systems import NVLINK3, NVLINK4, network, target_file  # noqa: E402
from timing import roof_tool, work_folder  # noqa: E402

GIB = 1 << 30
MIB = 1 << 20

# Systems the rows were measured on that the catalog does not ship; their
# figures are the shipped files' (targets/h100-node.json, a100-node.json)
# and the instances' published network bandwidth.
SYSTEMS = {
    "h100-node-no-nvls": {
        "schema": "roof-system/1",
        "name": "HGX H100 8-GPU, NVLink SHARP off (NCCL_ALGO=Ring)",
        "device": "h100-sxm", "devices_per_node": 8, "links": [NVLINK4],
        "sources": {"NVLink 4": "targets/h100-node.json"}},
    "aws-p5-x2": {
        "schema": "roof-system/1",
        "name": "2 x AWS p5.48xlarge (EFA 3200 Gbps per instance)",
        "device": "h100-sxm", "devices_per_node": 8, "nodes": 2,
        "links": [dict(NVLINK4, in_switch_reduction=True),
                  network("EFA", "50 GB/s")],
        "sources": {"EFA": "3200 Gbps per instance (aws-samples/"
                    "awsome-distributed-training, instance table): 400 GB/s,"
                    " 50 GB/s per GPU; latency: NCCL's hwLat NET"}},
    **{f"aws-p5-x{nodes}": {
        "schema": "roof-system/1",
        "name": f"{nodes} x AWS p5.48xlarge (EFA 3200 Gbps per instance)",
        "device": "h100-sxm", "devices_per_node": 8, "nodes": nodes,
        "links": [dict(NVLINK4, in_switch_reduction=True),
                  network("EFA", "50 GB/s")],
        "sources": {"EFA": "as aws-p5-x2"}} for nodes in (4, 8, 16)},
    "aws-p4de-x2": {
        "schema": "roof-system/1",
        "name": "2 x AWS p4de.24xlarge (EFA 400 Gbps per instance)",
        "device": "a100-sxm", "devices_per_node": 8, "nodes": 2,
        "links": [NVLINK3, network("EFA", "6.25 GB/s")],
        "sources": {"EFA": "400 Gbps per instance (aws-samples/"
                    "awsome-distributed-training, instance table): 50 GB/s,"
                    " 6.25 GB/s per GPU; latency: NCCL's hwLat NET"}},
    "tpu-v5e-32": {
        "schema": "roof-system/1",
        "name": "TPU v5e slice v5litepod-32 (4x8, no wraparound)",
        "device": "tpu-v5e", "devices_per_node": 32,
        "links": [{"name": "ICI", "between": "devices",
                   "bandwidth": "45 GB/s", "latency": "1 us",
                   "torus": [8, 4], "wraparound": [False, False]}],
        "sources": {"ICI": "targets/tpu-v5e-16.json; a 4x8 slice has no "
                    "axis of 16, so no wraparound (scaling-book, tpus.md)"}},
}


def from_busbw(kind, n, size, busbw):
    """Seconds nccl-tests measured, from its busbw in GB/s."""
    factor = 2 * (n - 1) / n if kind == "all_reduce" else (n - 1) / n
    return size / (busbw * 1e9 / factor)


# (system, grid, collective, S bytes, measured seconds, source); a grid
# ending in a tuple names the axes the collective runs over (else all).
ROWS = [
    ("h100-node", [8], "all_reduce", 8 * GIB,
     from_busbw("all_reduce", 8, 8 * GIB, 480), "#212: ~480 GB/s busbw, NVLS"),
    ("h100-node-no-nvls", [8], "all_reduce", 8 * GIB,
     from_busbw("all_reduce", 8, 8 * GIB, 370), "#212: ~370 GB/s, ring"),
    ("h100-node", [8], "all_gather", 16 * GIB,
     from_busbw("all_gather", 8, 16 * GIB, 360), "#326: ~360 GB/s busbw"),
    ("h200-node", [8], "all_reduce", 4 * GIB,
     from_busbw("all_reduce", 8, 4 * GIB, 475), "#272: 475 GB/s busbw"),
    ("a100-node", [8], "all_reduce", 4 * GIB,
     from_busbw("all_reduce", 8, 4 * GIB, 232.54), "#175: 232.54 GB/s"),
    ("aws-p5-x2", [2, 8], "all_reduce", 256 * MIB, 1468.2e-6, "aws-samples"),
    ("aws-p5-x2", [2, 8], "all_reduce", 1 * GIB, 4607.6e-6, "aws-samples"),
    ("aws-p5-x2", [2, 8], "all_reduce", 8 * GIB, 33605e-6, "aws-samples"),
    ("aws-p5-x2", [2, 8], "all_reduce", 16 * GIB, 66132e-6, "aws-samples"),
    ("aws-p4de-x2", [2, 8], "all_reduce", 1 * GIB, 26217e-6, "aws-samples"),
    ("aws-p4de-x2", [2, 8], "all_reduce", 2 * GIB, 51406e-6, "aws-samples"),
    # jax-ml/scaling-book, sharding chapter (1c6d7e9), pop quiz 2: on a v5e
    # mesh {X: 8, Y: 4}, AllGather over Y of bf16[2048, 8192] (34 MB),
    # "an actual profile ... shows 680us"; of bf16[256, 256], "In practice,
    # it's closer to 8us".
    ("tpu-v5e-32", [8, 4, (1,)], "all_gather", 2048 * 8192 * 2, 680e-6,
     "scaling-book"),
    ("tpu-v5e-32", [8, 4, (1,)], "all_gather", 256 * 256 * 2, 8e-6,
     "scaling-book"),
    # NVIDIA/nccl issue #2169: alltoall_perf on 4 H100 of a node, NCCL
    # 2.28.3, 524288000 B out of place in 1174.14 us.
    ("h100-node", [4], "all_to_all", 524288000, 1174.14e-6, "nccl #2169"),
    # crazyguitar/aws-gpu-communication-benchmark, data/nccl_alltoall.csv
    # (a77f70d): alltoall_perf on 2 to 16 p5.48xlarge, 8 ranks each, out-of-
    # place algbw (GB/s) of S MiB.
    ("aws-p5-x2", [2, 8], "all_to_all", 32 * MIB, 32 * MIB / 47.78e9,
     "aws alltoall"),
    ("aws-p5-x2", [2, 8], "all_to_all", 2048 * MIB, 2048 * MIB / 84.53e9,
     "aws alltoall"),
    ("aws-p5-x4", [4, 8], "all_to_all", 2048 * MIB, 2048 * MIB / 55.82e9,
     "aws alltoall"),
    ("aws-p5-x8", [8, 8], "all_to_all", 2048 * MIB, 2048 * MIB / 50.41e9,
     "aws alltoall"),
    ("aws-p5-x16", [16, 8], "all_to_all", 2048 * MIB, 2048 * MIB / 44.58e9,
     "aws alltoall"),
]


def collective_ir(grid, kind, size):
    """A function with one collective over the axes of `grid` (every one,
    unless its last entry names them) on S bytes of f32 (all_gather: S is
    the whole result; all_to_all: each device's buffer, as nccl-tests
    counts it)."""
    over = grid[-1] if isinstance(grid[-1], tuple) else None
    sizes = grid[:-1] if over else grid
    over = over or tuple(range(len(sizes)))
    shape = "x".join(map(str, sizes))
    axes = ", ".join(map(str, over))
    elements = size // 4
    devices = 1
    for i in over:
        devices *= sizes[i]
    whole = f"tensor<{elements}xf32>"
    if kind == "all_reduce":
        arg, body = whole, (f"%r = shard.all_reduce %x on @g grid_axes = "
                            f"[{axes}] : {whole} -> {whole}")
    elif kind == "all_to_all":
        arg, body = whole, (f"%r = shard.all_to_all %x on @g grid_axes = "
                            f"[{axes}] split_axis = 0 concat_axis = 0 : "
                            f"{whole} -> {whole}")
    else:
        part = f"tensor<{elements // devices}xf32>"
        arg, body = part, (f"%r = shard.all_gather %x on @g grid_axes = "
                           f"[{axes}] gather_axis = 0 : {part} -> {whole}")
    return (f"shard.grid @g(shape = {shape})\n"
            f"func.func @f(%x: {arg}) -> {whole} {{\n  {body}\n"
            f"  return %r : {whole}\n}}\n")


def price(work, system, grid, kind, size):
    """Roof's time for the collective, and its algorithm."""
    target = target_file(work, system, SYSTEMS)
    model = os.path.join(work, f"{system}-{kind}-{size}.mlir")
    with open(model, "w") as f:
        f.write(collective_ir(grid, kind, size))
    out = subprocess.run(
        [roof_tool("roof-opt"), model,
         f"--roof-report=targets={target} format=json", "-o", os.devnull],
        check=True, capture_output=True, text=True).stdout
    report = json.loads(out)["reports"][0]
    kernel = next(k for k in report["kernels"] if "collective" in k)
    return kernel["time_s"], kernel["collective"]["algorithm"]


def main():
    work = work_folder(__doc__, "roof-collectives-")
    print("collectives: measured / predicted time (>= 1: a bound)")
    print(f"{'system':18} {'collective':11} {'S (MiB)':>8} "
          f"{'measured us':>12} {'Roof us':>10} {'ratio':>6}  algorithm")
    ratios = []
    for system, grid, kind, size, measured, _ in ROWS:
        seconds, algorithm = price(work, system, grid, kind, size)
        ratio = measured / seconds
        ratios.append(ratio)
        print(f"{system:18} {kind:11} {size / MIB:8.6g} {measured * 1e6:12.1f}"
              f" {seconds * 1e6:10.1f} {ratio:6.2f}  {algorithm}")
    return 0 if print_bounds(ratios) else 1


if __name__ == "__main__":
    sys.exit(main())
