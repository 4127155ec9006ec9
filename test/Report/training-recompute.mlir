// recompute= trades memory for time: selective recomputes the attention
// scores and their softmax (Korthikanti et al. 2022), full keeps each
// block's inputs and runs the block's forward again (docs/training.md,
// "Recompute").
// RUN: roof-opt %s --roof-report="targets=h100-sxm training=sgd format=json" -o /dev/null | FileCheck %s --check-prefix=NONE
// RUN: roof-opt %s --roof-report="targets=h100-sxm training=sgd recompute=selective format=json" -o /dev/null | FileCheck %s --check-prefix=SELECTIVE
// RUN: roof-opt %s --roof-report="targets=h100-sxm training=sgd recompute=full scope-depth=1 format=json output=%t.json" -o /dev/null
// RUN: FileCheck %s --check-prefix=FULL < %t.json
// RUN: %debian_python %S/Inputs/validate_report.py %roof_src_root/docs/report-schema.json %t.json | FileCheck %s --check-prefix=VALID
// RUN: roof-opt %s --roof-report="targets=h100-sxm training=sgd recompute=selective" -o /dev/null | FileCheck %s --check-prefix=TEXT
// RUN: roof-opt %s --roof-report="targets=h100-sxm training=sgd recompute=full format=json" -o /dev/null | FileCheck %s --check-prefix=FULL
// RUN: not roof-opt %s --roof-report="targets=h100-sxm recompute=selective" -o /dev/null 2>&1 | FileCheck %s --check-prefix=ALONE

// Two attention layers, f32, 4 tokens, width 8, named layer0/... and
// layer1/...: q, k, v = x Wq, x Wk, x Wv (128 B each); scores s = q k^T
// (4x4, 64 B); e = exp(s); sum over each row (16 B); p = e / sum; o = p v;
// y = o Wo. Layer 1 reads layer 0's y.
//
// Forward FLOPs per layer: four projections 4 * 512, q k^T 256, p v 256,
// exp 16, sum 16, division 16 = 2608; 5216 for both.
// Backward per layer: out 512 + 512, p v 256 + 256, division (linear in e:
// 16, a product with 1 / sum; in the sum: 16 + 16) 48, sum 16 + 4, exp 16 +
// 16, q k^T 256 + 256, projections dW 3 * 512 = 3684; layer 1 adds dx of its
// three projections, 3 * 512: 8904.
// Saved without recompute, per layer: the layer's input, q, k, v, o (128
// each), e, p (64 each) and the sum (16): 784; 1568 for both. The largest
// gradients in flight: a projection's dW, dy 128 + dW 256 = 384.
// NONE: "recompute": "none",
// NONE: "backward": 8904,
// NONE-NEXT: "update": 1024,
// NONE-NEXT: "recompute": 0,
// NONE: "saved_activations": 1568,
// NONE-NEXT: "transient": 384,

// Selective: the scores, e, the sum and p are not kept (144 per layer):
// 1568 - 288 = 1280. Their kernels run again in the backward pass: q k^T
// 256, exp 16, sum 16, division 16 = 304 per layer, 608.
// SELECTIVE: "recompute": "selective",
// SELECTIVE: "recompute": 608,
// SELECTIVE-NEXT: "model": 14120,
// SELECTIVE-NEXT: "hardware": 14728
// SELECTIVE: "saved_activations": 1280,
// SELECTIVE-NEXT: "transient": 384,

// Full, blocks layer0 and layer1, named by scope-depth=1 or found without it
// as the repeated layers (the same kernels, twice): only the blocks' inputs
// are kept, x and layer 0's y: 256. While a block's backward runs it holds
// what it recomputed: q, k, v, o, e, p and the sum, 656; in flight 384 +
// 656 = 1040. The whole forward runs again: 5216 FLOPs.
// FULL: "recompute": "full",
// FULL: "recompute": 5216,
// FULL-NEXT: "model": 14120,
// FULL-NEXT: "hardware": 19336
// FULL: "saved_activations": 256,
// FULL-NEXT: "transient": 1040,
// VALID: valid

// TEXT: a step of training with sgd (recompute selective)
// TEXT: FLOPs: forward 5.216 kFLOP, backward 8.904 kFLOP (1.71x forward) + recompute 608.000 FLOP, update 1.024 kFLOP; model FLOPs utilization {{.*}} %, hardware {{.*}} % of

// ALONE: error: roof-report: master-dtype=, grad-accum= and recompute= describe a training step; name the optimizer too (training=adam)

