#!/usr/bin/env python3
"""Roof's predictions against published NPU and DSP latencies: prices every
row of bench/edge_measurements.csv (target, whether the row was used to fit
the target's figures or held out, source, model, precision, measured ms) and
prints the table of docs/validation.md "Edge NPUs and DSPs" with the ratio
measured / predicted, then how many held-out rows lie in 1.0-2.0.

    bench/validate_edge.py [--fit TARGET] [--keep DIR]

Models are scripts/gen_cnn.py's (written and imported once into --keep, a
temporary directory by default) or, for names starting with light_, the
light model zoo in ../shared/models/onnx. Each row is priced as
`roof-opt M.mlir --roof-fuse-epilogues
--roof-report="targets=T dtype-policy=P"`. Rows whose target is not a file
in targets/ (a power mode of one) are printed as they are in the CSV's
`predicted_ms`, marked as not re-run.

--fit TARGET solves that target's fitted figures from its `fit` rows and
prints them instead of the table, the way the Hexagon files were fitted:
the matrix rate of the first precision among the rows and the call
overhead jointly (for each rate on a grid, the overhead is the largest that
keeps every row's prediction at or below its measurement; the score is the
sum of log(measured / predicted); of the rates scoring within 0.03 of the
best, the least is taken, since these rows bound the rate only from below),
then the matrix rate of each other precision with that overhead, the least
rate that keeps every such row's prediction at or below its measurement.
"""

import argparse
import csv
import json
import math
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
from timing import roof_tool  # noqa: E402
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "models", "onnx")
ROWS = os.path.join(ROOT, "bench", "edge_measurements.csv")
# gen_cnn.py needs the onnx module, which Debian's python3-onnx puts in the
# system interpreter.
PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") \
    else sys.executable


def model_mlir(name, keep):
    mlir = os.path.join(keep, name + ".mlir")
    if os.path.exists(mlir):
        return mlir
    onnx = os.path.join(SHARED, name + ".onnx")
    if not name.startswith("light_"):
        onnx = os.path.join(keep, name + ".onnx")
        subprocess.run([PYTHON, os.path.join(ROOT, "scripts", "gen_cnn.py"),
                        name, "-o", onnx], check=True)
    subprocess.run([roof_tool("roof-import-onnx"), onnx, "-o", mlir],
                   check=True)
    return mlir


def predict_ms(mlir, target, precision):
    """Roof's latency of `mlir` on `target` (a name or a path), in ms."""
    out = subprocess.run(
        [roof_tool("roof-opt"), mlir, "-o", os.devnull, "--roof-fuse-epilogues",
         "--roof-report=targets=%s dtype-policy=%s format=json" %
         (target, precision)], check=True, capture_output=True,
        text=True).stdout
    return json.loads(out)["reports"][0]["summary"]["latency_s"] * 1e3


def read_rows():
    with open(ROWS, newline="") as f:
        return list(csv.DictReader(f))


def print_table(rows, keep):
    print("| target | role | source | model | batch | precision | "
          "measured (ms) | predicted (ms) | measured / predicted |")
    print("|---|---|---|---|---|---|---|---|---|")
    held, inside = 0, 0
    for row in rows:
        shipped = os.path.exists(
            os.path.join(ROOT, "targets", row["target"] + ".json"))
        if shipped:
            predicted = predict_ms(model_mlir(row["model"], keep),
                                   row["target"], row["precision"])
        else:
            predicted = float(row["predicted_ms"])
        ratio = float(row["measured_ms"]) / predicted
        if row["role"] == "held-out":
            held += 1
            inside += 1.0 <= round(ratio, 2) <= 2.0
        model = row["model"] + (" — " + row["note"] if row["note"] else "")
        print("| %s | %s | %s | %s | %s | %s | %s | %.4g%s | %.2f |" %
              (row["target"], row["role"], row["source"], model,
               row["batch"], row["precision"], row["measured_ms"], predicted,
               "" if shipped else " (not re-run)", ratio))
    print("\nheld out: %d rows, %d within 1.0-2.0" % (held, inside))


def rated_target(base, work, overhead_s, rates):
    """A copy of target `base` with its call overhead and matrix rates
    replaced; returns its path."""
    with open(os.path.join(ROOT, "targets", base + ".json")) as f:
        target = json.load(f)
    target["call_overhead"] = "%.6g us" % (overhead_s * 1e6)
    for dtype, rate in rates.items():
        unit = "TOP/s" if dtype.startswith("i") else "TFLOP/s"
        target["compute"]["matrix"][dtype] = "%.6g %s" % (rate / 1e12, unit)
    path = os.path.join(work, "%s-fit.json" % base)
    with open(path, "w") as f:
        json.dump(target, f)
    return path


def fit(name, rows, keep):
    rows = [r for r in rows if r["target"] == name and r["role"] == "fit"]
    if not rows:
        sys.exit("validate_edge.py: no fit rows for %s" % name)
    first = rows[0]["precision"]
    joint = [r for r in rows if r["precision"] == first]
    work = tempfile.mkdtemp()
    fixed = {}

    def base_ms(row, rates):
        path = rated_target(name, work, 0, dict(fixed, **rates))
        return predict_ms(model_mlir(row["model"], keep), path,
                          row["precision"])

    candidates = []
    for step in range(121):
        rate = 1e12 * 10 ** (step / 40)  # 1 to 1000 T/s, 40 per decade
        base = [base_ms(r, {first: rate}) for r in joint]
        measured = [float(r["measured_ms"]) for r in joint]
        overhead = min(m - b for m, b in zip(measured, base))
        if overhead < 0:
            continue
        score = sum(math.log(m / (b + overhead))
                    for m, b in zip(measured, base))
        candidates.append((rate, overhead, score))
    if not candidates:
        sys.exit("validate_edge.py: no %s rate keeps every row at or below "
                 "its measurement" % first)
    best = min(score for _, _, score in candidates)
    rate, overhead, score = next(c for c in candidates if c[2] <= best + 0.03)
    fixed[first] = rate
    print("%s: matrix %s %.4g T/s, call_overhead %.4g us (score %.3f, "
          "best %.3f)" % (name, first, rate / 1e12, overhead * 1e3, score,
                           best))
    for precision in sorted({r["precision"] for r in rows} - {first}):
        own = [r for r in rows if r["precision"] == precision]
        low, high = 1e9, 1e16
        for _ in range(60):
            mid = math.sqrt(low * high)
            worst = max((base_ms(r, {precision: mid}) + overhead) /
                        float(r["measured_ms"]) for r in own)
            low, high = (low, mid) if worst <= 1 else (mid, high)
        fixed[precision] = high
        print("%s: matrix %s %.4g T/s" % (name, precision, high / 1e12))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", metavar="TARGET")
    parser.add_argument("--keep", metavar="DIR")
    args = parser.parse_args()
    keep = args.keep or tempfile.mkdtemp()
    os.makedirs(keep, exist_ok=True)
    rows = read_rows()
    if args.fit:
        fit(args.fit, rows, keep)
    else:
        print_table(rows, keep)


if __name__ == "__main__":
    main()
