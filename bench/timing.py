"""Wall-clock timing and tool paths shared by the benchmarks."""

import argparse
import os
import subprocess
import tempfile
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


def _timed(cmd):
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def best_of(runs, cmd):
    """The fastest of `runs` runs of `cmd` (output discarded), in seconds."""
    return min(_timed(cmd) for _ in range(runs))


def best_of_each(runs, *cmds):
    """The fastest of `runs` runs of each of `cmds`, run in turn (one of
    each per round), so that a change in the machine's load between rounds
    reaches every command alike: their ratios are what to read."""
    best = [None] * len(cmds)
    for _ in range(runs):
        for i, cmd in enumerate(cmds):
            elapsed = _timed(cmd)
            best[i] = elapsed if best[i] is None else min(best[i], elapsed)
    return best


def work_folder(doc, prefix):
    """Reads a validation script's one option, --keep DIR (where to write
    the models it makes, kept for a look), and returns that folder, made
    if needed, or a fresh temporary one."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--keep", metavar="DIR",
                        help="write the models (and systems) here")
    folder = parser.parse_args().keep or tempfile.mkdtemp(prefix=prefix)
    os.makedirs(folder, exist_ok=True)
    return folder

