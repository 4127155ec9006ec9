// Tile sizes Roof cannot count exactly are refused with a message, never a
// kernel of unknown cost: a size that does not divide its loop (the last
// tile would be partial, its shapes dynamic), sizes past the kernel's loops,
// a negative size.
// RUN: roof-opt %s -roof-fuse-epilogues=tile-sizes=5,8 -verify-diagnostics | FileCheck %s --check-prefix=PARTIAL
// RUN: roof-opt %s -roof-fuse-epilogues=tile-sizes=4,8,2 2>&1 | FileCheck %s --check-prefix=EXTRA
// RUN: not roof-opt %s -roof-fuse-epilogues=tile-sizes=-2,4 2>&1 | FileCheck %s --check-prefix=NEGATIVE
// RUN: roof-opt %s -roof-fuse-epilogues=tile-sizes=4,8 -roof-report="wide targets=h100-sxm" -o /dev/null | FileCheck %s --check-prefix=REPORT

// PARTIAL-LABEL: func.func @block
// PARTIAL: roof.kernel
// PARTIAL-NOT: scf.for
// PARTIAL: linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<16x16xf32>, tensor<16x16xf32>)
// PARTIAL: roof.yield

// EXTRA: warning: roof-fuse-epilogues: 3 tile sizes for a kernel of 2 loops; the last 1 are ignored
// EXTRA-NOT: see current operation
// EXTRA: scf.for

// NEGATIVE: error: roof-fuse-epilogues: tile-sizes must be 0 (untiled) or positive, got -2
// NEGATIVE-NOT: see current operation

// The tiled kernel is priced as its contraction (class, dtype f32) with the
// untiled kernel's counts: FLOPs 2*16*16*16 + 2*256 = 8704, bytes A, B (1024
// each), bias 64 read and 1024 written = 3136. Inlined, its members would
// be priced per tile (A re-read by every column of tiles), so it stays whole
// in "without fusion".
// REPORT: memory vector f32 8704 3136 {{.*}} roof.kernel(linalg.matmul + {{[0-9]+}})
// REPORT: without fusion: latency {{.*}} us, 3136 bytes moved; fusion saves 0.0 % of the time and 0 bytes; 1 tiled kernel stays whole in it

#mn = affine_map<(m, n) -> (m, n)>
#n = affine_map<(m, n) -> (n)>
func.func @block(%a: tensor<16x16xf32>, %b: tensor<16x16xf32>, %bias: tensor<16xf32>) -> tensor<16x16xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<16x16xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<16x16xf32>) -> tensor<16x16xf32>
  %mm = linalg.matmul ins(%a, %b : tensor<16x16xf32>, tensor<16x16xf32>) outs(%acc : tensor<16x16xf32>) -> tensor<16x16xf32>
  // expected-warning@+1 {{roof-fuse-epilogues: tile size 5 does not divide loop 0 (16 iterations); the kernel stays untiled}}
  %r = linalg.generic {indexing_maps = [#mn, #n, #mn], iterator_types = ["parallel", "parallel"]} ins(%mm, %bias : tensor<16x16xf32>, tensor<16xf32>) outs(%e : tensor<16x16xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %s = arith.addf %x, %y : f32
    %m = arith.maximumf %s, %zero : f32
    linalg.yield %m : f32
  } -> tensor<16x16xf32>
  return %r : tensor<16x16xf32>
}
