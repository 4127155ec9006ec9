// The report's breakdowns group the kernels with a time by op type and by
// kernel class; each group's share is its time over all kernel time, so the
// shares of either breakdown sum to 100 % (docs/roofline.md).
// RUN: roof-opt %s --roof-report="wide targets=%S/Inputs/round-a.json residency=false" -o /dev/null | FileCheck %s
// RUN: roof-opt %s --roof-report="targets=%S/Inputs/round-a.json residency=false" -o /dev/null | FileCheck %s --check-prefix=SCALED
// RUN: roof-opt %s --roof-report="wide targets=%S/Inputs/round-a.json residency=false format=json output=%t.json" -o /dev/null
// RUN: %debian_python %S/Inputs/validate_report.py %roof_src_root/docs/report-schema.json %t.json | FileCheck %s --check-prefix=VALID
// RUN: FileCheck %s --check-prefix=JSON < %t.json

// VALID: {{^}}valid{{$}}

// On Round A (1 TB/s, vector f32 10 TFLOP/s), each elementwise op on 2^20
// f32 reads 2 x 4 MiB and writes 4 MiB: 12582912 B / 1e12 = 12.583 us
// (its 2^20 FLOPs take 0.105 us). The sum over the rows of a 1024 x 1024
// f32 (one FLOP per input element, docs/cost-model.md: 1048576) reads 4 MiB
// and writes 4 KiB: 4198400 B / 1e12 = 4.198 us. All kernel
// time: 2 x 12.583 + 4.198 = 29.364 us; shares 42.9 %, 42.9 %, 14.3 %, and
// for the elementwise class 85.7 %.
// CHECK: time by op type (3):
// CHECK-NEXT: time(us) share kernels work bytes op
// CHECK-NEXT: 12.583 42.9% 1 1048576 12582912 arith.addf
// CHECK-NEXT: 12.583 42.9% 1 1048576 12582912 arith.mulf
// CHECK-NEXT: 4.198 14.3% 1 1048576 4198400 tosa.reduce_sum
// CHECK-NEXT: time by kernel class (2):
// CHECK-NEXT: time(us) share kernels work bytes class
// CHECK-NEXT: 25.166 85.7% 2 2097152 25165824 elementwise
// CHECK-NEXT: 4.198 14.3% 1 1048576 4198400 reduction
// Without `wide`, the same scaled to four digits, work in FLOP:
// SCALED: time by op type (3):
// SCALED-NEXT: time share kernels work bytes op
// SCALED-NEXT: 12.58 us 42.9% 1 1.049 MFLOP 12.58 MB arith.addf
// SCALED: time by kernel class (2):
// SCALED-NEXT: time share kernels work bytes class
// SCALED-NEXT: 25.17 us 85.7% 2 2.097 MFLOP 25.17 MB elementwise
// SCALED-NEXT: 4.198 us 14.3% 1 1.049 MFLOP 4.198 MB reduction

// JSON: "by_class": [
// JSON-NEXT: {
// JSON-NEXT: "class": "elementwise",
// JSON-NEXT: "kernels": 2,
// JSON: "flops": 2097152,
// JSON-NEXT: "bytes": 25165824
// JSON: "class": "reduction",
// JSON-NEXT: "kernels": 1,
func.func @f(%x: tensor<1048576xf32>, %y: tensor<1048576xf32>, %z: tensor<1024x1024xf32>)
    -> (tensor<1048576xf32>, tensor<1048576xf32>, tensor<1024x1xf32>) {
  %a = arith.addf %x, %y : tensor<1048576xf32>
  %m = arith.mulf %x, %y : tensor<1048576xf32>
  %r = tosa.reduce_sum %z {axis = 1 : i32} : (tensor<1024x1024xf32>) -> tensor<1024x1xf32>
  return %a, %m, %r : tensor<1048576xf32>, tensor<1048576xf32>, tensor<1024x1xf32>
}
