// DeepSeek-R1-Distill-Qwen-1.5B, one decode step at TOSA level
// (../shared/models): every tosa op is costed, and so is the hand-written
// attention kernel (vector ops in affine loops whose bounds are maps of
// constants), the addresses of the names it hands its timers, and the 33
// calls of the external timing helpers (rtclock, record_timing), which pass
// no tensor and cost nothing: no op is unknown.
// REQUIRES: shared-models
// RUN: roof-opt %shared_models/tosa/deepseek-r1-distill-qwen-1.5b-decode.mlir -roof-annotate-cost=report-only 2>&1 | FileCheck %s

// CHECK-NOT: 'tosa.{{.*}}' is not costed
// CHECK: remark: totals of @subgraph0_decode: {{.*}}, 0 unknown{{$}}
// CHECK-NOT: 'tosa.{{.*}}' is not costed
