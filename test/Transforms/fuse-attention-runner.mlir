// The fused attention computes what the ops did: both forms are lowered to
// LLVM with upstream passes (TOSA to linalg, bufferized, to loops) and run
// with mlir-runner on the same inputs; the printed results are identical.
// RUN: roof-opt %s "--pass-pipeline=builtin.module(func.func(tosa-to-linalg-named,tosa-to-linalg,tosa-to-arith,tosa-to-tensor),one-shot-bufferize{bufferize-function-boundaries},func.func(convert-linalg-to-loops),convert-scf-to-cf,expand-strided-metadata,lower-affine,finalize-memref-to-llvm,convert-math-to-llvm,convert-arith-to-llvm,convert-func-to-llvm,convert-cf-to-llvm,reconcile-unrealized-casts)" | mlir-runner -e main -entry-point-result=void -shared-libs=%mlir_runner_libs | grep -v "Unranked Memref" > %t.original
// RUN: roof-opt %s "--pass-pipeline=builtin.module(func.func(roof-fuse-epilogues{attention=true},roof-inline-kernels,tosa-to-linalg-named,tosa-to-linalg,tosa-to-arith,tosa-to-tensor),one-shot-bufferize{bufferize-function-boundaries},func.func(convert-linalg-to-loops),convert-scf-to-cf,expand-strided-metadata,lower-affine,finalize-memref-to-llvm,convert-math-to-llvm,convert-arith-to-llvm,convert-func-to-llvm,convert-cf-to-llvm,reconcile-unrealized-casts)" | mlir-runner -e main -entry-point-result=void -shared-libs=%mlir_runner_libs | grep -v "Unranked Memref" > %t.fused
// RUN: diff %t.original %t.fused
// RUN: FileCheck %s --check-prefix=VALUES < %t.fused
// RUN: roof-opt %s --roof-fuse-epilogues=attention=true | FileCheck %s --check-prefix=FUSED

// 8 rows of 4 values, each a convex combination of V's rows (V = Q here):
// the first row is 0.328936, 0.26105, 0.443854, 0.668281.
// VALUES: {{^}}{{\[\[\[}}0.328936, 0.26105, 0.443854, 0.668281],
// VALUES-COUNT-7: {{^ +\[}}
// FUSED: roof.kernel
// FUSED: } {roof.attention}

func.func private @printMemrefF32(tensor<*xf32>)

func.func @attention(%q: tensor<1x8x4xf32>, %kt: tensor<1x4x8xf32>, %v: tensor<1x8x4xf32>) -> tensor<1x8x4xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %scale = "tosa.const"() <{values = dense<0.5> : tensor<1x1x1xf32>}> : () -> tensor<1x1x1xf32>
  %s = tosa.matmul %q, %kt, %zp, %zp : (tensor<1x8x4xf32>, tensor<1x4x8xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x8xf32>
  %m = tosa.mul %s, %scale, %shift : (tensor<1x8x8xf32>, tensor<1x1x1xf32>, tensor<1xi8>) -> tensor<1x8x8xf32>
  %mx = tosa.reduce_max %m {axis = 2 : i32} : (tensor<1x8x8xf32>) -> tensor<1x8x1xf32>
  %d = tosa.sub %m, %mx : (tensor<1x8x8xf32>, tensor<1x8x1xf32>) -> tensor<1x8x8xf32>
  %e = tosa.exp %d : (tensor<1x8x8xf32>) -> tensor<1x8x8xf32>
  %sum = tosa.reduce_sum %e {axis = 2 : i32} : (tensor<1x8x8xf32>) -> tensor<1x8x1xf32>
  %r = tosa.reciprocal %sum : (tensor<1x8x1xf32>) -> tensor<1x8x1xf32>
  %p = tosa.mul %e, %r, %shift : (tensor<1x8x8xf32>, tensor<1x8x1xf32>, tensor<1xi8>) -> tensor<1x8x8xf32>
  %o = tosa.matmul %p, %v, %zp, %zp : (tensor<1x8x8xf32>, tensor<1x8x4xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x4xf32>
  return %o : tensor<1x8x4xf32>
}

func.func @main() {
  %q = "tosa.const"() <{values = dense<[[[0.1, -0.2, 0.3, 0.4], [0.5, 0.6, -0.7, 0.8], [0.9, 1.0, 1.1, -1.2], [1.3, -1.4, 1.5, 1.6], [-0.1, 0.2, 0.3, 0.4], [0.5, -0.6, 0.7, 0.8], [0.9, 1.0, -1.1, 1.2], [-1.3, 1.4, 1.5, 1.6]]]> : tensor<1x8x4xf32>}> : () -> tensor<1x8x4xf32>
  %kt = "tosa.const"() <{values = dense<[[[0.2, 0.1, -0.3, 0.5, 0.7, -0.2, 0.4, 0.6], [-0.5, 0.3, 0.2, 0.1, -0.4, 0.8, 0.3, -0.1], [0.6, -0.7, 0.9, 0.2, 0.1, 0.3, -0.5, 0.4], [0.3, 0.4, -0.1, -0.6, 0.2, 0.5, 0.7, -0.3]]]> : tensor<1x4x8xf32>}> : () -> tensor<1x4x8xf32>
  %o = func.call @attention(%q, %kt, %q) : (tensor<1x8x4xf32>, tensor<1x4x8xf32>, tensor<1x8x4xf32>) -> tensor<1x8x4xf32>
  %u = tensor.cast %o : tensor<1x8x4xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}
