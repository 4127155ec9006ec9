// DeepSeek-R1-Distill-Qwen-1.5B, one decode step at linalg level
// (../shared/models): every op costs, the hand-written vector attention
// kernel included (28 layers x 2 vector loads, 1 fma, 1 reduction;
// test/CostModels/vector-affine.mlir pins those models).
// REQUIRES: shared-models
// RUN: roof-opt %shared_models/linalg/deepseek-r1-distill-qwen-1.5b-decode.mlir -roof-annotate-cost=report-only 2>&1 | FileCheck %s

// CHECK-NOT: is not costed
// CHECK: remark: totals of @subgraph0_decode: {{.*}} ops counted, {{.*}}, 0 unknown{{$}}
