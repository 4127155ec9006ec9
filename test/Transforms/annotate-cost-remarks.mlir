// RUN: roof-opt %s -split-input-file -allow-unregistered-dialect -roof-annotate-cost -verify-diagnostics | FileCheck %s

// Every op Roof cannot cost says so: one remark per op name for ops without
// a cost model, one per op for ops whose model could not tell.

// CHECK-LABEL: func.func @unknown_ops
// CHECK-SAME: ops = 1, prepared = 0, prepared_flops = 0, prepared_bytes = 0, unknown = 3, unknown_ops = {foo.bar = 2 : i64, foo.baz = 1 : i64}
func.func @unknown_ops(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-remark @below {{'foo.bar' is not costed (2 ops): no cost model for this op}}
  %0 = "foo.bar"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  // CHECK: "foo.bar"{{.*}}roof.cost = #roof.unknown<"no cost model for this op">
  %1 = "foo.bar"(%0) : (tensor<4xf32>) -> tensor<4xf32>
  // expected-remark @below {{'foo.baz' is not costed (1 op): no cost model for this op}}
  %2 = "foo.baz"(%1) : (tensor<4xf32>) -> tensor<4xf32>
  %3 = arith.addf %2, %2 : tensor<4xf32>
  return %3 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @dynamic_unbound
// CHECK-SAME: ops = 0, prepared = 0, prepared_flops = 0, prepared_bytes = 0, unknown = 2
func.func @dynamic_unbound(%x: tensor<?xf32>, %y: tensor<?xf32>) -> tensor<?xf32> {
  // expected-remark @below {{cost unknown: loop dimension 0 is dynamic; bind it with dynamic-dim=N}}
  %0 = linalg.add ins(%x, %y : tensor<?xf32>, tensor<?xf32>) outs(%x : tensor<?xf32>) -> tensor<?xf32>
  // expected-remark @below {{cost unknown: dimension 0 of the result is dynamic; bind it with dynamic-dim=N}}
  %1 = arith.addf %0, %0 : tensor<?xf32>
  return %1 : tensor<?xf32>
}

// -----

// CHECK-LABEL: func.func @unranked
func.func @unranked(%x: tensor<*xf32>) -> tensor<*xf32> {
  // expected-remark @below {{cost unknown: the result is unranked}}
  %0 = arith.addf %x, %x : tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Loops with a static trip count multiply the ops inside in the totals; the
// annotation of each op is its cost per execution.
// CHECK-LABEL: func.func @static_loop
// 4 trips x 1024 FLOPs, 4 x (8192 read, 4096 written)
// CHECK-SAME: flops = 4096, transcendentals = 0, read = 32768, written = 16384
func.func @static_loop(%x: tensor<1024xf32>) -> tensor<1024xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %r = scf.for %i = %c0 to %c4 step %c1 iter_args(%acc = %x) -> tensor<1024xf32> {
    // CHECK: arith.addf {{.*}}roof.cost = #roof.cost<flops = 1024, transcendentals = 0, read = 8192, written = 4096
    %n = arith.addf %acc, %x : tensor<1024xf32>
    scf.yield %n : tensor<1024xf32>
  }
  return %r : tensor<1024xf32>
}

// -----

// The two constants are counted; the add inside the loop is annotated but
// left out of the totals.
// CHECK-LABEL: func.func @dynamic_loop
// CHECK-SAME: flops = 0, {{.*}} ops = 2, prepared = 0, prepared_flops = 0, prepared_bytes = 0, unknown = 1, unknown_ops = {scf.for = 1 : i64}
func.func @dynamic_loop(%x: tensor<1024xf32>, %n: index) -> tensor<1024xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  // expected-remark @below {{cost unknown: the loop's trip count is not static; the ops inside are left out of the totals}}
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %x) -> tensor<1024xf32> {
    // CHECK: arith.addf {{.*}}roof.cost = #roof.cost<flops = 1024,
    %y = arith.addf %acc, %x : tensor<1024xf32>
    scf.yield %y : tensor<1024xf32>
  }
  return %r : tensor<1024xf32>
}

