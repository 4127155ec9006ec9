// RUN: roof-opt %s -roof-annotate-cost | FileCheck %s --check-prefix=UNFUSED
// RUN: roof-opt %s -roof-fuse-epilogues -roof-annotate-cost | FileCheck %s --check-prefix=FUSED

// matmul 1024x1024x1024 f32 + bias + ReLU, with its zero accumulator.
// Unfused:
//   fill    : written 4194304 (4 MiB)
//   matmul  : 2147483648 FLOPs; read A + B + the accumulator = 3 x 4 MiB = 12582912; written 4 MiB;
//             intensity 2147483648 / 16777216 = 128.00
//   epilogue: add + max = 2 x 1048576 FLOPs; read the matmul's 4 MiB + the bias 4096 = 4198400; written 4 MiB
//   totals  : 2149580800 FLOPs, read 16781312, written 12582912
//             intensity 2149580800 / 29364224 = 73.20
// Fused into one kernel: the accumulator and the matmul result stay on chip.
//   read    = A + B + bias = 8388608 + 4096 = 8392704
//   written = the result   = 4194304
//   Saved: two 4 MiB round trips (the accumulator: written by the fill,
//   read by the matmul; the matmul result: written, read by the epilogue):
//   16781312 - 8392704 = 8388608 read, 12582912 - 4194304 = 8388608 written.
//   intensity 2149580800 / 12587008 = 170.78
// UNFUSED: roof.totals = #roof.totals<flops = 2149580800, transcendentals = 0, read = 16781312, written = 12582912,
// UNFUSED: linalg.matmul {roof.cost = #roof.cost<flops = 2147483648, transcendentals = 0, read = 12582912, written = 4194304, weight_read = 0, intensity = 128.00>}
// ops: the constant, tensor.empty and the kernel = 3.
// FUSED: roof.totals = #roof.totals<flops = 2149580800, transcendentals = 0, read = 8392704, written = 4194304, weight_read = 0, params = 0, weight_bytes = 0, ops = 3, prepared = 0, prepared_flops = 0, prepared_bytes = 0, unknown = 0
// FUSED: roof.kernel
// FUSED-NOT: roof.cost
// FUSED: } {roof.cost = #roof.cost<flops = 2149580800, transcendentals = 0, read = 8392704, written = 4194304, weight_read = 0, intensity = 170.78>}

#mn = affine_map<(m, n) -> (m, n)>
#n = affine_map<(m, n) -> (n)>
func.func @mm_bias_relu(%a: tensor<1024x1024xf32>, %b: tensor<1024x1024xf32>, %bias: tensor<1024xf32>) -> tensor<1024x1024xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1024x1024xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<1024x1024xf32>) -> tensor<1024x1024xf32>
  %mm = linalg.matmul ins(%a, %b : tensor<1024x1024xf32>, tensor<1024x1024xf32>) outs(%acc : tensor<1024x1024xf32>) -> tensor<1024x1024xf32>
  %r = linalg.generic {indexing_maps = [#mn, #n, #mn], iterator_types = ["parallel", "parallel"]}
      ins(%mm, %bias : tensor<1024x1024xf32>, tensor<1024xf32>) outs(%e : tensor<1024x1024xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %s = arith.addf %x, %y : f32
    %m = arith.maximumf %s, %zero : f32
    linalg.yield %m : f32
  } -> tensor<1024x1024xf32>
  return %r : tensor<1024x1024xf32>
}
