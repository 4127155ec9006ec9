// RUN: roof-opt %s -split-input-file -roof-fuse-epilogues | FileCheck %s
// RUN: roof-opt %s -split-input-file -roof-fuse-epilogues -roof-annotate-cost | FileCheck %s --check-prefix=COST

// An epilogue passes through reshapes of the root's result, and a splat
// constant accumulator joins the kernel like a fill (docs/fusion.md): the
// form PyTorch's linalg export gives every projection of a transformer.

// CHECK-LABEL: func.func @projection_residual
// CHECK: roof.kernel
// CHECK-NEXT: arith.constant dense<0.000000e+00> : tensor<80x64xf32>
// CHECK-NEXT: linalg.matmul
// CHECK-NEXT: tensor.expand_shape
// CHECK-NEXT: linalg.add
// CHECK-NEXT: roof.yield
// The kernel reads x (80*32*4 = 10240), w (32*64*4 = 8192) and the residual
// (80*64*4 = 20480) = 38912 and writes 20480: neither the zero accumulator
// nor the matmul's result reaches memory. FLOPs 2*80*64*32 + 80*64.
// COST: } {roof.cost = #roof.cost<flops = 332800, transcendentals = 0, read = 38912, written = 20480,
func.func @projection_residual(%x: tensor<80x32xf32>, %w: tensor<32x64xf32>,
                               %res: tensor<1x80x64xf32>) -> tensor<1x80x64xf32> {
  %zero = arith.constant dense<0.0> : tensor<80x64xf32>
  %0 = linalg.matmul ins(%x, %w : tensor<80x32xf32>, tensor<32x64xf32>)
                     outs(%zero : tensor<80x64xf32>) -> tensor<80x64xf32>
  %1 = tensor.expand_shape %0 [[0, 1], [2]] output_shape [1, 80, 64]
       : tensor<80x64xf32> into tensor<1x80x64xf32>
  %e = tensor.empty() : tensor<1x80x64xf32>
  %2 = linalg.add ins(%res, %1 : tensor<1x80x64xf32>, tensor<1x80x64xf32>)
                  outs(%e : tensor<1x80x64xf32>) -> tensor<1x80x64xf32>
  return %2 : tensor<1x80x64xf32>
}

// -----

// A reshape alone is no epilogue: the kernel would end in it, and its
// consumers read through it anyway. Only the constant accumulator joins.
// CHECK-LABEL: func.func @reshape_only
// CHECK: roof.kernel
// CHECK-NEXT: arith.constant
// CHECK-NEXT: linalg.matmul
// CHECK-NEXT: roof.yield
// CHECK: tensor.expand_shape
// CHECK-NEXT: return
func.func @reshape_only(%x: tensor<80x32xf32>, %w: tensor<32x64xf32>) -> tensor<1x80x64xf32> {
  %zero = arith.constant dense<0.0> : tensor<80x64xf32>
  %0 = linalg.matmul ins(%x, %w : tensor<80x32xf32>, tensor<32x64xf32>)
                     outs(%zero : tensor<80x64xf32>) -> tensor<80x64xf32>
  %1 = tensor.expand_shape %0 [[0, 1], [2]] output_shape [1, 80, 64]
       : tensor<80x64xf32> into tensor<1x80x64xf32>
  return %1 : tensor<1x80x64xf32>
}

// -----

// A constant accumulator that is not a splat holds data: the kernel reads
// it, and it stays outside.
// CHECK-LABEL: func.func @dense_accumulator
// CHECK: arith.constant dense<{{\[}}
// CHECK-NOT: roof.kernel
// CHECK: linalg.matmul
func.func @dense_accumulator(%x: tensor<2x2xf32>, %w: tensor<2x2xf32>) -> tensor<2x2xf32> {
  %acc = arith.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %0 = linalg.matmul ins(%x, %w : tensor<2x2xf32>, tensor<2x2xf32>)
                     outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}
