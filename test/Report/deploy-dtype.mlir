// dtype-policy=f16|bf16|f8|i8|i4 prices an f32 model as deployed at that
// precision: its f32 kernels run at that dtype's rate and move that dtype's
// bytes, and its weights and activations shrink alike. Without it, an NPU
// with integer and half rates only has no rate for the f32 matmul.
// RUN: roof-opt %s -roof-report="wide targets=%S/Inputs/round-npu.json" -o /dev/null | FileCheck %s --check-prefix=ASIS
// RUN: roof-opt %s -roof-report="wide targets=%S/Inputs/round-npu.json dtype-policy=i8" -o /dev/null | FileCheck %s --check-prefix=I8
// RUN: roof-opt %s -roof-report="wide targets=%S/Inputs/round-npu.json dtype-policy=i8 format=json" -o /dev/null | FileCheck %s --check-prefix=JSON
// RUN: roof-opt %s -roof-report="wide targets=%S/Inputs/round-npu.json dtype-policy=f16" -o /dev/null | FileCheck %s --check-prefix=F16
// RUN: roof-opt %s -roof-report="wide targets=%S/Inputs/round-a.json dtype-policy=i8 residency=0" -o /dev/null | FileCheck %s --check-prefix=WIDEN
// RUN: not roof-opt %s -roof-report="wide targets=%S/Inputs/round-npu.json dtype-policy=int8" -o /dev/null 2>&1 | FileCheck %s --check-prefix=BAD

// As is, the f32 ops have no rate on this NPU.
// ASIS: no rate: 2 kernels need rates the target does not give (matrix f32: 1, vector f32: 1): linalg.matmul at deploy-dtype.mlir:48 (matrix f32), linalg.exp at deploy-dtype.mlir:49 (vector f32); their time is not in the latency. The target rates matrix f16, matrix i8, vector i8: deploy at a dtype it rates (dtype-policy=), or add measured rates in your own target file (docs/targets.md)

// Matmul 16x16x16: 2*16^3 = 8192 FLOPs. Bytes at f32: A 1024 + B 1024 (a
// parameter) + the accumulator C 1024 read, 1024 written = 4096; at i8 a
// quarter, 1024. T_compute = 8192 / 1e12 s = 0.008 us; T_memory = 1024 /
// 1e9 s = 1.024 us.
// I8: 1.024 {{.*}} memory matrix i8 8192 1024 0 8.00 0.008 1.024
// The exp (256 FLOPs) on the i8 vector roof: 256 / 1e11 s = 0.003 us; its
// 1024 + 1024 f32 bytes are 512 at i8: 0.512 us.
// I8: 0.512 {{.*}} memory vector i8 256 512 0 0.50 0.003 0.512
// I8: latency 1.536 us (2 kernels)

// The totals are the deployed ones: 1024 + 512 bytes moved; B's 256
// parameters at one byte each; peak activations: A, C and the matmul's
// result (or C, the matmul's and the exp's results) live together, 3 * 256.
// JSON: "bytes_read": 768,
// JSON: "bytes_written": 256,
// JSON: "bytes": 1536,
// JSON: "weight_bytes": 256,
// JSON-NEXT: "peak_activation_bytes": 768,

// At f16: 8192 / 0.5e12 s = 0.016 us of compute; half the f32 bytes, 2048:
// 2.048 us. The exp has no f16 vector rate.
// F16: 2.048 {{.*}} memory matrix f16 8192 2048 0 4.00 0.016 2.048
// F16: no rate: 1 kernel needs rates the target does not give (vector f16: 1): linalg.exp at deploy-dtype.mlir:49 (vector f16); their time is not in the latency

// Round A rates f32 only. The i8 matmul finds no i8 rate on either engine;
// the exp computes widened at the f32 vector rate but moves its i8 bytes,
// 512 / 1e12 s = 0.001 us (residency=0: all of them off chip).
// WIDEN: 0.001 {{.*}} memory vector i8/f32 256 512
// WIDEN: no rate: 1 kernel needs rates the target does not give (matrix i8: 1)

// BAD: for the --dtype-policy option: Cannot find option named 'int8'!

func.func @mlp(%a: tensor<16x16xf32>, %b: tensor<16x16xf32> {roof.param}, %c: tensor<16x16xf32>) -> tensor<16x16xf32> {
  %m = linalg.matmul ins(%a, %b : tensor<16x16xf32>, tensor<16x16xf32>) outs(%c : tensor<16x16xf32>) -> tensor<16x16xf32>
  %r = linalg.exp ins(%m : tensor<16x16xf32>) outs(%c : tensor<16x16xf32>) -> tensor<16x16xf32>
  return %r : tensor<16x16xf32>
}
