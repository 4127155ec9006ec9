// param-args names the entry points' arguments: in a private helper the same
// index is whatever the caller passes (docs/cost-model.md, weights).
// RUN: roof-opt %s --roof-annotate-cost=param-args=1 | FileCheck %s

// The public function's argument 1 is a weight: the matmul reads 16384 B of
// it (64x64 f32).
// CHECK-LABEL: func.func @forward
// CHECK: linalg.matmul {roof.cost = #roof.cost<flops = 131072, transcendentals = 0, read = 24576, written = 4096, weight_read = 16384
func.func @forward(%x: tensor<16x64xf32>, %w: tensor<64x64xf32>, %c: tensor<16x64xf32>) -> tensor<16x64xf32> {
  %r = linalg.matmul ins(%x, %w : tensor<16x64xf32>, tensor<64x64xf32>) outs(%c : tensor<16x64xf32>) -> tensor<16x64xf32>
  %s = func.call @helper(%r, %r, %c) : (tensor<16x64xf32>, tensor<16x64xf32>, tensor<16x64xf32>) -> tensor<16x64xf32>
  return %s : tensor<16x64xf32>
}

// The helper's argument 1 is an activation: no weight bytes, no parameters.
// CHECK-LABEL: func.func private @helper
// CHECK-SAME: params = 0, weight_bytes = 0
// CHECK: linalg.add {roof.cost = #roof.cost<flops = 1024, transcendentals = 0, read = 8192, written = 4096, weight_read = 0,
func.func private @helper(%a: tensor<16x64xf32>, %b: tensor<16x64xf32>, %c: tensor<16x64xf32>) -> tensor<16x64xf32> {
  %r = linalg.add ins(%a, %b : tensor<16x64xf32>, tensor<16x64xf32>) outs(%c : tensor<16x64xf32>) -> tensor<16x64xf32>
  return %r : tensor<16x64xf32>
}
