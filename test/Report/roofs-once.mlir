// A target's roofs are the same for every function of a module: the text
// report lists them under the first function priced on the target and
// refers back to them after.
// RUN: roof-opt %s --roof-report="targets=%S/Inputs/round-launch.json" -o /dev/null | FileCheck %s

// CHECK: == @first on Round A with launches
// CHECK-NEXT: roofs (derated): bandwidth
// CHECK: == @second on Round A with launches
// CHECK-NEXT: roofs: as listed above for Round A with launches
// CHECK-NEXT: kernels by time
func.func @first(%x: tensor<1024xf32>) -> tensor<1024xf32> {
  %0 = arith.addf %x, %x : tensor<1024xf32>
  return %0 : tensor<1024xf32>
}

func.func @second(%x: tensor<1024xf32>) -> tensor<1024xf32> {
  %0 = arith.mulf %x, %x : tensor<1024xf32>
  return %0 : tensor<1024xf32>
}
