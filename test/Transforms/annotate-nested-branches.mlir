// Branches nested 1,000 deep: each region is walked once (its records kept
// and replayed), so the analysis is linear in the IR; it used to walk every
// level twice, 2^depth in all. The timeout turns a regression into a
// failure, not a hang.
// RUN: %debian_python %S/Inputs/nested_if.py 1000 > %t.mlir
// RUN: timeout 60 roof-opt %t.mlir --roof-annotate-cost=report-only -o /dev/null 2>&1 | FileCheck %s
// RUN: %debian_python %S/Inputs/nested_if.py 2 > %t.small.mlir
// RUN: roof-opt %t.small.mlir --roof-annotate-cost | FileCheck %s --check-prefix=SMALL

// The add at the bottom runs in the costliest branch of every level: it
// is in the totals once (64 FLOPs); the else branches only yield.
// CHECK: remark: totals of @f: 64 FLOPs {{.*}}; 1 ops counted, {{.*}}, 0 unknown

// SMALL: roof.totals = #roof.totals<flops = 64,
// SMALL: arith.addf {{.*}}roof.cost = #roof.cost<flops = 64,
