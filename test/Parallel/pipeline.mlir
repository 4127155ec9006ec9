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
// RUN: not roof-opt %t.mlir --roof-report="targets=h100-node parallel=pp:2" -o /dev/null 2>&1 | FileCheck %s --check-prefix=INFERENCE
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
// CHECK-NEXT: "layers": 4,
// CHECK-NEXT: "microbatches": 4,
// CHECK-NEXT: "bubble": 0.2{{0*[0-9]?}},
// CHECK: "send_s": 8.91271{{[0-9]*}}e-07,
// CHECK-NEXT: "send_bytes": 131072
// VALID: valid

// The step is 5 slowest-stage passes, the sends of the first microbatch's
// way out and back (2 x 0.8912711 us), and the largest stage's update.
// STEP: step = (m + p - 1) x (forward + backward) + 2 (p - 1) send + update: ok
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

// INFERENCE: error: roof-report: parallel=pp:P runs a training step's microbatches through P pipeline stages; name the optimizer too
// LAYERS: error: roof-report: parallel=pp:8 splits the repeated layers of @gpt into pipeline stages, and it has 4
// ONE: error: roof-report: parallel=pp:2 needs 2 devices, and 'NVIDIA H100 SXM5 80GB' has 1
