// 1-D windows (Conv without bias, MaxPool on [N, C, L]) are imported as
// their 2-D forms with a unit H dim; the pool takes the convolution's NHWC
// result directly, so there is one layout change in and one out.
//
// REQUIRES: onnx-python
// RUN: rm -rf %t && %debian_python %S/Inputs/make_onnx_models.py %t
// RUN: roof-import-onnx %t/conv1d.onnx | roof-opt --roof-annotate-cost | FileCheck %s

// Conv: 3 output channels * 8 positions = 24 outputs, each 2 channels * 3
// taps = 6 MACs: 144 MACs = 288 FLOPs, no bias adds (the model has no bias).
// Read: input 16*4 = 64 + weights 18*4 = 72 + the zero bias 12 + two zero
// points 8 = 156; written 24*4 = 96. MaxPool 2/2: 12 outputs * 2 = 24
// comparisons. Totals 288 + 24 = 312 FLOPs; 18 parameters.
// CHECK: func.func @main(%arg0: tensor<1x2x8xf32>) -> tensor<1x3x4xf32> attributes {roof.totals = #roof.totals<flops = 312, {{.*}}params = 18,
// CHECK: tosa.reshape %arg0{{.*}} -> tensor<1x2x1x8xf32>
// CHECK: tosa.transpose {{.*}} -> tensor<1x1x8x2xf32>
// CHECK: "tosa.const"() <{values = dense_resource<w> : tensor<3x1x3x2xf32>}>
// CHECK: tosa.conv2d {{.*}}pad = array<i64: 0, 0, 1, 1>, roof.cost = #roof.cost<flops = 288, transcendentals = 0, read = 156, written = 96, weight_read = 72, {{.*}} -> tensor<1x1x8x3xf32>
// CHECK-NOT: tosa.transpose
// CHECK: tosa.max_pool2d {{.*}}kernel = array<i64: 1, 2>, {{.*}}flops = 24, {{.*}}stride = array<i64: 1, 2>{{.*}} -> tensor<1x1x4x3xf32>
// CHECK: tosa.transpose {{.*}} -> tensor<1x3x1x4xf32>
// CHECK: tosa.reshape {{.*}} -> tensor<1x3x4xf32>
// CHECK-NEXT: return
