// RUN: roof-opt %s -split-input-file -roof-annotate-cost | FileCheck %s

// tensor ops: views and allocations are free; pad, concat and slices move
// the bytes of what they copy.

// CHECK-LABEL: func.func @views
func.func @views(%x: tensor<4x8xf32>) -> (tensor<2x2x8xf32>, tensor<32xf32>, tensor<?x8xf32>) {
  // CHECK: tensor.empty() {roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 0, written = 0, weight_read = 0, intensity = 0.00>}
  %e = tensor.empty() : tensor<16xf32>
  // CHECK: tensor.expand_shape {{.*}}roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 0, written = 0, weight_read = 0, intensity = 0.00>
  %0 = tensor.expand_shape %x [[0, 1], [2]] output_shape [2, 2, 8] : tensor<4x8xf32> into tensor<2x2x8xf32>
  // CHECK: tensor.collapse_shape {{.*}}roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 0, written = 0, weight_read = 0, intensity = 0.00>
  %1 = tensor.collapse_shape %x [[0, 1]] : tensor<4x8xf32> into tensor<32xf32>
  // CHECK: tensor.cast {{.*}}roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 0, written = 0, weight_read = 0, intensity = 0.00>
  %2 = tensor.cast %x : tensor<4x8xf32> to tensor<?x8xf32>
  return %0, %1, %2 : tensor<2x2x8xf32>, tensor<32xf32>, tensor<?x8xf32>
}

// -----

// CHECK-LABEL: func.func @pad
func.func @pad(%x: tensor<1x8x8x3xf32>) -> tensor<1x10x10x3xf32> {
  %zero = arith.constant 0.0 : f32
  // read = 8*8*3*4 = 768; written = 10*10*3*4 = 1200
  // The attribute prints after the padding region.
  // CHECK: tensor.pad
  // CHECK: } {roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 768, written = 1200, weight_read = 0, intensity = 0.00>}
  %0 = tensor.pad %x low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x8x8x3xf32> to tensor<1x10x10x3xf32>
  return %0 : tensor<1x10x10x3xf32>
}

// -----

// CHECK-LABEL: func.func @concat
func.func @concat(%a: tensor<4x8xf32>, %b: tensor<6x8xf32>) -> tensor<10x8xf32> {
  // read = (4*8 + 6*8)*4 = 320; written = 10*8*4 = 320
  // CHECK: tensor.concat {{.*}}roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 320, written = 320, weight_read = 0, intensity = 0.00>
  %0 = tensor.concat dim(0) %a, %b : (tensor<4x8xf32>, tensor<6x8xf32>) -> tensor<10x8xf32>
  return %0 : tensor<10x8xf32>
}

// -----

// CHECK-LABEL: func.func @slices
func.func @slices(%big: tensor<16x8xf32>, %small: tensor<4x8xf32>) -> (tensor<4x8xf32>, tensor<16x8xf32>) {
  // The slice is 4*8*4 = 128 bytes, read and written once.
  // CHECK: tensor.extract_slice {{.*}}roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 128, written = 128, weight_read = 0, intensity = 0.00>
  %0 = tensor.extract_slice %big[4, 0] [4, 8] [1, 1] : tensor<16x8xf32> to tensor<4x8xf32>
  // Only the inserted 128 bytes move; the rest of the destination stays.
  // CHECK: tensor.insert_slice {{.*}}roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 128, written = 128, weight_read = 0, intensity = 0.00>
  %1 = tensor.insert_slice %small into %big[8, 0] [4, 8] [1, 1] : tensor<4x8xf32> into tensor<16x8xf32>
  return %0, %1 : tensor<4x8xf32>, tensor<16x8xf32>
}

// -----

// CHECK-LABEL: func.func @elements
func.func @elements(%t: tensor<16xf32>, %i: index, %v: f32) -> (f32, tensor<16xf32>) {
  // One f32 element: 4 bytes.
  // CHECK: tensor.extract {{.*}}roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 4, written = 0, weight_read = 0, intensity = 0.00>
  %0 = tensor.extract %t[%i] : tensor<16xf32>
  // CHECK: tensor.insert {{.*}}roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 0, written = 4, weight_read = 0, intensity = 0.00>
  %1 = tensor.insert %v into %t[%i] : tensor<16xf32>
  return %0, %1 : f32, tensor<16xf32>
}
