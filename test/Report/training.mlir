// training=OPTIMIZER prices a step of training: the forward function, a
// backward pass derived kernel by kernel, and the optimizer's update, with
// the memory of weights, gradients, optimizer state, saved activations and
// gradients in flight (docs/training.md).
// RUN: roof-opt %s --roof-report="wide targets=h100-sxm training=adam" -o /dev/null | FileCheck %s --check-prefix=TEXT
// RUN: roof-opt %s --roof-report="wide targets=h100-sxm training=adam format=json output=%t.json" -o /dev/null
// RUN: FileCheck %s --check-prefix=ADAM < %t.json
// RUN: %debian_python %S/Inputs/validate_report.py %roof_src_root/docs/report-schema.json %t.json | FileCheck %s --check-prefix=VALID
// RUN: roof-opt %s --roof-fuse-epilogues --roof-report="wide targets=h100-sxm training=adam" -o /dev/null | FileCheck %s --check-prefix=FUSED
// RUN: roof-opt %s --roof-report="wide targets=h100-sxm training=adam dtype-policy=bf16 master-dtype=f32 format=json" -o /dev/null | FileCheck %s --check-prefix=MIXED
// RUN: roof-opt %s --roof-report="wide targets=h100-sxm training=sgd format=json" -o /dev/null | FileCheck %s --check-prefix=SGD
// RUN: roof-opt %s --roof-report="wide targets=h100-sxm training=momentum format=json" -o /dev/null | FileCheck %s --check-prefix=MOMENTUM
// RUN: roof-opt %s --roof-report="wide targets=h100-sxm training=adamw format=json" -o /dev/null | FileCheck %s --check-prefix=ADAMW
// RUN: roof-opt %s --roof-report="wide targets=h100-sxm training=lamb format=json" -o /dev/null | FileCheck %s --check-prefix=LAMB
// RUN: roof-opt %s --roof-report="wide targets=h100-sxm training=adafactor format=json" -o /dev/null | FileCheck %s --check-prefix=ADAFACTOR
// RUN: roof-opt %s --roof-report="wide targets=h100-sxm training=adam grad-accum=4" -o /dev/null | FileCheck %s --check-prefix=ACCUM
// RUN: roof-opt %s --roof-report="wide targets=h100-sxm training=adam format=html" -o /dev/null | FileCheck %s --check-prefix=HTML
// Stock mlir-opt prices the same step through the pass plugin.
// RUN: %mlir_opt --load-pass-plugin=%roof_plugin --pass-pipeline="builtin.module(roof-report{wide targets=h100-sxm training=adam})" %s -o /dev/null | FileCheck %s --check-prefix=TEXT

