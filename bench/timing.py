"""Wall-clock timing and tool paths shared by the benchmarks."""

import os
import subprocess
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def roof_tool(name):
    """The path of one of Roof's tools (`roof-opt`, …), built first when it
    is not there yet (in $ROOF_BUILD_DIR or build/)."""
    build = os.environ.get("ROOF_BUILD_DIR", os.path.join(ROOT, "build"))
    path = os.path.join(build, "bin", name)
    if not os.path.exists(path):
        subprocess.run([os.path.join(ROOT, "scripts", "build"), name],
                       check=True, stdout=subprocess.DEVNULL)
    return path


def best_of(runs, cmd):
    """The fastest of `runs` runs of `cmd` (output discarded), in seconds."""
    best = None
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best
