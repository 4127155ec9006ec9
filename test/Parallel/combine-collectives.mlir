// roof-combine-collectives: an all-reduce whose only user slices it on the
// same grid axes is one reduce-scatter, a reshape between them moved before
// it; any other all-reduce stays.
// RUN: roof-opt %s --pass-pipeline='builtin.module(func.func(roof-combine-collectives))' | FileCheck %s
// RUN: %mlir_opt --load-pass-plugin=%roof_plugin %s --pass-pipeline='builtin.module(func.func(roof-combine-collectives))' | FileCheck %s

shard.grid @tp(shape = 4)
shard.grid @g2(shape = 2x2)

// CHECK-LABEL: func.func @pair
// CHECK-NEXT: %[[R:.*]] = shard.reduce_scatter %arg0 on @tp grid_axes = [0] scatter_axis = 1 : tensor<8x16xf32> -> tensor<8x4xf32>
// CHECK-NEXT: return %[[R]]
func.func @pair(%x: tensor<8x16xf32>) -> tensor<8x4xf32> {
  %sum = shard.all_reduce %x on @tp grid_axes = [0] : tensor<8x16xf32> -> tensor<8x16xf32>
  %part = shard.all_slice %sum on @tp grid_axes = [0] slice_axis = 1 : tensor<8x16xf32> -> tensor<8x4xf32>
  return %part : tensor<8x4xf32>
}

// CHECK-LABEL: func.func @through_reshape
// CHECK-NEXT: %[[C:.*]] = tensor.collapse_shape %arg0 {{\[\[}}0, 1], [2]] : tensor<2x8x16xf32> into tensor<16x16xf32>
// CHECK-NEXT: %[[R:.*]] = shard.reduce_scatter %[[C]] on @tp grid_axes = [0] scatter_axis = 0 : tensor<16x16xf32> -> tensor<4x16xf32>
// CHECK-NEXT: return %[[R]]
func.func @through_reshape(%x: tensor<2x8x16xf32>) -> tensor<4x16xf32> {
  %sum = shard.all_reduce %x on @tp grid_axes = [0] : tensor<2x8x16xf32> -> tensor<2x8x16xf32>
  %flat = tensor.collapse_shape %sum [[0, 1], [2]] : tensor<2x8x16xf32> into tensor<16x16xf32>
  %part = shard.all_slice %flat on @tp grid_axes = [0] slice_axis = 0 : tensor<16x16xf32> -> tensor<4x16xf32>
  return %part : tensor<4x16xf32>
}

// The sum is also read whole: both stay.
// CHECK-LABEL: func.func @sum_used_twice
// CHECK: shard.all_reduce
// CHECK: shard.all_slice
// CHECK-NOT: shard.reduce_scatter
func.func @sum_used_twice(%x: tensor<8x16xf32>) -> (tensor<8x4xf32>, tensor<8x16xf32>) {
  %sum = shard.all_reduce %x on @tp grid_axes = [0] : tensor<8x16xf32> -> tensor<8x16xf32>
  %part = shard.all_slice %sum on @tp grid_axes = [0] slice_axis = 1 : tensor<8x16xf32> -> tensor<8x4xf32>
  return %part, %sum : tensor<8x4xf32>, tensor<8x16xf32>
}

// Summed over one grid axis and sliced over the other: both stay.
// CHECK-LABEL: func.func @other_axes
// CHECK: shard.all_reduce
// CHECK: shard.all_slice
// CHECK-NOT: shard.reduce_scatter
func.func @other_axes(%x: tensor<8x16xf32>) -> tensor<8x8xf32> {
  %sum = shard.all_reduce %x on @g2 grid_axes = [0] : tensor<8x16xf32> -> tensor<8x16xf32>
  %part = shard.all_slice %sum on @g2 grid_axes = [1] slice_axis = 1 : tensor<8x16xf32> -> tensor<8x8xf32>
  return %part : tensor<8x8xf32>
}
