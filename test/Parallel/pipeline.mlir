// parallel=pp:P with training=: the repeated layers split into P stages,
// a step's grad-accum microbatches run through them as Megatron-LM's 1F1B
// schedule does (docs/parallelism.md, "Pipelines").
// RUN: %debian_python %roof_src_root/scripts/gen_gpt_layers.py --layers 4 --seq 256 --hidden 256 --heads 4 -o %t.mlir
// RUN: roof-opt %t.mlir --roof-report="targets=h100-node training=adam dtype-policy=bf16 master-dtype=f32 parallel=pp:2 grad-accum=4 format=json output=%t.json" -o /dev/null
// RUN: FileCheck %s < %t.json
// RUN: %debian_python %S/../Report/Inputs/validate_report.py %roof_src_root/docs/report-schema.json %t.json | FileCheck %s --check-prefix=VALID
// RUN: %debian_python %S/Inputs/check_pipeline_step.py %t.json | FileCheck %s --check-prefix=STEP
// RUN: roof-opt %t.mlir --roof-report="targets=h100-node training=adam dtype-policy=bf16 master-dtype=f32 parallel=pp:2 grad-accum=4" -o /dev/null | FileCheck %s --check-prefix=TEXT
// RUN: %debian_python %roof_src_root/scripts/gen_gpt_layers.py --layers 4 --seq 256 --hidden 256 --heads 4 --dropout 0 -o %t.nodrop.mlir
// RUN: roof-opt %t.nodrop.mlir --roof-report="targets=h100-node training=adam dtype-policy=bf16 master-dtype=f32 parallel=tp:2,pp:2,dp:2 grad-accum=4" -o /dev/null | FileCheck %s --check-prefix=ALL
// Interleaved: two chunks of one layer on each stage (vp:2).
// RUN: roof-opt %t.mlir --roof-report="targets=h100-node training=adam dtype-policy=bf16 master-dtype=f32 parallel=pp:2,vp:2 grad-accum=4 format=json output=%t.vp.json" -o /dev/null
// RUN: FileCheck %s --check-prefix=VP < %t.vp.json
// RUN: %debian_python %S/../Report/Inputs/validate_report.py %roof_src_root/docs/report-schema.json %t.vp.json | FileCheck %s --check-prefix=VALID
// RUN: %debian_python %S/Inputs/check_pipeline_step.py %t.vp.json | FileCheck %s --check-prefix=STEP
// RUN: roof-opt %t.mlir --roof-report="targets=h100-node training=adam dtype-policy=bf16 master-dtype=f32 parallel=pp:2,vp:2 grad-accum=4" -o /dev/null | FileCheck %s --check-prefix=VP-TEXT
// RUN: not roof-opt %t.mlir --roof-report="targets=h100-node training=adam parallel=pp:2,vp:2 grad-accum=3" -o /dev/null 2>&1 | FileCheck %s --check-prefix=VP-ACCUM
// RUN: not roof-opt %t.mlir --roof-report="targets=h100-node training=adam parallel=pp:2,vp:4 grad-accum=4" -o /dev/null 2>&1 | FileCheck %s --check-prefix=VP-LAYERS
// RUN: not roof-opt %t.mlir --roof-report="targets=h100-node training=adam parallel=pp:8" -o /dev/null 2>&1 | FileCheck %s --check-prefix=LAYERS
// RUN: not roof-opt %t.mlir --roof-report="targets=h100-sxm training=adam parallel=pp:2" -o /dev/null 2>&1 | FileCheck %s --check-prefix=ONE

