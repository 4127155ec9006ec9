"""Wall-clock timing shared by the benchmarks."""

import subprocess
import time


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
