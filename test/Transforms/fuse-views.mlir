// RUN: roof-opt %s -split-input-file -roof-fuse-epilogues | FileCheck %s
// RUN: roof-opt %s -split-input-file -roof-fuse-epilogues -roof-annotate-cost | FileCheck %s --check-prefix=COST

// Views a contraction reads through join its kernel (docs/fusion.md): a
// transposed operand is read in place, a cropped input where the crop
// reaches.

// CHECK-LABEL: func.func @transposed_operand
// CHECK: roof.kernel
// CHECK-NEXT: linalg.transpose
// CHECK-NEXT: linalg.matmul
// CHECK-NEXT: roof.yield
// The kernel reads x (32*16*4 = 2048), w (32*64*4 = 8192) and the
// accumulator (16*64*4 = 4096) = 14336 and writes 4096; the transposed copy
// (2048 written, 2048 read back) never reaches memory. FLOPs 2*16*64*32.
// COST: } {roof.cost = #roof.cost<flops = 65536, transcendentals = 0, read = 14336, written = 4096,
func.func @transposed_operand(%x: tensor<32x16xf32>, %w: tensor<32x64xf32>,
                              %acc: tensor<16x64xf32>) -> tensor<16x64xf32> {
  %e = tensor.empty() : tensor<16x32xf32>
  %xt = linalg.transpose ins(%x : tensor<32x16xf32>) outs(%e : tensor<16x32xf32>) permutation = [1, 0]
  %0 = linalg.matmul ins(%xt, %w : tensor<16x32xf32>, tensor<32x64xf32>)
                     outs(%acc : tensor<16x64xf32>) -> tensor<16x64xf32>
  return %0 : tensor<16x64xf32>
}

// -----

// CHECK-LABEL: func.func @cropped_input
// CHECK: roof.kernel
// CHECK-NEXT: tensor.extract_slice
// CHECK-NEXT: linalg.matmul
// The kernel reads the 16 of x's 17 rows the slice reaches (16*32*4 = 2048,
// not 17*32*4 = 2176) + w 8192 + accumulator 4096 = 14336.
// COST: } {roof.cost = #roof.cost<flops = 65536, transcendentals = 0, read = 14336, written = 4096,
func.func @cropped_input(%x: tensor<17x32xf32>, %w: tensor<32x64xf32>,
                         %acc: tensor<16x64xf32>) -> tensor<16x64xf32> {
  %s = tensor.extract_slice %x[0, 0] [16, 32] [1, 1] : tensor<17x32xf32> to tensor<16x32xf32>
  %0 = linalg.matmul ins(%s, %w : tensor<16x32xf32>, tensor<32x64xf32>)
                     outs(%acc : tensor<16x64xf32>) -> tensor<16x64xf32>
  return %0 : tensor<16x64xf32>
}

// -----

// A view with a user outside the kernel must be materialized anyway: no
// kernel.
// CHECK-LABEL: func.func @shared_view
// CHECK-NOT: roof.kernel
// CHECK: return
func.func @shared_view(%x: tensor<17x32xf32>, %w: tensor<32x64xf32>,
                       %acc: tensor<16x64xf32>) -> (tensor<16x64xf32>, tensor<16x32xf32>) {
  %s = tensor.extract_slice %x[0, 0] [16, 32] [1, 1] : tensor<17x32xf32> to tensor<16x32xf32>
  %0 = linalg.matmul ins(%s, %w : tensor<16x32xf32>, tensor<32x64xf32>)
                     outs(%acc : tensor<16x64xf32>) -> tensor<16x64xf32>
  return %0, %s : tensor<16x64xf32>, tensor<16x32xf32>
}

// -----

// A view of a weight is prepared ahead of time (docs/cost-model.md), not
// read through: it stays outside, and nothing is fused.
// CHECK-LABEL: func.func @weight_view
// CHECK-NOT: roof.kernel
// COST-LABEL: func.func @weight_view
// COST: tosa.transpose {{.*}}roof.prepared
func.func @weight_view(%x: tensor<1x16x32xf32>) -> tensor<1x16x64xf32> {
  %w = "tosa.const"() <{values = dense_resource<w> : tensor<1x64x32xf32>}> : () -> tensor<1x64x32xf32>
  %wt = tosa.transpose %w {perms = array<i32: 0, 2, 1>} : (tensor<1x64x32xf32>) -> tensor<1x32x64xf32>
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %0 = tosa.matmul %x, %wt, %zp, %zp : (tensor<1x16x32xf32>, tensor<1x32x64xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x16x64xf32>
  return %0 : tensor<1x16x64xf32>
}

// -----

// Grouped-query attention: each of 2 K heads serves 2 of the 4 query heads,
// repeated by a tile (as torch.onnx and roof-import-onnx write repeat_kv).
// The scores' matmul indexes the shared head instead of reading a copy
// (runtimes run grouped-query attention so): the tile joins its kernel as
// a view, with the reshapes and the transpose.
// CHECK-LABEL: func.func @grouped_query_keys
// CHECK: roof.kernel
// CHECK: tosa.tile
// CHECK: tosa.matmul
// CHECK-NEXT: roof.yield
// The kernel reads q (4*8*8*4 = 1024), the 2 K heads once (2*16*8*4 = 1024,
// not the tiled 2048) and the 1-element zero point both operands share (4)
// = 2052; it writes the scores, 4*8*16*4 = 2048. FLOPs 2*4*8*16*8 = 8192.
// COST: } {roof.cost = #roof.cost<flops = 8192, transcendentals = 0, read = 2052, written = 2048,
func.func @grouped_query_keys(%q: tensor<4x8x8xf32>, %k: tensor<1x2x16x8xf32>) -> tensor<4x8x16xf32> {
  %s5 = tosa.const_shape {values = dense<[1, 2, 1, 16, 8]> : tensor<5xindex>} : () -> !tosa.shape<5>
  %k5 = tosa.reshape %k, %s5 : (tensor<1x2x16x8xf32>, !tosa.shape<5>) -> tensor<1x2x1x16x8xf32>
  %m = tosa.const_shape {values = dense<[1, 1, 2, 1, 1]> : tensor<5xindex>} : () -> !tosa.shape<5>
  %t = tosa.tile %k5, %m : (tensor<1x2x1x16x8xf32>, !tosa.shape<5>) -> tensor<1x2x2x16x8xf32>
  %s3 = tosa.const_shape {values = dense<[4, 16, 8]> : tensor<3xindex>} : () -> !tosa.shape<3>
  %k3 = tosa.reshape %t, %s3 : (tensor<1x2x2x16x8xf32>, !tosa.shape<3>) -> tensor<4x16x8xf32>
  %kt = tosa.transpose %k3 {perms = array<i32: 0, 2, 1>} : (tensor<4x16x8xf32>) -> tensor<4x8x16xf32>
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %0 = tosa.matmul %q, %kt, %zp, %zp : (tensor<4x8x8xf32>, tensor<4x8x16xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<4x8x16xf32>
  return %0 : tensor<4x8x16xf32>
}
