// The whole measuring loop on a tiny ONNX model: profile it under ONNX
// Runtime (scripts/measure), import it, fuse, and report with the measured
// figures. The structure and the matching are checked, not the timings.
//
// REQUIRES: onnxruntime, onnx-python
// RUN: rm -rf %t && %debian_python %S/../Import/Inputs/make_onnx_models.py %t
// RUN: %measure %t/conv_block.onnx --input-shape x=1,3,8,8 --warmup 1 --runs 3 -o %t/profile.json | FileCheck %s --check-prefix=MEASURE
// RUN: roof-import-onnx %t/conv_block.onnx --input-shape batch=1 -o %t/model.mlir
// RUN: roof-opt %t/model.mlir --roof-fuse-epilogues --roof-report="targets=%S/Inputs/round-a.json measured=%t/profile.json" -o /dev/null | FileCheck %s
// RUN: roof-opt %t/model.mlir --roof-fuse-epilogues --roof-report="targets=%S/Inputs/round-a.json measured=%t/profile.json format=json" -o /dev/null > %t/report.json
// RUN: %debian_python %S/Inputs/validate_report.py %roof_src_root/docs/report-schema.json %t/report.json | FileCheck %s --check-prefix=VALID
// RUN: FileCheck %s --check-prefix=JSON < %t/report.json
// RUN: roof-opt %t/model.mlir --roof-fuse-epilogues --roof-report="targets=%S/Inputs/round-a.json measured=%t/profile.json format=csv" -o /dev/null | FileCheck %s --check-prefix=CSV
// RUN: roof-opt %t/model.mlir --roof-fuse-epilogues --roof-report="targets=%S/Inputs/round-a.json measured=%t/profile.json format=svg" -o /dev/null | FileCheck %s --check-prefix=SVG
// RUN: roof-opt %t/model.mlir --roof-fuse-epilogues --roof-report="targets=%S/Inputs/round-a.json measured=%t/profile.json format=html" -o /dev/null | FileCheck %s --check-prefix=HTML
//
// Profiles that do not belong to the model give a clear error: another
// model's (no node name matches), a truncated one, one that is not JSON, and
// one of other input shapes.
// --repeat K: per node and for the model, the least of K sessions' medians.
// RUN: %measure %t/conv_block.onnx --input-shape x=1,3,8,8 --warmup 1 --runs 3 --repeat 2 -o %t/best.json | FileCheck %s --check-prefix=REPEAT
// RUN: roof-opt %t/model.mlir --roof-fuse-epilogues --roof-report="targets=%S/Inputs/round-a.json measured=%t/best.json" -o /dev/null | FileCheck %s --check-prefix=BEST
// REPEAT: best.json: 3 runs of conv_block.onnx in each of 2 sessions, least median {{[0-9.]+}} ms, 1 thread(s), opt basic
// BEST: measured ({{.*}}best.json, 6 runs, 1 thread(s), graph optimization basic, the least of 2 sessions' medians):
// BEST: 3 kernel groups match 5 nodes
// RUN: %measure %t/conv1d.onnx --warmup 0 --runs 1 -o %t/other.json
// RUN: not roof-opt %t/model.mlir --roof-report="targets=%S/Inputs/round-a.json measured=%t/other.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=OTHER
// RUN: head -c 300 %t/profile.json > %t/truncated.json
// RUN: not roof-opt %t/model.mlir --roof-report="targets=%S/Inputs/round-a.json measured=%t/truncated.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=TRUNCATED
// RUN: not roof-opt %t/model.mlir --roof-report="targets=%S/Inputs/round-a.json measured=%s" -o /dev/null 2>&1 | FileCheck %s --check-prefix=NOT-JSON
// RUN: %measure %t/conv_block.onnx --input-shape x=4,3,8,8 --warmup 0 --runs 1 -o %t/shape.json
// RUN: not roof-opt %t/model.mlir --roof-report="targets=%S/Inputs/round-a.json measured=%t/shape.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=SHAPE
// RUN: not roof-opt %t/model.mlir --roof-report="targets=%S/Inputs/round-a.json measured=%t/profile.json batch-sizes=1,2" -o /dev/null 2>&1 | FileCheck %s --check-prefix=SWEEP

