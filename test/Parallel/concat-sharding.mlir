// MLIR 22's sharding passes stop at a tensor.concat (no ShardingInterface);
// Roof attaches one (lib/Parallel/ConcatSharding.cpp, docs/parallelism.md
// "Concatenation").
// RUN: roof-opt %s --pass-pipeline='builtin.module(func.func(sharding-propagation,shard-partition))' | FileCheck %s
// RUN: %mlir_opt --load-dialect-plugin=%roof_plugin %s --pass-pipeline='builtin.module(func.func(sharding-propagation,shard-partition))' | FileCheck %s

shard.grid @tp(shape = 2)

// A KV cache of 4 heads grows by this call's keys along its token dim; the
// heads are split over 2 devices, so each device keeps and grows the cache
// of its 2 heads.
// CHECK-LABEL: func.func @grow(
// CHECK-SAME: %[[PAST:.*]]: tensor<2x15x8xf32>, %[[NEW:.*]]: tensor<2x1x8xf32>) -> tensor<2x16x8xf32>
// CHECK-NEXT: tensor.concat dim(1) %[[PAST]], %[[NEW]] : (tensor<2x15x8xf32>, tensor<2x1x8xf32>) -> tensor<2x16x8xf32>
func.func @grow(%past: tensor<4x15x8xf32>, %new: tensor<4x1x8xf32>) -> tensor<4x16x8xf32> {
  %heads = shard.sharding @tp split_axes = [[0]] : !shard.sharding
  %news = shard.shard %new to %heads : tensor<4x1x8xf32>
  %cache = tensor.concat dim(1) %past, %news : (tensor<4x15x8xf32>, tensor<4x1x8xf32>) -> tensor<4x16x8xf32>
  %out = shard.shard %cache to %heads annotate_for_users : tensor<4x16x8xf32>
  return %out : tensor<4x16x8xf32>
}

// An input split on the concatenated dim is gathered first: each device
// would otherwise hold a part of one input and none of the other.
// CHECK-LABEL: func.func @tokens(
// CHECK-SAME: %[[PAST:.*]]: tensor<4x16x8xf32>, %[[NEW:.*]]: tensor<4x1x8xf32>) -> tensor<4x18x8xf32>
// CHECK: %[[WHOLE:.*]] = shard.all_gather %[[NEW]] on @tp grid_axes = [0] gather_axis = 1 : tensor<4x1x8xf32> -> tensor<4x2x8xf32>
// CHECK: tensor.concat dim(1) %[[PAST]], %{{.*}} : (tensor<4x16x8xf32>, tensor<4x2x8xf32>) -> tensor<4x18x8xf32>
func.func @tokens(%past: tensor<4x16x8xf32>, %new: tensor<4x2x8xf32>) -> tensor<4x18x8xf32> {
  %tokens = shard.sharding @tp split_axes = [[], [0]] : !shard.sharding
  %news = shard.shard %new to %tokens : tensor<4x2x8xf32>
  %cache = tensor.concat dim(1) %past, %news : (tensor<4x16x8xf32>, tensor<4x2x8xf32>) -> tensor<4x18x8xf32>
  return %cache : tensor<4x18x8xf32>
}
