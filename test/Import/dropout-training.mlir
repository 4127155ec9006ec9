// Dropout in training mode (training_mode true, ratio 0.25): y = x * mask
// / (1 - ratio). The mask is random and MLIR has no random op, so it
// becomes an argument of the function, after the graph's inputs, named
// after the node: one byte per element, as PyTorch keeps a bool mask. The
// mask output is that argument as booleans.
// RUN: rm -rf %t && %debian_python %S/Inputs/make_onnx_models.py %t
// RUN: roof-import-onnx %t/train_dropout.onnx -o %t/train_dropout.mlir
// RUN: FileCheck %s --input-file=%t/train_dropout.mlir
// RUN: roof-opt %t/train_dropout.mlir --roof-report="targets=h100-sxm training=sgd format=json" -o /dev/null | FileCheck %s --check-prefix=STEP

// CHECK: func.func @main(%arg0: tensor<4x8xf32> loc("x"{{.*}}), %arg1: tensor<4x16xi8> loc("drop1.mask"{{.*}})) -> (tensor<4x16xf32>, tensor<4x16xi1>)
// CHECK: %[[KEEP:.*]] = tosa.cast %arg1 : (tensor<4x16xi8>) -> tensor<4x16xf32>
// CHECK: %[[KEPT:.*]] = tosa.mul %{{.*}}, %[[KEEP]]
// CHECK: dense<1.33333337>
// CHECK: tosa.cast %arg1 : (tensor<4x16xi8>) -> tensor<4x16xi1>

// Kept for the backward pass: x for the weight's gradient (4 x 8 f32,
// 128 B), the mask for the dropout's (4 x 16 i8, 64 B; not its input)
// and the ReLU's input (4 x 16 f32, 256 B): 448 B. The weight: 128
// parameters.
// STEP: "parameters": 128,
// STEP: "saved_activations": 448,
