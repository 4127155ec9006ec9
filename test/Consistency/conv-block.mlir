// RUN: roof-opt %s -roof-annotate-cost | FileCheck %s --check-prefix=TOSA
// RUN: roof-opt %s --pass-pipeline="builtin.module(func.func(tosa-to-linalg-named, tosa-to-linalg, tosa-to-arith, tosa-to-tensor), roof-annotate-cost)" | FileCheck %s --check-prefix=LINALG

// A conv block costed at the TOSA level and after MLIR's lowering to linalg:
// conv2d 3x3 (8 -> 16 channels, padded) + bias + ReLU6, 16x16 map, f32.
//
// At the tosa level: conv2d MACs = (16*16*16) * (3*3*8) = 294912
//   conv2d : flops 2*294912 + 4096 bias adds = 593920; read 8192 (input)
//            + 4608 (weight) + 64 (bias) + 8 (zero points) = 12872; written 16384
//   clamp  : flops 2*4096 = 8192; read 16384; written 16384
//   totals : flops 602112, read 29256, written 32768, weight_read 4672,
//            params 16*3*3*8 + 16 = 1168
// After the lowering to linalg: the same MACs: conv_2d_nhwc_fhwc = 2*294912 = 589824 FLOPs.
//   Total FLOPs are 4096 lower (602112 - 4096 = 598016): the lowering folds the
//   bias into the accumulator's initial value instead of adding it.
//   Bytes are higher by what the lowering materializes:
//     tensor.pad     read 8192,  written 18*18*8*4 = 10368
//     bias broadcast read 64,    written 16384 (the accumulator's init)
//     conv           reads the padded input (10368, not 8192) and the
//                    accumulator (16384); no zero points
//   read    = 8192 + 64 + (10368 + 4608 + 16384) + 16384 = 56000
//   written = 10368 + 16384 + 16384 + 16384            = 59520
//   weight_read = 64 (the bias) + 4608 (the filter)    = 4672; the broadcast
//   bias is expanded at run time (it writes more elements than it reads), so
//   the accumulator it initializes is not a weight (docs/cost-model.md)

// TOSA: roof.totals = #roof.totals<flops = 602112, transcendentals = 0, read = 29256, written = 32768, weight_read = 4672, params = 1168, weight_bytes = 4672,
// TOSA: tosa.conv2d {{.*}}roof.cost = #roof.cost<flops = 593920, transcendentals = 0, read = 12872, written = 16384,
// LINALG: roof.totals = #roof.totals<flops = 598016, transcendentals = 0, read = 56000, written = 59520, weight_read = 4672, params = 1168, weight_bytes = 4672,
// LINALG: linalg.conv_2d_nhwc_fhwc {{.*}}roof.cost = #roof.cost<flops = 589824,

func.func @conv_block(%x: tensor<1x16x16x8xf32>) -> tensor<1x16x16x16xf32> {
  %w = "tosa.const"() <{values = dense_resource<__elided__> : tensor<16x3x3x8xf32>}> : () -> tensor<16x3x3x8xf32>
  %b = "tosa.const"() <{values = dense_resource<__elided__> : tensor<16xf32>}> : () -> tensor<16xf32>
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %0 = tosa.conv2d %x, %w, %b, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 1, 1, 1, 1>, stride = array<i64: 1, 1>} : (tensor<1x16x16x8xf32>, tensor<16x3x3x8xf32>, tensor<16xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x16x16x16xf32>
  %1 = tosa.clamp %0 {min_val = 0.0 : f32, max_val = 6.0 : f32} : (tensor<1x16x16x16xf32>) -> tensor<1x16x16x16xf32>
  return %1 : tensor<1x16x16x16xf32>
}
