// A weight read in two layouts, a tied embedding looked up as it is and
// transposed for the LM head, is stored once (docs/cost-model.md,
// "Parameters"); each kernel still reads what it reads.
// RUN: roof-opt %s --roof-report="wide targets=h100-sxm" -o /dev/null | FileCheck %s
// RUN: roof-opt %s --roof-report="targets=h100-sxm format=json" -o /dev/null | FileCheck %s --check-prefix=JSON

// The table is 64 x 16 f32: 1024 parameters, 4096 B, once. The transpose is
// prepared ahead of time and adds no parameter; the head's matmul reads the
// transposed 4096 B, the lookup its 8 rows.
// CHECK: memory: weights 0.004 MB
// CHECK: prepared ahead of time (not in the latency): 1 ops, 0 FLOPs, 8192 bytes moved, producing 0 of the 1024 parameters
// JSON: "weight_bytes": 4096,
func.func @tied(%ids: tensor<1x8xi32>, %x: tensor<1x8x16xf32>,
                %emb: tensor<1x64x16xf32> {roof.param}) -> (tensor<1x8x16xf32>, tensor<1x8x64xf32>) {
  %looked = tosa.gather %emb, %ids : (tensor<1x64x16xf32>, tensor<1x8xi32>) -> tensor<1x8x16xf32>
  %t = tosa.transpose %emb {perms = array<i32: 0, 2, 1>} : (tensor<1x64x16xf32>) -> tensor<1x16x64xf32>
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %logits = tosa.matmul %x, %t, %zp, %zp : (tensor<1x8x16xf32>, tensor<1x16x64xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x64xf32>
  return %looked, %logits : tensor<1x8x16xf32>, tensor<1x8x64xf32>
}
