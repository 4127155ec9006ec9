// Index and mask arithmetic on a GPU is priced at the CUDA cores' integer
// rates (targets/h100-sxm.json, docs/targets.md): i32 33.5 TOP/s, i64 half
// that (two 32-bit instructions per 64-bit op), i8 and i1 one element per
// 32-bit lane; derated by 0.8 like every H100 compute rate.
// RUN: roof-opt %s -roof-report="wide targets=h100-sxm" -o /dev/null | FileCheck %s
// RUN: roof-opt %s -roof-report="targets=h100-sxm" -o /dev/null | FileCheck %s --check-prefix=SCALED

// 2^24 i64 adds: 16777216 / 13.36e12 = 1.256 us of compute; 3 x 2^24 x 8 =
// 402653184 B / 3.015e12 B/s = 133.550 us of memory, + 0.5 us launch.
// CHECK-LABEL: == @index_math
// CHECK: vector i64 13.360 TOP/s, knee 4.43 OP/B
// CHECK-NEXT: vector i32 26.800 TOP/s, knee 8.89 OP/B
// CHECK-NEXT: vector i8 26.800 TOP/s, knee 8.89 OP/B
// CHECK: 134.050 {{.*}} vector i64 16777216 402653184 {{.*}} 1.256 133.550 {{.*}} tosa.add
// CHECK-NEXT: latency 134.050 us
// CHECK: estimated figures on this target {{.*}}: compute.vector.i64, compute.vector.i8
// Integer kernels count operations: OP, OP/B and OP/s in the default table
// (16777216 / 134.050 us = 125.2 GOP/s attained).
// SCALED-LABEL: == @index_math
// SCALED: time share bound engine dtype work bytes intensity attained kernel
// SCALED-NEXT: 134.0 us 100.0% memory vector i64 16.78 MOP 402.7 MB 0.04 OP/B 125.2 GOP/s tosa.add …{{.*}}rates.mlir:{{[0-9]+$}}
func.func @index_math(%a: tensor<16777216xi64>, %b: tensor<16777216xi64>) -> tensor<16777216xi64> {
  %0 = tosa.add %a, %b : (tensor<16777216xi64>, tensor<16777216xi64>) -> tensor<16777216xi64>
  return %0 : tensor<16777216xi64>
}

// 2^24 i32 adds: 16777216 / 26.8e12 = 0.626 us; 3 x 2^24 x 4 = 201326592 B
// in 66.775 us.
// CHECK-LABEL: == @int32_math
// CHECK: 67.275 {{.*}} vector i32 16777216 201326592 {{.*}} 0.626 66.775 {{.*}} tosa.add
func.func @int32_math(%a: tensor<16777216xi32>, %b: tensor<16777216xi32>) -> tensor<16777216xi32> {
  %0 = tosa.add %a, %b : (tensor<16777216xi32>, tensor<16777216xi32>) -> tensor<16777216xi32>
  return %0 : tensor<16777216xi32>
}

// A select on an i1 mask keeps its dtype's name and runs at the i8 rate:
// 2^24 selects in 0.626 us; the mask's 2^24 bits (2097152 B) + two f32
// inputs and the f32 result (3 x 67108864 B) = 203423744 B in 67.471 us.
// CHECK-LABEL: == @mask
// CHECK: 67.971 {{.*}} vector i1 16777216 203423744 {{.*}} 0.626 67.471 {{.*}} tosa.select
func.func @mask(%c: tensor<16777216xi1>, %a: tensor<16777216xf32>, %b: tensor<16777216xf32>) -> tensor<16777216xf32> {
  %0 = tosa.select %c, %a, %b : (tensor<16777216xi1>, tensor<16777216xf32>, tensor<16777216xf32>) -> tensor<16777216xf32>
  return %0 : tensor<16777216xf32>
}

// A dtype no target rates (i16) is named, with its op and location.
// CHECK-LABEL: == @int16_math
// CHECK: no rate: 1 kernel needs rates the target does not give (vector i16: 1): tosa.add at integer-rates.mlir:[[@LINE+2]] (vector i16)
func.func @int16_math(%a: tensor<1024xi16>, %b: tensor<1024xi16>) -> tensor<1024xi16> {
  %0 = tosa.add %a, %b : (tensor<1024xi16>, tensor<1024xi16>) -> tensor<1024xi16>
  return %0 : tensor<1024xi16>
}
