// Counts past 2^63 - 1 are written as the unsigned numbers they are, never
// wrapped to negative ones, and a sum past 2^64 - 1 is `overflow` in every
// format, never a number (docs/cost-model.md, "Counts past 64 bits").
// RUN: roof-opt %s --roof-report="wide targets=h100-sxm format=json output=%t.json" -o /dev/null
// RUN: FileCheck %s --input-file=%t.json
// RUN: %debian_python %S/Inputs/validate_report.py %S/../../docs/report-schema.json %t.json | FileCheck %s --check-prefix=VALID
// RUN: roof-opt %s --roof-report="wide targets=h100-sxm" -o /dev/null | FileCheck %s --check-prefix=TEXT

// VALID: {{^}}valid{{$}}

// A 2^21 x 2^20 by 2^20 x 2^21 matmul does 2 x 2^21 x 2^20 x 2^21 = 2^63
// FLOPs.
// CHECK: "function": "big",
// CHECK: "op": "linalg.matmul",
// CHECK: "flops": 9223372036854775808,
// CHECK: "summary": {
// CHECK: "flops": 9223372036854775808,
func.func @big(%a: tensor<2097152x1048576xf32>, %b: tensor<1048576x2097152xf32>,
               %c: tensor<2097152x2097152xf32>) -> tensor<2097152x2097152xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<2097152x1048576xf32>, tensor<1048576x2097152xf32>)
                     outs(%c : tensor<2097152x2097152xf32>) -> tensor<2097152x2097152xf32>
  return %0 : tensor<2097152x2097152xf32>
}

// Each matmul does 2 x 2000000^3 = 1.6e19 FLOPs, below 2^64 - 1 = 1.8e19;
// their sum is not. Bytes: each reads two 2000000^2 f32 operands and the
// accumulator (4.8e13) and writes 1.6e13: 1.28e14 for both.
// CHECK: "function": "sum",
// CHECK: "flops": 16000000000000000000,
// CHECK: "by_op_type": [
// CHECK: "flops": "overflow",
// CHECK-NEXT: "bytes": 128000000000000
// CHECK: "summary": {
// CHECK: "flops": "overflow",
// CHECK-NEXT: "bytes": 128000000000000,
// TEXT: == @sum
// TEXT: time by op type (1):
// TEXT-NEXT: time(us)
// TEXT-NEXT: 100.0% 2 overflow 128000000000000 linalg.matmul
func.func @sum(%a: tensor<2000000x2000000xf32>, %c: tensor<2000000x2000000xf32>) -> tensor<2000000x2000000xf32> {
  %r = linalg.matmul ins(%a, %a : tensor<2000000x2000000xf32>, tensor<2000000x2000000xf32>) outs(%c : tensor<2000000x2000000xf32>) -> tensor<2000000x2000000xf32>
  %s = linalg.matmul ins(%r, %a : tensor<2000000x2000000xf32>, tensor<2000000x2000000xf32>) outs(%c : tensor<2000000x2000000xf32>) -> tensor<2000000x2000000xf32>
  return %s : tensor<2000000x2000000xf32>
}
