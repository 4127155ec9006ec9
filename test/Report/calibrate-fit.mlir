// roof-calibrate --fit: the per-kernel fixed cost and per-class efficiency
// from measured groups (docs/validation.md), on a hand-made report whose
// groups an exact fit explains:
//   matrix f32, 1 kernel, roofline 10 us, measured 12 us
//   matrix f32, 1 kernel, roofline 20 us, measured 22 us
//   vector,     2 kernels, roofline 5 us, measured 14 us
// measured = kernels x launch + roofline / efficiency holds with launch =
// 2 us, matrix f32 efficiency 1 (12 = 2 + 10, 22 = 2 + 20) and vector 0.5
// (14 = 2 x 2 + 5 / 0.5).
// RUN: sed "s|@TARGET@|%S/Inputs/round-a.json|" %S/Inputs/fit-report.json > %t.report.json
// RUN: roof-calibrate --fit %t.report.json -o %t.target.json
// RUN: FileCheck %s --check-prefix=FIT < %t.target.json
// RUN: roof-opt %s --roof-report="targets=%t.target.json" -o /dev/null | FileCheck %s
// RUN: not roof-calibrate --fit %S/Inputs/round-a.json 2>&1 | FileCheck %s --check-prefix=NOT-REPORT
// RUN: not roof-calibrate --fit 2>&1 | FileCheck %s --check-prefix=NONE

// FIT: "efficiency": {
// FIT-NEXT: "matrix": {
// FIT-NEXT: "f32": 1
// FIT-NEXT: },
// FIT-NEXT: "vector": 0.5
// FIT: "launch_overhead": "2.000 us",
// FIT: "name": "Round A (calibrated)",
// FIT: "calibration": "fitted by roof-calibrate --fit on {{[0-9-]+}} from 3 measured kernel groups in {{.*}}.report.json: {{.*}}; efficiency by class: matrix f32 1.000 (2 groups), vector 0.500 (1 groups)"

// The calibrated target prices the f32 add (1024 FLOPs, 12288 bytes at
// 1 TB/s: a roofline time of 0.012288 us) at 0.012288 / 0.5 + 2 = 2.025 us.
// CHECK: == @f on Round A (calibrated)
// CHECK: latency 2.025 us (1 kernels, 2.000 us launch overhead each)

// NOT-REPORT: roof-calibrate: {{.*}}round-a.json: not a roof-report/2 JSON report (roof-report format=json measured=PROFILE)
// NONE: roof-calibrate: --fit needs roof-report JSON reports

func.func @f(%x: tensor<1024xf32>) -> tensor<1024xf32> {
  %0 = arith.addf %x, %x : tensor<1024xf32>
  return %0 : tensor<1024xf32>
}
