// Per-kernel and per-call fixed costs, and contractions whose output tiles
// do not fill whole waves of the matrix engine's units (docs/roofline.md).
// RUN: roof-opt %s -roof-report="wide targets=%S/Inputs/round-units.json dynamic-dim=128" -o /dev/null | FileCheck %s
// RUN: roof-opt %s -roof-report="wide targets=%S/Inputs/round-units.json dynamic-dim=128 format=json" -o /dev/null | FileCheck %s --check-prefix=JSON
// RUN: roof-opt %s -roof-report="wide targets=%S/Inputs/round-units.json batch-sizes=128,512" -o /dev/null | FileCheck %s --check-prefix=SWEEP

// Round Units: matrix f32 100 TFLOP/s, 10 TB/s, 4 units computing tiles of
// 128x128 or 64x256 outputs, 1 us per kernel, 10 us per call.
// At 128 rows the matmul's 128x640 result is 1 x 5 = 5 tiles of 128x128 (2
// waves of 4: 5 / 8 busy) or 2 x 3 = 6 tiles of 64x256 (6 / 8): the best,
// 0.75. T_compute = 2 x 128 x 640 x 8192 = 1342177280 FLOP / (1e14 x 0.75)
// = 17.896 us; T_memory = (4194304 + 20971520 + 2 x 327680) B / 1e13 =
// 2.582 us; time 17.896 + 1 = 18.896 us; latency 18.896 + 10 = 28.896 us.
// Its share is of the kernels' time, the call overhead apart: 100 %.
// CHECK: 18.896 100.0% compute matrix f32 1342177280 25821184 0 51.98 17.896 2.582 71.031 linalg.matmul
// CHECK-NEXT: latency 28.896 us (1 kernel, 1 node, 1.000 us launch overhead each, 10.000 us per call)
// The launch and the call, 11 us of 28.896 us, are fixed.
// CHECK-NEXT: overheads: 11.000 us of the latency (38.1 %) is fixed: 1 launch (1.000 us) + 10.000 us per call; batching shares it over more inferences{{.*}}
// CHECK-NEXT: parallelism: 1 contractions keep part of the 4 matrix units idle (down to 75.0 % busy)

// JSON: "launch_overhead_s": {{1.0*e-06|9.99*[0-9]*e-07}},
// JSON-NEXT: "call_overhead_s": {{1.0*[0-9]*e-05|9.99*[0-9]*e-06}},
// JSON-NEXT: "matrix_units": 4,
// JSON: "parallel_efficiency": 0.75,
// JSON: "latency_s": 2.8895{{[0-9]*}}e-05,

// At 512 rows: 4 x 5 = 20 tiles of 128x128, 5 full waves: 5368709120 FLOP /
// 1e14 = 53.687 us + 1 + 10 = 64.687 us.
// SWEEP: 128 1342177280 25821184 51.98 65.4 28.896
// SWEEP-NEXT: 512 5368709120 40370176 132.99 84.5 64.687

func.func @tiles(%a: tensor<?x8192xf32>, %b: tensor<8192x640xf32>, %c: tensor<?x640xf32>) -> tensor<?x640xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<?x8192xf32>, tensor<8192x640xf32>) outs(%c : tensor<?x640xf32>) -> tensor<?x640xf32>
  return %0 : tensor<?x640xf32>
}
