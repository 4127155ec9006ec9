// Hand-written loop nests (docs/cost-model.md): an affine loop's trip count
// composes its bound maps with constant operands; vector arithmetic counts
// per lane, a reduction of N lanes N - 1 operations; vector loads and
// stores move their lanes, affine loads and stores one element; register
// moves and index arithmetic are free.
// RUN: roof-opt %s --roof-annotate-cost | FileCheck %s

// Per iteration: two 16-lane loads (2 x 64 B), one element loaded (4 B) and
// stored (4 B); FLOPs: fma 2 x 16 = 32, reduction 15, addf 1 = 48. The loop
// runs #map(%c12) = 12 times: 576 FLOPs, 12 x 132 = 1584 B read, 48 written.
// CHECK-LABEL: func.func @dot
// CHECK-SAME: roof.totals = #roof.totals<flops = 576, transcendentals = 0, read = 1584, written = 48, weight_read = 0
// CHECK-SAME: unknown = 0
// CHECK: vector.load {{.*}}roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 64, written = 0
// CHECK: vector.fma {{.*}}roof.cost = #roof.cost<flops = 32, transcendentals = 0, read = 0, written = 0
// CHECK: vector.reduction {{.*}}roof.cost = #roof.cost<flops = 15, transcendentals = 0, read = 0, written = 0
// CHECK: affine.load {{.*}}roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 4, written = 0
// CHECK: affine.store {{.*}}roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 0, written = 4
#id = affine_map<(d0) -> (d0)>
func.func @dot(%a: memref<12x16xf32>, %b: memref<12x16xf32>, %out: memref<12xf32>) {
  %c0 = arith.constant 0 : index
  %c12 = arith.constant 12 : index
  %zero = arith.constant dense<0.0> : vector<16xf32>
  affine.for %i = 0 to #id(%c12) {
    %x = vector.load %a[%i, %c0] : memref<12x16xf32>, vector<16xf32>
    %y = vector.load %b[%i, %c0] : memref<12x16xf32>, vector<16xf32>
    %p = vector.fma %x, %y, %zero : vector<16xf32>
    %s = vector.reduction <add>, %p : vector<16xf32> into f32
    %o = affine.load %out[%i] : memref<12xf32>
    %r = arith.addf %s, %o : f32
    affine.store %r, %out[%i] : memref<12xf32>
  }
  return
}
