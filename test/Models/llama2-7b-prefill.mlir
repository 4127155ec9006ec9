// Llama-2-7B prefill of 80 tokens (../shared/models), all weights in one flat
// argument, marked with param-args=0.
// REQUIRES: shared-models
// RUN: roof-opt %shared_models/linalg/llama2-7b-prefill.mlir -roof-annotate-cost=param-args=0 -o %t
// RUN: FileCheck %s --check-prefix=TOTALS < %t
// RUN: grep -c "flops = 2684354560," %t | FileCheck %s --check-prefix=QKVO
// RUN: grep -c "flops = 7214202880," %t | FileCheck %s --check-prefix=MLP
// RUN: grep -c "flops = 20971520000," %t | FileCheck %s --check-prefix=HEAD
// RUN: grep -c "flops = 52428800," %t | FileCheck %s --check-prefix=ATTN

// Parameters: the flat argument's 6,755,192,832 values plus two 80-element
// and one 1x80 position-index constants (240); splat constants are fills.
// TOTALS: roof.totals = #roof.totals<{{.*}} params = 6755193072, {{.*}} unknown = 0, unknown_ops = {}>

// q, k, v, o projections: 2*80*4096*4096, 4 per layer x 32 layers.
// QKVO: 128
// gate, up, down: 2*80*4096*11008, 3 per layer x 32 layers.
// MLP: 96
// LM head: 2*80*4096*32000, once.
// HEAD: 1
// QK^T and PV: 2*32 heads*80*80*128, 2 per layer x 32 layers.
// ATTN: 64
