// Inferences through pipeline stages (parallel=pp:P without training=):
// the repeated layers split into P stages, one device (or tensor-parallel
// group) each. A request passes every stage and P - 1 sends; with the
// pipeline full, a batch leaves it every slowest stage's time
// (docs/parallelism.md, "Pipelines").
// RUN: %debian_python %roof_src_root/scripts/gen_gpt_layers.py --layers 4 --seq 128 --hidden 256 --heads 4 --dropout 0 -o %t.mlir
// RUN: roof-opt %t.mlir --roof-report="targets=h100-node parallel=pp:2 format=json output=%t.json" -o /dev/null
// RUN: roof-opt %t.mlir --roof-report="targets=h100-node format=json output=%t.whole.json" -o /dev/null
// RUN: %debian_python %S/Inputs/check_pipeline_inference.py %t.json %t.whole.json | FileCheck %s --check-prefix=RULES
// RUN: %debian_python %S/../Report/Inputs/validate_report.py %roof_src_root/docs/report-schema.json %t.json | FileCheck %s --check-prefix=VALID
// RUN: FileCheck %s --check-prefix=JSON < %t.json
// RUN: roof-opt %t.mlir --roof-report="targets=h100-node parallel=pp:2" -o /dev/null | FileCheck %s --check-prefix=TEXT
// Tensor parallelism within each stage: a stage is 8 devices of a node,
// and the next stage is on the next node.
// RUN: roof-opt %t.mlir --pass-pipeline='builtin.module(roof-parallel-plan{plan=tp:8},func.func(sharding-propagation,shard-partition),roof-report{targets=h100-cluster-4 parallel=pp:2})' -o /dev/null | FileCheck %s --check-prefix=NODES
// RUN: not roof-opt %t.mlir --roof-report="targets=h100-node parallel=pp:8" -o /dev/null 2>&1 | FileCheck %s --check-prefix=LAYERS
// RUN: not roof-opt %t.mlir --roof-report="targets=h100-sxm parallel=pp:2" -o /dev/null 2>&1 | FileCheck %s --check-prefix=ONE
// Generation through the stages: each step passes them (a decoder of two
// layers from scripts/gen_decoder.py, hidden 2048 f32).
// RUN: %debian_python %roof_src_root/scripts/gen_decoder.py tinyllama-1.1b --layers 2 -o %t.tiny.onnx
// RUN: roof-import-onnx %t.tiny.onnx -o %t.tiny.mlir --input-shape batch=1 --input-shape seq=4 --input-shape past=7 --input-shape total=past+seq --keep-dynamic seq,past,total
// RUN: roof-opt %t.tiny.mlir -o /dev/null --roof-report="targets=h100-node generate=128,16 parallel=pp:2 format=json output=%t.gen.json"
// RUN: roof-opt %t.tiny.mlir -o /dev/null --roof-report="targets=h100-node generate=128,16 format=json output=%t.gen-whole.json"
// RUN: %debian_python %S/Inputs/check_pipeline_generation.py %t.gen.json %t.gen-whole.json | FileCheck %s --check-prefix=GENERATION
// plans= counts a request's sends as communication:
// RUN: roof-opt %t.mlir --roof-report="targets=h100-node plans=tp:1;pp:2" -o /dev/null | FileCheck %s --check-prefix=PLANS
// VALID: {{^}}valid{{$}}

// RULES: stages sum to the kernels: ok
// RULES: latency = one device's + (p - 1) sends: ok
// RULES: interval = the slowest stage: ok
// RULES: throughput = batch / interval: ok
// RULES: weights are the largest stage's: ok

// Stage 0 holds layers 0 and 1, stage 1 layers 2 and 3. A layer's weights:
// Q, K, V and the projection 4 x 256 x 256, the MLP 2 x 256 x 1024, the
// norms 4 x 256: 787456 f32, 3149824 B; two a stage: 6299648 B. What
// crosses the boundary is the residual stream, 128 x 256 f32 = 131072 B,
// sent over NVLink 4 (450 GB/s, 0.6 us a step): 0.6 us + 131072 / 450e9 s
// = 0.8912711 us.
// JSON: "pipeline": {
// JSON-NEXT: "stages": 2,
// JSON-NEXT: "layers": 4,
// JSON: "stage_weight_bytes": [
// JSON-NEXT: 6299648,
// JSON-NEXT: 6299648
// JSON: "send_s": 8.912711{{[0-9]*}}e-07,
// JSON-NEXT: "send_bytes": 131072,
// JSON: "weight_bytes": 6299648,
// TEXT: pipeline: 2 stages of 4 layers; a request takes the latency through them (stage times {{.*}} / {{.*}}, 1 send of 0.891 us over NVLink 4, 0.131 MB each); with the pipeline full, a batch every {{.*}} (stage {{[01]}}); weights are the largest stage's, one device's
// TEXT: memory: weights 6.300 MB

// Over nodes the send takes InfiniBand NDR (50 GB/s, 2.7 us a step): each
// device of the stage sends its copy of the residual stream, 2.7 us +
// 131072 / 50e9 s = 5.321 us.
// NODES: pipeline: 2 stages of 4 layers; {{.*}} 1 send of 5.321 us over InfiniBand NDR, 0.131 MB each

// LAYERS: error: roof-report: parallel=pp:8 splits the repeated layers of @gpt into 8 pipeline stages, and it has 4
// The prompt's hidden states, 128 x 2048 f32 = 1048576 B, cross to the
// second stage: 0.6 us + 1048576 / 450e9 s = 2.930169 us on the first
// token; a decode step's, 2048 x 4 = 8192 B: 0.618204 us on each.
// GENERATION: time_to_first_token_s: +2.930{{[0-9]*}} us
// GENERATION-NEXT: time_per_output_token_s: +0.618{{[0-9]*}} us
// The embedding table is stored whole by the stage that looks it up, not
// only the rows it reads: the stages hold the device's weights between them.
// GENERATION-NEXT: stages store the weights: ok
// ONE: error: roof-report: parallel=pp:2 needs 2 devices, and 'NVIDIA H100 SXM5 80GB' has 1
// PLANS: pp:2 {{.*}} 891.3 ns
