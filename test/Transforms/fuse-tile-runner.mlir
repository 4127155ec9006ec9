// The fused and tiled IR computes the same values as the original: both are
// lowered to LLVM with upstream passes and run with mlir-runner on the same
// non-trivial inputs, and their printed results must be identical.
// RUN: roof-opt %s --one-shot-bufferize=bufferize-function-boundaries --convert-linalg-to-loops --convert-scf-to-cf --expand-strided-metadata --lower-affine --finalize-memref-to-llvm --convert-math-to-llvm --convert-arith-to-llvm --convert-func-to-llvm --convert-cf-to-llvm --reconcile-unrealized-casts | mlir-runner -e main -entry-point-result=void -shared-libs=%mlir_runner_libs | grep -v "Unranked Memref" > %t.original
// RUN: roof-opt %s -roof-fuse-epilogues=tile-sizes=4,8 -roof-inline-kernels --one-shot-bufferize=bufferize-function-boundaries --convert-linalg-to-loops --convert-scf-to-cf --expand-strided-metadata --lower-affine --finalize-memref-to-llvm --convert-math-to-llvm --convert-arith-to-llvm --convert-func-to-llvm --convert-cf-to-llvm --reconcile-unrealized-casts | mlir-runner -e main -entry-point-result=void -shared-libs=%mlir_runner_libs | grep -v "Unranked Memref" > %t.tiled
// RUN: diff %t.original %t.tiled
// RUN: FileCheck %s --check-prefix=VALUES < %t.tiled
// RUN: roof-opt %s -roof-fuse-epilogues=tile-sizes=4,8 | FileCheck %s --check-prefix=TILED
// RUN: roof-opt %s -roof-fuse-epilogues=tile-sizes=4,8 -roof-annotate-cost | FileCheck %s --check-prefix=COST

// 16 rows of 16 values were printed, and ReLU left some of them zero.
// VALUES-COUNT-16: {{^ ?\[}}
// VALUES-NOT: -{{[0-9]}}

// The kernel became 4 x 8 tiles of the epilogue with the matmul and its fill
// fused into each, the reduction (K = 16) whole.
// TILED-LABEL: func.func @block
// TILED: roof.kernel
// TILED: scf.for %{{.*}} = %{{.*}} to %{{.*}} step %c4
// TILED: scf.for %{{.*}} = %{{.*}} to %{{.*}} step %c8
// TILED: linalg.fill {{.*}} -> tensor<4x8xf32>
// TILED: linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<4x16xf32>, tensor<16x8xf32>) outs(%{{.*}} : tensor<4x8xf32>)
// TILED: linalg.generic
// TILED: roof.yield

// The tiled kernel costs what the untiled one does: (16/4) x (16/8) = 8
// tiles of 2*4*8*16 = 1024 matmul FLOPs + 2*4*8 = 64 epilogue FLOPs:
// 8 x 1088 = 8704 = 2*16*16*16 + 2*256. Bytes: A and B (1024 each) and the
// bias (64) read, the result (1024) written.
// COST: roof.kernel
// COST: } {roof.cost = #roof.cost<flops = 8704, transcendentals = 0, read = 2112, written = 1024,
#mn = affine_map<(m, n) -> (m, n)>
#n = affine_map<(m, n) -> (n)>
func.func private @printMemrefF32(tensor<*xf32>)

func.func @init(%seed: index) -> tensor<16x16xf32> {
  %e = tensor.empty() : tensor<16x16xf32>
  %t = linalg.generic {indexing_maps = [#mn], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<16x16xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c7 = arith.constant 7 : index
    %c3 = arith.constant 3 : index
    %c11 = arith.constant 11 : index
    %c5 = arith.constant 5 : index
    %a = arith.muli %i, %c7 : index
    %b = arith.muli %j, %c3 : index
    %s = arith.addi %a, %b : index
    %s2 = arith.addi %s, %seed : index
    %m = arith.remui %s2, %c11 : index
    %v = arith.index_cast %m : index to i32
    %f = arith.sitofp %v : i32 to f32
    %c5f = arith.constant 5.0 : f32
    %r = arith.subf %f, %c5f : f32
    linalg.yield %r : f32
  } -> tensor<16x16xf32>
  return %t : tensor<16x16xf32>
}

func.func @block(%a: tensor<16x16xf32>, %b: tensor<16x16xf32>, %bias: tensor<16xf32>) -> tensor<16x16xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<16x16xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<16x16xf32>) -> tensor<16x16xf32>
  %mm = linalg.matmul ins(%a, %b : tensor<16x16xf32>, tensor<16x16xf32>) outs(%acc : tensor<16x16xf32>) -> tensor<16x16xf32>
  %r = linalg.generic {indexing_maps = [#mn, #n, #mn], iterator_types = ["parallel", "parallel"]} ins(%mm, %bias : tensor<16x16xf32>, tensor<16xf32>) outs(%e : tensor<16x16xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %s = arith.addf %x, %y : f32
    %m = arith.maximumf %s, %zero : f32
    linalg.yield %m : f32
  } -> tensor<16x16xf32>
  return %r : tensor<16x16xf32>
}

func.func @main() {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %a = func.call @init(%c0) : (index) -> tensor<16x16xf32>
  %b = func.call @init(%c4) : (index) -> tensor<16x16xf32>
  %b2 = func.call @init(%c4) : (index) -> tensor<16x16xf32>
  %bias = tensor.extract_slice %b2[3, 0] [1, 16] [1, 1] : tensor<16x16xf32> to tensor<16xf32>
  %r = func.call @block(%a, %b, %bias) : (tensor<16x16xf32>, tensor<16x16xf32>, tensor<16xf32>) -> tensor<16x16xf32>
  %u = tensor.cast %r : tensor<16x16xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}
