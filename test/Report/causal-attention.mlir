// A fused attention skips the scores its causal mask zeroes, as
// FlashAttention skips masked tiles; unfused, every score is computed
// (docs/fusion.md, "Causal attention").
// RUN: roof-opt %s --split-input-file --roof-fuse-epilogues=attention=true --roof-report="wide targets=%S/Inputs/round-a.json residency=false" -o /dev/null | FileCheck %s
// RUN: roof-opt %s --split-input-file --roof-report="wide targets=%S/Inputs/round-a.json residency=false" -o /dev/null | FileCheck %s --check-prefix=UNFUSED
// RUN: %debian_python %roof_src_root/scripts/gen_gpt_layers.py --layers 1 --seq 2 --past 2 --hidden 8 --heads 1 --causal --dropout 0 -o %t.mlir
// RUN: roof-opt %t.mlir --roof-fuse-epilogues=attention=true --roof-report="wide targets=%S/Inputs/round-a.json residency=false" -o /dev/null | FileCheck %s --check-prefix=CACHE

#qk_q = affine_map<(b, i, j, d) -> (b, i, d)>
#qk_k = affine_map<(b, i, j, d) -> (b, j, d)>
#qk_s = affine_map<(b, i, j, d) -> (b, i, j)>
#pv_p = affine_map<(b, i, d, j) -> (b, i, j)>
#pv_v = affine_map<(b, i, d, j) -> (b, j, d)>
#pv_o = affine_map<(b, i, d, j) -> (b, i, d)>
#all = affine_map<(b, i, j) -> (b, i, j)>
#row = affine_map<(b, i, j) -> (b, i)>

// A prefill of 4 tokens, head size 8: query i sees keys 0 .. i.
// Every score, FLOPs: Q K^T 2 x 4 x 4 x 8 = 256; max 16; the masked
// exponential 4 a score (subtract, scale, exp, select; the index
// comparison is address arithmetic, 0) = 64; sum 16; divide 16; P V 2 x 4
// x 8 x 4 = 256: 624, 16 of them exponentials.
// Kept: 1 + 2 + 3 + 4 = 10 of 16 pairs, (S + 1) / 2S = 0.625: 390 FLOPs,
// 10 exponentials.
// CHECK-LABEL: == @prefill
// CHECK: 390 {{.*}} roof.kernel(linalg.generic + 9)
// UNFUSED-LABEL: == @prefill
// UNFUSED: time by op type
// UNFUSED-NEXT: time(us)
// UNFUSED-NEXT: 4 592 {{[0-9]+}} linalg.generic
// UNFUSED: 2 32 {{[0-9]+}} linalg.reduce

// Two new tokens after a cache of 2 (gen_gpt_layers.py --causal --past 2):
// query i, at position 2 + i, sees keys 0 .. 2 + i of 4. Every score:
// Q K^T 2 x 2 x 4 x 8 = 128; max 8; the exponential 4 x 8 = 32 (the
// position's addition is address arithmetic too); sum 8; divide 8; P V 128:
// 312. Kept: 3 + 4 = 7 of 8 pairs: 273 FLOPs.
// CACHE: 273 {{.*}} roof.kernel(linalg.generic + 12) layers.0.attn.scores
func.func @prefill(%q: tensor<1x4x8xf32>, %k: tensor<1x4x8xf32>,
                   %v: tensor<1x4x8xf32>) -> tensor<1x4x8xf32> {
  %zero = arith.constant 0.0 : f32
  %lowest = arith.constant -65504.0 : f32
  %scale = arith.constant 0.35355339 : f32
  %s0 = tensor.empty() : tensor<1x4x4xf32>
  %s1 = linalg.fill ins(%zero : f32) outs(%s0 : tensor<1x4x4xf32>) -> tensor<1x4x4xf32>
  %scores = linalg.generic {indexing_maps = [#qk_q, #qk_k, #qk_s], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
      ins(%q, %k : tensor<1x4x8xf32>, tensor<1x4x8xf32>) outs(%s1 : tensor<1x4x4xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %m = arith.mulf %x, %y : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x4x4xf32>
  %m0 = tensor.empty() : tensor<1x4xf32>
  %m1 = linalg.fill ins(%lowest : f32) outs(%m0 : tensor<1x4xf32>) -> tensor<1x4xf32>
  %mx = linalg.reduce ins(%scores : tensor<1x4x4xf32>) outs(%m1 : tensor<1x4xf32>) dimensions = [2]
    (%in: f32, %acc: f32) {
      %r = arith.maximumf %in, %acc : f32
      linalg.yield %r : f32
    }
  %e0 = tensor.empty() : tensor<1x4x4xf32>
  %ex = linalg.generic {indexing_maps = [#all, #row, #all], iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%scores, %mx : tensor<1x4x4xf32>, tensor<1x4xf32>) outs(%e0 : tensor<1x4x4xf32>) {
  ^bb0(%a: f32, %b: f32, %out: f32):
    %c = arith.subf %a, %b : f32
    %z = arith.mulf %c, %scale : f32
    %e = math.exp %z : f32
    %i = linalg.index 1 : index
    %j = linalg.index 2 : index
    %keep = arith.cmpi ule, %j, %i : index
    %r = arith.select %keep, %e, %zero : f32
    linalg.yield %r : f32
  } -> tensor<1x4x4xf32>
  %t0 = tensor.empty() : tensor<1x4xf32>
  %t1 = linalg.fill ins(%zero : f32) outs(%t0 : tensor<1x4xf32>) -> tensor<1x4xf32>
  %sum = linalg.reduce ins(%ex : tensor<1x4x4xf32>) outs(%t1 : tensor<1x4xf32>) dimensions = [2]
    (%in: f32, %acc: f32) {
      %r = arith.addf %in, %acc : f32
      linalg.yield %r : f32
    }
  %p0 = tensor.empty() : tensor<1x4x4xf32>
  %probs = linalg.generic {indexing_maps = [#all, #row, #all], iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%ex, %sum : tensor<1x4x4xf32>, tensor<1x4xf32>) outs(%p0 : tensor<1x4x4xf32>) {
  ^bb0(%a: f32, %b: f32, %out: f32):
    %r = arith.divf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<1x4x4xf32>
  %o0 = tensor.empty() : tensor<1x4x8xf32>
  %o1 = linalg.fill ins(%zero : f32) outs(%o0 : tensor<1x4x8xf32>) -> tensor<1x4x8xf32>
  %out = linalg.generic {indexing_maps = [#pv_p, #pv_v, #pv_o], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
      ins(%probs, %v : tensor<1x4x4xf32>, tensor<1x4x8xf32>) outs(%o1 : tensor<1x4x8xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %m = arith.mulf %x, %y : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x4x8xf32>
  return %out : tensor<1x4x8xf32>
}
