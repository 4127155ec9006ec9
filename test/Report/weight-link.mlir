// On a chip without memory of its own for weights, what does not fit on
// chip streams over its weight link on every call (docs/roofline.md), and
// the regime line says how much and how long that takes at least.
// RUN: roof-opt %s --roof-report="targets=%S/Inputs/round-link.json" -o /dev/null | FileCheck %s

// The 1000 x 1000 f32 weight is 4 MB; 1 MB of it stays on chip, the other
// 3 MB cross the 1 GB/s link: 3 ms, which is the matmul's time (its 2e6
// FLOPs take 0.02 us, its on-chip bytes 4 us at 1 TB/s).
// CHECK: latency 3.000 ms (1 kernel)
// CHECK: regime: weights (4.000 MB) exceed on-chip memory (1.000 MB usable): 3.000 MB stream over a 1 GB/s link (1.000 GB/s) on every call, at least 3.000 ms
func.func @fc(%x: tensor<1x1000xf32>, %w: tensor<1000x1000xf32> {roof.param}, %c: tensor<1x1000xf32>) -> tensor<1x1000xf32> {
  %0 = linalg.matmul ins(%x, %w : tensor<1x1000xf32>, tensor<1000x1000xf32>) outs(%c : tensor<1x1000xf32>) -> tensor<1x1000xf32>
  return %0 : tensor<1x1000xf32>
}
