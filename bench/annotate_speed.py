#!/usr/bin/env python3
"""How much roof-annotate-cost adds to roof-opt's own parse + print, and how
its time grows with the op count. Prints ratios; the goals are an overhead
under 20 % and linear growth (4x the ops, about 4x the time).

roof-opt, like mlir-opt, verifies the IR again after every pass
(--verify-each); that second verification is MLIR's cost, not the
annotation's, so the ratio against the goal is taken with --verify-each=0
and the default run is shown beside it.

    bench/annotate_speed.py [--blocks N]   (default 8400 blocks = 100,800 linalg ops)
"""

import argparse
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
import gen_stacked_transformer as gen  # noqa: E402
from timing import best_of, roof_tool  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--blocks", type=int, default=8400)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    roof_opt = roof_tool("roof-opt")

    annotate_time = {}
    with tempfile.TemporaryDirectory() as work:
        for scale in (1, 4):
            blocks = args.blocks * scale
            path = os.path.join(work, "stack-%d.mlir" % scale)
            with open(path, "w") as f:
                gen.write_module(blocks, f)
            def timed(*flags):
                return best_of(args.runs, [roof_opt, path, *flags, "-o", os.devnull])

            base = timed()
            annotate = timed("--roof-annotate-cost", "--verify-each=0")
            report = timed("--roof-annotate-cost=report-only", "--verify-each=0")
            verified = timed("--roof-annotate-cost")
            annotate_time[scale] = annotate
            print("%dx: %d linalg ops: parse+print %.2f s" %
                  (scale, blocks * gen.LINALG_OPS_PER_BLOCK, base))
            print("    annotate           %.2f s  ratio %.3f" % (annotate, annotate / base))
            print("    report-only        %.2f s  ratio %.3f" % (report, report / base))
            print("    annotate, verified %.2f s  ratio %.3f (with --verify-each)"
                  % (verified, verified / base))
    print("growth: annotated run at 4x / 1x = %.2f (linear = 4.00)"
          % (annotate_time[4] / annotate_time[1]))


if __name__ == "__main__":
    main()
