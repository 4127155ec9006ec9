// RUN: roof-opt %s -roof-report="wide targets=%S/Inputs/round-a.json batch-sizes=1,128,1024 param-args=1" -o /dev/null | FileCheck %s
// RUN: not roof-opt %s -roof-report="wide targets=%S/Inputs/round-a.json batch-sizes=0" -o /dev/null 2>&1 | FileCheck %s --check-prefix=BAD

// A projection with a dynamic batch: B x 4096 times a 4096 x 4096 f32
// weight (64 MiB). Batching turns the weight-streaming matvec into a
// compute-bound matmul. On target A (100 TFLOP/s matrix f32, 1 TB/s, knee
// 100 FLOP/B):
//   FLOPs(B) = 2 * B * 4096 * 4096            = 33554432 B
//   bytes(B) = 67108864 (weight) + B * 4096 * 4 * 3 (input, accumulator read
//              and written)                   = 67108864 + 49152 B
//   B = 1:    33554432 FLOP, 67158016 B, 0.50 FLOP/B, memory-bound:
//             67158016 / 1e12 s = 67.158 us; 1 / 67.158 us = 14890.3 /s
//   B = 128:  4294967296 FLOP, 73400320 B, 58.51 FLOP/B, memory-bound:
//             73.400 us; 128 / 73.40032 us = 1743861.6 /s
//   B = 1024: 34359738368 FLOP, 117440512 B, 292.57 FLOP/B, compute-bound:
//             34359738368 / 1e14 s = 343.597 us; 1024 / 343.597 us = 2980232.2 /s

// CHECK: == @projection on Round A: batch sweep (dynamic dims = batch)
// CHECK-NEXT: batch work bytes work/B compute-bound(%) latency(us) inferences/s memory
// CHECK-NEXT: 1 33554432 67158016 0.50 0.0 67.158 14890.3 fits
// CHECK-NEXT: 128 4294967296 73400320 58.51 0.0 73.400 1743861.6 fits
// CHECK-NEXT: 1024 34359738368 117440512 292.57 100.0 343.597 2980232.2 fits

// BAD: error: roof-report: batch-sizes must be sizes >= 1; got 0

// In JSON each size's throughput is that size over its latency, as in text.
// RUN: roof-opt %s -roof-report="wide targets=%S/Inputs/round-a.json batch-sizes=1,128 param-args=1 format=json" -o /dev/null | FileCheck %s --check-prefix=JSON
// JSON: "batch": 128,
// JSON: "summary": {
// JSON-NEXT: "latency_s": 7.34003{{[0-9]*}}e-05,
// JSON-NEXT: "throughput_per_s": 1743861.{{[0-9]+}},

func.func @projection(%x: tensor<?x4096xf32>, %w: tensor<4096x4096xf32>,
                      %acc: tensor<?x4096xf32>) -> tensor<?x4096xf32> {
  %0 = linalg.matmul ins(%x, %w : tensor<?x4096xf32>, tensor<4096x4096xf32>)
                     outs(%acc : tensor<?x4096xf32>) -> tensor<?x4096xf32>
  return %0 : tensor<?x4096xf32>
}

// A module without a dynamic dim has nothing to sweep: an error, not a table
// that repeats one latency under several batch sizes.
// RUN: not roof-opt %S/../../examples/conv-block.mlir -roof-report="wide targets=%S/Inputs/round-a.json batch-sizes=1,8" -o /dev/null 2>&1 | FileCheck %s --check-prefix=STATIC
// STATIC: error: roof-report: batch-sizes sweeps the module's dynamic dims, and it has none: every size would give the same numbers

// batch= is the inferences one call makes. A function none of whose inputs
// has that many as its first dim is an error: its throughput would count
// inferences that nothing in it computes. Bound through dynamic-dim= it is
// what the function takes.
// RUN: not roof-opt %S/../../examples/conv-block.mlir -roof-report="wide targets=%S/Inputs/round-a.json batch=4" -o /dev/null 2>&1 | FileCheck %s --check-prefix=STATIC-BATCH
// STATIC-BATCH: error: roof-report: batch=4 but no input of @conv_block has 4 as its first dim
// RUN: roof-opt %s -roof-report="wide targets=%S/Inputs/round-a.json batch=4 dynamic-dim=4 param-args=1" -o /dev/null 2>&1 | FileCheck %s --check-prefix=BOUND
// A training step per swept batch, labelled with it.
// RUN: roof-opt %s --roof-report="wide targets=h100-sxm training=sgd batch-sizes=1,8" -o /dev/null | FileCheck %s --check-prefix=TRAIN
// TRAIN: == @projection on NVIDIA H100 SXM5 80GB: a step of training with sgd{{$}}
// TRAIN: == @projection on NVIDIA H100 SXM5 80GB: a step of training with sgd at batch 8{{$}}
// BOUND-NOT: error
// BOUND: throughput {{.*}} inferences/s at batch 4
