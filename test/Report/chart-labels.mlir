// The chart labels each target's slowest kernels, never one label over
// another, and says which kernels it cannot draw (docs/roofline.md).
// RUN: roof-opt %s -roof-report="targets=%S/Inputs/round-a.json format=svg" -o /dev/null > %t.svg
// RUN: FileCheck %s < %t.svg
// RUN: grep -c '<text class="label"' %t.svg | FileCheck %s --check-prefix=LABELS

// The transpose moves data without FLOPs: no point on a FLOP/s axis.
// CHECK: 1 kernels without FLOPs (data movement)</text>
// CHECK-NEXT: not drawn</text>
// Ten identical adds sit at one point: the first (in IR order among equal
// times) is labelled by its node's name, the others would cover it.
// CHECK: <text class="label" {{.*}}>addf @ a0</text>
// LABELS: {{^}}1{{$}}
func.func @f(%x: tensor<1024xf32>, %m: tensor<32x32xf32>)
    -> (tensor<1024xf32>, tensor<1024xf32>, tensor<1024xf32>, tensor<1024xf32>,
        tensor<1024xf32>, tensor<1024xf32>, tensor<1024xf32>, tensor<1024xf32>,
        tensor<1024xf32>, tensor<1024xf32>, tensor<32x32xf32>) {
  %0 = arith.addf %x, %x : tensor<1024xf32> loc("a0")
  %1 = arith.addf %x, %x : tensor<1024xf32> loc("a1")
  %2 = arith.addf %x, %x : tensor<1024xf32> loc("a2")
  %3 = arith.addf %x, %x : tensor<1024xf32> loc("a3")
  %4 = arith.addf %x, %x : tensor<1024xf32> loc("a4")
  %5 = arith.addf %x, %x : tensor<1024xf32> loc("a5")
  %6 = arith.addf %x, %x : tensor<1024xf32> loc("a6")
  %7 = arith.addf %x, %x : tensor<1024xf32> loc("a7")
  %8 = arith.addf %x, %x : tensor<1024xf32> loc("a8")
  %9 = arith.addf %x, %x : tensor<1024xf32> loc("a9")
  %e = tensor.empty() : tensor<32x32xf32>
  %t = linalg.transpose ins(%m : tensor<32x32xf32>) outs(%e : tensor<32x32xf32>) permutation = [1, 0]
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %t
      : tensor<1024xf32>, tensor<1024xf32>, tensor<1024xf32>, tensor<1024xf32>,
        tensor<1024xf32>, tensor<1024xf32>, tensor<1024xf32>, tensor<1024xf32>,
        tensor<1024xf32>, tensor<1024xf32>, tensor<32x32xf32>
}
