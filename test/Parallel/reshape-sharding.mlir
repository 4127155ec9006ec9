// MLIR 22's sharding passes stop at a reshape (no ShardingInterface on
// tensor.expand_shape or collapse_shape); Roof attaches one
// (lib/Parallel/ReshapeSharding.cpp, docs/parallelism.md "Reshapes"). Token
// rows split into heads and back, as a language model's attention does,
// between a column-split and a row-split matmul.
// RUN: roof-opt %s --pass-pipeline='builtin.module(func.func(sharding-propagation,shard-partition))' | FileCheck %s
// The dialect plugin brings the same models to stock mlir-opt:
// RUN: %mlir_opt --load-dialect-plugin=%roof_plugin %s --pass-pipeline='builtin.module(func.func(sharding-propagation,shard-partition))' | FileCheck %s
// RUN: roof-opt %s --pass-pipeline='builtin.module(func.func(sharding-propagation,shard-partition),roof-report{targets=h100-node})' -o /dev/null | FileCheck %s --check-prefix=PRICED

// Each device: x (16x64) times its 64x16 half of W1; its 16x16 part of h is
// 1 of the 2 heads (16x1x16), reshaped back to 16x16 rows, times its 16x64
// half of W2; the partial sums are all-reduced.
// CHECK-LABEL: func.func @heads(
// CHECK-SAME: tensor<16x64xf32>, %{{.*}}: tensor<64x16xf32>, %{{.*}}: tensor<16x64xf32>) -> tensor<16x64xf32>
// CHECK: linalg.matmul {{.*}} -> tensor<16x16xf32>
// CHECK: tensor.expand_shape %{{.*}} {{\[}}[0], [1, 2]] output_shape [16, 1, 16] : tensor<16x16xf32> into tensor<16x1x16xf32>
// CHECK: linalg.generic
// CHECK: } -> tensor<16x1x16xf32>
// CHECK: tensor.collapse_shape %{{.*}} {{\[}}[0], [1, 2]] : tensor<16x1x16xf32> into tensor<16x16xf32>
// CHECK: linalg.matmul {{.*}} -> tensor<16x64xf32>
// CHECK: shard.all_reduce %{{.*}} on @tp grid_axes = [0] : tensor<16x64xf32> -> tensor<16x64xf32>
// PRICED: communication: {{.*}} 1 collective over NVLink 4, 0.004 MB sent per device

#id3 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
shard.grid @tp(shape = 2)
func.func @heads(%x: tensor<16x64xf32>, %w1: tensor<64x32xf32>,
                 %w2: tensor<32x64xf32>) -> tensor<16x64xf32> {
  %columns = shard.sharding @tp split_axes = [[], [0]] : !shard.sharding
  %w1s = shard.shard %w1 to %columns : tensor<64x32xf32>
  %rows = shard.sharding @tp split_axes = [[0]] : !shard.sharding
  %w2s = shard.shard %w2 to %rows : tensor<32x64xf32>
  %zero = arith.constant 0.0 : f32
  %e1 = tensor.empty() : tensor<16x32xf32>
  %f1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<16x32xf32>) -> tensor<16x32xf32>
  %h = linalg.matmul ins(%x, %w1s : tensor<16x64xf32>, tensor<64x32xf32>)
                     outs(%f1 : tensor<16x32xf32>) -> tensor<16x32xf32>
  %heads = tensor.expand_shape %h [[0], [1, 2]] output_shape [16, 2, 16]
      : tensor<16x32xf32> into tensor<16x2x16xf32>
  %e2 = tensor.empty() : tensor<16x2x16xf32>
  %act = linalg.generic {indexing_maps = [#id3, #id3], iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%heads : tensor<16x2x16xf32>) outs(%e2 : tensor<16x2x16xf32>) {
  ^bb0(%in: f32, %out: f32):
    %r = arith.maximumf %in, %zero : f32
    linalg.yield %r : f32
  } -> tensor<16x2x16xf32>
  %back = tensor.collapse_shape %act [[0], [1, 2]] : tensor<16x2x16xf32> into tensor<16x32xf32>
  %e3 = tensor.empty() : tensor<16x64xf32>
  %f3 = linalg.fill ins(%zero : f32) outs(%e3 : tensor<16x64xf32>) -> tensor<16x64xf32>
  %y = linalg.matmul ins(%back, %w2s : tensor<16x32xf32>, tensor<32x64xf32>)
                     outs(%f3 : tensor<16x64xf32>) -> tensor<16x64xf32>
  %replicated = shard.sharding @tp split_axes = [[]] : !shard.sharding
  %out = shard.shard %y to %replicated annotate_for_users : tensor<16x64xf32>
  return %out : tensor<16x64xf32>
}

// Two sequences of 8 tokens collapsed into 16 rows, the rows split over 4
// devices: a split of the group's first dim (2 sequences) over 4 devices
// cannot be, so the sequences are collapsed whole and each device slices
// its 4 rows (no data crosses the links), rather than a partition the
// collapse_shape verifier rejects.
// CHECK-LABEL: func.func @rows_over_sequences(
// CHECK-SAME: %[[X:.*]]: tensor<2x8x64xf32>
// CHECK: %[[ROWS:.*]] = tensor.collapse_shape %[[X]] {{\[}}[0, 1], [2]] : tensor<2x8x64xf32> into tensor<16x64xf32>
// CHECK: shard.all_slice %[[ROWS]] on @tp4 grid_axes = [0] slice_axis = 0 : tensor<16x64xf32> -> tensor<4x64xf32>
shard.grid @tp4(shape = 4)
func.func @rows_over_sequences(%x: tensor<2x8x64xf32>) -> tensor<16x64xf32> {
  %rows = tensor.collapse_shape %x [[0, 1], [2]] : tensor<2x8x64xf32> into tensor<16x64xf32>
  %split = shard.sharding @tp4 split_axes = [[0]] : !shard.sharding
  %r = shard.shard %rows to %split : tensor<16x64xf32>
  %e = tensor.empty() : tensor<16x64xf32>
  %y = linalg.exp ins(%r : tensor<16x64xf32>) outs(%e : tensor<16x64xf32>) -> tensor<16x64xf32>
  %whole = shard.sharding @tp4 split_axes = [[]] : !shard.sharding
  %out = shard.shard %y to %whole annotate_for_users : tensor<16x64xf32>
  return %out : tensor<16x64xf32>
}
