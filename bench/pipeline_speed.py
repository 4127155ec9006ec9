#!/usr/bin/env python3
"""How much Roof's whole pipeline adds to roof-opt's own parse + print, and
how its time grows with size, for one long function and for many short ones.
Prints ratios; the goals (issue: deployment pricing) are a pipeline within
1.5x of parse + print and linear growth (4x the ops, about 4x the time).

The pipeline is roof-annotate-cost, roof-fuse-epilogues and roof-report on
two targets (which also prices the module without its kernels). Every run
uses --verify-each=0: MLIR's verification between passes is its cost, not
Roof's.

    bench/pipeline_speed.py [--blocks N] [--functions F] [--runs R]
                            [--instructions]
      (default 1000 blocks = 12,000 linalg ops, and 4x that; F = 250)

On a shared machine wall times move by 2x between runs; --instructions
counts the instructions each command executes instead (valgrind's
callgrind, one run each, some minutes): the same ratios, free of the load.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
import gen_stacked_transformer as gen  # noqa: E402
from timing import best_of_each, roof_tool  # noqa: E402

PIPELINE = ["--roof-annotate-cost", "--roof-fuse-epilogues",
            "--roof-report=targets=h100-sxm,jetson-orin-nano"]


def count_instructions(cmd, work):
    """Instructions `cmd` executes, in billions (valgrind --tool=callgrind)."""
    out = subprocess.run(
        ["valgrind", "--tool=callgrind",
         "--callgrind-out-file=" + os.path.join(work, "callgrind.out"), *cmd],
        check=True, capture_output=True, text=True).stderr
    return int(re.search(r"Collected : (\d+)", out).group(1)) / 1e9


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--blocks", type=int, default=1000)
    parser.add_argument("--functions", type=int, default=250)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--instructions", action="store_true")
    args = parser.parse_args()

    roof_opt = roof_tool("roof-opt")

    unit = "(G instr)" if args.instructions else "(s)"
    print("%-26s %8s %10s %10s %8s" % ("module", "ops", "parse" + unit,
                                       "pipeline" + unit, "ratio"))
    pipeline_time = {}
    with tempfile.TemporaryDirectory() as work:
        for functions in (1, args.functions):
            for scale in (1, 4):
                blocks = args.blocks * scale
                path = os.path.join(work, "stack-%d-%d.mlir" % (functions, scale))
                with open(path, "w") as f:
                    gen.write_module(blocks, f, functions)

                def command(*flags):
                    return [roof_opt, path, *flags, "--verify-each=0", "-o",
                            os.devnull]

                if args.instructions:
                    base, pipeline = (count_instructions(command(), work),
                                      count_instructions(command(*PIPELINE),
                                                         work))
                else:
                    base, pipeline = best_of_each(args.runs, command(),
                                                  command(*PIPELINE))
                pipeline_time[functions, scale] = pipeline
                shape = ("1 function" if functions == 1
                         else "%d functions" % functions)
                print("%-26s %8d %10.3f %10.3f %7.2fx" % (
                    "%s, %d blocks" % (shape, blocks),
                    blocks * gen.LINALG_OPS_PER_BLOCK, base, pipeline,
                    pipeline / base))
    for functions in (1, args.functions):
        growth = pipeline_time[functions, 4] / pipeline_time[functions, 1]
        print("growth, %s: 4x the ops took %.2fx the time (linear: about 4)"
              % ("one function" if functions == 1
                 else "%d functions" % functions, growth))
    print("goal: pipeline / parse within 1.5x; growth about 4x")


if __name__ == "__main__":
    main()
