// DeepSeek-R1-Distill-Qwen-1.5B, one decode step at TOSA level
// (../shared/models): every tosa op is costed, and so is the hand-written
// attention kernel (vector ops in affine loops whose bounds are maps of
// constants); what is not is the calls to timing helpers and the LLVM
// globals they print.
// REQUIRES: shared-models
// RUN: roof-opt %shared_models/tosa/deepseek-r1-distill-qwen-1.5b-decode.mlir -roof-annotate-cost=report-only 2>&1 | FileCheck %s

// CHECK-NOT: 'tosa.{{.*}}' is not costed
// CHECK: remark: totals of @subgraph0_decode: #roof.totals<{{.*}} unknown = 44, unknown_ops = {func.call = 33 : i64, llvm.mlir.addressof = 11 : i64}>
// CHECK-NOT: 'tosa.{{.*}}' is not costed
