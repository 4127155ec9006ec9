// An op whose dtype has no rate on a target is reported as such, never
// priced at another dtype's rate; a zero-FLOP op needs no rate.
// RUN: roof-opt %s -roof-report="wide targets=%S/Inputs/round-a.json" -o /dev/null | FileCheck %s
// RUN: roof-opt %s -roof-report="wide targets=%S/Inputs/round-a.json,%S/Inputs/round-b.json" -o /dev/null | FileCheck %s --check-prefix=COMPARE

// Round A has f32 rates only. The f16 exp (1024 FLOPs) has none; the f16
// copy (2048 bytes each way) moves bytes only: 4096 / 1e12 s = 0.004 us.
// Only kernels with a time are ranked; the summary names the missing rates
// once, with what the target does rate.
// CHECK: kernels by time (1 of 1):
// CHECK: 0.004 100.0% memory vector f16 0 4096 0 0.00 0.000 0.004 0.000 linalg.copy
// CHECK-NEXT: latency 0.004 us (1 kernel)
// CHECK: no rate: 1 kernel needs rates the target does not give (vector f16: 1): linalg.exp at no-rate.mlir:20 (vector f16); their time is not in the latency. The target rates matrix f32, vector f32: deploy at a dtype it rates (dtype-policy=), or add measured rates in your own target file (docs/targets.md)

// Incomplete targets do not compete for fastest.
// COMPARE: Round A {{.*}} incomplete(no-rate)
// COMPARE-NOT: fastest

func.func @f16(%x: tensor<1024xf16>, %y: tensor<1024xf16>) -> (tensor<1024xf16>, tensor<1024xf16>) {
  %0 = linalg.exp ins(%x : tensor<1024xf16>) outs(%y : tensor<1024xf16>) -> tensor<1024xf16>
  %1 = linalg.copy ins(%x : tensor<1024xf16>) outs(%y : tensor<1024xf16>) -> tensor<1024xf16>
  return %0, %1 : tensor<1024xf16>, tensor<1024xf16>
}
