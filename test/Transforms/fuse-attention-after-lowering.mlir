// Attention fusion after upstream's standard TOSA lowering, with the plugin
// in stock mlir-opt: the lowering starts the softmax's max and sum and the
// second matmul from fills, which join the attention's kernel with its
// other ops, so the lowered attention is one kernel as in TOSA
// (test/Transforms/fuse-attention.mlir derives its cost).
// RUN: roof-opt %s --pass-pipeline='builtin.module(func.func(roof-fuse-epilogues{attention=true}),roof-report{targets=h100-sxm format=csv})' -o /dev/null | FileCheck %s --check-prefix=TOSA
// RUN: %mlir_opt --load-pass-plugin=%roof_plugin %s --pass-pipeline='builtin.module(func.func(tosa-to-linalg-named,tosa-to-linalg,tosa-to-arith,tosa-to-tensor,roof-fuse-epilogues{attention=true}),roof-report{targets=h100-sxm format=csv})' -o /dev/null | FileCheck %s --check-prefix=LOWERED

// One kernel each, 286784 FLOPs; it reads Q, K^T and V (3 x 4096 B) and the
// scale (4 B), and writes the output (4096 B); TOSA also reads its zero
// point (4 B) and shift (1 B). No other kernel follows (every row starts
// with the function's name, "attention").
// TOSA: "roof.kernel(tosa.matmul + 8) {{.*}}",vector,"f32",286784,12297,4096,
// TOSA-NOT: "attention"
// LOWERED: "roof.kernel(linalg.batch_matmul + 14) {{.*}}",vector,"f32",286784,12292,4096,
// LOWERED-NOT: "attention"
func.func @attention(%q: tensor<1x64x16xf32>, %kt: tensor<1x16x64xf32>, %v: tensor<1x64x16xf32>) -> tensor<1x64x16xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %scale = "tosa.const"() <{values = dense<0.25> : tensor<1x1x1xf32>}> : () -> tensor<1x1x1xf32>
  %s = tosa.matmul %q, %kt, %zp, %zp : (tensor<1x64x16xf32>, tensor<1x16x64xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x64x64xf32>
  %m = tosa.mul %s, %scale, %shift : (tensor<1x64x64xf32>, tensor<1x1x1xf32>, tensor<1xi8>) -> tensor<1x64x64xf32>
  %mx = tosa.reduce_max %m {axis = 2 : i32} : (tensor<1x64x64xf32>) -> tensor<1x64x1xf32>
  %d = tosa.sub %m, %mx : (tensor<1x64x64xf32>, tensor<1x64x1xf32>) -> tensor<1x64x64xf32>
  %e = tosa.exp %d : (tensor<1x64x64xf32>) -> tensor<1x64x64xf32>
  %sum = tosa.reduce_sum %e {axis = 2 : i32} : (tensor<1x64x64xf32>) -> tensor<1x64x1xf32>
  %r = tosa.reciprocal %sum : (tensor<1x64x1xf32>) -> tensor<1x64x1xf32>
  %p = tosa.mul %e, %r, %shift : (tensor<1x64x64xf32>, tensor<1x64x1xf32>, tensor<1xi8>) -> tensor<1x64x64xf32>
  %o = tosa.matmul %p, %v, %zp, %zp : (tensor<1x64x64xf32>, tensor<1x64x16xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x64x16xf32>
  return %o : tensor<1x64x16xf32>
}

// -----

// The scores are also returned: they leave the chain, so they must be
