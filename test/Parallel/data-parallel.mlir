// parallel=dp:M with training=: the step runs on M replicas whose
// gradients are reduced over the system's links, the reduction hidden
// behind the backward pass where it fits; zero= shards the model state
// (docs/parallelism.md, "Data parallelism").
// RUN: %debian_python %roof_src_root/scripts/gen_gpt_layers.py --layers 2 --seq 2048 --hidden 1024 --heads 16 -o %t.mlir
// RUN: roof-opt %t.mlir --roof-report="targets=h100-node training=adam dtype-policy=bf16 master-dtype=f32 parallel=dp:8 format=json output=%t.json" -o /dev/null
// RUN: FileCheck %s --check-prefix=DP < %t.json
// RUN: %debian_python %S/../Report/Inputs/validate_report.py %roof_src_root/docs/report-schema.json %t.json | FileCheck %s --check-prefix=VALID
// RUN: roof-opt %t.mlir --roof-report="targets=h100-node training=adam dtype-policy=bf16 master-dtype=f32 parallel=dp:8 zero=1 format=json" -o /dev/null | FileCheck %s --check-prefix=ZERO1
// RUN: roof-opt %t.mlir --roof-report="targets=h100-node training=adam dtype-policy=bf16 master-dtype=f32 parallel=dp:8 zero=3 format=json" -o /dev/null | FileCheck %s --check-prefix=ZERO3
// RUN: roof-opt %t.mlir --roof-report="targets=h100-node training=adam dtype-policy=bf16 master-dtype=f32 parallel=dp:8" -o /dev/null | FileCheck %s --check-prefix=TEXT
// RUN: not roof-opt %t.mlir --roof-report="targets=h100-sxm training=adam parallel=dp:8" -o /dev/null 2>&1 | FileCheck %s --check-prefix=ONE
// RUN: not roof-opt %t.mlir --roof-report="targets=h100-node parallel=dp:8" -o /dev/null 2>&1 | FileCheck %s --check-prefix=INFERENCE
// RUN: not roof-opt %t.mlir --roof-report="targets=h100-node training=adam parallel=dp:8 zero=4" -o /dev/null 2>&1 | FileCheck %s --check-prefix=STAGE
// RUN: not roof-opt %t.mlir --roof-report="targets=h100-node training=adam parallel=xp:2" -o /dev/null 2>&1 | FileCheck %s --check-prefix=KIND

// Two layers of width 1024: 2 x (4 x 1024^2 + 2 x 1024 x 4096 + 4 x 1024)
// = 25174016 weights, bf16 gradients: S = 50348032 bytes over 8 GPUs of
// NVLink 4 (450 GB/s, 0.6 us per step, in-switch reduction).
// All-reduce: in-switch, 2 steps (1.2 us) + S / B (111.884516 us) =
// 113.084516 us, hidden behind the backward pass (1.86 ms): none exposed.
// DP: "data_parallel": {
// DP-NEXT: "replicas": 8,
// DP-NEXT: "context_split": 1,
// DP-NEXT: "expert_split": 1,
// DP-NEXT: "zero_stage": 0,
// DP-NEXT: "reduce_s": 0.00011308451{{[0-9]*}},
// DP-NEXT: "reduce_algorithm": "in-switch",
// DP-NEXT: "reduce_bytes_sent": 50348032,
// DP-NEXT: "expert_reduce_s": 0,
// DP-NEXT: "expert_reduce_bytes_sent": 0,
// DP-NEXT: "gathers": 0,
// DP-NEXT: "gather_s": 0,
// DP-NEXT: "communication_s": 0.00011308451{{[0-9]*}},
// DP-NEXT: "exposed_s": 0
// VALID: valid

// ZeRO-1: the optimizer's f32 master copy and Adam's two moments (12 bytes
// a weight, 302088192) over 8: 37761024 per device. The gradients are
// reduce-scattered (ring: 7 steps, 4.2 us + 7/8 S = 44054528 bytes, 97.899
// us = 102.099 us, hidden) and the updated bf16 weights all-gathered after
// the update (the same, 102.099 us, exposed).
// ZERO1: "optimizer_state": 37761024,
// ZERO1: "data_parallel": {
// ZERO1: "zero_stage": 1,
// ZERO1-NEXT: "reduce_s": 0.00010209{{[0-9]*}},
// ZERO1-NEXT: "reduce_algorithm": "ring",
// ZERO1-NEXT: "reduce_bytes_sent": 44054528,
// ZERO1-NEXT: "expert_reduce_s": 0,
// ZERO1-NEXT: "expert_reduce_bytes_sent": 0,
// ZERO1-NEXT: "gathers": 1,
// ZERO1-NEXT: "gather_s": 0.00010209{{[0-9]*}},
// ZERO1-NEXT: "communication_s": 0.00020419{{[0-9]*}},
// ZERO1-NEXT: "exposed_s": 0.00010209{{[0-9]*}}

// ZeRO-3: the weights and gradients are sharded too (50348032 / 8 =
// 6293504 each); the weights are all-gathered before the forward and the
// backward pass, both hidden.
// ZERO3: "memory": {
// ZERO3-NEXT: "weights": 6293504,
// ZERO3-NEXT: "gradients": 6293504,
// ZERO3-NEXT: "optimizer_state": 37761024,
// ZERO3: "gathers": 2,
// ZERO3: "exposed_s": 0

// TEXT: + exposed communication 0.000 us; {{.*}} samples/s, 8 samples per step
// TEXT: data:    8 replicas; gradients all-reduced in 113.085 us over NVLink 4 (in-switch, 50.348 MB sent per device); 0.000 us not hidden behind the passes

// ONE: error: roof-report: parallel=dp:8 needs 8 devices, and 'NVIDIA H100 SXM5 80GB' has 1
// INFERENCE: error: roof-report: parallel=dp:M reduces a training step's gradients over M replicas; name the optimizer too (training=adam)
// STAGE: error: roof-report: zero= is ZeRO's stage, 1 to 3, over the replicas of parallel=dp:M with M >= 2
// KIND: error: roof-report: parallel= takes tp:N, sp:N, cp:C, pp:P, vp:V and dp:M (tp:8,sp:8,pp:4,vp:2,dp:4), or ep:E, each >= 1; got 'xp:2'
