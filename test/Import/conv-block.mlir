// A small NCHW classifier (Conv 3x3 pad 1 -> BatchNorm -> Relu ->
// GlobalAveragePool -> Flatten -> Gemm) imported to TOSA: the activation is
// transposed to NHWC once and stays NHWC through the elementwise ops, weights
// are permuted on the host (OIHW -> OHWI, Gemm's transB), every op carries
// its ONNX node's name, and the cost model prices it with hand-derivable
// numbers.
//
// REQUIRES: onnx-python
// RUN: rm -rf %t && %debian_python %S/Inputs/make_onnx_models.py %t
// RUN: roof-import-onnx %t/conv_block.onnx --input-shape batch=1 -o %t/conv_block.mlir
// RUN: FileCheck %s --input-file=%t/conv_block.mlir
// RUN: roof-opt %t/conv_block.mlir --mlir-print-debuginfo --mlir-pretty-debuginfo | FileCheck %s --check-prefix=LOC
// RUN: roof-opt %t/conv_block.mlir --roof-annotate-cost | FileCheck %s --check-prefix=COST

// CHECK: func.func @main(%arg0: tensor<1x3x8x8xf32> loc({{.*}})) -> tensor<1x10xf32>
// The one layout change of the model: the input to NHWC.
// CHECK: tosa.transpose %arg0 {perms = array<i32: 0, 2, 3, 1>} : (tensor<1x3x8x8xf32>) -> tensor<1x8x8x3xf32>
// CHECK-NOT: tosa.transpose
// Weights keep shape and type only (OHWI after the host permutation).
// CHECK: "tosa.const"() <{values = dense_resource<w> : tensor<4x3x3x3xf32>}>
// CHECK: tosa.conv2d {{.*}}pad = array<i64: 1, 1, 1, 1>{{.*}} -> tensor<1x8x8x4xf32>
// BatchNorm as a per-channel multiply and add, channels last.
// CHECK: tosa.mul {{.*}} : (tensor<1x8x8x4xf32>, tensor<1x1x1x4xf32>, tensor<1xi8>) -> tensor<1x8x8x4xf32>
// CHECK: tosa.add {{.*}} : (tensor<1x8x8x4xf32>, tensor<1x1x1x4xf32>) -> tensor<1x8x8x4xf32>
// CHECK: tosa.clamp {{.*}}min_val = 0.000000e+00 : f32{{.*}}
// CHECK: tosa.avg_pool2d {{.*}}kernel = array<i64: 8, 8>{{.*}} -> tensor<1x1x1x4xf32>
// Back to NCHW [1,4,1,1] is a reshape: only unit dims move.
// CHECK: tosa.reshape {{.*}} -> tensor<1x4x1x1xf32>
// CHECK-NOT: tosa.transpose
// CHECK: "tosa.const"() <{values = dense_resource<fc_w> : tensor<4x10xf32>}>
// CHECK: tosa.matmul {{.*}} -> tensor<1x1x10xf32>
// CHECK: return {{.*}} : tensor<1x10xf32>

// The ONNX node names survive printing and parsing (the file is the child
// location, #loc).
// LOC: #loc = {{.*}}conv_block.onnx:0:0
// LOC: func.func @main(%arg0: tensor<1x3x8x8xf32> "x"(#loc))
// LOC: tosa.transpose {{.*}} "conv1"(#loc)
// LOC: tosa.conv2d {{.*}} "conv1"(#loc)
// LOC: tosa.mul {{.*}} "bn1"(#loc)
// LOC: tosa.clamp {{.*}} "relu1"(#loc)
// LOC: tosa.avg_pool2d {{.*}} "pool"(#loc)
// LOC: tosa.reshape {{.*}} "flatten"(#loc)
// LOC: tosa.matmul {{.*}} "fc"(#loc)

// Totals: 14080 + 256 + 256 + 512 + 260 + 80 + 10 (Gemm bias) = 15454
// run-time FLOPs. The BN's per-channel constants (5 ops on 4 values: var +
// eps, rsqrt, x gamma, x mean, beta - ...) are folded ahead of time: 5
// prepared ops, 20 FLOPs. Parameters, in the form run-time ops read them:
// conv 108 + 4, the folded BN scale 4 and shift 4, fc 40 + 10 = 170.
// COST: roof.totals = #roof.totals<flops = 15454, {{.*}}params = 170, weight_bytes = 680, ops = {{[0-9]+}}, prepared = 5, prepared_flops = 20, {{.*}}unknown = 0

// Input transpose: 1*3*8*8 = 192 f32 read and written = 768 B each.
// COST: tosa.transpose {{.*}}#roof.cost<flops = 0, transcendentals = 0, read = 768, written = 768, weight_read = 0
// Conv: 8*8*4 outputs * 27 MACs = 6912 MACs = 13824 FLOPs + 256 bias adds
// = 14080. Read: input 768 + weights 4*27*4 = 432 + bias 16 + two 4-byte
// zero points = 1224, of which weights + bias = 448; written 8*8*4*4 = 1024.
// COST: tosa.conv2d {{.*}}#roof.cost<flops = 14080, transcendentals = 0, read = 1224, written = 1024, weight_read = 448
// BatchNorm on the activation: 256 multiplies (read 1024 + 16 factors + the
// 1-byte shift), 256 adds (1024 + 16); the factors were folded ahead of time
// and are weights (16 bytes each).
// COST: tosa.mul {{.*}}#roof.cost<flops = 256, transcendentals = 0, read = 1041, written = 1024, weight_read = 16
// COST: tosa.add {{.*}}#roof.cost<flops = 256, transcendentals = 0, read = 1040, written = 1024, weight_read = 16
// Relu as clamp: two comparisons per element.
// COST: tosa.clamp {{.*}}#roof.cost<flops = 512, transcendentals = 0, read = 1024, written = 1024
// Global average: 256 adds + 4 divides; read 1024 + two zero points.
// COST: tosa.avg_pool2d {{.*}}#roof.cost<flops = 260, transcendentals = 0, read = 1032, written = 16
// Gemm 1x4 * 4x10: 2*40 = 80 FLOPs; read 16 + 160 (weight) + 8.
// COST: tosa.matmul {{.*}}#roof.cost<flops = 80, transcendentals = 0, read = 184, written = 40, weight_read = 160
