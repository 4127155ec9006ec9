// --keep-dynamic keeps named dims dynamic: the model is imported at the
// bound sizes and at larger ones, the dims that differ become ?, and the
// arguments name them (roof.dim_names) for roof-report sizes=.
//
// REQUIRES: onnx-python
// RUN: rm -rf %t && mkdir -p %t
// A one-layer grouped-query decoder: hidden 32, 4 heads of 8, 2 KV heads.
// RUN: %debian_python %roof_src_root/scripts/gen_decoder.py llama3-8b --layers 1 --vocab 64 --hidden 32 --heads 4 --kv-heads 2 --intermediate 48 -o %t/tiny.onnx
// RUN: roof-import-onnx %t/tiny.onnx --input-shape batch=1 --input-shape seq=1 --input-shape past=7 --input-shape total=past+1 --keep-dynamic past,total -o %t/decode.mlir
// RUN: FileCheck %s --check-prefix=IR < %t/decode.mlir
// IR: func.func @main(%arg0: tensor<1x1xi64> {{.*}}, %arg1: tensor<1x1x1x?xf32> {roof.dim_names = ["", "", "", "total"]} {{.*}}, %arg4: tensor<1x2x?x8xf32> {roof.dim_names = ["", "", "past", ""]} {{.*}}) -> (tensor<1x1x64xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>)
// The cache grows through a reshape that infers its one dynamic dim.
// IR: tosa.const_shape {values = dense<[1, 2, 1, -1, 8]> : tensor<5xindex>}
// IR: tosa.matmul {{.*}} -> tensor<4x1x?xf32>

// Bound by name, the module costs the FLOPs a static import at those sizes
// costs. Per cached token the layer does QK^T and PV, 2 x 2 x 4 heads x 8 =
// 128 FLOPs, and seven elementwise ops over the 4 heads' scores (scale,
// mask, max, subtract, exp, sum, normalize): 28, so 156 FLOPs; from past =
// 7 to 127 that is 120 x 156 = 18720 more: 21627 + 18720 = 40347. Its bytes
// are the static import's (below) less the caches it appends to in place:
// the past_key and past_value arguments name `past`, so they are a KV cache
// the concatenations do not copy (docs/roofline.md, "KV cache"), 2 x 1 x 2
// x 127 x 8 x 4 = 16256 B read and as many written at past = 127: 226918 -
// 32512 = 194406; 2 x 448 x 2 = 1792 less at past = 7.
// RUN: roof-opt %t/decode.mlir -o /dev/null --roof-report="wide targets=h100-sxm sizes=past:7,127;total:past+1" | FileCheck %s --check-prefix=SWEEP
// SWEEP: past=7 total=8 21627 59526
// SWEEP-NEXT: past=127 total=128 40347 194406
// RUN: roof-import-onnx %t/tiny.onnx --input-shape batch=1 --input-shape seq=1 --input-shape past=127 --input-shape total=128 -o %t/static.mlir
// RUN: roof-opt %t/static.mlir --roof-annotate-cost=report-only 2>&1 | FileCheck %s --check-prefix=STATIC
// STATIC: totals of @main: 40347 FLOPs (563 transcendental), 144525 B read (39424 of weights), 82393 B written

// Batch alone can stay dynamic (checked at 2: ONNX may squeeze a dim of 1).
// (A reshape that merges it into the heads takes -1 there.)
// RUN: roof-import-onnx %t/tiny.onnx --input-shape batch=2 --input-shape seq=1 --input-shape past=7 --input-shape total=8 --keep-dynamic batch -o %t/batch.mlir
// RUN: FileCheck %s --check-prefix=BATCH < %t/batch.mlir
// BATCH: %arg0: tensor<?x1xi64> {roof.dim_names = ["batch", ""]}

// A reshape may keep two dims dynamic when all but one are sizes of its
// input: the grouped heads merge batch and the cache length, and the shape
// is built from the input's dims (tosa.dim). A dim that is the sum of
// others says so: total = past + 1. Bound to batch 3 and a cache of 100,
// the module costs what a static import at those sizes costs, less the
// caches appended in place: 2 x (3 x 2 x 100 x 8 x 4) x 2 = 76800 B
// (291865 + 197929 - 76800 = 412994).
// RUN: roof-import-onnx %t/tiny.onnx --input-shape batch=2 --input-shape seq=1 --input-shape past=7 --input-shape total=past+1 --keep-dynamic batch,past,total -o %t/bpt.mlir
// RUN: FileCheck %s --check-prefix=DIMS < %t/bpt.mlir
// DIMS: tosa.dim
// DIMS: tosa.concat_shape
// RUN: roof-opt %t/bpt.mlir -o /dev/null --roof-report="wide targets=h100-sxm sizes=batch:3;past:100;total:past+1" | FileCheck %s --check-prefix=BPT
// BPT: batch=3 past=100 total=101 108405 412994
// RUN: roof-import-onnx %t/tiny.onnx --input-shape batch=3 --input-shape seq=1 --input-shape past=100 --input-shape total=past+1 -o %t/bpt-static.mlir
// RUN: roof-opt %t/bpt-static.mlir --roof-annotate-cost=report-only 2>&1 | FileCheck %s --check-prefix=BPT-STATIC
// BPT-STATIC: totals of @main: 108405 FLOPs (1365 transcendental), 291865 B read (39680 of weights), 197929 B written

