// Counts never wrap (docs/cost-model.md, "Counts past 64 bits"): an op
// whose count passes 2^64 - 1 is unknown with the reason "overflow", a sum
// that passes it prints as `overflow`, and vector elements count per lane.
// RUN: roof-opt %s --roof-annotate-cost | FileCheck %s

// 4194304^3 multiply-adds are 2^67 FLOPs (uint64 arithmetic made it 0).
// CHECK-LABEL: func.func @huge_matmul
// CHECK: linalg.matmul {roof.cost = #roof.unknown<"overflow: a count exceeds 2^64 - 1">}
func.func @huge_matmul(%a: tensor<4194304x4194304xf32>, %c: tensor<4194304x4194304xf32>) -> tensor<4194304x4194304xf32> {
  %r = linalg.matmul ins(%a, %a : tensor<4194304x4194304xf32>, tensor<4194304x4194304xf32>) outs(%c : tensor<4194304x4194304xf32>) -> tensor<4194304x4194304xf32>
  return %r : tensor<4194304x4194304xf32>
}

// A fill of 2^30 x 2^30 x 2^7 = 2^67 elements writes 2^69 bytes: unknown,
// not 0 (its element count wrapped once).
// CHECK-LABEL: func.func @huge_fill
// CHECK: linalg.fill {roof.cost = #roof.unknown<"overflow: a count exceeds 2^64 - 1">}
func.func @huge_fill(%x: tensor<1073741824x1073741824x128xf32>) -> tensor<1073741824x1073741824x128xf32> {
  %zero = arith.constant 0.0 : f32
  %r = linalg.fill ins(%zero : f32) outs(%x : tensor<1073741824x1073741824x128xf32>) -> tensor<1073741824x1073741824x128xf32>
  return %r : tensor<1073741824x1073741824x128xf32>
}

// Each matmul: 2 x 2000000^3 = 1.6e19 FLOPs, below 2^64 - 1 = 1.8e19; the
// two together are not.
// CHECK-LABEL: func.func @sum
// CHECK-SAME: roof.totals = #roof.totals<flops = overflow, transcendentals = 0, read = 96000000000000, written = 32000000000000
// CHECK: linalg.matmul {roof.cost = #roof.cost<flops = 16000000000000000000,
func.func @sum(%a: tensor<2000000x2000000xf32>, %c: tensor<2000000x2000000xf32>) -> tensor<2000000x2000000xf32> {
  %r = linalg.matmul ins(%a, %a : tensor<2000000x2000000xf32>, tensor<2000000x2000000xf32>) outs(%c : tensor<2000000x2000000xf32>) -> tensor<2000000x2000000xf32>
  %s = linalg.matmul ins(%r, %a : tensor<2000000x2000000xf32>, tensor<2000000x2000000xf32>) outs(%c : tensor<2000000x2000000xf32>) -> tensor<2000000x2000000xf32>
  return %s : tensor<2000000x2000000xf32>
}

// An exp of 2^20 elements run 2^32 x 2^32 times: its total passes 2^64.
// CHECK-LABEL: func.func @nested_loops
// CHECK: linalg.exp {roof.cost = #roof.unknown<"overflow: its 18446744073709551615 executions exceed 2^64 - 1 counts">}
func.func @nested_loops(%a: tensor<1048576xf32>) -> tensor<1048576xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = arith.constant 4294967295 : index
  %m = arith.constant 4294967297 : index
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%x = %a) -> tensor<1048576xf32> {
    %r2 = scf.for %j = %c0 to %m step %c1 iter_args(%y = %x) -> tensor<1048576xf32> {
      %e = linalg.exp ins(%y : tensor<1048576xf32>) outs(%y : tensor<1048576xf32>) -> tensor<1048576xf32>
      scf.yield %e : tensor<1048576xf32>
    }
    scf.yield %r2 : tensor<1048576xf32>
  }
  return %r : tensor<1048576xf32>
}

// A payload on vector<4xf32> elements adds 4 lanes per iteration: 8 x 4 =
// 32 FLOPs; bytes are 8 elements of 16 bytes, 2 read and 1 written.
// CHECK-LABEL: func.func @vector_payload
// CHECK: linalg.generic
// CHECK-SAME: roof.cost = #roof.cost<flops = 32, transcendentals = 0, read = 256, written = 128
#id = affine_map<(d0) -> (d0)>
func.func @vector_payload(%a: tensor<8xvector<4xf32>>, %b: tensor<8xvector<4xf32>>) -> tensor<8xvector<4xf32>> {
  %r = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel"]} ins(%a, %b : tensor<8xvector<4xf32>>, tensor<8xvector<4xf32>>) outs(%a : tensor<8xvector<4xf32>>) {
  ^bb0(%x: vector<4xf32>, %y: vector<4xf32>, %o: vector<4xf32>):
    %s = arith.addf %x, %y : vector<4xf32>
    linalg.yield %s : vector<4xf32>
  } -> tensor<8xvector<4xf32>>
  return %r : tensor<8xvector<4xf32>>
}

// A scalable vector's length is known only at run time.
// CHECK-LABEL: func.func @scalable
// CHECK: arith.addf {{.*}}roof.cost = #roof.unknown<"the result is a scalable vector: its length is known only at run time">
func.func @scalable(%a: vector<[4]xf32>) -> vector<[4]xf32> {
  %r = arith.addf %a, %a : vector<[4]xf32>
  return %r : vector<[4]xf32>
}
