// The chart and page of a real model, PP-OCRv4's text detector deployed in
// INT8 on the H100, drawn by headless Chromium: the slowest kernels are
// labelled, each label names its own kernel, none covers another.
// REQUIRES: ocr-models, chromium
// RUN: roof-import-onnx %ocr_models/ch_PP-OCRv4_det_infer.onnx --input-shape x=1,3,640,640 -o %t.mlir
// RUN: roof-opt %t.mlir --roof-fuse-epilogues --roof-report="targets=h100-sxm dtype-policy=i8 top=8" -o /dev/null | FileCheck %s --check-prefix=TOP
// RUN: roof-opt %t.mlir --roof-fuse-epilogues --roof-report="targets=h100-sxm dtype-policy=i8 format=svg output=%t.svg" -o /dev/null
// RUN: grep -o '<text class="label"[^>]*>[^<]*</text>' %t.svg | sed 's/.*>\(.*\)<.*/\1/' > %t.labels
// RUN: FileCheck %s --check-prefix=LABELS < %t.labels
// RUN: FileCheck %s --check-prefix=TITLE < %t.svg
// RUN: sort %t.labels | uniq -d | wc -l | FileCheck %s --check-prefix=DISTINCT
// RUN: %chromium --window-size=960,600 --screenshot=%t-svg.png file://%t.svg 2>/dev/null
// RUN: %debian_python %S/Inputs/check_png.py %t-svg.png | FileCheck %s --check-prefix=PNG
// RUN: roof-opt %t.mlir --roof-fuse-epilogues --roof-report="targets=h100-sxm,hexagon-8gen3 dtype-policy=i8 format=html output=%t.html" -o /dev/null
// RUN: FileCheck %s --check-prefix=HTML < %t.html
// RUN: %chromium --window-size=1000,1400 --screenshot=%t.png file://%t.html 2>/dev/null
// RUN: %debian_python %S/Inputs/check_png.py %t.png | FileCheck %s --check-prefix=PAGE
// RUN: %chromium --dump-dom file://%t.html 2>/dev/null | FileCheck %s --check-prefix=DOM

// The text report's eight slowest kernels: the candidates for labels.
// TOP: kernels by time (8 of
// TOP: p2o.Conv.61
// TOP-NEXT: p2o.Conv.58
// TOP-NEXT: p2o.Conv.0
// TOP-NEXT: p2o.Conv.28
// TOP-NEXT: p2o.Conv.30
// TOP-NEXT: p2o.Conv.32
// TOP-NEXT: p2o.Conv.52
// TOP-NEXT: p2o.Conv.55

// The title names the function, the model, the dtype policy and the
// targets; INT8 convolutions count OP, the elementwise ops computed widened
// to f32 FLOP, so the axes name both.
// TITLE: <text class="title" {{.*}}>@main: roofline of ch_PP-OCRv4_det_infer.onnx, dtype-policy=i8</text>
// TITLE-NEXT: <text class="subtitle" {{.*}}>on NVIDIA H100 SXM5 80GB</text>
// TITLE: arithmetic intensity (FLOP/byte or OP/byte)</text>
// TITLE-NEXT: FLOP/s or OP/s (attained)</text>
// TITLE: hollow: every byte served on chip

// Labelled slowest first, each at the first place beside its circle that
// covers no other label; Conv.58, .30 and .32 sit where an earlier
// label already is, and stay unlabelled (their circles name them on hover).
// LABELS: conv2d @ p2o.Conv.61
// LABELS-NEXT: conv2d @ p2o.Conv.0
// LABELS-NEXT: conv2d @ p2o.Conv.28
// LABELS-NEXT: conv2d @ p2o.Conv.52
// LABELS-NEXT: conv2d @ p2o.Conv.55
// LABELS-NOT: {{.}}
// DISTINCT: {{^ *0$}}
// PNG: png 960x600 drawn

// HTML: <h2>@main: comparison</h2>
// HTML: <h2>@main on NVIDIA H100 SXM5 80GB (gpu)</h2>
// HTML: <svg class="activations"
// PAGE: png 1000x1400 drawn
// DOM: <body data-ready="yes">