// MEASURE: profile.json: 3 runs of conv_block.onnx, median {{[0-9.]+}} ms, 1 thread(s), opt basic

// ONNX Runtime (graph optimization basic) folds the batch norm into the
// convolution; the other nodes run: conv1, relu1, pool, flatten, fc. Roof's
// kernels: conv1 + bn1 + relu1 fused (its location names all three), the
// pool, and the Gemm with the flatten read through (flatten + fc). Three
// groups cover all five nodes.
// CHECK: measured ({{.*}}profile.json, 3 runs, 1 thread(s), graph optimization basic):
// CHECK-NEXT: latency {{[0-9.]+}} us measured (median run); predicted {{[0-9.]+}} us = {{[0-9.]+}} x measured
// CHECK-NEXT: node time {{[0-9.]+}} us; 3 kernel groups match 5 nodes ({{[0-9.]+}} us); 0 nodes match no kernel (0.000 us)
// CHECK-NEXT: kernel groups by measured time (3 of 3):
// CHECK-NEXT: measured(us) predicted(us) pred/meas roof(%) TFLOP/s kernels nodes kernel
// CHECK-DAG: 1 2 roof.kernel(tosa.conv2d + {{[0-9]+}}) conv1
// CHECK-DAG: 1 2 roof.kernel(tosa.matmul + {{[0-9]+}}) fc
// CHECK-DAG: 1 1 tosa.avg_pool2d pool

// VALID: {{^}}valid{{$}}
// JSON: "schema": "roof-report/2",
// JSON: "measured": {
// JSON-NEXT: "file": "{{.*}}profile.json",
// JSON-NEXT: "setup": "1 thread(s), graph optimization basic",
// JSON-NEXT: "runs": 3,
// JSON: "groups": [
// JSON: "nodes": [
// JSON: "unmatched": []

// Each group's measured time is on its slowest kernel's row, last column.
// CSV: function,target,kernel,{{.*}},on_chip_bytes,parallel_efficiency,measured_group_s
// CSV-DAG: "roof.kernel(tosa.conv2d + {{[0-9]+}}) conv1",{{.*}},{{[0-9.e-]+}}{{$}}
// CSV-DAG: "tosa.avg_pool2d pool",{{.*}},{{[0-9.e-]+}}{{$}}

// The chart draws each measured group as a square at the FLOP/s it reached,
// joined to its predicted point; the conv1 group (with FLOPs) is one.
// SVG: <line class="measured-gap"
// SVG-SAME: <rect class="measured"
// SVG-SAME: <title>roof.kernel conv1+relu1: measured {{[0-9.]+}} us, predicted {{[0-9.]+}} us</title>
// HTML: measured {{[0-9.]+}} us (predicted / measured {{[0-9.]+}})
// HTML: <table class="kernels measured">
// HTML: conv1, relu1</td></tr>

// OTHER: error: roof-report: {{.*}}other.json: no node of the profile names an op of this module (ONNX node names become op locations on import): is it a profile of another model?
// TRUNCATED: error: roof-report: {{.*}}truncated.json: not valid J{{SON}}: {{.*}}; an ONNX Runtime profile is a JSON array of trace events
// NOT-JSON: error: roof-report: {{.*}}measured.mlir: not valid JSON
// SHAPE: error: roof-report: {{.*}}shape.json: node '{{[a-z0-9]+}}' ({{[A-Za-z]+}}) wrote {{[0-9]+}} elements, a size no op of @main writes; {{[0-9]+}} of {{[0-9]+}} matched nodes disagree: is it a profile of other input shapes?
// SWEEP: error: roof-report: measured= compares one profile at one shape; it cannot be combined with a sweep (batch-sizes=, sizes=)
