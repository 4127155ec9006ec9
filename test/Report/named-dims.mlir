// sizes= sweeps dims by the names the function's arguments give them
// (roof.dim_names, as roof-import-onnx --keep-dynamic writes them): each
// combination binds the named dims, TOSA shape inference carries them
// through the function, and the copy is priced.
//
// Attention scores over a cache of P tokens: q 4x1x8, k 4x8xP.
// FLOPs = 2 * 4 * 1 * 8 * P = 64 P; bytes = q 128 + k 128 P + scores 16 P +
// the two f32 zero points 8 = 136 + 144 P. At P = 16: 1024 FLOPs, 2440 B; at
// P = 64: 4096 FLOPs, 9352 B. Round A moves 1 TB/s: 9.352 ns at P = 64.
// RUN: roof-opt %s -roof-report="wide targets=%S/Inputs/round-a.json sizes=past:16,64" -o /dev/null | FileCheck %s
// CHECK: == @scores on Round A: sweep over named dims
// CHECK-NEXT: sizes work bytes
// CHECK-NEXT: past=16 1024 2440 0.42
// CHECK-NEXT: past=64 4096 9352 0.44 0.0 0.009

// The JSON names the sizes of each row.
// RUN: roof-opt %s -roof-report="wide targets=%S/Inputs/round-a.json sizes=past:64 format=json" -o /dev/null | FileCheck %s --check-prefix=JSON
// JSON: "sizes": {
// JSON-NEXT: "past": 64
// JSON-NEXT: },
// JSON: "flops": 4096,
// RUN: roof-opt %s -roof-report="wide targets=%S/Inputs/round-a.json sizes=past:64 format=json output=%t.json" -o /dev/null
// RUN: %debian_python %S/Inputs/validate_report.py %roof_src_root/docs/report-schema.json %t.json | FileCheck %s --check-prefix=VALID
// VALID: {{^}}valid{{$}}

// A dim may follow another (total = past + 1); each function is evaluated
// once per combination of the dims it names (@scores names only past); a
// dim named batch counts the inferences per call. @cached at batch B: the
// past argument names `past`, so it is a KV cache, which the concatenation
// extends in place (docs/roofline.md, "KV cache"): it reads and writes the
// new entries only, B*16*4 each way; the add reads the whole cache
// B*17*16*4 with the mask (1088 B) and writes as much. FLOPs = the add's
// B*17*16. Bytes at B = 2: 128 + 128 + 2176 + 1088 + 2176 = 5696; at B = 8:
// 512 + 512 + 8704 + 1088 + 8704 = 19520. The cache lives off chip (no
// on-chip residency for it): 19.520 ns at 1 TB/s, 8 / 19.52 ns =
// 409836065.6 inferences/s.
// RUN: roof-opt %s -roof-report="wide targets=%S/Inputs/round-a.json sizes=batch:2,8;past:16;total:past+1" -o /dev/null | FileCheck %s --check-prefix=DERIVED
// DERIVED: == @scores on Round A: sweep over named dims
// DERIVED-NEXT: sizes
// DERIVED-NEXT: past=16 1024 2440
// DERIVED-EMPTY:
// DERIVED-NEXT: == @cached on Round A: sweep over named dims
// DERIVED-NEXT: sizes
// DERIVED-NEXT: batch=2 past=16 total=17 544 5696
// DERIVED-NEXT: batch=8 past=16 total=17 2176 19520 0.11 0.0 0.020 409836065.6 fits

