// RUN: roof-opt %s -split-input-file -roof-annotate-cost -verify-diagnostics | FileCheck %s

// What TOSA ops Roof cannot cost, and why.

// CHECK-LABEL: func.func @custom
// CHECK-SAME: unknown_ops = {tosa.custom = 1 : i64}
func.func @custom(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-remark @below {{'tosa.custom' is not costed (1 op): no cost model for this op}}
  %0 = tosa.custom %x {domain_name = "vendor", operator_name = "op", implementation_attrs = ""} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @dynamic_batch
func.func @dynamic_batch(%a: tensor<?x16x32xf32>, %b: tensor<?x32x8xf32>) -> tensor<?x16x8xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  // expected-remark @below {{cost unknown: dimension 0 of the output is dynamic; bind it with dynamic-dim=N}}
  %0 = tosa.matmul %a, %b, %zp, %zp : (tensor<?x16x32xf32>, tensor<?x32x8xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<?x16x8xf32>
  return %0 : tensor<?x16x8xf32>
}

// -----

// cond_if: the costlier branch counts (exp: 4 FLOPs, 4 transcendental,
// 16 bytes each way), the other (a plain yield) is free.
// CHECK-LABEL: func.func @cond_if
// CHECK-SAME: flops = 4, transcendentals = 4, read = 16, written = 16, {{.*}} ops = 1, prepared = 0, prepared_flops = 0, prepared_bytes = 0, unknown = 0
func.func @cond_if(%p: tensor<i1>, %x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = tosa.cond_if %p (%a = %x) : tensor<i1> (tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%a: tensor<4xf32>):
    %1 = tosa.exp %a : (tensor<4xf32>) -> tensor<4xf32>
    tosa.yield %1 : tensor<4xf32>
  } else {
  ^bb0(%a: tensor<4xf32>):
    tosa.yield %a : tensor<4xf32>
  }
  return %0 : tensor<4xf32>
}

// -----

// A while_loop's trip count is decided by its condition region: unknown.
// CHECK-LABEL: func.func @while_loop
// CHECK-SAME: unknown_ops = {tosa.while_loop = 1 : i64}
func.func @while_loop(%x: tensor<i32>) -> tensor<i32> {
  // expected-remark @below {{cost unknown: the loop's trip count is not static; the ops inside are left out of the totals}}
  %0 = tosa.while_loop (%i = %x) : (tensor<i32>) -> tensor<i32> {
    %limit = "tosa.const"() <{values = dense<10> : tensor<i32>}> : () -> tensor<i32>
    %c = tosa.greater %limit, %i : (tensor<i32>, tensor<i32>) -> tensor<i1>
    tosa.yield %c : tensor<i1>
  } do {
  ^bb0(%i: tensor<i32>):
    %one = "tosa.const"() <{values = dense<1> : tensor<i32>}> : () -> tensor<i32>
    %n = tosa.add %i, %one : (tensor<i32>, tensor<i32>) -> tensor<i32>
    tosa.yield %n : tensor<i32>
  }
  return %0 : tensor<i32>
}