// One module for prefill and decode: seq, past and total kept, total =
// past + seq. A prefill of 16 tokens (past = 0: the empty cache leaves the
// concatenation) and a decode step at 127 cost what static imports cost
// (the decode step less its caches appended in place, as above).
// RUN: roof-import-onnx %t/tiny.onnx --input-shape batch=1 --input-shape seq=4 --input-shape past=7 --input-shape total=past+seq --keep-dynamic seq,past,total -o %t/spt.mlir
// RUN: roof-opt %t/spt.mlir -o /dev/null --roof-report="wide targets=h100-sxm sizes=seq:16,1;past:0,127;total:past+seq" | FileCheck %s --check-prefix=SPT
// SPT: past=0 seq=16 total=16 366000 297512
// SPT: past=127 seq=1 total=128 40347 194406
// RUN: roof-import-onnx %t/tiny.onnx --input-shape batch=1 --input-shape seq=16 --input-shape past=0 --input-shape total=past+seq -o %t/prefill.mlir
// RUN: roof-opt %t/prefill.mlir --roof-annotate-cost=report-only 2>&1 | FileCheck %s --check-prefix=PREFILL
// PREFILL: totals of @main: 366000 FLOPs (1840 transcendental), 187558 B read (41344 of weights), 109954 B written

// Kept dims related but not said to be: the probe (each kept dim larger by
// its own amount) breaks total = past + 1.
// RUN: not roof-import-onnx %t/tiny.onnx --input-shape batch=2 --input-shape seq=1 --input-shape past=7 --input-shape total=8 --keep-dynamic batch,past,total -o /dev/null 2>&1 | FileCheck %s --check-prefix=UNRELATED
// UNRELATED: error: the model does not import with the kept dims larger (batch=66 past=135 total=200): a kept dim that is the sum of others needs to say so, e.g. --input-shape total=past+seq
// A sum of dims that are not bound.
// RUN: not roof-import-onnx %t/tiny.onnx --input-shape batch=2 --input-shape seq=1 --input-shape total=past+1 -o /dev/null 2>&1 | FileCheck %s --check-prefix=SUM
// SUM: error: --input-shape total=past+1: 'past' is not a symbolic dim bound to a size

// At 1 the model's graph differs (a dim of 1 is squeezed and broadcast).
// RUN: not roof-import-onnx %t/tiny.onnx --input-shape batch=1 --input-shape seq=1 --input-shape past=7 --input-shape total=8 --keep-dynamic batch -o /dev/null 2>&1 | FileCheck %s --check-prefix=ONE
// ONE: error: the model's graph changes with the kept dims' sizes (220 ops at the bound sizes, 256 at larger ones): bind them instead, or check the model at sizes other than 1, which ONNX may broadcast or squeeze
// A kept dim needs a size to check the model at.
// RUN: not roof-import-onnx %t/tiny.onnx --input-shape batch=1 --input-shape seq=1 --input-shape past=7 --keep-dynamic total -o /dev/null 2>&1 | FileCheck %s --check-prefix=UNBOUND
// UNBOUND: error: --keep-dynamic total needs the size to check the model at, as for a bound dim: --input-shape total=N

// All four kept: the embedding's reshape back to [batch, seq, hidden] reads
// both sizes from input_ids. Bound to batch 4 at past 16 it costs what a
// static import costs, less the caches appended in place: 2 x (4 x 2 x 16 x
// 8 x 4) x 2 = 16384 B.
// RUN: roof-import-onnx %t/tiny.onnx --input-shape batch=2 --input-shape seq=4 --input-shape past=7 --input-shape total=past+seq --keep-dynamic batch,seq,past,total -o %t/all.mlir
// RUN: roof-opt %t/all.mlir -o /dev/null --roof-report="wide targets=h100-sxm sizes=batch:4;seq:1;past:16;total:past+seq" | FileCheck %s --check-prefix=ALL
// ALL: batch=4 past=16 seq=1 total=17 92124 159798
// RUN: roof-import-onnx %t/tiny.onnx --input-shape batch=4 --input-shape seq=1 --input-shape past=16 --input-shape total=past+seq -o %t/all-static.mlir
// RUN: roof-opt %t/all-static.mlir --roof-annotate-cost=report-only 2>&1 | FileCheck %s --check-prefix=ALL-STATIC
// ALL-STATIC: totals of @main: 92124 FLOPs (476 transcendental), 116565 B read (39808 of weights), 59617 B written

// The generation view on the one-layer decoder: its KV cache per token is
// K and V of 2 KV heads of 8, f32: 2 x 2 x 8 x 4 = 128 B; the prefill is
// the SPT row above (its latency is the time to first token, 58 launches
// of 0.5 us among it, one of them the position mask's: its i64, i32 and i1
// arithmetic is priced at the GPU's integer rates).
// RUN: roof-opt %t/spt.mlir -o /dev/null --roof-report="wide targets=h100-sxm generate=16,8" | FileCheck %s --check-prefix=GEN
// GEN: time to first token: 29.020 us (the prefill of 16 tokens)
// GEN: KV cache: 128 B per token of a sequence; 0.003 MB at 24 tokens x 1 sequence

// With all four kept, batch=4 binds the named batch dim: the generation of 4
// sequences, KV 128 B per token of each, 4 x 24 x 128 = 12288 B at the end;
// sizes=batch:4 gives the same.
// RUN: roof-opt %t/all.mlir -o /dev/null --roof-report="wide targets=h100-sxm generate=16,8 batch=4" | FileCheck %s --check-prefix=GEN-BATCH
// RUN: roof-opt %t/all.mlir -o /dev/null --roof-report="wide targets=h100-sxm generate=16,8 sizes=batch:4" | FileCheck %s --check-prefix=GEN-BATCH
// GEN-BATCH: 8 tokens after a prompt of 16, 4 sequences at once
// GEN-BATCH: KV cache: 128 B per token of a sequence; 0.012 MB at 24 tokens x 4 sequences
