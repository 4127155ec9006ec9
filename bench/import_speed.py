#!/usr/bin/env python3
"""How long roof-import-onnx takes on real models, against roof-opt merely
parsing and printing what it wrote. Prints the ratio per model; the goal is
an import within 3x of a parse + print of its own output (the import parses
the protobuf, runs ONNX's shape inference, folds, converts and prints), and
that weights without values keep the import independent of weight size.

Models: the PaddleOCR ones scripts/fetch-models caches and the light model
zoo in ../shared/models/onnx (skipped when absent).

    bench/import_speed.py [--runs N]
"""

import argparse
import glob
import os
import subprocess
import tempfile

from timing import best_of

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.environ.get("ROOF_BUILD_DIR", os.path.join(ROOT, "build"))
OCR_SHAPES = {
    "ch_PP-OCRv4_det_infer.onnx": "x=1,3,640,640",
    "ch_PP-OCRv4_rec_infer.onnx": "x=1,3,48,320",
    "ch_ppocr_mobile_v2.0_cls_infer.onnx": "x=1,3,48,192",
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    importer = os.path.join(BUILD, "bin", "roof-import-onnx")
    roof_opt = os.path.join(BUILD, "bin", "roof-opt")

    models = []
    cache = subprocess.run([os.path.join(ROOT, "scripts", "fetch-models")],
                           capture_output=True, text=True)
    if cache.returncode == 0:
        for name, shape in OCR_SHAPES.items():
            models.append((os.path.join(cache.stdout.strip(), name), shape))
    shared = os.path.join(os.path.dirname(ROOT), "shared", "models", "onnx")
    models += [(path, None) for path in sorted(glob.glob(
        os.path.join(shared, "light_*.onnx")))]

    print(f"{'model':40} {'MB':>7} {'import s':>9} {'keep s':>8} "
          f"{'parse+print s':>14} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "model.mlir")
        for path, shape in models:
            cmd = [importer, path, "-o", out]
            if shape:
                cmd += ["--input-shape", shape]
            imported = best_of(args.runs, cmd)
            kept = best_of(args.runs, cmd + ["--keep-weights"])
            subprocess.run(cmd, check=True)
            parsed = best_of(args.runs, [roof_opt, out, "-o", os.devnull])
            size = os.path.getsize(path) / 1e6
            print(f"{os.path.basename(path):40} {size:7.1f} {imported:9.3f} "
                  f"{kept:8.3f} {parsed:14.3f} {imported / parsed:6.2f}")


if __name__ == "__main__":
    main()
