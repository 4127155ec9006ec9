// With fused kernels the report also gives the figures without fusion.
// RUN: roof-opt %S/../Transforms/fuse-epilogues-cost.mlir -roof-fuse-epilogues -roof-report="wide targets=%S/Inputs/round-a.json" -o /dev/null | FileCheck %s
// RUN: roof-opt %S/../Transforms/fuse-epilogues-cost.mlir -roof-fuse-epilogues -roof-report="targets=%S/Inputs/round-a.json" -o /dev/null | FileCheck %s --check-prefix=SCALED
// RUN: roof-opt %S/../Transforms/fuse-epilogues-cost.mlir -roof-fuse-epilogues -roof-report="wide targets=%S/Inputs/round-a.json format=json" -o /dev/null > %t.json
// RUN: %debian_python %S/Inputs/validate_report.py %roof_src_root/docs/report-schema.json %t.json | FileCheck %s --check-prefix=VALID
// RUN: FileCheck %s --check-prefix=JSON < %t.json
// RUN: roof-opt %S/../Transforms/fuse-epilogues-cost.mlir -roof-fuse-epilogues -roof-report="wide targets=%S/Inputs/round-a.json format=html" -o /dev/null | FileCheck %s --check-prefix=HTML
// The HTML summary says it too.
// HTML: without fusion 29.868 us (fusion saves 28.0 %)
// HTML: <th>saved by fusion</th>
// HTML: <td data-value="8.37{{[0-9]*}}e-06">8.372 us</td><td class="name">roof.kernel(linalg.matmul + 2)

// matmul 1024^3 f32 + bias + ReLU (test/Transforms/fuse-epilogues-cost.mlir)
// on target A (100 TFLOP/s matrix, 10 vector, 1 TB/s).
// Fused, one kernel at its root's rate: 2149580800 FLOP / 1e14 = 21.496 us
// (compute-bound; 12587008 B / 1e12 = 12.587 us).
// CHECK: 21.496 100.0% compute matrix f32 2149580800 12587008 0 170.78 21.496 12.587 100.000 roof.kernel(linalg.matmul + 2) at fuse-epilogues-cost.mlir:{{[0-9]+}}
// CHECK: latency 21.496 us (1 kernel)
// Unfused, two 4194304-B intermediates (the fill's, then the matmul's) could
// stay on chip, but not both at once in 8 MB (8388608 > 8000000): the
// shorter-lived first, ties by position, keeps the fill's. Fill: its 4194304
// B written on chip, 0 us; matmul: max(21.475, (16777216 - 4194304) / 1e12
// s = 12.583) = 21.475 us; epilogue 8392704 B = 8.393 us: 29.868 us and
// 29364224 bytes; fusion saves 1 - 21.496 / 29.868 = 28.0 % and 29364224 -
// 12587008 = 16777216 bytes.
// CHECK: without fusion: latency 29.868 us, 29364224 bytes moved; fusion saves 28.0 % of the time and 16777216 bytes
// Per fused kernel: its members unfused take 0 + 21.475 + 8.393 = 29.868 us
// and move 29364224 B; fused, 21.496 us and 12587008 B: 8.372 us and
// 16777216 B saved.
// CHECK: fusion saves by kernel (1 of 1 fused kernels):
// CHECK-NEXT: saved(us) unfused(us) fused(us) saved(B) unfused(B) kernel
// CHECK-NEXT: 8.372 29.868 21.496 16777216 29364224 roof.kernel(linalg.matmul + 2) at fuse-epilogues-cost.mlir:{{[0-9]+}}
// SCALED: fusion saves by kernel (1 of 1 fused kernels):
// SCALED-NEXT: time saved unfused fused B saved B unfused kernel
// SCALED-NEXT: 8.372 us 29.87 us 21.50 us 16.78 MB 29.36 MB roof.kernel(linalg.matmul + 2) at fuse-epilogues-cost.mlir:{{[0-9]+}}

// VALID: {{^}}valid{{$}}
// JSON: "share": 1,
// JSON-NEXT: "unfused_time_s": 2.9867{{[0-9]*}}e-05,
// JSON-NEXT: "unfused_bytes": 29364224
// JSON: "latency_unfused_s": 2.9867{{[0-9]*}}e-05,
// JSON-NEXT: "bytes_unfused": 29364224

// On a target without a rate for some kernel the two latencies price
// different kernels, so only the bytes are compared.
// RUN: roof-opt %S/../Transforms/fuse-epilogues-cost.mlir -roof-fuse-epilogues -roof-report="wide targets=%S/Inputs/round-npu.json" -o /dev/null | FileCheck %s --check-prefix=NORATE
// NORATE: without fusion: 29364224 bytes moved (16777216 more); the latencies are not comparable: fusion took in ops without a rate
