// Values a log-log chart and JSON cannot hold: a kernel with FLOPs and no
// bytes (vector values in registers) has infinite intensity, and a figure
// may be 0 or overflow once its unit is applied. The report finishes,
// leaves such points off the chart, writes null for the intensity, and
// rejects a rate of 0 and the overflowing figure (docs/targets.md).
// RUN: roof-opt %s --roof-report="targets=h100-sxm format=svg" -o /dev/null | FileCheck %s --check-prefix=SVG
// RUN: roof-opt %s --roof-report="targets=h100-sxm format=json" -o /dev/null > %t.json
// RUN: FileCheck %s --check-prefix=JSON < %t.json
// RUN: %debian_python %S/Inputs/validate_report.py %roof_src_root/docs/report-schema.json %t.json | FileCheck %s --check-prefix=VALID
// RUN: sed 's|"100 TFLOP/s"|"0 TFLOP/s"|' %S/Inputs/round-a.json > %t.zero.json
// RUN: not roof-opt %S/roofline-text.mlir --roof-report="targets=%t.zero.json format=svg" -o /dev/null 2>&1 | FileCheck %s --check-prefix=ZERO
// RUN: sed 's|"100 TFLOP/s"|"1e308 TFLOP/s"|' %S/Inputs/round-a.json > %t.huge.json
// RUN: not roof-opt %s --roof-report="targets=%t.huge.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=HUGE

// SVG-NOT: nan
// SVG-NOT: inf
// SVG: </svg>
// JSON: "intensity_flop_per_byte": null,
// VALID: {{^}}valid{{$}}
// ZERO: error: roof-report: {{.*}}zero.json: compute.matrix.f32: '0 TFLOP/s' is below one operation or byte a second; a rate or bandwidth must be positive
// HUGE: error: roof-report: {{.*}}huge.json: compute.matrix.f32: '1e308 TFLOP/s' is too large

func.func @registers(%x: vector<4xf32>) -> vector<4xf32> {
  %0 = arith.addf %x, %x : vector<4xf32>
  return %0 : vector<4xf32>
}
