// scripts/gen_decoder.py: Llama-style decoders with a KV cache import with
// their named dims bound and cost with no unknown op; the parameter count is
// the published one.
//
// REQUIRES: onnx-python
// RUN: rm -rf %t && mkdir -p %t

// A tiny grouped-query decoder: vocab V = 64, hidden H = 32, 2 layers, 4
// heads of 8, 2 KV heads (KV width 16), MLP width I = 48. Parameters:
// embedding V*H = 2048; per layer two norms 2*32, wq and wo 2*32*32, wk and
// wv 2*32*16, gate/up/down 3*32*48 = 64 + 2048 + 1024 + 4608 = 7744, twice
// = 15488; final norm 32; LM head 2048: 19616.
// RUN: %debian_python %roof_src_root/scripts/gen_decoder.py llama3-8b --layers 2 --vocab 64 --hidden 32 --heads 4 --kv-heads 2 --intermediate 48 -o %t/tiny.onnx
// RUN: roof-import-onnx %t/tiny.onnx --input-shape batch=1 --input-shape seq=1 --input-shape past=7 --input-shape total=8 -o %t/decode.mlir
// RUN: roof-opt %t/decode.mlir --roof-annotate-cost=report-only 2>&1 | FileCheck %s --check-prefix=TINY
// TINY: 19616 parameters (78464 B)
// TINY-SAME: , 0 unknown{{$}}
// The cache grows by this step's token: present keys are [1, 2, 8, 8].
// RUN: FileCheck %s --check-prefix=CACHE < %t/decode.mlir
// CACHE: func.func @main({{.*}}) -> (tensor<1x1x64xf32>, tensor<1x2x8x8xf32>, tensor<1x2x8x8xf32>, tensor<1x2x8x8xf32>, tensor<1x2x8x8xf32>)

// Prefill of 16 tokens (past = 0): the same parameters, no unknown op.
// RUN: roof-import-onnx %t/tiny.onnx --input-shape batch=1 --input-shape seq=16 --input-shape past=0 --input-shape total=16 -o %t/prefill.mlir
// RUN: roof-opt %t/prefill.mlir --roof-annotate-cost=report-only 2>&1 | FileCheck %s --check-prefix=TINY

// Llama 2 7B: 6,738,415,616 parameters (the published count).
// RUN: %debian_python %roof_src_root/scripts/gen_decoder.py llama2-7b -o %t/llama2.onnx
// RUN: roof-import-onnx %t/llama2.onnx --input-shape batch=1 --input-shape seq=1 --input-shape past=127 --input-shape total=128 -o %t/llama2.mlir
// RUN: roof-opt %t/llama2.mlir --roof-annotate-cost=report-only 2>&1 | FileCheck %s --check-prefix=LLAMA2
// LLAMA2: 6738415616 parameters
// LLAMA2-SAME: , 0 unknown

// The README's second example, as it is written there: Llama-2-7B at W4A16
// (4-bit weights in groups of 32 with f16 scales) generating 128 tokens
// after 128, attention fused; the lines it quotes for the RTX 4090.
// RUN: roof-import-onnx %t/llama2.onnx -o %t/llama2-7b.mlir --input-shape batch=1 --input-shape seq=4 --input-shape past=7 --input-shape total=past+seq --keep-dynamic seq,past,total
// RUN: roof-opt %t/llama2-7b.mlir -o /dev/null --roof-fuse-epilogues=attention=true --roof-report="targets=h100-sxm,rtx-4090,jetson-agx-orin-gpu dtype-policy=f16 weight-dtype=i4 weight-group=32 generate=128,128" | FileCheck %s --check-prefix=README
// README: == @main on NVIDIA H100 SXM5 80GB: 128 tokens after a prompt of 128, 1 sequence at once
// README-NEXT: time to first token: 2.986 ms
// README-NEXT: time per output token: 1.836 ms first, 1.847 ms mean, 1.857 ms last
// README-NEXT: throughput: 541.6 tokens/s
// README: == @main on NVIDIA GeForce RTX 4090: 128 tokens after a prompt of 128, 1 sequence at once
// README-NEXT: time to first token: 11.800 ms (the prefill of 128 tokens)
// README-NEXT: time per output token: 4.337 ms first, 4.370 ms mean, 4.403 ms last (127 decode steps,
// README-NEXT: throughput: 228.8 tokens/s decoding; all 128 tokens in 566.766 ms
// README-NEXT: KV cache: 524288 B per token of a sequence; 134.218 MB at 256 tokens x 1 sequence
// README-NEXT: memory at the end: weights 3.790 GB + KV cache 134.218 MB + a step's activations 0.072 MB = 3.925 GB of 24.000 GB: fits
// README-NEXT: limits: at most 150 sequences of 256 tokens; at 1 sequence, at most 38546 tokens of context
// README: == @main on NVIDIA Jetson AGX Orin 64GB (GPU): 128 tokens after a prompt of 128, 1 sequence at once
// README-NEXT: time to first token: 44.631 ms
// README-NEXT: time per output token: 19.064 ms first, 19.225 ms mean, 19.386 ms last
// README-NEXT: throughput: 52.0 tokens/s
