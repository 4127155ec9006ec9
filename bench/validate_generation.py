#!/usr/bin/env python3
"""Roof's generation view against published single-sequence measurements of
Llama-2-7B and Llama-3-8B: prints the table of docs/validation.md
"Language models: generation on GPUs". Each row is measured / predicted,
which must be at least 1 (a bound).

    bench/validate_generation.py [--keep DIR]

The decoders are scripts/gen_decoder.py llama2-7b / llama3-8b (published
shapes), imported once with seq, past and total kept dynamic, and priced
with attention fused (`--roof-fuse-epilogues=attention=true`). Three kinds
of row:
- decode P,D: a prompt of P tokens then D generated (generate=P,D); the
  predicted mean time per output token;
- step N: one decode step at past = N (sizes=seq:1;past:N;total:past+seq);
- first P: the prefill of P tokens (sizes=seq:P;past:0;total:past+seq),
  the time to first token.

The sources, with the settings they give, are cited row by row in
docs/validation.md.
"""

import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
from bounds import print_bounds  # noqa: E402
from timing import roof_tool, work_folder  # noqa: E402

W4_G32 = "dtype-policy=f16 weight-dtype=i4 weight-group=32"
W4_G128 = "dtype-policy=f16 weight-dtype=i4 weight-group=128"
W4_CHANNEL = "dtype-policy=f16 weight-dtype=i4 weight-group=0"
FP16 = "dtype-policy=f16"
FP8 = "dtype-policy=f8"

# (source, target, model, precision, options, kind, size, measured ms)
ROWS = [
    ("llm-perf-bench MLC", "rtx-4090", "llama2-7b", "q4f16_1 g32", W4_G32,
     "decode", (8, 256), 4.883),
    ("llm-perf-bench PR #1 MLC", "rtx-4090", "llama2-7b", "q4f16_1 g32",
     W4_G32, "step", 128, 5.236),
    ("llm-perf-bench ExLlamaV2", "rtx-4090", "llama2-7b", "GPTQ g128",
     W4_G128, "decode", (8, 256), 5.635),
    ("llm-perf-bench llama.cpp", "rtx-4090", "llama2-7b", "Q4_K_M as g32",
     W4_G32, "decode", (8, 256), 6.618),
    ("llama.cpp PR #6766", "rtx-4090", "llama2-7b", "Q4_0 g32", W4_G32,
     "decode", (1, 128), 6.811),
    ("llama.cpp PR #4766", "rtx-4090", "llama2-7b", "F16", FP16, "decode",
     (1, 128), 16.385),
    ("TinyChat", "rtx-4090", "llama2-7b", "AWQ g128", W4_G128, "step", 512,
     6.02),
    ("TinyChat", "rtx-4090", "llama2-7b", "FP16", FP16, "step", 512, 16.17),
    ("TinyChat", "rtx-4090", "llama3-8b", "AWQ g128", W4_G128, "step", 512,
     6.66),
    ("TinyChat", "rtx-4090", "llama3-8b", "FP16", FP16, "step", 512, 17.07),
    ("TinyChat", "jetson-agx-orin-gpu", "llama2-7b", "AWQ g128", W4_G128,
     "step", 512, 32.14),
    ("TinyChat", "jetson-agx-orin-gpu", "llama2-7b", "FP16", FP16, "step",
     512, 86.80),
    ("TinyChat", "jetson-agx-orin-gpu", "llama3-8b", "AWQ g128", W4_G128,
     "step", 512, 32.55),
    ("TinyChat", "jetson-agx-orin-gpu", "llama3-8b", "FP16", FP16, "step",
     512, 96.24),
    ("jetson-containers MLC", "jetson-agx-orin-gpu", "llama2-7b",
     "q4f16_ft", W4_CHANNEL, "decode", (16, 128), 21.322),
    ("jetson-containers MLC", "jetson-agx-orin-gpu", "llama2-7b",
     "q4f16_ft", W4_CHANNEL, "first", 16, 25.0),
    ("TensorRT-LLM v0.5", "h100-sxm", "llama2-7b", "FP8", FP8, "first", 128,
     7.0),
    ("TensorRT-LLM v0.5", "h100-sxm", "llama2-7b", "FP8", FP8, "first", 2048,
     36.0),
    ("TensorRT-LLM v0.5", "a100-sxm", "llama2-7b", "FP16", FP16, "first", 128,
     16.0),
    ("TensorRT-LLM v0.5", "a100-sxm", "llama2-7b", "FP16", FP16, "first",
     2048, 133.0),
    ("TinyChat", "rtx-4090", "llama3-8b", "AWQ g128", W4_G128, "first", 48,
     14.30),
    ("TinyChat", "jetson-agx-orin-gpu", "llama3-8b", "AWQ g128", W4_G128,
     "first", 48, 65.57),
]

UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3}


def to_ms(value, unit):
    return float(value) * UNITS[unit]


def import_model(name, folder):
    onnx = os.path.join(folder, name + ".onnx")
    mlir = os.path.join(folder, name + ".mlir")
    if not os.path.exists(mlir):
        subprocess.run(["/usr/bin/python3",
                        os.path.join(ROOT, "scripts", "gen_decoder.py"), name,
                        "-o", onnx], check=True)
        subprocess.run([roof_tool("roof-import-onnx"), onnx, "-o", mlir,
                        "--input-shape", "batch=1", "--input-shape", "seq=4",
                        "--input-shape", "past=7", "--input-shape",
                        "total=past+seq", "--keep-dynamic", "seq,past,total"],
                       check=True)
    return mlir


def predict(mlir, target, options, kind, size):
    """Roof's time in ms for one row."""
    if kind == "decode":
        view = f"generate={size[0]},{size[1]}"
    else:
        seq, past = (1, size) if kind == "step" else (size, 0)
        view = f"sizes=seq:{seq};past:{past};total:past+seq wide"
    report = subprocess.run(
        [roof_tool("roof-opt"), mlir, "-o", "/dev/null",
         "--roof-fuse-epilogues=attention=true",
         f"--roof-report=targets={target} {options} {view}"],
        check=True, capture_output=True, text=True).stdout
    if kind == "decode":
        mean = re.search(r"time per output token: .*?, ([0-9.]+) (us|ms|s) "
                         r"mean", report)
        return to_ms(mean.group(1), mean.group(2))
    # The sweep's row (wide: exact): sizes, work, bytes, work/B,
    # compute-bound %, latency (us), inferences/s, memory.
    row = re.search(r"^  past=\d+ seq=\d+ total=\d+ +\d+ +\d+ +[0-9.]+ +"
                    r"[0-9.]+ +([0-9.]+) ", report, re.M)
    return float(row.group(1)) * 1e-3


def main():
    folder = work_folder(__doc__, "roof-generation-")
    print("| source | target | model | precision | setting | measured (ms) "
          "| predicted (ms) | measured / predicted |")
    print("|---|---|---|---|---|---|---|---|")
    ratios = []
    for source, target, model, precision, options, kind, size, measured in \
            ROWS:
        predicted = predict(import_model(model, folder), target, options,
                            kind, size)
        ratio = measured / predicted
        ratios.append(ratio)
        setting = {"decode": "decode, P {0[0]}, D {0[1]}",
                   "step": "decode at past {0}",
                   "first": "prefill of {0} (TTFT)"}[kind].format(size)
        print(f"| {source} | `{target}` | {model} | {precision} | {setting} "
              f"| {measured:.3f} | {predicted:.3f} | {ratio:.2f} |")
    return 0 if print_bounds(ratios) else 1


if __name__ == "__main__":
    sys.exit(main())
