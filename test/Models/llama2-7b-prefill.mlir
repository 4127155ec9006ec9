// Llama-2-7B prefill of 80 tokens (../shared/models), all weights in one flat
// argument, marked with param-args=0.
// REQUIRES: shared-models
// RUN: roof-opt %shared_models/linalg/llama2-7b-prefill.mlir -roof-annotate-cost=param-args=0 -o %t
// RUN: FileCheck %s --check-prefix=TOTALS < %t
// RUN: roof-opt %shared_models/linalg/llama2-7b-prefill.mlir -roof-annotate-cost="param-args=0 as-written" -o - | FileCheck %s --check-prefix=WRITTEN
// RUN: grep -c "flops = 2684354560," %t | FileCheck %s --check-prefix=QKVO
// RUN: grep -c "flops = 7214202880," %t | FileCheck %s --check-prefix=MLP
// RUN: grep -c "flops = 20971520000," %t | FileCheck %s --check-prefix=HEAD
// RUN: grep -c "flops = 52428800," %t | FileCheck %s --check-prefix=ATTN
// RUN: roof-opt %shared_models/linalg/llama2-7b-prefill.mlir --roof-fuse-epilogues=param-args=0 --roof-report="targets=h100-sxm param-args=0 dtype-policy=f8" -o /dev/null | FileCheck %s --check-prefix=FUSED

// Deployed (the default): each weight is sliced out of the flat argument and
// transposed ahead of time, and counted once in the form its run-time op
// reads. The matmuls read every projection weight once:
//   (32*(4*4096^2 + 3*4096*11008) + 32000*4096) * 4 B = 26,428,309,504 B
// and the other run-time reads of weights are the 65 RMSNorm scales
// (65*4096*4 = 1,064,960), the 80 embedding rows the gather reads
// (80*4096*4 = 1,310,720), the rotary tables, read per layer (64 * 41,600 =
// 2,662,400), and 1,280 B of position indices: weight_read = 26,433,348,864.
// Parameters: 6,738,415,616 (the published count: projections 6,607,077,376
// + embedding 131,072,000 + RMSNorm 266,240) + 655,360 rotary-table values
// + 240 position indices = 6,739,071,216; 812 slices and transposes are
// prepared ahead of time.
// TOTALS: roof.totals = #roof.totals<{{.*}} weight_read = 26433348864, params = 6739071216, {{.*}} prepared = 812, {{.*}} unknown = 0, unknown_ops = {}>
// As written: the flat argument's 6,755,192,832 values plus two 80-element
// and one 1x80 position-index constants (240); splat constants are fills;
// each weight is read three times (slice, transpose, matmul).
// WRITTEN: roof.totals = #roof.totals<{{.*}} weight_read = 79{{[0-9]+}}, params = 6755193072, {{.*}} prepared = 0, {{.*}} unknown = 0, unknown_ops = {}>

// q, k, v, o projections: 2*80*4096*4096, 4 per layer x 32 layers.
// QKVO: 128
// gate, up, down: 2*80*4096*11008, 3 per layer x 32 layers.
// MLP: 96
// LM head: 2*80*4096*32000, once.
// HEAD: 1
// QK^T and PV: 2*32 heads*80*80*128, 2 per layer x 32 layers.
// ATTN: 64

// Fused: each of the 289 contractions roots a kernel with its zero
// accumulator (a splat constant), the expand_shape of its result and the
// elementwise ops behind it (residual add, SiLU product, softmax scale): 6
// fewer kernels per layer, 1705 - 32 x 6 = 1513; the rotary embedding
// joins the halves of q and of k with two insert_slices into an empty
// tensor, one kernel per concatenation (as a concat is): 64 fewer, 1449;
// and the causal mask's compare of i64 positions, priced at the vector i64
// rate: 1450.
// FUSED: latency {{.*}} (1450 kernels,
// FUSED: parallelism: 289 contractions
// Told which argument holds the weights, fusion leaves their slices and
// transposes to be prepared ahead of time, as roof-annotate-cost does.
// FUSED: prepared ahead of time (not in the latency): 812 ops,
// Every kernel has a rate.
// FUSED-NOT: no rate:
