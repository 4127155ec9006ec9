// roof-calibrate --from-spec turns a spec sheet's headline numbers into a
// complete target: what the sheet gives is kept, what it does not is
// guessed by a stated rule and named under "estimated" (docs/targets.md,
// "A target from a spec sheet").
// RUN: roof-calibrate --from-spec "name=Round NPU;i8=32 TOPS;sram=4 MB;dram=8 GB;bandwidth=100 GB/s;power=8 W" -o %t.json
// RUN: FileCheck %s --check-prefix=FILE < %t.json
// RUN: roof-opt %s -roof-report="wide targets=%t.json" -o /dev/null | FileCheck %s
// RUN: not roof-calibrate --from-spec "name=x;i8=32 TOPS;dram=8 GB;power=8 W" 2>&1 | FileCheck %s --check-prefix=MISSING
// RUN: not roof-calibrate --from-spec "name=x;speed=3" 2>&1 | FileCheck %s --check-prefix=KEY
// RUN: not roof-calibrate --from-spec "name=x;i8=32 TOPS;dram=8 GX;bandwidth=100 GB/s;power=8 W" 2>&1 | FileCheck %s --check-prefix=UNIT

// The INT8 rate as given ("TOPS" read as TOP/s); FP16 at half of it; the
// vector engine at 1/32 of it for i8 (1 TOP/s), half that for f16, a
// quarter for f32 and i32, an eighth for i64; SRAM and DRAM as given.
// FILE: "matrix": {
// FILE-NEXT: "f16": "16.00 TFLOP/s",
// FILE-NEXT: "i8": "32 TOP/s"
// FILE: "vector": {
// FILE-NEXT: "f16": "500.0 GFLOP/s",
// FILE-NEXT: "f32": "250.0 GFLOP/s",
// FILE-NEXT: "i32": "250.0 GOP/s",
// FILE-NEXT: "i64": "125.0 GOP/s",
// FILE-NEXT: "i8": "1.000 TOP/s"
// FILE: "estimated": [
// FILE-NEXT: "compute.matrix.f16",
// FILE-NEXT: "compute.vector"
// FILE: "capacity": "4 MB",
// FILE-NEXT: "name": "SRAM"
// FILE: "compute.vector": "ESTIMATE, no spec sheet gives it

// Every kernel is priced, and the report says which figures are guesses.
// 2^20 i8 adds at the guessed 1 TOP/s: 1.049 us of compute; 3 MiB at 100
// GB/s: 31.457 us.
// CHECK: memory vector i8 1048576 3145728 0 0.33 1.049 31.457
// CHECK: estimated figures on this target {{.*}}: compute.matrix.f16, compute.vector
// CHECK-NOT: no rate

// MISSING: roof-calibrate: --from-spec: the spec needs bandwidth= (name, dram, bandwidth and power, and i8= or f16=)
// KEY: roof-calibrate: --from-spec: 'speed=3' is not key=value with a key of name, kind, i8, f16, sram, dram, bandwidth, power
// UNIT: roof-calibrate: --from-spec: the spec: memory.levels[0].capacity: unit 'GX' is not a size

func.func @add(%a: tensor<1048576xi8>, %b: tensor<1048576xi8>) -> tensor<1048576xi8> {
  %0 = tosa.add %a, %b : (tensor<1048576xi8>, tensor<1048576xi8>) -> tensor<1048576xi8>
  return %0 : tensor<1048576xi8>
}
