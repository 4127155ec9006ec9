// A matrix engine that is a MAC array pads a contraction's reduction and
// its output channels to the array's depth and width; a contraction that
// would run slower there than on the vector engine runs on the vector
// engine (docs/roofline.md, MAC arrays).
// RUN: roof-opt %s -roof-report="targets=%S/Inputs/round-array.json format=json" -o /dev/null | FileCheck %s
// RUN: roof-opt %s -roof-report="targets=%S/Inputs/round-array-taps.json format=json" -o /dev/null | FileCheck %s --check-prefix=TAPS
// RUN: roof-opt %s -roof-report="targets=%S/Inputs/round-array.json" -o /dev/null | FileCheck %s --check-prefix=TEXT

// Round Array: matrix f32 100 TFLOP/s as a 32x32 array, vector f32
// 1 TFLOP/s.

// A 3x3 convolution of 3 channels into 64: the taps join the reduction,
// K = 3 x 3 x 3 = 27 of 32, N = 64 of 64: 0.84375. Tap by tap, K = 3 of 32:
// 0.09375.
// CHECK-LABEL: "function": "conv"
// CHECK: "matrix_array": "32x32",
// CHECK-NEXT: "array_taps": "flattened",
// CHECK: "engine": "matrix"
// CHECK: "array_efficiency": 0.84375,
// TAPS-LABEL: "function": "conv"
// TAPS: "array_taps": "separate",
// TAPS: "array_efficiency": 0.09375,
func.func @conv(%x: tensor<1x8x8x3xf32>, %w: tensor<64x3x3x3xf32>, %b: tensor<64xf32>) -> tensor<1x8x8x64xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %0 = tosa.conv2d %x, %w, %b, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 1, 1, 1, 1>, stride = array<i64: 1, 1>} : (tensor<1x8x8x3xf32>, tensor<64x3x3x3xf32>, tensor<64xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x8x64xf32>
  return %0 : tensor<1x8x8x64xf32>
}

// The same in linalg: the filter loops are the taps, the input channel the
// reduction, the output channel the columns.
// CHECK-LABEL: "function": "linalg_conv"
// CHECK: "array_efficiency": 0.84375,
// TAPS-LABEL: "function": "linalg_conv"
// TAPS: "array_efficiency": 0.09375,
func.func @linalg_conv(%x: tensor<1x10x10x3xf32>, %w: tensor<3x3x3x64xf32>, %o: tensor<1x8x8x64xf32>) -> tensor<1x8x8x64xf32> {
  %0 = linalg.conv_2d_nhwc_hwcf ins(%x, %w : tensor<1x10x10x3xf32>, tensor<3x3x3x64xf32>) outs(%o : tensor<1x8x8x64xf32>) -> tensor<1x8x8x64xf32>
  return %0 : tensor<1x8x8x64xf32>
}

// A depthwise convolution: each output reads one channel, so one column of
// 32 is busy and the reduction is the 9 taps of 32: 9 / 1024 = 0.0087890625.
// 100 TFLOP/s x 0.0087890625 = 0.879 TFLOP/s is less than the vector
// engine's 1 TFLOP/s, so it runs there, at the vector rate.
// CHECK-LABEL: "function": "depthwise"
// CHECK: "engine": "vector"
// CHECK: "peak_flop_per_s": 1000000000000,
// CHECK: "array_efficiency": 0.0087890625,
// Tap by tap, K = 1: 1 / 1024; also on the vector engine.
// TAPS-LABEL: "function": "depthwise"
// TAPS: "engine": "vector"
// TAPS: "array_efficiency": 0.0009765625,
func.func @depthwise(%x: tensor<1x8x8x16xf32>, %w: tensor<3x3x16x1xf32>, %b: tensor<16xf32>) -> tensor<1x8x8x16xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %0 = tosa.depthwise_conv2d %x, %w, %b, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 1, 1, 1, 1>, stride = array<i64: 1, 1>} : (tensor<1x8x8x16xf32>, tensor<3x3x16x1xf32>, tensor<16xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x8x16xf32>
  return %0 : tensor<1x8x8x16xf32>
}

// linalg depthwise: no output channel beyond the depth, one column.
// CHECK-LABEL: "function": "linalg_depthwise"
// CHECK: "engine": "vector"
// CHECK: "array_efficiency": 0.0087890625,
func.func @linalg_depthwise(%x: tensor<1x10x10x16xf32>, %w: tensor<3x3x16xf32>, %o: tensor<1x8x8x16xf32>) -> tensor<1x8x8x16xf32> {
  %0 = linalg.depthwise_conv_2d_nhwc_hwc ins(%x, %w : tensor<1x10x10x16xf32>, tensor<3x3x16xf32>) outs(%o : tensor<1x8x8x16xf32>) -> tensor<1x8x8x16xf32>
  return %0 : tensor<1x8x8x16xf32>
}

// A matmul of 1024x1000 by 1000x40: K = 1000 of 1024, N = 40 of 64:
// 0.9765625 x 0.625 = 0.6103515625. T_compute = 2 x 1024 x 1000 x 40 =
// 81920000 FLOP / (1e14 x 0.6103515625) = 1.34217728 us.
// CHECK-LABEL: "function": "matmul"
// CHECK: "engine": "matrix"
// CHECK: "array_efficiency": 0.6103515625,
// CHECK-NEXT: "t_compute_s": 1.34217728{{0*[0-9]?}}e-06,
// TAPS-LABEL: "function": "matmul"
// TAPS: "array_efficiency": 0.6103515625,
func.func @matmul(%a: tensor<1024x1000xf32>, %b: tensor<1000x40xf32>, %c: tensor<1024x40xf32>) -> tensor<1024x40xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<1024x1000xf32>, tensor<1000x40xf32>) outs(%c : tensor<1024x40xf32>) -> tensor<1024x40xf32>
  return %0 : tensor<1024x40xf32>
}

// TEXT-LABEL: == @conv
// TEXT: array: 1 contractions fill part of the 32x32 MAC array (down to 84.4 % busy)
// TEXT-LABEL: == @depthwise
// TEXT: array: 1 contractions run on the vector engine, faster there than on their share of the array
// TEXT-LABEL: == @matmul
// TEXT: array: 1 contractions fill part of the 32x32 MAC array (down to 61.0 % busy)
