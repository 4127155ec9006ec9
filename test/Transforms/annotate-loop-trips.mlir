// RUN: roof-opt %s -split-input-file --roof-annotate-cost=report-only -o /dev/null 2>&1 | FileCheck %s

// Trip counts are worked out from the bounds' own width and signedness, in
// 128 bits: an i8 loop from -100 to 100 runs 200 times (the count does not
// fit an i8), so its 64-element add is 200 x 64 = 12800 FLOPs.
// CHECK: remark: totals of @signed_i8: 12800 FLOPs
func.func @signed_i8(%x: tensor<64xf32>) -> tensor<64xf32> {
  %lb = arith.constant -100 : i8
  %ub = arith.constant 100 : i8
  %s = arith.constant 1 : i8
  %r = scf.for %i = %lb to %ub step %s iter_args(%a = %x) -> (tensor<64xf32>) : i8 {
    %e = arith.addf %a, %a : tensor<64xf32>
    scf.yield %e : tensor<64xf32>
  }
  return %r : tensor<64xf32>
}

// -----

// Compared unsigned, the same i8 bounds are 156 to 100: no iterations.
// CHECK: remark: totals of @unsigned_i8: 0 FLOPs
func.func @unsigned_i8(%x: tensor<64xf32>) -> tensor<64xf32> {
  %lb = arith.constant -100 : i8
  %ub = arith.constant 100 : i8
  %s = arith.constant 1 : i8
  %r = scf.for unsigned %i = %lb to %ub step %s iter_args(%a = %x) -> (tensor<64xf32>) : i8 {
    %e = arith.addf %a, %a : tensor<64xf32>
    scf.yield %e : tensor<64xf32>
  }
  return %r : tensor<64xf32>
}

// -----

// Two nested loops of 2^62 trips each: 2^124 executions do not fit a
// count; the inner loop's trip product is refused and its ops are unknown,
// never a wrapped number.
// CHECK: remark: totals of @too_many: 0 FLOPs {{.*}}, 1 unknown
func.func @too_many(%x: tensor<4xf32>) -> tensor<4xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %big = arith.constant 4611686018427387904 : index
  %r = scf.for %i = %c0 to %big step %c1 iter_args(%a = %x) -> (tensor<4xf32>) {
    %q = scf.for %j = %c0 to %big step %c1 iter_args(%b = %a) -> (tensor<4xf32>) {
      %e = arith.addf %b, %b : tensor<4xf32>
      scf.yield %e : tensor<4xf32>
    }
    scf.yield %q : tensor<4xf32>
  }
  return %r : tensor<4xf32>
}
