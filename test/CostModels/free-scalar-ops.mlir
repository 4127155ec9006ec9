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

// Address arithmetic (ops on `index` values only) is free outside payloads
// as inside them.
// CHECK-LABEL: func.func @address
// CHECK-SAME: roof.totals = #roof.totals<flops = 0,
// CHECK: arith.addi {{.*}}roof.cost = #roof.cost<flops = 0,
// CHECK: arith.muli {{.*}}roof.cost = #roof.cost<flops = 0,
func.func @address(%a: index, %b: index) -> index {
  %0 = arith.addi %a, %b : index
  %1 = arith.muli %0, %b : index
  return %1 : index
}

// The address of a global, handed to a host function, is a constant.
// CHECK-LABEL: func.func @address_of
// CHECK-SAME: roof.totals = #roof.totals<flops = 0, {{.*}}unknown = 0, unknown_ops = {}>
// CHECK: llvm.mlir.addressof @name {roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 0, written = 0,
llvm.mlir.global internal constant @name("attn\00") {addr_space = 0 : i32}
func.func @address_of() -> !llvm.ptr {
  %p = llvm.mlir.addressof @name : !llvm.ptr
  return %p : !llvm.ptr
}

