// Fusion after upstream's standard TOSA lowering, run with the plugin in
// stock mlir-opt as a user's pipeline would: tosa-to-linalg writes a
// convolution's bias as a broadcast copy into its accumulator, a
// per-channel scale with constant-zero dims ((d0, d1, d2, d3) -> (d0, 0, 0,
// d3)), and a reduce_sum as a fill and a linalg.reduce. Each joins its
// kernel (docs/fusion.md), so the lowered model has the TOSA model's
// kernels.
// RUN: roof-opt %s --pass-pipeline='builtin.module(func.func(roof-fuse-epilogues),roof-report{targets=h100-sxm format=csv})' -o /dev/null | FileCheck %s --check-prefix=TOSA
// RUN: %mlir_opt --load-pass-plugin=%roof_plugin %s --pass-pipeline='builtin.module(func.func(tosa-to-linalg-named,tosa-to-linalg,tosa-to-arith,tosa-to-tensor,roof-fuse-epilogues),roof-report{targets=h100-sxm format=csv})' -o /dev/null | FileCheck %s --check-prefix=LOWERED

// The convolution's kernel reads x (1x16x16x8 f32, 8192 B), the filter
// (16x3x3x8, 4608 B), the bias (64 B) and the scale (64 B) and writes
// 1x14x14x16 f32 (12544 B). FLOPs: 2 x 14 x 14 x 16 x 3 x 3 x 8 = 451584,
// the scale 3136, the clamp (max, min) 6272: 460992; TOSA's convolution
// adds its bias (3136 more) and reads its two zero points (5 B).
// The sums: 14 x 14 x 16 = 3136 additions into 1x1x14x16 (896 B), then
// 224 into 1x1x1x16 (64 B).
// TOSA: "roof.kernel(tosa.conv2d + 2) {{.*}}",vector,"f32",464128,12933,12544,
// TOSA-NEXT: "tosa.reduce_sum {{.*}}",vector,"f32",3136,12544,896,
// TOSA-NEXT: "tosa.reduce_sum {{.*}}",vector,"f32",224,896,64,
// LOWERED: "roof.kernel(linalg.conv_2d_nhwc_fhwc + 3) {{.*}}",vector,"f32",460992,12928,12544,
// LOWERED-NEXT: "roof.kernel(linalg.reduce + 1) {{.*}}",vector,"f32",3136,12544,896,
// LOWERED-NEXT: "roof.kernel(linalg.reduce + 1) {{.*}}",vector,"f32",224,896,64,
// An average pool is lowered to a sum pool from a fill and a division by
// the window's size: one kernel, as tosa.avg_pool2d is (2 x 2 windows
// over 1x8x8x4 f32: 64 outputs x (4 additions + 1 division) = 320 FLOPs;
// x read, 1024 B, 256 B written; TOSA also reads its two zero points). A
// concat is lowered to one insert_slice per input into an empty tensor:
// one kernel, as tosa.concat is (2 x 256 B read, 512 B written).
// TOSA-NEXT: "tosa.avg_pool2d {{.*}}",vector,"f32",320,1032,256,
// TOSA-NEXT: "tosa.concat {{.*}}",vector,"f32",0,512,512,
// TOSA-NOT: roof
// LOWERED-NEXT: "roof.kernel(linalg.pooling_nhwc_sum + 2) {{.*}}",vector,"f32",320,1024,256,
// LOWERED-NEXT: "roof.kernel(tensor.insert_slice + 1) {{.*}}",vector,"f32",0,512,512,
// LOWERED-NOT: linalg

func.func @block(%x: tensor<1x16x16x8xf32>, %w: tensor<16x3x3x8xf32>,
                 %b: tensor<16xf32>, %s: tensor<1x1x1x16xf32>)
    -> (tensor<1x14x14x16xf32>, tensor<1x1x1x16xf32>) {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %c = tosa.conv2d %x, %w, %b, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>}
      : (tensor<1x16x16x8xf32>, tensor<16x3x3x8xf32>, tensor<16xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x14x14x16xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %m = tosa.mul %c, %s, %shift : (tensor<1x14x14x16xf32>, tensor<1x1x1x16xf32>, tensor<1xi8>) -> tensor<1x14x14x16xf32>
  %r = tosa.clamp %m {min_val = 0.0 : f32, max_val = 6.0 : f32} : (tensor<1x14x14x16xf32>) -> tensor<1x14x14x16xf32>
  %sum1 = tosa.reduce_sum %r {axis = 1 : i32} : (tensor<1x14x14x16xf32>) -> tensor<1x1x14x16xf32>
  %sum2 = tosa.reduce_sum %sum1 {axis = 2 : i32} : (tensor<1x1x14x16xf32>) -> tensor<1x1x1x16xf32>
  return %r, %sum2 : tensor<1x14x14x16xf32>, tensor<1x1x1x16xf32>
}

func.func @pool_concat(%x: tensor<1x8x8x4xf32>, %y: tensor<1x4x4x4xf32>) -> tensor<1x4x4x8xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %p = tosa.avg_pool2d %x, %zp, %zp {acc_type = f32, kernel = array<i64: 2, 2>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 2, 2>} : (tensor<1x8x8x4xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x4x4x4xf32>
  %c = tosa.concat %p, %y {axis = 3 : i32} : (tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>) -> tensor<1x4x4x8xf32>
  return %c : tensor<1x4x4x8xf32>
}
