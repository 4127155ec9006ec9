// RUN: roof-opt %s -roof-annotate-cost | FileCheck %s --check-prefix=TOSA
// RUN: roof-opt %s --pass-pipeline="builtin.module(func.func(tosa-to-linalg-named, tosa-to-linalg, tosa-to-arith, tosa-to-tensor), roof-annotate-cost)" | FileCheck %s --check-prefix=LINALG

// A MobileNet depthwise-separable block at both levels: depthwise 3x3 (16
// channels, padded) + bias + ReLU6, pointwise 1x1 (16 -> 32) + bias + ReLU6,
// on an 8x8 map, f32.
//
// At the tosa level:
//   depthwise : MACs 8*8*16 * 3*3 = 9216; flops 18432 + 1024 bias = 19456;
//               read 4096 + 576 + 64 + 8 = 4744; written 4096
//   clamp     : 2048 flops; 4096 each way
//   pointwise : MACs 8*8*32 * 16 = 32768; flops 65536 + 2048 bias = 67584;
//               read 4096 + 2048 + 128 + 8 = 6280; written 8192
//   clamp     : 4096 flops; 8192 each way
//   totals    : flops 93184, read 23312, written 24576, weight_read 2816,
//               params 144 + 16 + 512 + 32 = 704
// After the lowering to linalg: the same MACs (18432 and 65536). The depthwise bias stays an add
//   (1024 FLOPs) after the lowering; the pointwise conv2d's bias becomes the
//   accumulator's init, so total FLOPs are 2048 lower: 91136.
//   Bytes: pad (read 4096, written 10*10*16*4 = 6400), the depthwise
//   accumulator fill (written 4096) and read (4096), the padded input read
//   (6400 instead of 4096), the bias add (read 4096 + 64, written 4096), the
//   pointwise bias broadcast (read 128, written 8192) and accumulator read
//   (8192); no zero points:
//   read    = 4096 + (6400 + 576 + 4096) + 4160 + 4096 + 128 + (4096 + 2048 + 8192) + 8192 = 46080
//   written = 6400 + 4096 + 4096 + 4096 + 4096 + 8192 + 8192 + 8192 = 47360

// TOSA: roof.totals = #roof.totals<flops = 93184, transcendentals = 0, read = 23312, written = 24576, weight_read = 2816, params = 704,
// TOSA: tosa.depthwise_conv2d {{.*}}roof.cost = #roof.cost<flops = 19456,
// TOSA: tosa.conv2d {{.*}}roof.cost = #roof.cost<flops = 67584,
// LINALG: roof.totals = #roof.totals<flops = 91136, transcendentals = 0, read = 46080, written = 47360, {{.*}} params = 704,
// LINALG: linalg.depthwise_conv_2d_nhwc_hwcm {{.*}}roof.cost = #roof.cost<flops = 18432,
// LINALG: linalg.conv_2d_nhwc_fhwc {{.*}}roof.cost = #roof.cost<flops = 65536,

func.func @dw_separable(%x: tensor<1x8x8x16xf32>) -> tensor<1x8x8x32xf32> {
  %dw = "tosa.const"() <{values = dense_resource<__elided__> : tensor<3x3x16x1xf32>}> : () -> tensor<3x3x16x1xf32>
  %db = "tosa.const"() <{values = dense_resource<__elided__> : tensor<16xf32>}> : () -> tensor<16xf32>
  %pw = "tosa.const"() <{values = dense_resource<__elided__> : tensor<32x1x1x16xf32>}> : () -> tensor<32x1x1x16xf32>
  %pb = "tosa.const"() <{values = dense_resource<__elided__> : tensor<32xf32>}> : () -> tensor<32xf32>
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %0 = tosa.depthwise_conv2d %x, %dw, %db, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 1, 1, 1, 1>, stride = array<i64: 1, 1>} : (tensor<1x8x8x16xf32>, tensor<3x3x16x1xf32>, tensor<16xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x8x16xf32>
  %1 = tosa.clamp %0 {min_val = 0.0 : f32, max_val = 6.0 : f32} : (tensor<1x8x8x16xf32>) -> tensor<1x8x8x16xf32>
  %2 = tosa.conv2d %1, %pw, %pb, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x8x8x16xf32>, tensor<32x1x1x16xf32>, tensor<32xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x8x32xf32>
  %3 = tosa.clamp %2 {min_val = 0.0 : f32, max_val = 6.0 : f32} : (tensor<1x8x8x32xf32>) -> tensor<1x8x8x32xf32>
  return %3 : tensor<1x8x8x32xf32>
}
