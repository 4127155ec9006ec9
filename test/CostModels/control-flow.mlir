// RUN: roof-opt %s --roof-annotate-cost | FileCheck %s

// cf.assert checks a scalar the program computed anyway (torch-mlir exports
// put one after every shape check): free, and not unknown.
// CHECK: roof.totals = #roof.totals<flops = 4, {{.*}}unknown = 0, unknown_ops = {}>
// CHECK: cf.assert {{.*}}roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 0, written = 0, weight_read = 0,
func.func @checked(%c: i1, %x: tensor<4xf32>) -> tensor<4xf32> {
  cf.assert %c, "shape mismatch"
  %0 = arith.addf %x, %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}
