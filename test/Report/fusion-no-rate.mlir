// Fused and unfused latencies stay comparable when the ops without a rate
// are the same kernels in both views (none was fused): both leave out the
// same work, and the report says so. When fusion takes in an op without a
// rate, they are not (test/Report/fusion.mlir, NORATE).
// RUN: roof-opt %s --roof-fuse-epilogues --roof-report="targets=%S/Inputs/round-a.json residency=0" -o /dev/null | FileCheck %s

// Round A: matrix and vector f32 only, 1 TB/s; every byte off chip. The
// fill (16384 B written, 16.384 ns) stays outside, as the max reads it too.
// Fused: the matmul reads a, b and the fill (49152 B) and the max with it
// writes r (16384 B): 65.536 ns. Latency 81.92 ns.
// Unfused: the matmul writes m (65536 B moved, 65.536 ns), the max reads m
// and the fill and writes r (49152 B, 49.152 ns): 131.072 ns; the bytes
// also count the f16 exp's 256. Saving 1 - 81.92 / 131.072 = 37.5 %.
// CHECK: latency 0.082 us (2 kernels)
// CHECK: without fusion: latency 0.131 us, 131328 bytes moved; fusion saves 37.5 % of the time and 49152 bytes (both without the 1 kernel that has no rate)
// CHECK: no rate: 1 kernel needs rates the target does not give (vector f16: 1): linalg.exp at {{.*}}fusion-no-rate.mlir:{{[0-9]+}} (vector f16)

func.func @f(%a: tensor<64x64xf32>, %b: tensor<64x64xf32>, %h: tensor<64xf16>)
    -> (tensor<64x64xf32>, tensor<64xf16>) {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<64x64xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<64x64xf32>) -> tensor<64x64xf32>
  %m = linalg.matmul ins(%a, %b : tensor<64x64xf32>, tensor<64x64xf32>)
                     outs(%f : tensor<64x64xf32>) -> tensor<64x64xf32>
  %e2 = tensor.empty() : tensor<64x64xf32>
  %r = linalg.max ins(%m, %f : tensor<64x64xf32>, tensor<64x64xf32>)
                  outs(%e2 : tensor<64x64xf32>) -> tensor<64x64xf32>
  %eh = tensor.empty() : tensor<64xf16>
  %x = linalg.exp ins(%h : tensor<64xf16>) outs(%eh : tensor<64xf16>) -> tensor<64xf16>
  return %r, %x : tensor<64x64xf32>, tensor<64xf16>
}
