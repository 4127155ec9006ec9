// DeepSeek-R1-Distill-Qwen-1.5B, one decode step at linalg level
// (../shared/models): it costs without a crash, and what it cannot cost is
// named: the hand-written vector attention kernel (28 layers x 2 loads, 1 fma,
// 1 reduction).
// REQUIRES: shared-models
// RUN: roof-opt %shared_models/linalg/deepseek-r1-distill-qwen-1.5b-decode.mlir -roof-annotate-cost=report-only 2>&1 | FileCheck %s

// CHECK-DAG: remark: 'vector.load' is not costed (56 ops)
// CHECK-DAG: remark: 'vector.fma' is not costed (28 ops)
// CHECK-DAG: remark: 'vector.reduction' is not costed (28 ops)
// CHECK-DAG: remark: totals of @subgraph0_decode: #roof.totals<{{.*}} unknown = 112, unknown_ops = {vector.fma = 28 : i64, vector.load = 56 : i64, vector.reduction = 28 : i64}>
