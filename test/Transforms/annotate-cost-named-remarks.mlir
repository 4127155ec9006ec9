// An imported op's location is its node's name around the model file's
// (0:0): its remarks name the op and the node, so each line says which it
// is about.
// RUN: roof-opt %s -roof-annotate-cost="report-only op-remarks" -o /dev/null 2>&1 | FileCheck %s

// 2 x 8 x 8 x 8 = 1024 FLOPs; reads 3 x 64 f32 = 768 B, writes 256 B.
// CHECK: model.onnx:0:0: remark: linalg.matmul layer1.fc cost: #roof.cost<flops = 1024, transcendentals = 0, read = 768, written = 256,
// CHECK: model.onnx:0:0: remark: arith.addf layer1.add cost unknown: dimension 0 of the result is dynamic; bind it with dynamic-dim=N
func.func @mlp(%a: tensor<8x8xf32>, %b: tensor<8x8xf32>, %c: tensor<8x8xf32>, %d: tensor<?xf32>) -> (tensor<8x8xf32>, tensor<?xf32>) {
  %0 = linalg.matmul ins(%a, %b : tensor<8x8xf32>, tensor<8x8xf32>) outs(%c : tensor<8x8xf32>) -> tensor<8x8xf32> loc("layer1.fc"("model.onnx":0:0))
  %1 = arith.addf %d, %d : tensor<?xf32> loc("layer1.add"("model.onnx":0:0))
  return %0, %1 : tensor<8x8xf32>, tensor<?xf32>
}