#id2 = affine_map<(d0, d1) -> (d0, d1)>
#row = affine_map<(d0, d1) -> (d0)>
#qk_q = affine_map<(d0, d1, d2) -> (d0, d2)>
#qk_k = affine_map<(d0, d1, d2) -> (d1, d2)>
#qk_s = affine_map<(d0, d1, d2) -> (d0, d1)>
func.func @attention(%x: tensor<4x8xf32>,
    %layer0wq: tensor<8x8xf32> {roof.param},
    %layer0wk: tensor<8x8xf32> {roof.param},
    %layer0wv: tensor<8x8xf32> {roof.param},
    %layer0wo: tensor<8x8xf32> {roof.param},
    %layer1wq: tensor<8x8xf32> {roof.param},
    %layer1wk: tensor<8x8xf32> {roof.param},
    %layer1wv: tensor<8x8xf32> {roof.param},
    %layer1wo: tensor<8x8xf32> {roof.param}) -> tensor<4x8xf32> {
  %c0 = arith.constant 0.0 : f32
  %empty48 = tensor.empty() : tensor<4x8xf32>
  %empty44 = tensor.empty() : tensor<4x4xf32>
  %empty4 = tensor.empty() : tensor<4xf32>
  %zero48 = linalg.fill ins(%c0 : f32) outs(%empty48 : tensor<4x8xf32>) -> tensor<4x8xf32>
  %zero44 = linalg.fill ins(%c0 : f32) outs(%empty44 : tensor<4x4xf32>) -> tensor<4x4xf32>
  %zero4 = linalg.fill ins(%c0 : f32) outs(%empty4 : tensor<4xf32>) -> tensor<4xf32>

  %layer0q = linalg.matmul ins(%x, %layer0wq : tensor<4x8xf32>, tensor<8x8xf32>) outs(%zero48 : tensor<4x8xf32>) -> tensor<4x8xf32> loc("layer0/q")
  %layer0k = linalg.matmul ins(%x, %layer0wk : tensor<4x8xf32>, tensor<8x8xf32>) outs(%zero48 : tensor<4x8xf32>) -> tensor<4x8xf32> loc("layer0/k")
  %layer0v = linalg.matmul ins(%x, %layer0wv : tensor<4x8xf32>, tensor<8x8xf32>) outs(%zero48 : tensor<4x8xf32>) -> tensor<4x8xf32> loc("layer0/v")
  %layer0s = linalg.generic {indexing_maps = [#qk_q, #qk_k, #qk_s], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%layer0q, %layer0k : tensor<4x8xf32>, tensor<4x8xf32>) outs(%zero44 : tensor<4x4xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %c, %m : f32
    linalg.yield %r : f32
  } -> tensor<4x4xf32> loc("layer0/scores")
  %layer0e = linalg.exp ins(%layer0s : tensor<4x4xf32>) outs(%empty44 : tensor<4x4xf32>) -> tensor<4x4xf32> loc("layer0/exp")
  %layer0sum = linalg.reduce ins(%layer0e : tensor<4x4xf32>) outs(%zero4 : tensor<4xf32>) dimensions = [1]
    (%in: f32, %acc: f32) {
      %r = arith.addf %in, %acc : f32
      linalg.yield %r : f32
    } loc("layer0/sum")
  %layer0p = linalg.generic {indexing_maps = [#id2, #row, #id2], iterator_types = ["parallel", "parallel"]}
      ins(%layer0e, %layer0sum : tensor<4x4xf32>, tensor<4xf32>) outs(%empty44 : tensor<4x4xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %r = arith.divf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<4x4xf32> loc("layer0/softmax")
  %layer0o = linalg.matmul ins(%layer0p, %layer0v : tensor<4x4xf32>, tensor<4x8xf32>) outs(%zero48 : tensor<4x8xf32>) -> tensor<4x8xf32> loc("layer0/pv")
  %layer0y = linalg.matmul ins(%layer0o, %layer0wo : tensor<4x8xf32>, tensor<8x8xf32>) outs(%zero48 : tensor<4x8xf32>) -> tensor<4x8xf32> loc("layer0/out")

  %layer1q = linalg.matmul ins(%layer0y, %layer1wq : tensor<4x8xf32>, tensor<8x8xf32>) outs(%zero48 : tensor<4x8xf32>) -> tensor<4x8xf32> loc("layer1/q")
  %layer1k = linalg.matmul ins(%layer0y, %layer1wk : tensor<4x8xf32>, tensor<8x8xf32>) outs(%zero48 : tensor<4x8xf32>) -> tensor<4x8xf32> loc("layer1/k")
  %layer1v = linalg.matmul ins(%layer0y, %layer1wv : tensor<4x8xf32>, tensor<8x8xf32>) outs(%zero48 : tensor<4x8xf32>) -> tensor<4x8xf32> loc("layer1/v")
  %layer1s = linalg.generic {indexing_maps = [#qk_q, #qk_k, #qk_s], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%layer1q, %layer1k : tensor<4x8xf32>, tensor<4x8xf32>) outs(%zero44 : tensor<4x4xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %c, %m : f32
    linalg.yield %r : f32
  } -> tensor<4x4xf32> loc("layer1/scores")
  %layer1e = linalg.exp ins(%layer1s : tensor<4x4xf32>) outs(%empty44 : tensor<4x4xf32>) -> tensor<4x4xf32> loc("layer1/exp")
  %layer1sum = linalg.reduce ins(%layer1e : tensor<4x4xf32>) outs(%zero4 : tensor<4xf32>) dimensions = [1]
    (%in: f32, %acc: f32) {
      %r = arith.addf %in, %acc : f32
      linalg.yield %r : f32
    } loc("layer1/sum")
  %layer1p = linalg.generic {indexing_maps = [#id2, #row, #id2], iterator_types = ["parallel", "parallel"]}
      ins(%layer1e, %layer1sum : tensor<4x4xf32>, tensor<4xf32>) outs(%empty44 : tensor<4x4xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %r = arith.divf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<4x4xf32> loc("layer1/softmax")
  %layer1o = linalg.matmul ins(%layer1p, %layer1v : tensor<4x4xf32>, tensor<4x8xf32>) outs(%zero48 : tensor<4x8xf32>) -> tensor<4x8xf32> loc("layer1/pv")
  %layer1y = linalg.matmul ins(%layer1o, %layer1wo : tensor<4x8xf32>, tensor<8x8xf32>) outs(%zero48 : tensor<4x8xf32>) -> tensor<4x8xf32> loc("layer1/out")
  return %layer1y : tensor<4x8xf32>
}
