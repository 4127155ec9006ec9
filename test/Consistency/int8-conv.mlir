// RUN: roof-opt %s -roof-annotate-cost | FileCheck %s --check-prefix=TOSA
// RUN: roof-opt %s --pass-pipeline="builtin.module(func.func(tosa-to-linalg-named, tosa-to-linalg, tosa-to-arith, tosa-to-tensor), roof-annotate-cost)" | FileCheck %s --check-prefix=LINALG

// An int8 quantized 1x1 conv (16 -> 8 channels, i32 accumulator and bias)
// with a rescale back to int8, at both levels.
//
// At the tosa level:
//   conv2d  : MACs 8*8*8 * 16 = 8192; flops 16384 + 512 bias = 16896;
//             read 1024 (i8 input) + 128 (i8 weight) + 32 (i32 bias) + 2 = 1186;
//             written 512*4 = 2048
//   rescale : 7 * 512 = 3584; read 2048 + 4 + 1 + 4 + 1 = 2058; written 512
//   totals  : flops 20480, read 3244, written 2560, params 128 + 8 = 136
// After the lowering to linalg: the same MACs (16384; the zero points are 0, so the lowering picks
//   the unquantized conv) and the same rescale (3584: sub, apply_scale = 3,
//   add, max, min). The conv bias becomes the accumulator's init: 512 FLOPs
//   fewer, 19968. Bytes: the bias broadcast (read 32, written 2048) and the
//   accumulator read (2048); the rescale's constants are folded into its body:
//   read 32 + (1024 + 128 + 2048) + 2048 = 5280, written 2048 + 2048 + 512 = 4608.

// TOSA: roof.totals = #roof.totals<flops = 20480, transcendentals = 0, read = 3244, written = 2560, weight_read = 160, params = 136,
// TOSA: tosa.conv2d {{.*}}roof.cost = #roof.cost<flops = 16896,
// TOSA: tosa.rescale {{.*}}roof.cost = #roof.cost<flops = 3584,
// LINALG: roof.totals = #roof.totals<flops = 19968, transcendentals = 0, read = 5280, written = 4608, {{.*}} params = 136,
// LINALG: linalg.conv_2d_nhwc_fhwc {{.*}}roof.cost = #roof.cost<flops = 16384,
// LINALG: linalg.generic {{.*}}roof.cost = #roof.cost<flops = 3584,

func.func @int8_conv(%x: tensor<1x8x8x16xi8>) -> tensor<1x8x8x8xi8> {
  %w = "tosa.const"() <{values = dense_resource<__elided__> : tensor<8x1x1x16xi8>}> : () -> tensor<8x1x1x16xi8>
  %b = "tosa.const"() <{values = dense_resource<__elided__> : tensor<8xi32>}> : () -> tensor<8xi32>
  %zp8 = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %zp32 = "tosa.const"() <{values = dense<0> : tensor<1xi32>}> : () -> tensor<1xi32>
  %mult = "tosa.const"() <{values = dense<1073741824> : tensor<1xi32>}> : () -> tensor<1xi32>
  %shift = "tosa.const"() <{values = dense<30> : tensor<1xi8>}> : () -> tensor<1xi8>
  %0 = tosa.conv2d %x, %w, %b, %zp8, %zp8 {acc_type = i32, dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x8x8x16xi8>, tensor<8x1x1x16xi8>, tensor<8xi32>, tensor<1xi8>, tensor<1xi8>) -> tensor<1x8x8x8xi32>
  %1 = tosa.rescale %0, %mult, %shift, %zp32, %zp8 {scale32 = true, rounding_mode = SINGLE_ROUND, per_channel = false, input_unsigned = false, output_unsigned = false} : (tensor<1x8x8x8xi32>, tensor<1xi32>, tensor<1xi8>, tensor<1xi32>, tensor<1xi8>) -> tensor<1x8x8x8xi8>
  return %1 : tensor<1x8x8x8xi8>
}
