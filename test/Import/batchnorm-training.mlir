// BatchNormalization in training mode (opset 15, as a training export
// writes it) normalizes with the batch's own statistics: the mean and
// variance of each channel over the batch and the spatial dims, and the
// running statistics it returns move towards them by `momentum`.
// RUN: rm -rf %t && %debian_python %S/Inputs/make_onnx_models.py %t
// RUN: roof-import-onnx %t/train_block.onnx -o %t/train_block.mlir
// RUN: FileCheck %s --input-file=%t/train_block.mlir
// RUN: roof-opt %t/train_block.mlir --roof-report="targets=h100-sxm training=sgd format=json" -o /dev/null | FileCheck %s --check-prefix=STEP

// Channels last: the mean sums the 2 x 8 x 8 values of each of the 4
// channels (axes 0, 1, 2), times 1/128; the variance likewise of the
// centred squares.
// CHECK: tosa.reduce_sum {{.*}} {axis = 0 : i32} : (tensor<2x8x8x4xf32>) -> tensor<1x8x8x4xf32>
// CHECK: tosa.reduce_sum {{.*}} {axis = 1 : i32}
// CHECK: tosa.reduce_sum {{.*}} {axis = 2 : i32} : (tensor<1x1x8x4xf32>) -> tensor<1x1x1x4xf32>
// CHECK: tosa.reduce_sum {{.*}} {axis = 0 : i32} : (tensor<2x8x8x4xf32>) -> tensor<1x8x8x4xf32>
// CHECK: tosa.rsqrt {{.*}} : (tensor<1x1x1x4xf32>) -> tensor<1x1x1x4xf32>
// CHECK: return {{.*}} : tensor<2x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>

// The node is one unit for its backward (docs/training.md): it keeps its
// input, the convolution's 2 x 4 x 8 x 8 result (2048 B), not its
// centred values; with x (1536 B, for dW) and the relu's input (2048 B):
// 5632 B saved.
// STEP: "saved_activations": 5632,
