// roof-calibrate --fit: per class, the node overhead and the multiples of
// T_compute, T_memory and the output time, and the time between nodes
// (docs/validation.md), on a hand-made report whose groups an exact fit
// explains. With conv = {overhead 3 us, compute 2, memory 0.5, output 0}
// and elementwise = {1 us, 1, 3, 1}:
//   a: 3 + 2 x 10 + 0.5 x 2 + 0 x 1  = 24 us     e: 1 + 1 + 3 x 2 + 1 = 9 us
//   b: 3 + 2 x 20 + 0.5 x 2 + 0 x 2  = 44 us     f: 1 + 0 + 3 x 4 + 1 = 14 us
//   c: 3 + 2 x 5 + 0.5 x 8 + 0 x 4   = 17 us     g: 1 + 2 + 3 x 1 + 3 = 9 us
//   d: 2 x 3 + 2 x 10 + 0.5 x 10 + 0 = 31 us     h: 2 + 1 + 3 x 1 + 1 = 7 us
//   i+j: 24 (conv as a) + 0 + 1 + 3 x 2 + 1 = 32 us
// k took no measurable time and is left out of the fit, but it is a node:
// between nodes, (202 - 180 us) / 11 nodes = 2 us.
// RUN: sed "s|@TARGET@|%S/Inputs/round-a.json|" %S/Inputs/fit-report.json > %t.report.json
// RUN: roof-calibrate --fit %t.report.json -o %t.target.json
// RUN: FileCheck %s --check-prefix=FIT < %t.target.json
// RUN: roof-opt %s --roof-report="targets=%t.target.json" -o /dev/null | FileCheck %s
// RUN: roof-opt %s --roof-report="targets=%t.target.json format=json" -o /dev/null | FileCheck %s --check-prefix=JSON
// RUN: roof-opt %s --roof-report="targets=%t.target.json measured=%S/Inputs/calibrated-profile.json format=json" -o /dev/null > %t.calibrated.json
// RUN: not roof-calibrate --fit %t.calibrated.json 2>&1 | FileCheck %s --check-prefix=CALIBRATED
// RUN: not roof-calibrate --fit %S/Inputs/round-a.json 2>&1 | FileCheck %s --check-prefix=NOT-REPORT
// RUN: not roof-calibrate --fit 2>&1 | FileCheck %s --check-prefix=NONE

// FIT: "calibration": {
// FIT-NEXT: "classes": {
// FIT-NEXT: "conv": {
// FIT-NEXT: "compute": 2,
// FIT-NEXT: "memory": 0.5,
// FIT-NEXT: "output": 0,
// FIT-NEXT: "overhead": "3.000 us"
// FIT-NEXT: },
// FIT-NEXT: "elementwise": {
// FIT-NEXT: "compute": 1,
// FIT-NEXT: "memory": 3,
// FIT-NEXT: "output": 1,
// FIT-NEXT: "overhead": "1.000 us"
// FIT-NEXT: }
// FIT-NEXT: },
// FIT-NEXT: "node_overhead": "2.000 us"
// FIT-NEXT: },
// FIT-NOT: launch_overhead
// FIT: "name": "Round A (calibrated)",
// FIT: "calibration": "fitted by roof-calibrate --fit on {{[0-9-]+}} from 9 measured kernel groups in {{.*}}.report.json (profiles profile.json): {{.*}} (median error 0.0 % on those groups); {{.*}} over 1 reports; conv: overhead 3.000 us, compute 2, memory 0.5, output 0; elementwise: overhead 1.000 us, compute 1, memory 3, output 1"

// @f's add (node "n"): 1024 FLOPs at 10 TFLOP/s = 0.1024 ns, 12288 bytes
// moved at 1 TB/s = 12.288 ns, 4096 written = 4.096 ns: 1000 + 0.1024 +
// 3 x 12.288 + 4.096 = 1041.0624 ns; one node adds 2 us: 3.041 us.
// CHECK-LABEL: == @f on Round A (calibrated)
// CHECK: latency 3.041 us (1 kernel, 1 node, 2.000 us between nodes)
// CHECK-NEXT: calibrated: the target's kernel times are fitted to measurements (roof-calibrate --fit, docs/validation.md): an estimate, not a bound
// JSON: "function": "f",
// JSON: "calibrated": true
// JSON: "class": "elementwise",
// JSON: "time_s": 1.0410624{{[0-9]*}}e-06,

// @g: node "mm" is a transpose and a matmul; the transpose is the layout
// kernel of a contraction's node and costs nothing. The matmul's class is
// not calibrated: overhead 0, T_compute + T_memory (the sum, not the max):
// 2 x 16^3 = 8192 FLOPs at 100 TFLOP/s = 0.08192 ns; 3 x 1024 bytes at
// 1 TB/s = 3.072 ns; 3.15392 ns, and 2 us for its node: 2.003 us.
// CHECK-LABEL: == @g on Round A (calibrated)
// CHECK: latency 2.003 us (2 kernels, 1 node, 2.000 us between nodes)
// JSON: "function": "g",
// JSON: "class": "matmul",
// JSON: "time_s": 3.15392{{[0-9]*}}e-09,
// JSON: "class": "movement",
// JSON: "time_s": 0,

// CALIBRATED: roof-calibrate: {{.*}}.calibrated.json: priced on a calibrated target; fit reports made on the uncalibrated one
// NOT-REPORT: roof-calibrate: {{.*}}round-a.json: not a roof-report/2 JSON report (roof-report format=json measured=PROFILE)
// NONE: roof-calibrate: --fit needs roof-report JSON reports

func.func @f(%x: tensor<1024xf32>) -> tensor<1024xf32> {
  %0 = arith.addf %x, %x : tensor<1024xf32> loc("n")
  return %0 : tensor<1024xf32>
}

func.func @g(%a: tensor<16x16xf32>, %b: tensor<16x16xf32>) -> tensor<16x16xf32> {
  %init = tensor.empty() : tensor<16x16xf32>
  %t = linalg.transpose ins(%a : tensor<16x16xf32>) outs(%init : tensor<16x16xf32>) permutation = [1, 0] loc("mm")
  %zero = arith.constant dense<0.0> : tensor<16x16xf32>
  %0 = linalg.matmul ins(%t, %b : tensor<16x16xf32>, tensor<16x16xf32>) outs(%zero : tensor<16x16xf32>) -> tensor<16x16xf32> loc("mm")
  return %0 : tensor<16x16xf32>
}
