// Counts past 2^63 - 1 are written as the unsigned numbers they are, never
// wrapped to negative ones: a 2^21 x 2^20 by 2^20 x 2^21 matmul does
// 2 x 2^21 x 2^20 x 2^21 = 2^63 FLOPs.
// RUN: roof-opt %s --roof-report="targets=h100-sxm format=json" -o /dev/null | FileCheck %s
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
