// RUN: roof-opt %s -roof-fuse-epilogues | FileCheck %s
// RUN: roof-opt %s -roof-annotate-cost | FileCheck %s --check-prefix=UNFUSED
// RUN: roof-opt %s -roof-fuse-epilogues -roof-annotate-cost | FileCheck %s --check-prefix=FUSED

// A weight stored as i8 and dequantized (sitofp, times a per-column scale)
// before a matmul: the dequantization joins the kernel as a prologue, so the
// kernel reads the 1-byte weight instead of its 4-byte f32 copy.
// CHECK-LABEL: func.func @dequant_matmul_relu
// CHECK: roof.kernel
// CHECK-NEXT: linalg.generic
// CHECK: arith.sitofp
// CHECK: linalg.fill
// CHECK-NEXT: linalg.matmul
// CHECK-NEXT: linalg.generic
// CHECK: arith.maximumf
// CHECK: roof.yield

// Unfused bytes: dequant reads the i8 weight 256*256 = 65536 and the scale
// 1024, writes 262144; fill writes 64*256*4 = 65536; matmul reads x 65536 +
// w 262144 + acc 65536, writes 65536; relu reads 65536, writes 65536.
//   read = 65536 + 1024 + 393216 + 65536 = 525312
//   written = 262144 + 65536 + 65536 + 65536 = 458752
// UNFUSED: roof.totals = #roof.totals<flops = 8470528, transcendentals = 0, read = 525312, written = 458752,
// FLOPs either way: dequant 256*256 (mulf; sitofp is free) = 65536, matmul
// 2*64*256*256 = 8388608, relu 64*256 = 16384: 8470528.
// Fused: x 65536 + the i8 weight 65536 + the scale 1024 = 132096 read,
// 65536 written (the f32 weight copy never reaches memory).
// FUSED: } {roof.cost = #roof.cost<flops = 8470528, transcendentals = 0, read = 132096, written = 65536,

#mn = affine_map<(m, n) -> (m, n)>
#n = affine_map<(m, n) -> (n)>
func.func @dequant_matmul_relu(%x: tensor<64x256xf32>, %wq: tensor<256x256xi8>, %scale: tensor<256xf32>) -> tensor<64x256xf32> {
  %zero = arith.constant 0.0 : f32
  %ew = tensor.empty() : tensor<256x256xf32>
  %w = linalg.generic {indexing_maps = [#mn, #n, #mn], iterator_types = ["parallel", "parallel"]}
      ins(%wq, %scale : tensor<256x256xi8>, tensor<256xf32>) outs(%ew : tensor<256x256xf32>) {
  ^bb0(%q: i8, %s: f32, %o: f32):
    %f = arith.sitofp %q : i8 to f32
    %d = arith.mulf %f, %s : f32
    linalg.yield %d : f32
  } -> tensor<256x256xf32>
  %e = tensor.empty() : tensor<64x256xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<64x256xf32>) -> tensor<64x256xf32>
  %mm = linalg.matmul ins(%x, %w : tensor<64x256xf32>, tensor<256x256xf32>) outs(%acc : tensor<64x256xf32>) -> tensor<64x256xf32>
  %r = linalg.generic {indexing_maps = [#mn, #mn], iterator_types = ["parallel", "parallel"]}
      ins(%mm : tensor<64x256xf32>) outs(%e : tensor<64x256xf32>) {
  ^bb0(%a: f32, %o: f32):
    %m = arith.maximumf %a, %zero : f32
    linalg.yield %m : f32
  } -> tensor<64x256xf32>
  return %r : tensor<64x256xf32>
}
