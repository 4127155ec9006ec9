// The activation timeline (docs/roofline.md): the bytes live while each op
// of a function runs, where they peak and what is live there, in text and
// JSON.
// RUN: roof-opt %s --roof-report="targets=%S/Inputs/round-a.json" -o /dev/null | FileCheck %s
// RUN: roof-opt %s --roof-report="targets=%S/Inputs/round-a.json format=json output=%t.json" -o /dev/null
// RUN: %debian_python %S/Inputs/validate_report.py %roof_src_root/docs/report-schema.json %t.json | FileCheck %s --check-prefix=VALID
// RUN: FileCheck %s --check-prefix=JSON < %t.json

// VALID: {{^}}valid{{$}}

// Each tensor is 1024 f32 = 4096 B. %x lives from the start to its last use
// (op 2), %a from op 1 to op 3, %b from op 2 to op 3, %c from op 3 to the
// return (op 4). Live: op 1: x + a = 8192; op 2: x + a + b = 12288; op 3:
// a + b + c = 12288; op 4: c = 4096. The peak, 12288 B, is first reached at
// op 2, with x, a and b live (equal sizes: in the order they start). The
// sparkline scales each op to the peak in 8 levels: 8192 -> 7 x 2/3 = 4.7,
// level 5 of 0-7 (the sixth block); 12288 -> the full block; 4096 -> 2.3,
// level 2.
// CHECK: memory: weights 0.000 MB + peak activations 0.012 MB
// CHECK-NEXT: activations over 4 ops: ▆██▃
// CHECK-NEXT: peak 0.012 MB at op 2 (arith.addf at activations.mlir:{{[0-9]+}}); live then: argument #0 0.004 MB, arith.negf at activations.mlir:{{[0-9]+}} 0.004 MB, arith.addf at activations.mlir:{{[0-9]+}} 0.004 MB,

// JSON: "peak_activation_bytes": 12288,
// JSON-NEXT: "activations": {
// JSON-NEXT: "live_bytes": [
// JSON-NEXT: 8192,
// JSON-NEXT: 12288,
// JSON-NEXT: 12288,
// JSON-NEXT: 4096
// JSON-NEXT: ],
// JSON-NEXT: "peak_at": 1,
// JSON-NEXT: "peak_op": "arith.addf at activations.mlir:{{[0-9]+}}",
// JSON-NEXT: "live_at_peak": [
// JSON-NEXT: {
// JSON-NEXT: "value": "argument #0",
// JSON-NEXT: "bytes": 4096
func.func @f(%x: tensor<1024xf32>) -> tensor<1024xf32> {
  %a = arith.negf %x : tensor<1024xf32>
  %b = arith.addf %x, %a : tensor<1024xf32>
  %c = arith.mulf %a, %b : tensor<1024xf32>
  return %c : tensor<1024xf32>
}
