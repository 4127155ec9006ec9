// RUN: roof-opt %s -split-input-file -roof-fuse-epilogues | FileCheck %s

// Legality rules of docs/fusion.md on TOSA.

// A MobileNet block: conv2d (bias inside) + a per-channel scale + ReLU6.
// CHECK-LABEL: func.func @mobilenet_conv_scale_relu6
// CHECK: roof.kernel -> tensor<1x8x8x16xf32> {
// CHECK-NEXT: tosa.conv2d
// CHECK-NEXT: tosa.mul
// CHECK-NEXT: tosa.clamp
// CHECK-NEXT: roof.yield
func.func @mobilenet_conv_scale_relu6(%x: tensor<1x8x8x8xf32>, %w: tensor<16x3x3x8xf32>, %b: tensor<16xf32>, %scale: tensor<1x1x1x16xf32>) -> tensor<1x8x8x16xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %0 = tosa.conv2d %x, %w, %b, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 1, 1, 1, 1>, stride = array<i64: 1, 1>} : (tensor<1x8x8x8xf32>, tensor<16x3x3x8xf32>, tensor<16xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x8x16xf32>
  %1 = tosa.mul %0, %scale, %shift : (tensor<1x8x8x16xf32>, tensor<1x1x1x16xf32>, tensor<1xi8>) -> tensor<1x8x8x16xf32>
  %2 = tosa.clamp %1 {min_val = 0.0 : f32, max_val = 6.0 : f32} : (tensor<1x8x8x16xf32>) -> tensor<1x8x8x16xf32>
  return %2 : tensor<1x8x8x16xf32>
}

// -----

// An int8 matmul requantized by rescale.
// CHECK-LABEL: func.func @matmul_rescale
// CHECK: roof.kernel -> tensor<1x4x8xi8> {
// CHECK-NEXT: tosa.matmul
// CHECK-NEXT: tosa.rescale
func.func @matmul_rescale(%a: tensor<1x4x16xi8>, %b: tensor<1x16x8xi8>) -> tensor<1x4x8xi8> {
  %zp8 = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %zp32 = "tosa.const"() <{values = dense<0> : tensor<1xi32>}> : () -> tensor<1xi32>
  %mult = "tosa.const"() <{values = dense<1073741824> : tensor<1xi32>}> : () -> tensor<1xi32>
  %shift = "tosa.const"() <{values = dense<30> : tensor<1xi8>}> : () -> tensor<1xi8>
  %0 = tosa.matmul %a, %b, %zp8, %zp8 : (tensor<1x4x16xi8>, tensor<1x16x8xi8>, tensor<1xi8>, tensor<1xi8>) -> tensor<1x4x8xi32>
  %1 = tosa.rescale %0, %mult, %shift, %zp32, %zp8 {scale32 = true, rounding_mode = SINGLE_ROUND, per_channel = false, input_unsigned = false, output_unsigned = false} : (tensor<1x4x8xi32>, tensor<1xi32>, tensor<1xi8>, tensor<1xi32>, tensor<1xi8>) -> tensor<1x4x8xi8>
  return %1 : tensor<1x4x8xi8>
}

// -----

// Rule 2: a transpose of the result does not map onto the output tile.
// CHECK-LABEL: func.func @transpose_not_fused
// CHECK-NOT: roof.kernel
func.func @transpose_not_fused(%a: tensor<1x4x16xf32>, %b: tensor<1x16x8xf32>) -> tensor<1x8x4xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %0 = tosa.matmul %a, %b, %zp, %zp : (tensor<1x4x16xf32>, tensor<1x16x8xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x4x8xf32>
  %1 = tosa.transpose %0 {perms = array<i32: 0, 2, 1>} : (tensor<1x4x8xf32>) -> tensor<1x8x4xf32>
  return %1 : tensor<1x8x4xf32>
}

// -----

// Rule 1: the conv result has two users: no kernel.
// CHECK-LABEL: func.func @two_users
// CHECK-NOT: roof.kernel
func.func @two_users(%a: tensor<1x4x16xf32>, %b: tensor<1x16x8xf32>) -> (tensor<1x4x8xf32>, tensor<1x4x8xf32>) {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %0 = tosa.matmul %a, %b, %zp, %zp : (tensor<1x4x16xf32>, tensor<1x16x8xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x4x8xf32>
  %1 = tosa.sigmoid %0 : (tensor<1x4x8xf32>) -> tensor<1x4x8xf32>
  return %0, %1 : tensor<1x4x8xf32>, tensor<1x4x8xf32>
}

// -----

// Rule 3: a reduction ends the chain.
// CHECK-LABEL: func.func @reduce_ends_chain
// CHECK: roof.kernel
// CHECK-NEXT: tosa.matmul
// CHECK-NEXT: tosa.exp
// CHECK-NEXT: roof.yield
// CHECK: tosa.reduce_sum
func.func @reduce_ends_chain(%a: tensor<1x4x16xf32>, %b: tensor<1x16x8xf32>) -> tensor<1x4x1xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %0 = tosa.matmul %a, %b, %zp, %zp : (tensor<1x4x16xf32>, tensor<1x16x8xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x4x8xf32>
  %1 = tosa.exp %0 : (tensor<1x4x8xf32>) -> tensor<1x4x8xf32>
  %2 = tosa.reduce_sum %1 {axis = 2 : i32} : (tensor<1x4x8xf32>) -> tensor<1x4x1xf32>
  return %2 : tensor<1x4x1xf32>
}

// -----

// Rule 2: an operand that is larger than the output (here the add broadcasts
// the matmul's result) is not an elementwise epilogue.
// CHECK-LABEL: func.func @broadcast_of_the_result
// CHECK-NOT: roof.kernel
func.func @broadcast_of_the_result(%a: tensor<1x4x16xf32>, %b: tensor<1x16x1xf32>, %c: tensor<1x4x8xf32>) -> tensor<1x4x8xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %0 = tosa.matmul %a, %b, %zp, %zp : (tensor<1x4x16xf32>, tensor<1x16x1xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x4x1xf32>
  %1 = tosa.add %0, %c : (tensor<1x4x1xf32>, tensor<1x4x8xf32>) -> tensor<1x4x8xf32>
  return %1 : tensor<1x4x8xf32>
}

// -----

// SiLU = x * sigmoid(x) uses the conv result twice; both users join the
// kernel and only the product leaves it.
// CHECK-LABEL: func.func @silu
// CHECK: roof.kernel -> tensor<1x4x8xf32> {
// CHECK-NEXT: tosa.matmul
// CHECK-NEXT: tosa.sigmoid
// CHECK-NEXT: tosa.mul
// CHECK-NEXT: roof.yield
func.func @silu(%a: tensor<1x4x16xf32>, %b: tensor<1x16x8xf32>) -> tensor<1x4x8xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %0 = tosa.matmul %a, %b, %zp, %zp : (tensor<1x4x16xf32>, tensor<1x16x8xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x4x8xf32>
  %1 = tosa.sigmoid %0 : (tensor<1x4x8xf32>) -> tensor<1x4x8xf32>
  %2 = tosa.mul %0, %1, %shift : (tensor<1x4x8xf32>, tensor<1x4x8xf32>, tensor<1xi8>) -> tensor<1x4x8xf32>
  return %2 : tensor<1x4x8xf32>
}
