// Quantized element types (!quant.uniform, as TOSA converted from TFLite
// carries them) are stored at their storage type's width and rated at its
// dtype (docs/cost-model.md, "Element sizes").
// RUN: roof-opt %s --roof-report="wide targets=%S/Inputs/round-a.json,h100-sxm" -o /dev/null | FileCheck %s

// A [1, 16, 32] x [1, 32, 64] matmul of i8 storage, accumulating in i32:
// 2 x 16 x 32 x 64 = 65536 OP; bytes: A 16 x 32 = 512, B 32 x 64 = 2048,
// the two 1-byte zero points, and the i32 result 16 x 64 x 4 = 4096:
// 6658 B. Round A rates no integer: the kernel has no rate there; the H100
// rates it on its i8 matrix engine.
// CHECK-LABEL: == @quantized on Round A
// CHECK: no rate: 1 kernel needs rates the target does not give (matrix i8: 1)
// CHECK-LABEL: == @quantized on NVIDIA H100 SXM5 80GB
// CHECK: compute matrix i8 65536 6658 {{.*}} tosa.matmul
func.func @quantized(%a: tensor<1x16x32x!quant.uniform<i8:f32, 0.1>>,
                     %b: tensor<1x32x64x!quant.uniform<i8:f32, 0.05>>) -> tensor<1x16x64xi32> {
  %azp = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %bzp = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %r = tosa.matmul %a, %b, %azp, %bzp : (tensor<1x16x32x!quant.uniform<i8:f32, 0.1>>, tensor<1x32x64x!quant.uniform<i8:f32, 0.05>>, tensor<1xi8>, tensor<1xi8>) -> tensor<1x16x64xi32>
  return %r : tensor<1x16x64xi32>
}

// A calibrated type has no storage type yet: the op is unknown, with a
// remark, and nothing else breaks.
// RUN: roof-opt %s --roof-annotate-cost -o /dev/null 2>&1 | FileCheck %s --check-prefix=CALIBRATED
// CALIBRATED: remark: linalg.copy cost unknown: the element type !quant.calibrated<f32<-1.000000e+00:1.000000e+00>> of operand 0 has no known size
func.func @calibrated(%a: tensor<4x!quant.calibrated<f32<-1.0:1.0>>>) -> tensor<4x!quant.calibrated<f32<-1.0:1.0>>> {
  %e = tensor.empty() : tensor<4x!quant.calibrated<f32<-1.0:1.0>>>
  %z = linalg.copy ins(%a : tensor<4x!quant.calibrated<f32<-1.0:1.0>>>) outs(%e : tensor<4x!quant.calibrated<f32<-1.0:1.0>>>) -> tensor<4x!quant.calibrated<f32<-1.0:1.0>>>
  return %z : tensor<4x!quant.calibrated<f32<-1.0:1.0>>>
}
