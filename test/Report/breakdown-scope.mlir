// scope-depth=N adds a breakdown by name scope: kernels grouped by the
// first N parts of their node's name, split at '/' and '.' (docs/roofline.md).
// RUN: roof-opt %s --roof-report="wide targets=%S/Inputs/round-a.json residency=false scope-depth=1" -o /dev/null | FileCheck %s
// RUN: roof-opt %s --roof-report="wide targets=%S/Inputs/round-a.json residency=false scope-depth=2 format=json output=%t.json" -o /dev/null
// RUN: %debian_python %S/Inputs/validate_report.py %roof_src_root/docs/report-schema.json %t.json | FileCheck %s --check-prefix=VALID
// RUN: FileCheck %s --check-prefix=JSON < %t.json
// RUN: roof-opt %s --roof-report="wide targets=%S/Inputs/round-a.json residency=false" -o /dev/null | FileCheck %s --check-prefix=NONE

// VALID: {{^}}valid{{$}}

// As in breakdown.mlir on Round A: each elementwise op on 2^20 f32 takes
// 12.583 us, the row sums 4.198 us; all: 4 x 12.583 + 4.198 = 54.530 us.
// layer1 (the add and the mul): 25.166 us, 46.2 %; layer2 (the sum, and
// the scale whose fused location names it) 16.781 us, 30.8 %; the unnamed
// add 23.1 %.
// CHECK: time by name scope (3):
// CHECK-NEXT: time(us) share kernels work bytes scope
// CHECK-NEXT: 25.166 46.2% 2 2097152 25165824 layer1
// CHECK-NEXT: 16.781 30.8% 2 2097152 16781312 layer2
// CHECK-NEXT: 12.583 23.1% 1 1048576 12582912 (unnamed)

// At depth 2 each of layer1's ops is a scope of its own.
// JSON: "by_scope": [
// JSON: "scope": "(unnamed)",
// JSON: "scope": "layer1/add",
// JSON: "scope": "layer1/mul",
// JSON: "scope": "layer2/scale",
// JSON: "scope": "layer2/sum",

// NONE-NOT: time by name scope
func.func @f(%x: tensor<1048576xf32>, %y: tensor<1048576xf32>, %z: tensor<1024x1024xf32>)
    -> (tensor<1048576xf32>, tensor<1048576xf32>, tensor<1048576xf32>, tensor<1024x1xf32>, tensor<1048576xf32>) {
  %a = arith.addf %x, %y : tensor<1048576xf32> loc("/layer1/add/Add")
  %m = arith.mulf %x, %y : tensor<1048576xf32> loc("/layer1/mul/Mul")
  %u = arith.addf %y, %y : tensor<1048576xf32>
  %r = tosa.reduce_sum %z {axis = 1 : i32} : (tensor<1024x1024xf32>) -> tensor<1024x1xf32> loc("/layer2/sum/ReduceSum")
  %s = arith.mulf %y, %y : tensor<1048576xf32> loc(fused["/layer2/scale/Mul", "model.py":3:7])
  return %a, %m, %u, %r, %s : tensor<1048576xf32>, tensor<1048576xf32>, tensor<1048576xf32>, tensor<1024x1xf32>, tensor<1048576xf32>
}