// -----

// One branch of an scf.if runs: the totals take the costlier one (an upper
// bound); the ops of the other are annotated but not totaled.
// CHECK-LABEL: func.func @branches
// then: addf (8 FLOPs, read 64, written 32); else: exp (8 FLOPs, 8
// transcendental, read 32, written 32). Equal FLOPs: the then branch moves more.
// CHECK-SAME: flops = 8, transcendentals = 0, read = 64, written = 32, {{.*}} ops = 1, prepared = 0, prepared_flops = 0, prepared_bytes = 0, unknown = 0
func.func @branches(%p: i1, %x: tensor<8xf32>) -> tensor<8xf32> {
  %r = scf.if %p -> tensor<8xf32> {
    %y = arith.addf %x, %x : tensor<8xf32>
    scf.yield %y : tensor<8xf32>
  } else {
    // CHECK: math.exp {{.*}}roof.cost = #roof.cost<flops = 8, transcendentals = 8, read = 32, written = 32,
    %z = math.exp %x : tensor<8xf32>
    scf.yield %z : tensor<8xf32>
  }
  return %r : tensor<8xf32>
}

// -----

func.func private @callee(tensor<8xf32>) -> tensor<8xf32>

// Calls are not inlined: the callee has totals of its own.
// CHECK-LABEL: func.func @caller
// CHECK-SAME: unknown_ops = {func.call = 1 : i64}
func.func @caller(%x: tensor<8xf32>) -> tensor<8xf32> {
  // expected-remark @below {{'func.call' is not costed (1 op): calls are not costed; the callee has totals of its own}}
  %0 = func.call @callee(%x) : (tensor<8xf32>) -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

func.func private @rtclock() -> f64
func.func private @record_timing(!llvm.ptr, f64)

// A call to a declaration that passes no tensor, memref or vector (a timer,
// a logging hook) moves none of the model's data: free, not unknown.
// CHECK-LABEL: func.func @timed
// CHECK-SAME: unknown = 0, unknown_ops = {}
func.func @timed(%p: !llvm.ptr, %x: tensor<8xf32>) -> tensor<8xf32> {
  %t0 = func.call @rtclock() : () -> f64
  %0 = arith.addf %x, %x : tensor<8xf32>
  %t1 = func.call @rtclock() : () -> f64
  %d = arith.subf %t1, %t0 : f64
  func.call @record_timing(%p, %d) : (!llvm.ptr, f64) -> ()
  return %0 : tensor<8xf32>
}

// -----

// An empty module and a declaration are fine: nothing to cost.
// CHECK-LABEL: module
// CHECK-NOT: roof.totals
module {
}

// -----

// CHECK-LABEL: func.func private @declaration
// CHECK-NOT: roof.totals
func.func private @declaration(tensor<8xf32>) -> tensor<8xf32>

// -----

#id = affine_map<(i) -> (i)>
// CHECK-LABEL: func.func @payload_without_flop_count
func.func @payload_without_flop_count(%x: tensor<8xf32>) -> tensor<8xf32> {
  // expected-remark @below {{cost unknown: the payload op 'foo.op' has no FLOP count}}
  %0 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%x : tensor<8xf32>) outs(%x : tensor<8xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = "foo.op"(%a) : (f32) -> f32
    linalg.yield %r : f32
  } -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

// CHECK-LABEL: func.func @element_without_size
func.func @element_without_size(%a: tensor<4x!foo.t>, %b: tensor<4x!foo.t>) -> tensor<8x!foo.t> {
  // expected-remark @below {{cost unknown: the element type !foo.t of operand 0 has no known size}}
  %0 = tensor.concat dim(0) %a, %b : (tensor<4x!foo.t>, tensor<4x!foo.t>) -> tensor<8x!foo.t>
  return %0 : tensor<8x!foo.t>
}
