// linalg.softmax in upstream's sharding passes (docs/parallelism.md,
// "Softmax"): its rows are split like its input's, and the dim it
// normalizes over stays whole. The bundled transformer block, whose
// attention normalizes with one linalg.softmax, then splits.
// RUN: roof-opt %roof_src_root/examples/transformer-block.mlir --pass-pipeline='builtin.module(roof-parallel-plan{plan=cp:2},func.func(sharding-propagation,shard-partition))' -o %t.roof.mlir
// RUN: FileCheck %s < %t.roof.mlir
// RUN: %mlir_opt --load-dialect-plugin=%roof_plugin --load-pass-plugin=%roof_plugin %roof_src_root/examples/transformer-block.mlir --pass-pipeline='builtin.module(roof-parallel-plan{plan=cp:2},func.func(sharding-propagation,shard-partition))' -o %t.upstream.mlir
// RUN: diff %t.roof.mlir %t.upstream.mlir
// RUN: roof-opt %s --pass-pipeline='builtin.module(func.func(sharding-propagation,shard-partition))' | FileCheck %s --check-prefix=GATHER

// Each device holds 8 of the 16 tokens; K and V are gathered; the scores
// of its 8 queries against the 16 keys are normalized over the keys.
// CHECK: shard.grid @cp(shape = 2)
// CHECK-LABEL: func.func @transformer_block(
// CHECK-SAME: tensor<8x64xf32>
// CHECK: shard.all_gather %{{.*}} on @cp grid_axes = [0] gather_axis = 0 : tensor<8x64xf32> -> tensor<16x64xf32>
// CHECK: shard.all_gather %{{.*}} on @cp grid_axes = [0] gather_axis = 0 : tensor<8x64xf32> -> tensor<16x64xf32>
// CHECK: linalg.softmax dimension(1) ins(%{{.*}} : tensor<8x16xf32>) outs(%{{.*}} : tensor<8x16xf32>) -> tensor<8x16xf32>

// An input split on the normalized dim is gathered first; the rows stay
// split.
// GATHER-LABEL: func.func @split_rows_and_columns(
// GATHER-SAME: %[[X:.*]]: tensor<4x8xf32>
// GATHER: %[[WHOLE:.*]] = shard.all_gather %[[X]] on @g grid_axes = [1] gather_axis = 1 : tensor<4x8xf32> -> tensor<4x16xf32>
// GATHER: linalg.softmax dimension(1) ins(%{{.*}} : tensor<4x16xf32>) outs(%{{.*}} : tensor<4x16xf32>) -> tensor<4x16xf32>
shard.grid @g(shape = 2x2)
func.func @split_rows_and_columns(%x: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %s = shard.sharding @g split_axes = [[0], [1]] : !shard.sharding
  %a = shard.shard %x to %s : tensor<8x16xf32>
  %e = tensor.empty() : tensor<8x16xf32>
  %r = linalg.softmax dimension(1) ins(%a : tensor<8x16xf32>) outs(%e : tensor<8x16xf32>) -> tensor<8x16xf32>
  return %r : tensor<8x16xf32>
}
