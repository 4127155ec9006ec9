// RUN: roof-opt %s -split-input-file -roof-annotate-cost | FileCheck %s

// TOSA contractions: FLOPs = 2 x MACs (+ one bias add per output element for
// convolutions); every operand is read whole (zero points: one element), the
// output written once. Padding positions count (the dense convention).

// CHECK-LABEL: func.func @conv2d_padded
func.func @conv2d_padded(%x: tensor<1x8x8x4xf32>, %w: tensor<16x3x3x4xf32>, %b: tensor<16xf32>) -> tensor<1x8x8x16xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  // MACs    = (1*8*8*16) * (3*3*4)        = 1024 * 36 = 36864
  // flops   = 2*36864 + 1024 bias adds    = 74752
  // read    = (256 + 576 + 16 + 1 + 1)*4  = 3400 (input, weight, bias, zero points)
  // written = 1024*4                      = 4096
  // intensity = 74752 / 7496              = 9.97
  // CHECK: tosa.conv2d {{.*}}roof.cost = #roof.cost<flops = 74752, transcendentals = 0, read = 3400, written = 4096, weight_read = 0, intensity = 9.97>
  %0 = tosa.conv2d %x, %w, %b, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 1, 1, 1, 1>, stride = array<i64: 1, 1>} : (tensor<1x8x8x4xf32>, tensor<16x3x3x4xf32>, tensor<16xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x8x16xf32>
  return %0 : tensor<1x8x8x16xf32>
}

// -----

// A zero bias (what an importer emits for a convolution without one) adds
// nothing; it is still read.
// CHECK-LABEL: func.func @conv2d_zero_bias
func.func @conv2d_zero_bias(%x: tensor<1x8x8x4xf32>, %w: tensor<16x3x3x4xf32>) -> tensor<1x8x8x16xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %b = "tosa.const"() <{values = dense<0.0> : tensor<16xf32>}> : () -> tensor<16xf32>
  // flops = 2*36864 (as @conv2d_padded) = 73728; bytes as @conv2d_padded.
  // CHECK: tosa.conv2d {{.*}}roof.cost = #roof.cost<flops = 73728, transcendentals = 0, read = 3400, written = 4096, weight_read = 0, intensity = 9.84>
  %0 = tosa.conv2d %x, %w, %b, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 1, 1, 1, 1>, stride = array<i64: 1, 1>} : (tensor<1x8x8x4xf32>, tensor<16x3x3x4xf32>, tensor<16xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x8x16xf32>
  return %0 : tensor<1x8x8x16xf32>
}

// -----

// CHECK-LABEL: func.func @conv2d_strided_int8
func.func @conv2d_strided_int8(%x: tensor<1x7x7x8xi8>, %b: tensor<4xi32>) -> tensor<1x4x4x4xi32> {
  %w = "tosa.const"() <{values = dense<[[[[1, 2, 3, 4, 5, 6, 7, 8]]], [[[1, 2, 3, 4, 5, 6, 7, 8]]], [[[1, 2, 3, 4, 5, 6, 7, 8]]], [[[1, 2, 3, 4, 5, 6, 7, 9]]]]> : tensor<4x1x1x8xi8>}> : () -> tensor<4x1x1x8xi8>
  %zp = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  // 1x1 kernel, stride 2: out 4x4 (rows 0,2,4,6 of 7), i8 x i8 -> i32.
  // MACs    = (1*4*4*4) * 8              = 512
  // flops   = 2*512 + 64                 = 1088
  // read    = 392 (input 7*7*8 i8) + 32 (weight) + 16 (bias i32) + 2 (zero points) = 442
  // weight_read = 32 (the constant filter)
  // written = 64*4                       = 256
  // intensity = 1088 / 698               = 1.56
  // CHECK: tosa.conv2d {{.*}}roof.cost = #roof.cost<flops = 1088, transcendentals = 0, read = 442, written = 256, weight_read = 32, intensity = 1.56>
  %0 = tosa.conv2d %x, %w, %b, %zp, %zp {acc_type = i32, dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 2, 2>} : (tensor<1x7x7x8xi8>, tensor<4x1x1x8xi8>, tensor<4xi32>, tensor<1xi8>, tensor<1xi8>) -> tensor<1x4x4x4xi32>
  return %0 : tensor<1x4x4x4xi32>
}

// -----

// CHECK-LABEL: func.func @conv3d
func.func @conv3d(%x: tensor<1x4x6x6x2xf32>, %w: tensor<3x2x3x3x2xf32>, %b: tensor<3xf32>) -> tensor<1x3x4x4x3xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  // MACs    = (1*3*4*4*3) * (2*3*3*2)     = 144 * 36 = 5184
  // flops   = 2*5184 + 144                = 10512
  // read    = (288 + 108 + 3 + 2)*4       = 1604
  // written = 144*4                       = 576
  // intensity = 10512 / 2180              = 4.82
  // CHECK: tosa.conv3d {{.*}}roof.cost = #roof.cost<flops = 10512, transcendentals = 0, read = 1604, written = 576, weight_read = 0, intensity = 4.82>
  %0 = tosa.conv3d %x, %w, %b, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1, 1>, pad = array<i64: 0, 0, 0, 0, 0, 0>, stride = array<i64: 1, 1, 1>} : (tensor<1x4x6x6x2xf32>, tensor<3x2x3x3x2xf32>, tensor<3xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x3x4x4x3xf32>
  return %0 : tensor<1x3x4x4x3xf32>
}

// -----

