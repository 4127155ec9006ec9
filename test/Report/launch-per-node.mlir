// A target's launch overhead is paid once per source node (docs/roofline.md):
// kernels an importer lowered from one node (the same location name, as a
// grouped convolution's groups) are launched as one; unnamed kernels are
// nodes of their own.
// RUN: roof-opt %s --roof-report="targets=%S/Inputs/round-launch.json" -o /dev/null | FileCheck %s

// Three f32 adds of 1024 elements (1024 FLOPs at 10 TFLOP/s = 0.1024 ns
// each): of their 3 x 12288 bytes, the two intermediates (2 x 8192 bytes,
// written and read) stay on chip, which the target gives no bandwidth, so
// 20480 bytes at 1 TB/s = 20.48 ns; "a" and "a" are one node, "b" another:
// 2 x 1 us.
// CHECK: latency 2.020 us (3 kernels, 2 nodes, 1.000 us launch overhead each)
func.func @named(%x: tensor<1024xf32>) -> tensor<1024xf32> {
  %0 = arith.addf %x, %x : tensor<1024xf32> loc("a")
  %1 = arith.addf %0, %x : tensor<1024xf32> loc("a")
  %2 = arith.addf %1, %x : tensor<1024xf32> loc("b")
  return %2 : tensor<1024xf32>
}

// Without names every kernel is a node: 3 x 1 us.
// CHECK: latency 3.020 us (3 kernels, 3 nodes, 1.000 us launch overhead each)
func.func @unnamed(%x: tensor<1024xf32>) -> tensor<1024xf32> {
  %0 = arith.addf %x, %x : tensor<1024xf32>
  %1 = arith.addf %0, %x : tensor<1024xf32>
  %2 = arith.addf %1, %x : tensor<1024xf32>
  return %2 : tensor<1024xf32>
}