// Four layers of s = 256, h = 256, a = 4 at bf16, two to a stage; m = 4
// microbatches: the bubble is (p - 1) / (m + p - 1) = 1 / 5.
// A stage passes its last layer's output on, [256, 256] bf16 = 131072 B,
// over NVLink 4: 0.6 us + 131072 B / 450 GB/s = 0.8912711 us.
// Each stage holds two layers' weights, 2 x (12 h^2 + 4 h) = 1574912 at
// 2 B (3149824), bf16 gradients as many, and Adam's two f32 moments (8 B a
// weight, 12599296) with the f32 master copy (4 B, 6299648): 18898944.
// Activations (Korthikanti et al. 2022): sbh(34 + 5as/h) = 3538944 B a
// layer; the first stage keeps min(p, m) = 2 microbatches of its two
// layers (1F1B), 14155776, the most of any stage.
// CHECK: "weights": 3149824,
// CHECK-NEXT: "gradients": 3149824,
// CHECK-NEXT: "optimizer_state": 18898944,
// CHECK-NEXT: "master_copy": 6299648,
// CHECK-NEXT: "saved_activations": 14155776,
// CHECK: "pipeline": {
// CHECK-NEXT: "stages": 2,
// CHECK-NEXT: "chunks": 1,
// CHECK-NEXT: "layers": 4,
// CHECK-NEXT: "microbatches": 4,
// CHECK-NEXT: "bubble": 0.2{{0*[0-9]?}},
// CHECK: "send_s": 8.91271{{[0-9]*}}e-07,
// CHECK-NEXT: "send_bytes": 131072
// VALID: valid

// The step is 5 slowest-stage passes, the sends of the first microbatch's
// way out and back (2 x 0.8912711 us), and the largest stage's update.
// STEP: step = (m + (p - 1) / v) x (forward + backward) + 2 (p v - 1) send + update: ok
// STEP: forward and backward are the slowest stage's: ok

// TEXT: step: {{.*}} = 5 x (forward {{.*}} + backward {{.*}}) + sends 1.783 us + update
// TEXT: pipeline: 2 stages of 4 layers, 4 microbatches: bubble 20.0 %; slowest stage {{[01]}} (its device's passes, FLOPs and memory above); activations sent between stages in 0.891 us over NVLink 4 (0.131 MB a microbatch)

// tp:2 within each stage, two stages, two replicas: 8 devices (the layers
// without dropout, which a split needs). A stage's activations go 2
// devices on (its stage's tensor-parallel group), the next replica 4 on.
// Each device holds a quarter of the weights: a stage's half, split in
// two (layer norms whole): 2 x (6 h^2 + 4 h) x 2 B = 1576960 B.
// ALL: memory:  peak {{.*}} = weights 1.577 MB
// ALL: pipeline: 2 stages of 4 layers, 4 microbatches: bubble 20.0 %
// ALL: data:    2 replicas

// vp:2: chunks 0 and 2 (layers 0 and 2) on the first stage, 1 and 3 on
// the second. The bubble is (p - 1)/v / (m + (p - 1)/v) = 0.5 / 4.5 =
// 0.1111; the first microbatch crosses p v - 1 = 3 chunk boundaries out and
// 3 back: 6 x 0.8912711 = 5.347627 us. Megatron-LM's interleaved warm-up
// keeps 2 (p - s - 1) + (v - 1) p + 1 chunks in flight on stage s (at most
// m v = 8): 5 on the first, 2.5 microbatches of its two layers, 2.5 x 2 x
// 3538944 = 17694720 B; Korthikanti et al.'s L (1 + (p - 1)/(p v)) = 5
// layers.
// VP: "saved_activations": 17694720,
// VP: "pipeline": {
// VP-NEXT: "stages": 2,
// VP-NEXT: "chunks": 2,
// VP-NEXT: "layers": 4,
// VP-NEXT: "microbatches": 4,
// VP-NEXT: "bubble": 0.1111{{[0-9]*}},
// VP: "send_s": 8.91271{{[0-9]*}}e-07,
// VP-TEXT: step: {{.*}} = 4.5 x (forward {{.*}} + backward {{.*}}) + sends 5.348 us + update
// VP-TEXT: pipeline: 2 stages of 4 layers, interleaved (2 chunks a stage), 4 microbatches: bubble 11.1 %
// VP-ACCUM: error: roof-report: parallel=vp:V interleaves V chunks of layers on each of pp:P's stages (P >= 2), and like Megatron-LM's interleaved schedule runs a multiple of P microbatches (grad-accum=); got 'pp:2,vp:2' with grad-accum=3
// VP-LAYERS: error: roof-report: parallel=pp:2,vp:4 splits the repeated layers of @gpt into 8 pipeline chunks, and it has 4

// LAYERS: error: roof-report: parallel=pp:8 splits the repeated layers of @gpt into 8 pipeline stages, and it has 4
// ONE: error: roof-report: parallel=pp:2 needs 2 devices, and 'NVIDIA H100 SXM5 80GB' has 1
