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
