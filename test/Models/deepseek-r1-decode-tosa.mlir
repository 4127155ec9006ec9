// DeepSeek-R1-Distill-Qwen-1.5B, one decode step at TOSA level
// (../shared/models): every tosa op is costed, and so is the hand-written
// attention kernel (vector ops in affine loops whose bounds are maps of
// constants); what is not is the calls to timing helpers and the LLVM
// globals they print.
// REQUIRES: shared-models
// RUN: roof-opt %shared_models/tosa/deepseek-r1-distill-qwen-1.5b-decode.mlir -roof-annotate-cost=report-only 2>&1 | FileCheck %s

// CHECK-NOT: 'tosa.{{.*}}' is not costed
// CHECK: remark: totals of @subgraph0_decode: {{.*}}, 44 unknown (func.call: 33, llvm.mlir.addressof: 11)
// CHECK-NOT: 'tosa.{{.*}}' is not costed
