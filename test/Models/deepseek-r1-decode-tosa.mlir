// DeepSeek-R1-Distill-Qwen-1.5B, one decode step at TOSA level
// (../shared/models): every tosa op is costed; what is not is the
// hand-written attention kernel (vector ops, affine loops with dynamic
// bounds), calls to timing helpers and LLVM globals.
// REQUIRES: shared-models
// RUN: roof-opt %shared_models/tosa/deepseek-r1-distill-qwen-1.5b-decode.mlir -roof-annotate-cost=report-only 2>&1 | FileCheck %s

// CHECK-NOT: 'tosa.{{.*}}' is not costed
// CHECK: remark: totals of @subgraph0_decode: #roof.totals<{{.*}} unknown = 408, unknown_ops = {affine.for = 224 : i64, func.call = 33 : i64, llvm.mlir.addressof = 11 : i64, vector.broadcast = 28 : i64, vector.fma = 28 : i64, vector.load = 56 : i64, vector.reduction = 28 : i64}>
// CHECK-NOT: 'tosa.{{.*}}' is not costed
