#!/usr/bin/env python3
"""Roof's expert-parallel dispatch and combine against DeepEP's measured
kernels: prints the table of docs/validation.md "Multi-device: expert
parallelism". Each row is the ratio measured time / Roof's, which must be
at least 1 (a bound); the median must be at most 2.

    bench/validate_expert_parallel.py [--keep DIR]

Source: deepseek-ai/DeepEP, README "Low-latency kernels with pure RDMA"
(docs/legacy.md since the V2 README, commit 0297fc8; the table after PR
#173, which sends a node's own traffic over NVLink): H800s, one CX7
InfiniBand 400 Gb/s NIC each, "128 tokens per batch, 7168 hidden, top-8
experts, FP8 dispatching and BF16 combining", EP 8 to 256. Its bandwidth
column is tokens x 8 x bytes per copy / the latency (7408 B a copy in
FP8 with its scales, 14336 B in BF16), which reproduces every row.

The stand-in is one layer of scripts/gen_gpt_layers.py --experts 256
--top-k 8 --hidden 7168 --ffn 2048 (DeepSeek-V3's routed experts), one
sequence of 128 tokens per device: each device's dispatch fills 256 x 4
slots, its 128 tokens' 8 copies. It is priced under parallel=ep:E on
h800-cluster-32, the dispatch at dtype-policy=f8 and the combine at bf16;
a row is that all-to-all's time. Roof counts 7168 B a copy in FP8 (not
the scales), which keeps the dispatch rows bounds.
"""

import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
from bounds import print_bounds  # noqa: E402
from timing import roof_tool, work_folder  # noqa: E402

# (EP, dispatch us, combine us), DeepEP's low-latency table.
ROWS = [
    (8, 77, 114),
    (16, 118, 195),
    (32, 155, 273),
    (64, 173, 314),
    (128, 192, 369),
    (256, 194, 360),
]
TOKENS, HIDDEN, EXPERTS, TOP_K, FFN = 128, 7168, 256, 8, 2048


def all_to_alls(work, devices, dtype):
    """The layer's two all-to-alls under ep:devices at `dtype`: (dispatch
    s, combine s, the dispatch's link)."""
    path = os.path.join(work, f"moe-ep{devices}.mlir")
    if not os.path.exists(path):
        subprocess.run(
            [sys.executable, os.path.join(ROOT, "scripts", "gen_gpt_layers.py"),
             "--layers", "1", "--batch", str(devices), "--seq", str(TOKENS),
             "--hidden", str(HIDDEN), "--heads", "56", "--experts",
             str(EXPERTS), "--top-k", str(TOP_K), "--ffn", str(FFN),
             "--dropout", "0", "-o", path], check=True)
    out = subprocess.run(
        [roof_tool("roof-opt"), path,
         f"--roof-report=targets=h800-cluster-32 parallel=ep:{devices} "
         f"dtype-policy={dtype} format=json", "-o", os.devnull],
        check=True, capture_output=True, text=True).stdout
    kernels = json.loads(out)["reports"][0]["kernels"]
    found = {k["kernel"].split()[-1]: k for k in kernels
             if k["op"] == "shard.all_to_all"}
    dispatch, combine = found["layers.0.moe.dispatch"], found["layers.0.moe.fc2"]
    return (dispatch["time_s"], combine["time_s"],
            dispatch["collective"]["link"])


def main():
    work = work_folder(__doc__, "roof-ep-")
    print("DeepSeek-V3's MoE layer over EP H800s, 128 tokens a device: "
          "measured / Roof's all-to-all time (>= 1: a bound)")
    print(f"{'EP':>3} {'kernel':8} {'measured us':>11} {'Roof us':>8} "
          f"{'ratio':>6}  link")
    ratios = []
    for devices, dispatch_us, combine_us in ROWS:
        dispatch, _, link = all_to_alls(work, devices, "f8")
        _, combine, _ = all_to_alls(work, devices, "bf16")
        for kernel, measured, predicted in [("dispatch", dispatch_us, dispatch),
                                            ("combine", combine_us, combine)]:
            ratios.append(measured / (predicted * 1e6))
            print(f"{devices:3d} {kernel:8} {measured:11.0f} "
                  f"{predicted * 1e6:8.1f} {ratios[-1]:6.2f}  {link}")
    return 0 if print_bounds(ratios) else 1


if __name__ == "__main__":
    sys.exit(main())
