// roof-diff compares two JSON reports: here the block of roofline-text.mlir
// before and after roof-fuse-epilogues, on Round A (and, in A only, on
// Round B).
// RUN: roof-opt %s -roof-report="targets=%S/Inputs/round-a.json,%S/Inputs/round-b.json param-args=1 format=json output=%t.a.json" -o /dev/null
// RUN: roof-opt %s -roof-fuse-epilogues -roof-report="targets=%S/Inputs/round-a.json param-args=1 format=json output=%t.b.json" -o /dev/null
// RUN: roof-diff %t.a.json %t.b.json | FileCheck %s
// RUN: roof-diff %t.a.json %t.b.json --format=json | FileCheck %s --check-prefix=JSON
// RUN: not roof-diff %t.a.json %s 2>&1 | FileCheck %s --check-prefix=NOTJSON
// RUN: not roof-diff %t.a.json %t.missing.json 2>&1 | FileCheck %s --check-prefix=MISSING
// RUN: echo '{"schema": "roof-target/1"}' > %t.target.json
// RUN: not roof-diff %t.target.json %t.b.json 2>&1 | FileCheck %s --check-prefix=NOTREPORT
// A report without a target object (found by roof-diff-fuzzer, which
// crashed on it): compared under target "?", not dereferenced.
// RUN: echo '{"schema": "roof-report/2", "reports": [{"function": "f", "summary": {"latency_s": 1}}]}' > %t.untargeted.json
// RUN: roof-diff %t.untargeted.json %t.untargeted.json | FileCheck %s --check-prefix=UNTARGETED
// UNTARGETED: == @f on ? at batch 1
// UNTARGETED: latency 1000000.000 us -> 1000000.000 us x1.000 (+0.0 %)
// RUN: roof-diff --help | FileCheck %s --check-prefix=HELP
// HELP: USAGE: roof-diff [options] <A.json> <B.json>
// HELP-NOT: amdgpu
// HELP: --format=<string> - text (default) or json (schema roof-diff/1)

// Unfused on A: the matmul's 2^31 FLOPs at 100 TFLOP/s, 21.475 us, and the
// add's 12582912 B at 1 TB/s less the 4194304 B its input is served on chip,
// 8.389 us: 29.863 us. Fused, one kernel of 2^31 + 2^20 = 2148532224 FLOPs
// at the matrix rate: 21.485 us, 0.719 of it (-28.1 %). Bytes: 16777216 +
// 12582912 = 29360128 unfused; the kernel reads a, b, c and writes its
// result once: 16777216 (0.571).
// CHECK: == @block on Round A at batch 1
// CHECK-NEXT: latency 29.863 us -> 21.485 us x0.719 (-28.1 %)
// CHECK-NEXT: FLOPs 2148532224 -> 2148532224 x1.000 (+0.0 %)
// CHECK-NEXT: bytes 29360128 -> 16777216 x0.571 (-42.9 %)
// CHECK-NEXT: A time(us) B time(us) change(us) op type
// CHECK-NEXT: 21.475 21.485 0.010 linalg.matmul
// CHECK-NEXT: 8.389 - -8.389 linalg.add
// Kernels match by their root op and its location (JSON's "root"): the
// fused kernel meets the matmul it is built around (+0.010 us, shown by its
// name in B), the add it took in is gone from B; the largest changes first.
// CHECK-NEXT: kernels whose time changed most (2 of 2):
// CHECK-NEXT: A time(us) B time(us) change(us) kernel
// CHECK-NEXT: 8.389 - -8.389 linalg.add at diff.mlir:{{[0-9]+}}
// CHECK-NEXT: 21.475 21.485 0.010 roof.kernel(linalg.matmul + 1) at diff.mlir:{{[0-9]+}}
// CHECK: only in A: @block on Round B at batch 1

// JSON: "schema": "roof-diff/1",
// JSON: "function": "block",
// JSON-NEXT: "target": "Round A",
// JSON-NEXT: "batch": 1,
// JSON-NEXT: "latency_s_a": 2.986{{[0-9]*}}e-05,
// JSON-NEXT: "latency_s_b": 2.148{{[0-9]*}}e-05,
// JSON: "op": "linalg.add",
// JSON-NEXT: "time_s_a": 8.388{{[0-9]*}}e-06,
// JSON-NEXT: "time_s_b": null
// JSON: "only_in_a": [
// JSON-NEXT: "@block on Round B at batch 1"

// NOTJSON: roof-diff: {{.*}}diff.mlir: not valid JSON
// MISSING: roof-diff: {{.*}}missing.json: (file): cannot be read
// NOTREPORT: roof-diff: {{.*}}target.json: not a roof-report/2 document (roof-report format=json writes one)

func.func @block(%a: tensor<1024x1024xf32>, %b: tensor<1024x1024xf32>,
                 %c: tensor<1024x1024xf32>) -> tensor<1024x1024xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<1024x1024xf32>, tensor<1024x1024xf32>)
                     outs(%c : tensor<1024x1024xf32>) -> tensor<1024x1024xf32>
  %e = tensor.empty() : tensor<1024x1024xf32>
  %1 = linalg.add ins(%0, %c : tensor<1024x1024xf32>, tensor<1024x1024xf32>)
                  outs(%e : tensor<1024x1024xf32>) -> tensor<1024x1024xf32>
  return %1 : tensor<1024x1024xf32>
}
