// roof-fuse-epilogues normalizations=true: the ops of one source node made
// of reductions and elementwise ops (here a training-mode batch norm as the
// ONNX importer writes it: batch statistics per channel, then normalize,
// scale and shift) become one kernel with the activation after it, as cuDNN
// runs them (docs/fusion.md, "Normalizations"). Without the option nothing
// is formed: no contraction is here.
// RUN: roof-opt %s -split-input-file --roof-fuse-epilogues=normalizations=true | FileCheck %s
// RUN: roof-opt %s -split-input-file --roof-fuse-epilogues | FileCheck %s --check-prefix=OFF
// RUN: roof-opt %s -split-input-file --roof-fuse-epilogues=normalizations=true --roof-annotate-cost | FileCheck %s --check-prefix=COST

// OFF-NOT: roof.kernel

// CHECK-LABEL: func.func @batch_norm
// CHECK: roof.kernel -> tensor<2x8x4x4xf32> {
// CHECK-NEXT: tosa.reduce_sum
// CHECK: tosa.rsqrt
// CHECK: tosa.clamp
// CHECK-NEXT: roof.yield
// What crosses the kernel: x read once (2 x 8 x 4 x 4 f32, 1024 B) and the
// ReLU's output written once (1024 B); the statistics, the centred x, its
// square and the normalized values (each 1024 B, or 32 B per channel) stay
// inside. Its scale and shift are splat constants, read as immediates.
// COST-LABEL: func.func @batch_norm
// COST: roof.cost = #roof.cost<flops = 2656, transcendentals = 8, read = 1024, written = 1024,
  func.func @batch_norm(%arg0: tensor<2x8x4x4xf32>) -> tensor<2x8x4x4xf32> {
    %0 = tosa.reduce_sum %arg0 {axis = 0 : i32} : (tensor<2x8x4x4xf32>) -> tensor<1x8x4x4xf32> loc("bn")
    %1 = tosa.reduce_sum %0 {axis = 2 : i32} : (tensor<1x8x4x4xf32>) -> tensor<1x8x1x4xf32> loc("bn")
    %2 = tosa.reduce_sum %1 {axis = 3 : i32} : (tensor<1x8x1x4xf32>) -> tensor<1x8x1x1xf32> loc("bn")
    %3 = "tosa.const"() <{values = dense<3.125000e-02> : tensor<1x1x1x1xf32>}> : () -> tensor<1x1x1x1xf32> loc("bn")
    %4 = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8> loc("bn")
    %5 = tosa.mul %2, %3, %4 : (tensor<1x8x1x1xf32>, tensor<1x1x1x1xf32>, tensor<1xi8>) -> tensor<1x8x1x1xf32> loc("bn")
    %6 = tosa.sub %arg0, %5 : (tensor<2x8x4x4xf32>, tensor<1x8x1x1xf32>) -> tensor<2x8x4x4xf32> loc("bn")
    %7 = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8> loc("bn")
    %8 = tosa.mul %6, %6, %7 : (tensor<2x8x4x4xf32>, tensor<2x8x4x4xf32>, tensor<1xi8>) -> tensor<2x8x4x4xf32> loc("bn")
    %9 = tosa.reduce_sum %8 {axis = 0 : i32} : (tensor<2x8x4x4xf32>) -> tensor<1x8x4x4xf32> loc("bn")
    %10 = tosa.reduce_sum %9 {axis = 2 : i32} : (tensor<1x8x4x4xf32>) -> tensor<1x8x1x4xf32> loc("bn")
    %11 = tosa.reduce_sum %10 {axis = 3 : i32} : (tensor<1x8x1x4xf32>) -> tensor<1x8x1x1xf32> loc("bn")
    %12 = "tosa.const"() <{values = dense<3.125000e-02> : tensor<1x1x1x1xf32>}> : () -> tensor<1x1x1x1xf32> loc("bn")
    %13 = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8> loc("bn")
    %14 = tosa.mul %11, %12, %13 : (tensor<1x8x1x1xf32>, tensor<1x1x1x1xf32>, tensor<1xi8>) -> tensor<1x8x1x1xf32> loc("bn")
    %15 = "tosa.const"() <{values = dense<9.99999974E-6> : tensor<1x1x1x1xf32>}> : () -> tensor<1x1x1x1xf32> loc("bn")
    %16 = tosa.add %14, %15 : (tensor<1x8x1x1xf32>, tensor<1x1x1x1xf32>) -> tensor<1x8x1x1xf32> loc("bn")
    %17 = tosa.rsqrt %16 : (tensor<1x8x1x1xf32>) -> tensor<1x8x1x1xf32> loc("bn")
    %18 = "tosa.const"() <{values = dense<1.000000e+00> : tensor<8xf32>}> : () -> tensor<8xf32> loc("bn")
    %19 = tosa.const_shape  {values = dense<[1, 8, 1, 1]> : tensor<4xindex>} : () -> !tosa.shape<4> loc("bn")
    %20 = tosa.reshape %18, %19 : (tensor<8xf32>, !tosa.shape<4>) -> tensor<1x8x1x1xf32> loc("bn")
    %21 = "tosa.const"() <{values = dense<0.000000e+00> : tensor<8xf32>}> : () -> tensor<8xf32> loc("bn")
    %22 = tosa.const_shape  {values = dense<[1, 8, 1, 1]> : tensor<4xindex>} : () -> !tosa.shape<4> loc("bn")
    %23 = tosa.reshape %21, %22 : (tensor<8xf32>, !tosa.shape<4>) -> tensor<1x8x1x1xf32> loc("bn")
    %24 = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8> loc("bn")
    %25 = tosa.mul %6, %17, %24 : (tensor<2x8x4x4xf32>, tensor<1x8x1x1xf32>, tensor<1xi8>) -> tensor<2x8x4x4xf32> loc("bn")
    %26 = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8> loc("bn")
    %27 = tosa.mul %25, %20, %26 : (tensor<2x8x4x4xf32>, tensor<1x8x1x1xf32>, tensor<1xi8>) -> tensor<2x8x4x4xf32> loc("bn")
    %28 = tosa.add %27, %23 : (tensor<2x8x4x4xf32>, tensor<1x8x1x1xf32>) -> tensor<2x8x4x4xf32> loc("bn")
    %29 = tosa.clamp %28 {max_val = 0x7F800000 : f32, min_val = 0.000000e+00 : f32} : (tensor<2x8x4x4xf32>) -> tensor<2x8x4x4xf32> loc("relu")
    return %29 : tensor<2x8x4x4xf32>
  }

