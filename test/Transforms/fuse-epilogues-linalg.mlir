// RUN: roof-opt %s -split-input-file -roof-fuse-epilogues | FileCheck %s
// RUN: roof-opt %s -split-input-file -roof-fuse-epilogues -roof-inline-kernels | FileCheck %s --check-prefix=INLINE

// Legality rules of docs/fusion.md on linalg, each both ways.

#mn = affine_map<(m, n) -> (m, n)>
#n = affine_map<(m, n) -> (n)>

// A transformer FFN: matmul + bias + GELU; the accumulator fill comes along.
// CHECK-LABEL: func.func @ffn_bias_gelu
// CHECK: %[[K:.*]] = roof.kernel -> tensor<16x256xf32> {
// CHECK-NEXT: linalg.fill
// CHECK-NEXT: linalg.matmul
// CHECK-NEXT: linalg.generic
// CHECK: math.erf
// CHECK: roof.yield
// CHECK: return %[[K]]
// INLINE-LABEL: func.func @ffn_bias_gelu
// INLINE-NOT: roof.kernel
// INLINE: linalg.fill
// INLINE: linalg.matmul
// INLINE: math.erf
func.func @ffn_bias_gelu(%x: tensor<16x64xf32>, %w: tensor<64x256xf32>, %bias: tensor<256xf32>) -> tensor<16x256xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<16x256xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<16x256xf32>) -> tensor<16x256xf32>
  %mm = linalg.matmul ins(%x, %w : tensor<16x64xf32>, tensor<64x256xf32>) outs(%acc : tensor<16x256xf32>) -> tensor<16x256xf32>
  %r = linalg.generic {indexing_maps = [#mn, #n, #mn], iterator_types = ["parallel", "parallel"]}
      ins(%mm, %bias : tensor<16x256xf32>, tensor<256xf32>) outs(%e : tensor<16x256xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %half = arith.constant 0.5 : f32
    %one = arith.constant 1.0 : f32
    %c = arith.constant 0.70710678 : f32
    %s = arith.addf %a, %b : f32
    %t = arith.mulf %s, %c : f32
    %erf = math.erf %t : f32
    %p = arith.addf %erf, %one : f32
    %q = arith.mulf %s, %p : f32
    %g = arith.mulf %q, %half : f32
    linalg.yield %g : f32
  } -> tensor<16x256xf32>
  return %r : tensor<16x256xf32>
}

// -----

// A residual from a distant op: the add's other operand is defined long
// before the matmul; the kernel stands where the add was.
// CHECK-LABEL: func.func @residual_from_distant_op
// CHECK: %[[RES:.*]] = linalg.exp
// CHECK: roof.kernel
// CHECK-NEXT: linalg.matmul
// CHECK-NEXT: linalg.add ins(%{{.*}}, %[[RES]] :
func.func @residual_from_distant_op(%x: tensor<8x8xf32>, %w: tensor<8x8xf32>, %acc: tensor<8x8xf32>) -> tensor<8x8xf32> {
  %e = tensor.empty() : tensor<8x8xf32>
  %residual = linalg.exp ins(%x : tensor<8x8xf32>) outs(%e : tensor<8x8xf32>) -> tensor<8x8xf32>
  %mm = linalg.matmul ins(%x, %w : tensor<8x8xf32>, tensor<8x8xf32>) outs(%acc : tensor<8x8xf32>) -> tensor<8x8xf32>
  %r = linalg.add ins(%mm, %residual : tensor<8x8xf32>, tensor<8x8xf32>) outs(%e : tensor<8x8xf32>) -> tensor<8x8xf32>
  return %r : tensor<8x8xf32>
}

// -----

// Rule 1: an intermediate with another user is not fused (its bytes would
// not be saved).
// CHECK-LABEL: func.func @intermediate_with_two_users
// CHECK-NOT: roof.kernel
func.func @intermediate_with_two_users(%x: tensor<8x8xf32>, %w: tensor<8x8xf32>, %acc: tensor<8x8xf32>) -> (tensor<8x8xf32>, tensor<8x8xf32>) {
  %e = tensor.empty() : tensor<8x8xf32>
  %mm = linalg.matmul ins(%x, %w : tensor<8x8xf32>, tensor<8x8xf32>) outs(%acc : tensor<8x8xf32>) -> tensor<8x8xf32>
  %r = linalg.exp ins(%mm : tensor<8x8xf32>) outs(%e : tensor<8x8xf32>) -> tensor<8x8xf32>
  return %r, %mm : tensor<8x8xf32>, tensor<8x8xf32>
}

// -----

// Rule 2: a consumer that transposes the result does not map onto the
// root's output tile.
#mn = affine_map<(m, n) -> (m, n)>
#nm = affine_map<(m, n) -> (n, m)>
// CHECK-LABEL: func.func @transposing_consumer
// CHECK-NOT: roof.kernel
func.func @transposing_consumer(%x: tensor<8x8xf32>, %w: tensor<8x8xf32>, %acc: tensor<8x8xf32>) -> tensor<8x8xf32> {
  %e = tensor.empty() : tensor<8x8xf32>
  %mm = linalg.matmul ins(%x, %w : tensor<8x8xf32>, tensor<8x8xf32>) outs(%acc : tensor<8x8xf32>) -> tensor<8x8xf32>
  %r = linalg.generic {indexing_maps = [#nm, #mn], iterator_types = ["parallel", "parallel"]}
      ins(%mm : tensor<8x8xf32>) outs(%e : tensor<8x8xf32>) {
  ^bb0(%a: f32, %o: f32):
    %n = arith.negf %a : f32
    linalg.yield %n : f32
  } -> tensor<8x8xf32>
  return %r : tensor<8x8xf32>
}

// -----

// Rule 3: a reduction ends the chain: bias add fused, row sum not.
// CHECK-LABEL: func.func @reduction_ends_chain
// CHECK: roof.kernel
// CHECK-NEXT: linalg.matmul
// CHECK-NEXT: linalg.add
// CHECK-NEXT: roof.yield
// CHECK: linalg.reduce
func.func @reduction_ends_chain(%x: tensor<8x8xf32>, %w: tensor<8x8xf32>, %acc: tensor<8x8xf32>, %bias: tensor<8x8xf32>, %init: tensor<8xf32>) -> tensor<8xf32> {
  %e = tensor.empty() : tensor<8x8xf32>
  %mm = linalg.matmul ins(%x, %w : tensor<8x8xf32>, tensor<8x8xf32>) outs(%acc : tensor<8x8xf32>) -> tensor<8x8xf32>
  %b = linalg.add ins(%mm, %bias : tensor<8x8xf32>, tensor<8x8xf32>) outs(%e : tensor<8x8xf32>) -> tensor<8x8xf32>
  %r = linalg.reduce ins(%b : tensor<8x8xf32>) outs(%init : tensor<8xf32>) dimensions = [1]
    (%a: f32, %s: f32) {
      %t = arith.addf %a, %s : f32
      linalg.yield %t : f32
    }
  return %r : tensor<8xf32>
}

// -----

// Rule 3 too: softmax is a reduction and is not fused.
// CHECK-LABEL: func.func @softmax_not_fused
// CHECK-NOT: roof.kernel
func.func @softmax_not_fused(%x: tensor<8x8xf32>, %w: tensor<8x8xf32>, %acc: tensor<8x8xf32>) -> tensor<8x8xf32> {
  %e = tensor.empty() : tensor<8x8xf32>
  %mm = linalg.matmul ins(%x, %w : tensor<8x8xf32>, tensor<8x8xf32>) outs(%acc : tensor<8x8xf32>) -> tensor<8x8xf32>
  %s = linalg.softmax dimension(1) ins(%mm : tensor<8x8xf32>) outs(%e : tensor<8x8xf32>) -> tensor<8x8xf32>
  return %s : tensor<8x8xf32>
}

// -----

// Rule 4: dynamic shapes are not fused (equality is not proven).
// CHECK-LABEL: func.func @dynamic_shapes
// CHECK-NOT: roof.kernel
func.func @dynamic_shapes(%x: tensor<?x8xf32>, %w: tensor<8x8xf32>, %acc: tensor<?x8xf32>) -> tensor<?x8xf32> {
  %mm = linalg.matmul ins(%x, %w : tensor<?x8xf32>, tensor<8x8xf32>) outs(%acc : tensor<?x8xf32>) -> tensor<?x8xf32>
  %r = linalg.exp ins(%mm : tensor<?x8xf32>) outs(%acc : tensor<?x8xf32>) -> tensor<?x8xf32>
  return %r : tensor<?x8xf32>
}

// -----

// Rule 5: buffers have side effects; memref-level linalg is not fused.
// CHECK-LABEL: func.func @memrefs
// CHECK-NOT: roof.kernel
func.func @memrefs(%x: memref<8x8xf32>, %w: memref<8x8xf32>, %acc: memref<8x8xf32>) {
  linalg.matmul ins(%x, %w : memref<8x8xf32>, memref<8x8xf32>) outs(%acc : memref<8x8xf32>)
  linalg.exp ins(%acc : memref<8x8xf32>) outs(%acc : memref<8x8xf32>)
  return
}

// -----

// Roots: pooling has a window but no multiply, so it is no root.
// CHECK-LABEL: func.func @pooling_is_no_root
// CHECK-NOT: roof.kernel
func.func @pooling_is_no_root(%x: tensor<1x8x8x4xf32>, %out: tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32> {
  %window = tensor.empty() : tensor<2x2xf32>
  %p = linalg.pooling_nhwc_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
      ins(%x, %window : tensor<1x8x8x4xf32>, tensor<2x2xf32>) outs(%out : tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  %e = tensor.empty() : tensor<1x4x4x4xf32>
  %r = linalg.exp ins(%p : tensor<1x4x4x4xf32>) outs(%e : tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  return %r : tensor<1x4x4x4xf32>
}
