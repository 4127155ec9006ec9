// Sequence parallelism (plan sp:N, Megatron-LM's --sequence-parallel): the
// tensor-parallel devices also split the tokens between the splits. Each
// row split's sum is reduce-scattered by tokens, the norms and residual
// adds run on each device's tokens, and each column split all-gathers its
// input (docs/parallelism.md, "Sequence parallelism").
// RUN: %debian_python %roof_src_root/scripts/gen_gpt_layers.py --layers 1 --seq 16 --hidden 64 --heads 4 --dropout 0 -o %t.mlir
// RUN: roof-opt %t.mlir --pass-pipeline='builtin.module(roof-parallel-plan{plan=sp:2},func.func(sharding-propagation,shard-partition,roof-combine-collectives))' -o %t.roof.mlir
// RUN: FileCheck %s < %t.roof.mlir
// The same in stock mlir-opt with the plugin:
// RUN: %mlir_opt --load-dialect-plugin=%roof_plugin --load-pass-plugin=%roof_plugin %t.mlir --pass-pipeline='builtin.module(roof-parallel-plan{plan=tp:2,sp:2},func.func(sharding-propagation,shard-partition,roof-combine-collectives))' -o %t.upstream.mlir
// RUN: diff %t.roof.mlir %t.upstream.mlir
// roof-report's parallel=sp:N runs the plan, the passes and
// roof-combine-collectives on a copy:
// RUN: roof-opt %t.mlir --roof-report="targets=h100-node parallel=sp:2 training=adam format=json" -o /dev/null | FileCheck %s --check-prefix=JSON
// RUN: roof-opt %t.mlir --roof-report="targets=h100-node parallel=tp:2 training=adam format=json" -o /dev/null | FileCheck %s --check-prefix=TP-JSON
// RUN: roof-opt %t.mlir --roof-report="targets=h100-node parallel=tp:2,sp:2 training=adam" -o /dev/null | FileCheck %s --check-prefix=TEXT
// RUN: roof-opt %t.mlir --roof-report="targets=h100-node plans=tp:2;sp:2" -o /dev/null | FileCheck %s --check-prefix=PLANS
// RUN: not roof-opt %t.mlir --roof-report="targets=h100-node parallel=tp:4,sp:2" -o /dev/null 2>&1 | FileCheck %s --check-prefix=MISMATCH
// RUN: not roof-opt %t.mlir --pass-pipeline='builtin.module(roof-parallel-plan{plan=tp:4,sp:2})' -o /dev/null 2>&1 | FileCheck %s --check-prefix=PLAN-MISMATCH
// RUN: not roof-opt %t.mlir --roof-report="targets=h100-node parallel=sp:2,cp:2" -o /dev/null 2>&1 | FileCheck %s --check-prefix=CP

// Each device holds 8 of the 16 tokens: its input, the first norm's sums
// on 8 rows; Q, K and V read the norm's output gathered once; the output
// projection's partial sums are reduce-scattered back to 8 tokens; the
// residual add and the second norm run on them; the MLP's first matmul
// gathers, its second reduce-scatters; the function returns its result
// whole.
// CHECK-LABEL: func.func @gpt(
// CHECK-SAME: tensor<1x8x64xf32>
// CHECK: linalg.reduce ins(%{{.*}} : tensor<8x64xf32>)
// CHECK: shard.all_gather %{{.*}} on @tp grid_axes = [0] gather_axis = 0 : tensor<8x64xf32> -> tensor<16x64xf32>
// CHECK: shard.reduce_scatter %{{.*}} on @tp grid_axes = [0] scatter_axis = 0 : tensor<16x64xf32> -> tensor<8x64xf32>
// CHECK: linalg.add ins(%{{.*}}, %{{.*}} : tensor<8x64xf32>, tensor<8x64xf32>)
// CHECK: linalg.reduce ins(%{{.*}} : tensor<8x64xf32>)
// CHECK: shard.all_gather %{{.*}} on @tp grid_axes = [0] gather_axis = 0 : tensor<8x64xf32> -> tensor<16x64xf32>
// CHECK: linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<16x64xf32>, tensor<64x128xf32>)
// CHECK: linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<16x128xf32>, tensor<128x64xf32>)
// CHECK: shard.reduce_scatter %{{.*}} on @tp grid_axes = [0] scatter_axis = 0 : tensor<16x64xf32> -> tensor<8x64xf32>
// CHECK: linalg.add ins(%{{.*}}, %{{.*}} : tensor<8x64xf32>, tensor<8x64xf32>)
// CHECK: shard.all_gather %{{.*}} -> tensor<16x64xf32>
// CHECK-NOT: shard.all_reduce

// Five collectives of S = 16 x 64 f32 = 4096 B over 2 devices of NVLink 4
// (450 GB/s, 0.6 us a step), each a ring: 1 step + S / 2 bytes, 0.6 us +
// 2048 B / 450 GB/s = 0.604551 us; 3.022756 us a forward pass. Backward,
// each is its conjugate (all-gather <-> reduce-scatter, the same time), and
// the two gathered inputs the weight gradients read are gathered again, as
// Megatron-LM keeps only each device's part: 7 x 0.604551 = 4.231858 us.
// JSON: "forward_communication_s": 3.02275{{[0-9]*}}e-06,
// JSON-NEXT: "backward_communication_s": 4.23185{{[0-9]*}}e-06,
// The saved activations: under tp:2 the layer's input, the two norms'
// outputs and the residual sum are whole, 4096 B each, beside the heads'
// split values; sp:2 keeps each device's 8 tokens of the four, 2048 B
// each: 43008 - 4 x 2048 = 34816 B.
// JSON: "saved_activations": 34816,
// TP-JSON: "saved_activations": 43008,

// TEXT: communication: 3.023 us on the links ({{.*}} % of the latency), not overlapped with compute: 5 collectives over NVLink 4
// TEXT: tensor:  collectives on the links: forward 3.023 us + backward 4.232 us a pass

// The plans side by side, scaled as every text table is: sp:2's
// communication is the TEXT line's 3.023 us.
// PLANS: plan latency communication memory fits
// PLANS-NEXT: tp:2 {{.*}} us {{.*}} us {{.*}} kB fits fastest that fits
// PLANS-NEXT: sp:2 {{.*}} us 3.023 us {{.*}} kB fits

// MISMATCH: error: roof-report: parallel=: sequence parallelism splits the tokens over the tensor-parallel devices (Megatron-LM's --sequence-parallel), so sp:2 needs tp:2; got 'tp:4,sp:2'
// PLAN-MISMATCH: error: roof-parallel-plan: sequence parallelism splits the tokens over the tensor-parallel devices (Megatron-LM's --sequence-parallel), so sp:2 needs tp:2; got 'tp:4,sp:2'
// CP: error: roof-report: parallel=cp:C is priced with tp:N and dp:M; with pp: or sp: it is not yet (docs/parallelism.md, "Context parallelism"); got 'sp:2,cp:2'
