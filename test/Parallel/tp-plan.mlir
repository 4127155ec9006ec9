// roof-parallel-plan plan=tp:N splits a transformer layer Megatron-style;
// upstream's passes (with Roof's reshape models) make each device's IR:
// Q, K, V by heads and the MLP's first matmul by columns, the output
// projection and the MLP's second matmul by rows, two all-reduces per
// layer (docs/parallelism.md, "Plans").
// RUN: %debian_python %roof_src_root/scripts/gen_gpt_layers.py --layers 1 --seq 16 --hidden 64 --heads 4 --dropout 0 -o %t.mlir
// RUN: roof-opt %t.mlir --pass-pipeline='builtin.module(roof-parallel-plan{plan=tp:2},func.func(sharding-propagation,shard-partition))' | FileCheck %s
// RUN: roof-opt %t.mlir --pass-pipeline='builtin.module(roof-parallel-plan{plan=tp:2},func.func(sharding-propagation,shard-partition),roof-report{targets=h100-node})' -o /dev/null | FileCheck %s --check-prefix=PRICED
// The same in stock mlir-opt with the plugin (its dialect part brings the
// reshape models):
// RUN: %mlir_opt --load-dialect-plugin=%roof_plugin --load-pass-plugin=%roof_plugin %t.mlir --pass-pipeline='builtin.module(roof-parallel-plan{plan=tp:2},func.func(sharding-propagation,shard-partition),roof-report{targets=h100-node})' -o /dev/null | FileCheck %s --check-prefix=PRICED
// roof-report's parallel= runs the plan and the passes on a copy itself:
// RUN: roof-opt %t.mlir --roof-report="targets=h100-node parallel=tp:2" -o /dev/null | FileCheck %s --check-prefix=PRICED
// RUN: not roof-opt %t.mlir --roof-fuse-epilogues --roof-report="targets=h100-node parallel=tp:2" -o /dev/null 2>&1 | FileCheck %s --check-prefix=FUSED
// RUN: roof-opt %t.mlir --pass-pipeline='builtin.module(roof-parallel-plan{plan=tp:1})' | FileCheck %s --check-prefix=ONE
// RUN: not roof-opt %t.mlir --pass-pipeline='builtin.module(roof-parallel-plan{plan=pp:2})' -o /dev/null 2>&1 | FileCheck %s --check-prefix=PP
// RUN: not roof-opt %s --pass-pipeline='builtin.module(roof-parallel-plan{plan=tp:2})' -o /dev/null 2>&1 | FileCheck %s --check-prefix=TAKEN

// Per device: Wq, Wk, Wv 64x2x16 (2 of the 4 heads), Wo 2x16x64, W1
// 64x128 (128 of the 256 hidden units), W2 128x64; the projection's and
// the MLP's partial sums all-reduced.
// CHECK: shard.grid @tp(shape = 2)
// CHECK-LABEL: func.func @gpt(
// CHECK-SAME: tensor<64x2x16xf32> {roof.param}, %{{.*}}: tensor<64x2x16xf32> {roof.param}, %{{.*}}: tensor<64x2x16xf32> {roof.param}, %{{.*}}: tensor<2x16x64xf32> {roof.param}
// CHECK-SAME: tensor<64x128xf32> {roof.param}, %{{.*}}: tensor<128x64xf32> {roof.param}
// CHECK: shard.all_reduce %{{.*}} on @tp grid_axes = [0] : tensor<1x16x64xf32>
// CHECK: linalg.matmul {{.*}} -> tensor<16x128xf32>
// CHECK: linalg.matmul {{.*}} -> tensor<16x64xf32>
// CHECK: shard.all_reduce %{{.*}} on @tp grid_axes = [0] : tensor<16x64xf32>
// CHECK-NOT: shard.all_

// Each all-reduce: 16 x 64 f32 = 4096 B over 2 devices of NVLink 4, ring
// (in-switch is as fast at 2): 2 steps (1.2 us) + 4096 B / 450 GB/s =
// 1.209102 us; two: 2.418 us.
// PRICED: communication: 2.418 us on the links ({{.*}} % of the latency), not overlapped with compute: 2 collectives over NVLink 4, 0.008 MB sent per device

// FUSED: error: roof-report: parallel= splits the model's ops, and a roof.kernel cannot be split: fuse after the plan
// ONE-NOT: shard.
// PP: error: roof-parallel-plan: plan must be tp:N with N >= 1 (tensor parallelism); got 'pp:2' (dp: is roof-report's parallel=dp:M with training=; pp:, ep: and sp: are not planned yet, docs/parallelism.md)
// TAKEN: error: roof-parallel-plan: the module already has a symbol @tp; the plan's grid takes that name

shard.grid @tp(shape = 4)
