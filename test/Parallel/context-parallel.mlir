// Context parallelism (plan cp:C, as Llama 3's): C devices split every
// activation by its tokens; each attention all-gathers its keys and values
// and reads its own queries (docs/parallelism.md, "Context parallelism").
// A causal attention's devices each compute 1/C of its kept scores.
// RUN: %debian_python %roof_src_root/scripts/gen_gpt_layers.py --layers 1 --seq 8 --hidden 16 --heads 2 --kv-heads 1 --causal --dropout 0 -o %t.mlir
// RUN: roof-opt %t.mlir --pass-pipeline='builtin.module(roof-parallel-plan{plan=cp:2},func.func(sharding-propagation,shard-partition))' -o %t.roof.mlir
// RUN: FileCheck %s < %t.roof.mlir
// The same in stock mlir-opt with the plugin:
// RUN: %mlir_opt --load-dialect-plugin=%roof_plugin --load-pass-plugin=%roof_plugin %t.mlir --pass-pipeline='builtin.module(roof-parallel-plan{plan=cp:2},func.func(sharding-propagation,shard-partition))' -o %t.upstream.mlir
// RUN: diff %t.roof.mlir %t.upstream.mlir
// RUN: roof-opt %t.roof.mlir --pass-pipeline='builtin.module(func.func(roof-fuse-epilogues{attention=true}),roof-report{wide top=30 targets=h100-node})' -o /dev/null | FileCheck %s --check-prefix=FUSED
// RUN: roof-opt %t.mlir --roof-report="targets=h100-node parallel=cp:2 format=json" -o /dev/null | FileCheck %s --check-prefix=JSON
// RUN: roof-opt %t.mlir --roof-report="targets=h100-node parallel=cp:2 training=adam" -o /dev/null | FileCheck %s --check-prefix=TRAIN
// RUN: roof-opt %t.mlir --roof-report="targets=h100-node parallel=cp:2 training=adam format=json output=%t.train.json" -o /dev/null
// RUN: %debian_python %S/../Report/Inputs/validate_report.py %roof_src_root/docs/report-schema.json %t.train.json | FileCheck %s --check-prefix=VALID
// With tensor parallelism, a grid of cp x tp devices, tp fastest:
// RUN: roof-opt %t.mlir --pass-pipeline='builtin.module(roof-parallel-plan{plan=tp:2,cp:2},func.func(sharding-propagation,shard-partition))' -o - | FileCheck %s --check-prefix=TP
// RUN: not roof-opt %t.mlir --pass-pipeline='builtin.module(roof-parallel-plan{plan=cp:3})' -o /dev/null 2>&1 | FileCheck %s --check-prefix=DIVIDE
// RUN: not roof-opt %S/tp2-mlp.mlir --pass-pipeline='builtin.module(roof-parallel-plan{plan=cp:2})' -o /dev/null 2>&1 | FileCheck %s --check-prefix=NO-ATTENTION
// RUN: not roof-opt %t.mlir --roof-report="targets=h100-node parallel=cp:2,pp:2 training=adam" -o /dev/null 2>&1 | FileCheck %s --check-prefix=PIPELINE
// Two sequences folded into the rows with their tokens cannot be split by
// tokens in one block a device:
// RUN: %debian_python %roof_src_root/scripts/gen_gpt_layers.py --layers 1 --batch 2 --seq 8 --hidden 16 --heads 2 --kv-heads 1 --causal --dropout 0 -o %t.batch.mlir
// RUN: not roof-opt %t.batch.mlir --roof-report="targets=h100-node parallel=cp:2" -o /dev/null 2>&1 | FileCheck %s --check-prefix=BATCH
// VALID: {{^}}valid{{$}}

