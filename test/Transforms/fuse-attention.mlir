// roof-fuse-epilogues attention=true: scores = Q K^T, the softmax over them
// and the product with V become one kernel, marked roof.attention
// (docs/fusion.md, "Attention"). Without the option, or when the chain is
// not an attention, nothing of the kind is formed.
// RUN: roof-opt %s -split-input-file --roof-fuse-epilogues=attention=true | FileCheck %s
// RUN: roof-opt %s -split-input-file --roof-fuse-epilogues | FileCheck %s --check-prefix=OFF
// RUN: roof-opt %s -split-input-file --roof-fuse-epilogues=attention=true --roof-annotate-cost | FileCheck %s --check-prefix=COST

// OFF-NOT: roof.attention

// CHECK-LABEL: func.func @attention
// CHECK: roof.kernel -> tensor<1x64x16xf32> {
// CHECK-NEXT: tosa.matmul
// CHECK: tosa.reduce_max
// CHECK: tosa.exp
// CHECK: tosa.reduce_sum
// CHECK: tosa.matmul
// CHECK-NEXT: roof.yield
// CHECK-NEXT: } {roof.attention}
// What crosses the kernel: Q, K^T and V (64 x 16 f32 each, 4096 B), the
// scale (4 B), the f32 zero point both matmuls use (4 B, read once) and the
// shift (1 B) read: 12297 B; the output (4096 B) written. The 64 x 64
// scores (16384 B) are written and read by no one outside. FLOPs: the two
// matmuls 2 x 2 x 64 x 64 x 16 = 262144, then scale, max, subtract, exp,
// sum and normalize on the scores (6 x 4096) and the reciprocal of 64
// sums: 262144 + 24576 + 64 = 286784; the exp's 4096 are transcendental.
// COST-LABEL: func.func @attention
// COST: } {roof.attention, roof.cost = #roof.cost<flops = 286784, transcendentals = 4096, read = 12297, written = 4096,
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
// written, and no attention kernel is formed.
// CHECK-LABEL: func.func @scores_used
// CHECK-NOT: roof.attention
func.func @scores_used(%q: tensor<1x8x4xf32>, %kt: tensor<1x4x8xf32>, %v: tensor<1x8x4xf32>) -> (tensor<1x8x4xf32>, tensor<1x8x8xf32>) {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %s = tosa.matmul %q, %kt, %zp, %zp : (tensor<1x8x4xf32>, tensor<1x4x8xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x8xf32>
  %mx = tosa.reduce_max %s {axis = 2 : i32} : (tensor<1x8x8xf32>) -> tensor<1x8x1xf32>
  %d = tosa.sub %s, %mx : (tensor<1x8x8xf32>, tensor<1x8x1xf32>) -> tensor<1x8x8xf32>
  %e = tosa.exp %d : (tensor<1x8x8xf32>) -> tensor<1x8x8xf32>
  %o = tosa.matmul %e, %v, %zp, %zp : (tensor<1x8x8xf32>, tensor<1x8x4xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x4xf32>
  return %o, %s : tensor<1x8x4xf32>, tensor<1x8x8xf32>
}

// -----

// A normalization between two matmuls (a sum of squares, no exponential)
// is not a softmax: no attention kernel.
// CHECK-LABEL: func.func @norm_between
// CHECK-NOT: roof.attention
func.func @norm_between(%x: tensor<1x8x4xf32>, %w: tensor<1x4x8xf32>, %w2: tensor<1x8x4xf32>) -> tensor<1x8x4xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %h = tosa.matmul %x, %w, %zp, %zp : (tensor<1x8x4xf32>, tensor<1x4x8xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x8xf32>
  %sq = tosa.mul %h, %h, %shift : (tensor<1x8x8xf32>, tensor<1x8x8xf32>, tensor<1xi8>) -> tensor<1x8x8xf32>
  %ss = tosa.reduce_sum %sq {axis = 2 : i32} : (tensor<1x8x8xf32>) -> tensor<1x8x1xf32>
  %rs = tosa.rsqrt %ss : (tensor<1x8x1xf32>) -> tensor<1x8x1xf32>
  %n = tosa.mul %h, %rs, %shift : (tensor<1x8x8xf32>, tensor<1x8x1xf32>, tensor<1xi8>) -> tensor<1x8x8xf32>
  %o = tosa.matmul %n, %w2, %zp, %zp : (tensor<1x8x8xf32>, tensor<1x8x4xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x4xf32>
  return %o : tensor<1x8x4xf32>
}

// -----

// The probabilities are the second matmul's right operand (V^T P^T, not
// P V): not the pattern, no attention kernel.
// CHECK-LABEL: func.func @probabilities_on_the_right
// CHECK-NOT: roof.attention
func.func @probabilities_on_the_right(%q: tensor<1x8x4xf32>, %kt: tensor<1x4x8xf32>, %vt: tensor<1x4x8xf32>) -> tensor<1x4x8xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %s = tosa.matmul %q, %kt, %zp, %zp : (tensor<1x8x4xf32>, tensor<1x4x8xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x8xf32>
  %mx = tosa.reduce_max %s {axis = 2 : i32} : (tensor<1x8x8xf32>) -> tensor<1x8x1xf32>
  %d = tosa.sub %s, %mx : (tensor<1x8x8xf32>, tensor<1x8x1xf32>) -> tensor<1x8x8xf32>
  %e = tosa.exp %d : (tensor<1x8x8xf32>) -> tensor<1x8x8xf32>
  %o = tosa.matmul %vt, %e, %zp, %zp : (tensor<1x4x8xf32>, tensor<1x8x8xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x4x8xf32>
  return %o : tensor<1x4x8xf32>
}

// -----

// A softmax written as one linalg.softmax is the softmax of an attention.
// CHECK-LABEL: func.func @named_softmax
// CHECK: roof.kernel -> tensor<16x64xf32> {
// CHECK: linalg.matmul
// CHECK: linalg.softmax
// CHECK: linalg.matmul
// CHECK: } {roof.attention}
func.func @named_softmax(%q: tensor<16x64xf32>, %kt: tensor<64x16xf32>,
                         %v: tensor<16x64xf32>) -> tensor<16x64xf32> {
  %zero = arith.constant 0.0 : f32
  %e0 = tensor.empty() : tensor<16x16xf32>
  %z0 = linalg.fill ins(%zero : f32) outs(%e0 : tensor<16x16xf32>) -> tensor<16x16xf32>
  %scores = linalg.matmul ins(%q, %kt : tensor<16x64xf32>, tensor<64x16xf32>)
                          outs(%z0 : tensor<16x16xf32>) -> tensor<16x16xf32>
  %e1 = tensor.empty() : tensor<16x16xf32>
  %probs = linalg.softmax dimension(1) ins(%scores : tensor<16x16xf32>)
                          outs(%e1 : tensor<16x16xf32>) -> tensor<16x16xf32>
  %e2 = tensor.empty() : tensor<16x64xf32>
  %z2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<16x64xf32>) -> tensor<16x64xf32>
  %out = linalg.matmul ins(%probs, %v : tensor<16x16xf32>, tensor<16x64xf32>)
                       outs(%z2 : tensor<16x64xf32>) -> tensor<16x64xf32>
  return %out : tensor<16x64xf32>
}