// A two-layer MLP, f32, 8 samples: x 8x16 (an input: no gradient),
// W1 16x32, b1 8x32 and W2 32x4 (parameters: 512 + 256 + 128 = 896, 3584 B).
//
// Forward FLOPs: 2*8*16*32 = 8192 (matmul) + 256 (add) + 256 (relu) +
// 2*8*32*4 = 2048 (matmul) = 10752.
//
// Backward, kernel by kernel from the last:
//   y = r W2: dr = dy W2^T, 2048 FLOPs, reads dy 128 + W2 512, writes 1024
//             dW2 = r^T dy, 2048 FLOPs, reads dy 128 + r 1024, writes 512
//   r = relu(a): da, 256 + 256 = 512 FLOPs, reads dr 1024 + a 1024, writes
//             1024
//   a = h + b1: the gradient of both is da itself: no kernel
//   h = x W1: dW1 = x^T dh, 8192 FLOPs, reads dh 1024 + x 512, writes 2048
//             (no dx: x is the model's input)
// Backward FLOPs 2048 + 2048 + 512 + 8192 = 12800.
// Saved activations: r, a (1024 each) and x (512) = 2560 B.
// Gradients in flight: the most a kernel reads of its gradient and writes:
// dW1's 1024 + 2048 = 3072 B.
// Adam: gradients 3584 B, two moments 7168 B; its update 12 FLOPs per
// parameter = 10752.
// Peak: 3584 + 3584 + 7168 + 2560 + 3072 = 19968 B. The largest batch
// that fits in 80 GB, activations (2560 + 3072 per batch of the report,
// batch=1) growing with it: (80e9 - 14336) / 5632 = 14204542.
// TEXT: == @mlp on NVIDIA H100 SXM5 80GB: a step of training with adam
// TEXT-NEXT: step: {{.*}} = (forward {{.*}} + backward {{.*}}) + update {{.*}}; {{.*}} samples/s, 1 sample per step
// TEXT-NEXT: FLOPs: forward 10.752 kFLOP, backward 12.800 kFLOP (1.19x forward), update 10.752 kFLOP
// TEXT-NEXT: memory: peak 0.020 MB = weights 0.004 MB + gradients 0.004 MB + optimizer state 0.007 MB + saved activations 0.003 MB + gradients in flight 0.003 MB of 80.000 GB: fits; at most a batch of 14204542
// TEXT-NEXT: timeline: 0.017 MB held after the forward pass; at most 0.018 MB, in the backward of linalg.matmul at {{.*}}training.mlir:{{[0-9]+}}
// On h100-sxm's 6.88 USD a GPU-hour, the step's cost (docs/cost.md):
// TEXT-NEXT: cost: {{.*}} USD a step (1 device at 6.8800 USD a device-hour)
// TEXT-NEXT: state: 896 parameters; optimizer state 0.007 MB, master copy 0.000 MB
// TEXT-NEXT: backward kernels by time (4 of 4):
// TEXT-DAG: vector f32 8192 3584 {{.*}} linalg.matmul at {{.*}}training.mlir:{{[0-9]+}}
// TEXT-DAG: vector f32 512 3072 {{.*}} linalg.generic at {{.*}}training.mlir:{{[0-9]+}}
// TEXT-DAG: vector f32 2048 1664 {{.*}} linalg.matmul at {{.*}}training.mlir:{{[0-9]+}}
// TEXT-DAG: vector f32 2048 1664 {{.*}} linalg.matmul at {{.*}}training.mlir:{{[0-9]+}}

// ADAM: "training": {
// ADAM-NEXT: "optimizer": "adam",
// ADAM-NEXT: "grad_accum": 1,
// ADAM: "flops": {
// ADAM-NEXT: "forward": 10752,
// ADAM-NEXT: "backward": 12800,
// ADAM-NEXT: "update": 10752,
// ADAM-NEXT: "recompute": 0,
// ADAM-NEXT: "model": 23552
// ADAM: "parameters": 896,
// ADAM-NEXT: "memory": {
// ADAM-NEXT: "weights": 3584,
// ADAM-NEXT: "gradients": 3584,
// ADAM-NEXT: "optimizer_state": 7168,
// ADAM-NEXT: "master_copy": 0,
// ADAM-NEXT: "saved_activations": 2560,
// ADAM-NEXT: "transient": 3072,
// ADAM-NEXT: "peak": 19968,
// ADAM-NEXT: "capacity": 80000000000,
// ADAM-NEXT: "fits": true,
// ADAM-NEXT: "max_batch": 14204542
// The timeline: the model state 14336, x held from the start (512), a and
// r from the kernels that make them (1024 each), over the six forward
// kernels (two fills, matmul, add, relu, matmul); then, last kernel first,
// each backward's gradients in flight on top, a value released after the
// backward of its first reader: y's 1152 (dr), r released; the fill; the
// relu's 2048, a released; the add (none); dW1's 3072, x released; the fill.
// ADAM: "memory_timeline": {
// ADAM-NEXT: "peak": 18048,
// ADAM-NEXT: "forward": [
// ADAM-NEXT: 14848,
// ADAM-NEXT: 14848,
// ADAM-NEXT: 15872,
// ADAM-NEXT: 16896,
// ADAM-NEXT: 16896,
// ADAM-NEXT: 16896
// ADAM-NEXT: ],
// ADAM-NEXT: "backward": [
// ADAM-NEXT: 18048,
// ADAM-NEXT: 15872,
// ADAM-NEXT: 17920,
// ADAM-NEXT: 14848,
// ADAM-NEXT: 17920,
// ADAM-NEXT: 14336
// ADAM-NEXT: ]
// ADAM: "backward_kernels": 4,
// VALID: valid