// Each device holds 4 of the 8 tokens from its input on; K and V (one
// head, [1, 1, 4, 8] each) are gathered whole for the attention; what the
// function returns is gathered whole at the end.
// CHECK: shard.grid @cp(shape = 2)
// CHECK-LABEL: func.func @gpt(
// CHECK-SAME: tensor<1x4x16xf32>
// CHECK: linalg.reduce ins(%{{.*}} : tensor<4x16xf32>)
// CHECK: shard.all_gather %{{.*}} on @cp grid_axes = [0] gather_axis = 2 : tensor<1x1x4x8xf32> -> tensor<1x1x8x8xf32>
// CHECK: shard.all_gather %{{.*}} on @cp grid_axes = [0] gather_axis = 2 : tensor<1x1x4x8xf32> -> tensor<1x1x8x8xf32>
// CHECK: linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<4x16xf32>, tensor<16x64xf32>)
// CHECK: shard.all_gather %{{.*}} on @cp grid_axes = [0] gather_axis = 0 : tensor<4x16xf32> -> tensor<8x16xf32>
// CHECK-NOT: shard.all_gather
// CHECK: return

// The fused attention on a device: 2 query heads of 4 queries against 8
// keys, head size 8. Every score: Q K^T 2 x 2 x 4 x 8 x 8 = 1024; max 64;
// the masked exponential 4 x 64 = 256; sum 64; divide 64; P V 1024: 2496.
// The keys are gathered from 2 devices, so the device's queries are half
// of the 8, in balanced chunks: it keeps the whole attention's share,
// (1 + ... + 8) / 64 = 36 / 64: 1404 FLOPs.
// FUSED: 1404 {{.*}} roof.kernel(linalg.generic + 14)

// Ring all-gathers over n = 2 devices of NVLink 4 (450 GB/s, 0.6 us a
// step): one step, each device sends S (n - 1) / n. K (and V): S = 1 x 1
// x 8 x 8 x 4 = 256 B, 128 sent: 0.6 us + 128 / 450e9 s = 0.6002844 us.
// The output: S = 8 x 16 x 4 = 512 B, 256 sent: 0.6005689 us.
// JSON: "result_type": "tensor<8x16xf32>"
// JSON: "collective": {
// JSON-NEXT: "link": "NVLink 4",
// JSON-NEXT: "algorithm": "ring",
// JSON-NEXT: "bytes_sent": 256,
// JSON-NEXT: "time_s": 6.00568{{[0-9]*}}e-07
// JSON: "result_type": "tensor<1x1x8x8xf32>"
// JSON: "bytes_sent": 128,
// JSON-NEXT: "time_s": 6.00284{{[0-9]*}}e-07

// Training: the two devices hold the same weights, each with the
// gradients of its tokens, which they all-reduce: 2880 parameters (norms
// 4 x 16, Q 16 x 2 x 8, K and V 16 x 1 x 8 each, the projection 2 x 8 x
// 16, the MLP 2 x 16 x 64) x 4 B = 11520 B. Ring over 2: 2 steps of 0.6
// us, each device sends 2 x 11520 / 2 = 11520 B: 1.2 us + 11520 / 450e9 s
// = 1.2256 us. The two devices hold one sample between them.
// TRAIN: 1 sample per step
// TRAIN: data:    2 replicas (1 x 2 that split each sample's tokens); gradients all-reduced in 1.226 us over NVLink 4 (ring, 0.012 MB sent per device)

// TP: shard.grid @cp_tp(shape = 2x2)
// TP: shard.all_gather %{{.*}} on @cp_tp grid_axes = [0] gather_axis = 2
// TP: shard.all_gather %{{.*}} on @cp_tp grid_axes = [0] gather_axis = 2
// TP: shard.all_reduce %{{.*}} on @cp_tp grid_axes = [1]
// TP: shard.all_reduce %{{.*}} on @cp_tp grid_axes = [1]
// TP: shard.all_gather %{{.*}} on @cp_tp grid_axes = [0] gather_axis = 0

// DIVIDE: error: loc("layers.0.attn.scores"): roof-parallel-plan: context parallelism splits this attention's queries by their tokens, and cp:3 does not divide them
// NO-ATTENTION: error: roof-parallel-plan: context parallelism splits each attention's queries by their tokens, and @mlp has no attention (Q K^T, a softmax, then P V)
// PIPELINE: error: roof-report: parallel=cp:C is priced with tp:N and dp:M; with pp: or sp: it is not yet (docs/parallelism.md, "Context parallelism"); got 'cp:2,pp:2'
// BATCH: error: roof-report: parallel=cp:2 splits each sequence by its tokens, and upstream's sharding passes could not (above): an op without a sharding model stops them, and so does a batch of several sequences folded into the rows with their tokens