// CHECK-LABEL: func.func @depthwise
func.func @depthwise(%x: tensor<1x8x8x4xf32>, %w: tensor<3x3x4x2xf32>, %b: tensor<8xf32>) -> tensor<1x6x6x8xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  // Channel multiplier 2: 8 output channels, one 3x3 window each.
  // MACs    = (1*6*6*8) * (3*3)           = 288 * 9 = 2592
  // flops   = 2*2592 + 288                = 5472
  // read    = (256 + 72 + 8 + 2)*4        = 1352
  // written = 288*4                       = 1152
  // intensity = 5472 / 2504               = 2.19
  // CHECK: tosa.depthwise_conv2d {{.*}}roof.cost = #roof.cost<flops = 5472, transcendentals = 0, read = 1352, written = 1152, weight_read = 0, intensity = 2.19>
  %0 = tosa.depthwise_conv2d %x, %w, %b, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x8x8x4xf32>, tensor<3x3x4x2xf32>, tensor<8xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x6x6x8xf32>
  return %0 : tensor<1x6x6x8xf32>
}

// -----

// CHECK-LABEL: func.func @transpose_conv
func.func @transpose_conv(%x: tensor<1x4x4x2xf32>, %w: tensor<3x3x3x2xf32>, %b: tensor<3xf32>) -> tensor<1x6x6x3xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  // Each input element is scattered through the whole kernel:
  // MACs    = (1*4*4*2) * (3*3*3)         = 32 * 27 = 864
  // flops   = 2*864 + 108 (1*6*6*3 bias adds) = 1836
  // read    = (32 + 54 + 3 + 2)*4         = 364
  // written = 108*4                       = 432
  // intensity = 1836 / 796                = 2.31
  // CHECK: tosa.transpose_conv2d {{.*}}roof.cost = #roof.cost<flops = 1836, transcendentals = 0, read = 364, written = 432, weight_read = 0, intensity = 2.31>
  %0 = tosa.transpose_conv2d %x, %w, %b, %zp, %zp {acc_type = f32, out_pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x4x4x2xf32>, tensor<3x3x3x2xf32>, tensor<3xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x6x6x3xf32>
  return %0 : tensor<1x6x6x3xf32>
}

// -----

// CHECK-LABEL: func.func @matmul
func.func @matmul(%a: tensor<2x16x32xf32>, %b: tensor<2x32x8xf32>) -> tensor<2x16x8xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  // flops   = 2 * (2*16*8) * 32           = 16384
  // read    = (1024 + 512 + 2)*4          = 6152
  // written = 256*4                       = 1024
  // intensity = 16384 / 7176              = 2.28
  // CHECK: tosa.matmul {{.*}}roof.cost = #roof.cost<flops = 16384, transcendentals = 0, read = 6152, written = 1024, weight_read = 0, intensity = 2.28>
  %0 = tosa.matmul %a, %b, %zp, %zp : (tensor<2x16x32xf32>, tensor<2x32x8xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<2x16x8xf32>
  return %0 : tensor<2x16x8xf32>
}

// -----

// CHECK-LABEL: func.func @matmul_int8_weights
// The constant B holds 1*4*2 = 8 int8 parameters.
// CHECK-SAME: params = 8, weight_bytes = 8
func.func @matmul_int8_weights(%a: tensor<1x3x4xi8>) -> tensor<1x3x2xi32> {
  %b = "tosa.const"() <{values = dense<[[[1, 2], [3, 4], [5, 6], [7, 8]]]> : tensor<1x4x2xi8>}> : () -> tensor<1x4x2xi8>
  %zp = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  // flops = 2*(1*3*2)*4 = 48; read = 12 + 8 + 2 = 22 (weights 8); written = 6*4 = 24
  // intensity = 48 / 46 = 1.04
  // CHECK: tosa.matmul {{.*}}roof.cost = #roof.cost<flops = 48, transcendentals = 0, read = 22, written = 24, weight_read = 8, intensity = 1.04>
  %0 = tosa.matmul %a, %b, %zp, %zp : (tensor<1x3x4xi8>, tensor<1x4x2xi8>, tensor<1xi8>, tensor<1xi8>) -> tensor<1x3x2xi32>
  return %0 : tensor<1x3x2xi32>
}

// -----

// CHECK-LABEL: func.func @conv2d_int4_weights_int16_input
// 8 * 16 = 128 int4 parameters in 64 bytes
// CHECK-SAME: weight_read = 64, params = 128, weight_bytes = 64
func.func @conv2d_int4_weights_int16_input(%x: tensor<1x4x4x16xi16>, %b: tensor<8xi48>) -> tensor<1x4x4x8xi48> {
  %w = "tosa.const"() <{values = dense_resource<__elided__> : tensor<8x1x1x16xi4>}> : () -> tensor<8x1x1x16xi4>
  %xzp = "tosa.const"() <{values = dense<0> : tensor<1xi16>}> : () -> tensor<1xi16>
  %wzp = "tosa.const"() <{values = dense<0> : tensor<1xi4>}> : () -> tensor<1xi4>
  // MACs = (1*4*4*8) * 16 = 2048; flops = 4096 + 128 = 4224
  // read = 512 (i16 input) + 64 (i4 weight) + 48 (i48 bias) + 2 (i16 zp) + 1 (i4 zp) = 627
  // written = 128 * 6 (i48) = 768; intensity = 4224 / 1395 = 3.03
  // CHECK: tosa.conv2d {{.*}}roof.cost = #roof.cost<flops = 4224, transcendentals = 0, read = 627, written = 768, weight_read = 64, intensity = 3.03>
  %0 = tosa.conv2d %x, %w, %b, %xzp, %wzp {acc_type = i48, dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x4x4x16xi16>, tensor<8x1x1x16xi4>, tensor<8xi48>, tensor<1xi16>, tensor<1xi4>) -> tensor<1x4x4x8xi48>
  return %0 : tensor<1x4x4x8xi48>
}