// Fused (matmul, bias add and relu in one kernel), the first layer's
// backward is one kernel: dW1 8192 FLOPs + the relu's 512 = 8704; it reads
// dr 1024, x 512 and a 1024 (kept from the fused forward) and writes dW1
// 2048 and db1 1024 (inside the kernel, da is not written for it): 5632 B.
// FUSED: backward kernels by time (3 of 3):
// FUSED: vector f32 8704 5632 {{.*}} roof.kernel(linalg.matmul + 3)

// Mixed precision (ZeRO's 16 bytes per parameter): bf16 weights 2 and
// gradients 2, an f32 master copy 4 and two f32 moments 8: 896 * 16 =
// 14336 = 1792 + 1792 + 10752. Activations are bf16: saved 1280 B.
// MIXED: "master_dtype": "f32",
// MIXED: "weights": 1792,
// MIXED-NEXT: "gradients": 1792,
// MIXED-NEXT: "optimizer_state": 10752,
// MIXED-NEXT: "master_copy": 3584,
// MIXED-NEXT: "saved_activations": 1280,

// Per parameter: SGD 2 FLOPs and no state; momentum 4 and one value;
// AdamW 14 and two; LAMB 18 and two; Adafactor 11, and per matrix one
// value per row and per column: 16 + 32, 8 + 32, 32 + 4 = 124 values, 496 B.
// SGD: "update": 1792,
// SGD: "optimizer_state": 0,
// MOMENTUM: "update": 3584,
// MOMENTUM: "optimizer_state": 3584,
// ADAMW: "update": 12544,
// ADAMW: "optimizer_state": 7168,
// LAMB: "update": 16128,
// LAMB: "optimizer_state": 7168,
// ADAFACTOR: "update": 9856,
// ADAFACTOR: "optimizer_state": 496,

// The page has the same step and memory, as tables; the step's FLOPs are
// the model's 23552 and the update's 10752.
// HTML: <h3>A step of training with adam</h3>
// HTML: <td class="name">backward (with recompute)</td><td>{{.*}}</td><td>12.800 kFLOP</td>
// HTML: <td class="name">step</td><td>{{.*}}</td><td>34.304 kFLOP</td>
// HTML: <td class="name">saved activations</td><td>0.003 MB</td>
// HTML: <td class="name">peak</td><td>0.020 MB</td>
// HTML: fits; at most a batch of 14204542

// Four forward and backward passes per update: 4 samples per step.
// ACCUM: step: {{.*}} = 4 x (forward {{.*}} + backward {{.*}}) + update {{.*}}; {{.*}} samples/s, 4 samples per step

#id = affine_map<(d0, d1) -> (d0, d1)>
func.func @mlp(%x: tensor<8x16xf32>, %w1: tensor<16x32xf32> {roof.param},
               %b1: tensor<8x32xf32> {roof.param},
               %w2: tensor<32x4xf32> {roof.param}) -> tensor<8x4xf32> {
  %zero = arith.constant 0.0 : f32
  %e1 = tensor.empty() : tensor<8x32xf32>
  %f1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<8x32xf32>) -> tensor<8x32xf32>
  %h = linalg.matmul ins(%x, %w1 : tensor<8x16xf32>, tensor<16x32xf32>) outs(%f1 : tensor<8x32xf32>) -> tensor<8x32xf32>
  %a = linalg.add ins(%h, %b1 : tensor<8x32xf32>, tensor<8x32xf32>) outs(%e1 : tensor<8x32xf32>) -> tensor<8x32xf32>
  %r = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%a : tensor<8x32xf32>) outs(%e1 : tensor<8x32xf32>) {
  ^bb0(%in: f32, %out: f32):
    %m = arith.maximumf %in, %zero : f32
    linalg.yield %m : f32
  } -> tensor<8x32xf32>
  %e2 = tensor.empty() : tensor<8x4xf32>
  %f2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<8x4xf32>) -> tensor<8x4xf32>
  %y = linalg.matmul ins(%r, %w2 : tensor<8x32xf32>, tensor<32x4xf32>) outs(%f2 : tensor<8x4xf32>) -> tensor<8x4xf32>
  return %y : tensor<8x4xf32>
}