// Errors: a dim no function names, both sweeps at once, a malformed list, a
// derived dim from one not swept, and sizes the function cannot take.
// RUN: not roof-opt %s -roof-report="wide targets=%S/Inputs/round-a.json sizes=seq:1" -o /dev/null 2>&1 | FileCheck %s --check-prefix=UNNAMED
// UNNAMED: error: roof-report: sizes= sweeps dim 'seq', which no function's arguments name (named: batch, past, total; roof-import-onnx --keep-dynamic seq keeps an ONNX model's dim by name)
// RUN: not roof-opt %s -roof-report="wide targets=%S/Inputs/round-a.json sizes=past:1 batch-sizes=2" -o /dev/null 2>&1 | FileCheck %s --check-prefix=BOTH
// BOTH: error: roof-report: batch-sizes binds every dynamic dim and sizes binds them by name: give one of the two
// RUN: not roof-opt %s -roof-report="wide targets=%S/Inputs/round-a.json sizes=past:1,x" -o /dev/null 2>&1 | FileCheck %s --check-prefix=MALFORMED
// A sweep is counted before it is made: a million combinations (1000 sizes
// of each of two dims) is refused at once, with the count.
// RUN: not roof-opt %s -roof-report="wide targets=%S/Inputs/round-a.json sizes=past:$(seq -s, 1 1000);seq:$(seq -s, 1 1000)" -o /dev/null 2>&1 | FileCheck %s --check-prefix=MILLION
// RUN: not roof-opt %s -roof-report="wide targets=%S/Inputs/round-a.json batch-sizes=$(seq -s, 1 5000)" -o /dev/null 2>&1 | FileCheck %s --check-prefix=BATCHES
// BATCHES: error: roof-report: batch-sizes has 5000 sizes, more than the 4096 a sweep prices
// RUN: not roof-opt %s -roof-report="wide targets=h100-node plans=$(seq -s';' -f 'tp:%g' 1 65)" -o /dev/null 2>&1 | FileCheck %s --check-prefix=PLANS
// PLANS: error: roof-report: plans= lists 65 plans, more than the 64 it compares
// MILLION: error: roof-report: sizes: 1000000 combinations of sizes (the product of the lists' lengths), more than the 4096 a sweep prices; sweep fewer sizes, or run several
// MALFORMED: error: roof-report: sizes: 'x' in 'past:1,x' is not a size (an integer >= 0) or a sum of swept dims (past+seq, past+1)
// RUN: not roof-opt %s -roof-report="wide targets=%S/Inputs/round-a.json sizes=total:past+1" -o /dev/null 2>&1 | FileCheck %s --check-prefix=NOSOURCE
// NOSOURCE: error: roof-report: sizes: 'total' refers to 'past', which is not swept with sizes
// RUN: not roof-opt %s -roof-report="wide targets=%S/Inputs/round-a.json sizes=past:16;total:8" -o /dev/null 2>&1 | FileCheck %s --check-prefix=MISFIT
// MISFIT: error: @cached does not take past=16 total=8: shape inference failed

func.func @scores(%q: tensor<4x1x8xf32>,
                  %k: tensor<4x8x?xf32> {roof.dim_names = ["", "", "past"]})
    -> tensor<4x1x?xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %0 = tosa.matmul %q, %k, %zp, %zp : (tensor<4x1x8xf32>, tensor<4x8x?xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<4x1x?xf32>
  return %0 : tensor<4x1x?xf32>
}

// A cache of `past` tokens and this step's one, over `batch` sequences,
// plus a mask over all `total` of them.
func.func @cached(%past: tensor<?x?x16xf32> {roof.dim_names = ["batch", "past", ""]},
                  %new: tensor<?x1x16xf32> {roof.dim_names = ["batch", "", ""]},
                  %mask: tensor<1x?x16xf32> {roof.dim_names = ["", "total", ""]})
    -> tensor<?x?x16xf32> {
  %0 = tosa.concat %past, %new {axis = 1 : i32} : (tensor<?x?x16xf32>, tensor<?x1x16xf32>) -> tensor<?x?x16xf32>
  %1 = tosa.add %0, %mask : (tensor<?x?x16xf32>, tensor<1x?x16xf32>) -> tensor<?x?x16xf32>
  return %1 : tensor<?x?x16xf32>
}