// -----

// The centred x also leaves the node (a second result): it would have to be
// written out, so the node stays as its ops.
// CHECK-LABEL: func.func @escapes
// CHECK-NOT: roof.kernel
  func.func @escapes(%arg0: tensor<2x8x4x4xf32>) -> (tensor<2x8x4x4xf32>, tensor<2x8x4x4xf32>) {
    %0 = tosa.reduce_sum %arg0 {axis = 0 : i32} : (tensor<2x8x4x4xf32>) -> tensor<1x8x4x4xf32> loc("bn")
    %1 = tosa.reduce_sum %0 {axis = 2 : i32} : (tensor<1x8x4x4xf32>) -> tensor<1x8x1x4xf32> loc("bn")
    %2 = tosa.reduce_sum %1 {axis = 3 : i32} : (tensor<1x8x1x4xf32>) -> tensor<1x8x1x1xf32> loc("bn")
    %3 = "tosa.const"() <{values = dense<3.125000e-02> : tensor<1x1x1x1xf32>}> : () -> tensor<1x1x1x1xf32> loc("bn")
    %4 = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8> loc("bn")
    %5 = tosa.mul %2, %3, %4 : (tensor<1x8x1x1xf32>, tensor<1x1x1x1xf32>, tensor<1xi8>) -> tensor<1x8x1x1xf32> loc("bn")
    %6 = tosa.sub %arg0, %5 : (tensor<2x8x4x4xf32>, tensor<1x8x1x1xf32>) -> tensor<2x8x4x4xf32> loc("bn")
    %7 = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8> loc("bn")
    %8 = tosa.mul %6, %6, %7 : (tensor<2x8x4x4xf32>, tensor<2x8x4x4xf32>, tensor<1xi8>) -> tensor<2x8x4x4xf32> loc("bn")
    %9 = tosa.reduce_sum %8 {axis = 0 : i32} : (tensor<2x8x4x4xf32>) -> tensor<1x8x4x4xf32> loc("bn")
    %10 = tosa.reduce_sum %9 {axis = 2 : i32} : (tensor<1x8x4x4xf32>) -> tensor<1x8x1x4xf32> loc("bn")
    %11 = tosa.reduce_sum %10 {axis = 3 : i32} : (tensor<1x8x1x4xf32>) -> tensor<1x8x1x1xf32> loc("bn")
    %12 = "tosa.const"() <{values = dense<3.125000e-02> : tensor<1x1x1x1xf32>}> : () -> tensor<1x1x1x1xf32> loc("bn")
    %13 = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8> loc("bn")
    %14 = tosa.mul %11, %12, %13 : (tensor<1x8x1x1xf32>, tensor<1x1x1x1xf32>, tensor<1xi8>) -> tensor<1x8x1x1xf32> loc("bn")
    %15 = "tosa.const"() <{values = dense<9.99999974E-6> : tensor<1x1x1x1xf32>}> : () -> tensor<1x1x1x1xf32> loc("bn")
    %16 = tosa.add %14, %15 : (tensor<1x8x1x1xf32>, tensor<1x1x1x1xf32>) -> tensor<1x8x1x1xf32> loc("bn")
    %17 = tosa.rsqrt %16 : (tensor<1x8x1x1xf32>) -> tensor<1x8x1x1xf32> loc("bn")
    %18 = "tosa.const"() <{values = dense<1.000000e+00> : tensor<8xf32>}> : () -> tensor<8xf32> loc("bn")
    %19 = tosa.const_shape  {values = dense<[1, 8, 1, 1]> : tensor<4xindex>} : () -> !tosa.shape<4> loc("bn")
    %20 = tosa.reshape %18, %19 : (tensor<8xf32>, !tosa.shape<4>) -> tensor<1x8x1x1xf32> loc("bn")
    %21 = "tosa.const"() <{values = dense<0.000000e+00> : tensor<8xf32>}> : () -> tensor<8xf32> loc("bn")
    %22 = tosa.const_shape  {values = dense<[1, 8, 1, 1]> : tensor<4xindex>} : () -> !tosa.shape<4> loc("bn")
    %23 = tosa.reshape %21, %22 : (tensor<8xf32>, !tosa.shape<4>) -> tensor<1x8x1x1xf32> loc("bn")
    %24 = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8> loc("bn")
    %25 = tosa.mul %6, %17, %24 : (tensor<2x8x4x4xf32>, tensor<1x8x1x1xf32>, tensor<1xi8>) -> tensor<2x8x4x4xf32> loc("bn")
    %26 = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8> loc("bn")
    %27 = tosa.mul %25, %20, %26 : (tensor<2x8x4x4xf32>, tensor<1x8x1x1xf32>, tensor<1xi8>) -> tensor<2x8x4x4xf32> loc("bn")
    %28 = tosa.add %27, %23 : (tensor<2x8x4x4xf32>, tensor<1x8x1x1xf32>) -> tensor<2x8x4x4xf32> loc("bn")
    %29 = tosa.clamp %28 {max_val = 0x7F800000 : f32, min_val = 0.000000e+00 : f32} : (tensor<2x8x4x4xf32>) -> tensor<2x8x4x4xf32> loc("relu")
    return %29, %6 : tensor<2x8x4x4xf32>, tensor<2x8x4x4xf32>
  }
