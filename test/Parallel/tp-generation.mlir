// generate= and sizes= with parallel=tp:N: each step's dims are bound
// first, then roof-parallel-plan and upstream's sharding passes split the
// static copy (docs/parallelism.md, "Generation under a split"). The
// decoder below is one attention layer cut to its cache: q = x Wq and k =
// x Wk over 4 heads of 2 (Wq, Wk 8x4x2), the cache grows by k
// (tensor.concat), scores and context read it, and Wo (4x2x8) projects
// back. tp:2 splits the heads: Wq and Wk by columns, Wo by rows, the cache
// by heads, and the projection's partial sums are all-reduced.
// RUN: roof-opt %s -o /dev/null --roof-report="targets=h100-node generate=4,4 format=json" | FileCheck %s --check-prefix=ONE
// RUN: roof-opt %s -o /dev/null --roof-report="targets=h100-node generate=4,4 parallel=tp:2 format=json" | FileCheck %s --check-prefix=TWO
// RUN: roof-opt %s -o /dev/null --roof-report="targets=h100-node generate=4,4 parallel=tp:2" | FileCheck %s --check-prefix=TEXT
// RUN: roof-opt %s -o /dev/null --roof-report="targets=h100-node sizes=seq:1;past:4,6 parallel=tp:2" | FileCheck %s --check-prefix=SWEEP
// RUN: not roof-opt %s -o /dev/null --roof-report="targets=h100-sxm generate=4,4 parallel=tp:2" 2>&1 | FileCheck %s --check-prefix=SYSTEM

// One device: six kernels with a launch each (q, k, the concatenation,
// scores, context, projection; a fill is launched with the node it fills
// for), 0.5 us each on h100-node, and under 0.1 ns of memory time each:
// a step takes 3.0 us at any past. The cache is [4, L, 2] f32: 32 B per
// token, 256 B at 8 tokens; the weights 3 x 64 x 4 B = 768 B.
// ONE: "time_to_first_token_s": 3.000{{[0-9]*}}e-06,
// ONE-NEXT: "time_per_output_token_s": 3.000{{[0-9]*}}e-06,
// ONE: "kv_bytes_per_token": 32,
// ONE-NEXT: "kv_bytes_at_end": 256,
// ONE-NEXT: "weight_bytes": 768,

// tp:2, each device: the same six kernels on 2 heads, and the all-reduce
// of the projection's [seq, 8] f32 result over NVLink 4, by ring (in-switch
// is as fast at 2 devices): 2 steps of 0.6 us + 32 seq B / 450 GB/s. It has
// no launch of its own (the projection's node has one). A decode step
// (seq = 1): 3.0 + 1.2000711 = 4.2000711 us plus the kernels' memory time;
// the prefill (seq = 4) the same with 128 B: 4.2002844 us. Half the cache
// (16 B per token) and half the weights (384 B) are each device's.
// TWO: "time_to_first_token_s": 4.200{{[0-9]*}}e-06,
// TWO-NEXT: "time_per_output_token_s": 4.200{{[0-9]*}}e-06,
// TWO: "kv_bytes_per_token": 16,
// TWO-NEXT: "kv_bytes_at_end": 128,
// TWO-NEXT: "weight_bytes": 384,
// TEXT: time to first token:   4.20{{[01]}} us (the prefill of 4 tokens)
// TEXT-NEXT: time per output token: 4.200 us first, 4.200 us mean, 4.200 us last
// SWEEP: past=4 seq=1 {{.*}} 4.200
// SWEEP-NEXT: past=6 seq=1 {{.*}} 4.200
// SYSTEM: error: roof-report: parallel=tp:2 needs 2 devices, and 'NVIDIA H100 SXM5 80GB' has 1

#x_in = affine_map<(h, i, d, c) -> (i, c)>
#w_in = affine_map<(h, i, d, c) -> (c, h, d)>
#hid = affine_map<(h, i, d, c) -> (h, i, d)>
#q_s = affine_map<(h, i, j, d) -> (h, i, d)>
#k_s = affine_map<(h, i, j, d) -> (h, j, d)>
#s_s = affine_map<(h, i, j, d) -> (h, i, j)>
#p_c = affine_map<(h, i, d, j) -> (h, i, j)>
#v_c = affine_map<(h, i, d, j) -> (h, j, d)>
#o_c = affine_map<(h, i, d, j) -> (h, i, d)>
#c_o = affine_map<(i, n, h, d) -> (h, i, d)>
#w_o = affine_map<(i, n, h, d) -> (h, d, n)>
#o_o = affine_map<(i, n, h, d) -> (i, n)>
func.func @decoder(%x: tensor<?x8xf32> {roof.dim_names = ["seq", ""]},
                   %past: tensor<4x?x2xf32> {roof.dim_names = ["", "past", ""]},
                   %wq: tensor<8x4x2xf32> {roof.param},
                   %wk: tensor<8x4x2xf32> {roof.param},
                   %wo: tensor<4x2x8xf32> {roof.param}) -> tensor<?x8xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f32
  %seq = tensor.dim %x, %c0 : tensor<?x8xf32>
  %e = tensor.empty(%seq) : tensor<4x?x2xf32>
  %ez = linalg.fill ins(%zero : f32) outs(%e : tensor<4x?x2xf32>) -> tensor<4x?x2xf32> loc("q")
  %q = linalg.generic {indexing_maps = [#x_in, #w_in, #hid], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
      ins(%x, %wq : tensor<?x8xf32>, tensor<8x4x2xf32>) outs(%ez : tensor<4x?x2xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<4x?x2xf32> loc("q")
  %k = linalg.generic {indexing_maps = [#x_in, #w_in, #hid], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
      ins(%x, %wk : tensor<?x8xf32>, tensor<8x4x2xf32>) outs(%ez : tensor<4x?x2xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<4x?x2xf32> loc("k")
  %cache = tensor.concat dim(1) %past, %k : (tensor<4x?x2xf32>, tensor<4x?x2xf32>) -> tensor<4x?x2xf32> loc("k_cache")
  %total = tensor.dim %cache, %c1 : tensor<4x?x2xf32>
  %se = tensor.empty(%seq, %total) : tensor<4x?x?xf32>
  %sz = linalg.fill ins(%zero : f32) outs(%se : tensor<4x?x?xf32>) -> tensor<4x?x?xf32> loc("scores")
  %s = linalg.generic {indexing_maps = [#q_s, #k_s, #s_s], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
      ins(%q, %cache : tensor<4x?x2xf32>, tensor<4x?x2xf32>) outs(%sz : tensor<4x?x?xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<4x?x?xf32> loc("scores")
  %c = linalg.generic {indexing_maps = [#p_c, #v_c, #o_c], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
      ins(%s, %cache : tensor<4x?x?xf32>, tensor<4x?x2xf32>) outs(%ez : tensor<4x?x2xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<4x?x2xf32> loc("context")
  %oe = tensor.empty(%seq) : tensor<?x8xf32>
  %oz = linalg.fill ins(%zero : f32) outs(%oe : tensor<?x8xf32>) -> tensor<?x8xf32> loc("proj")
  %o = linalg.generic {indexing_maps = [#c_o, #w_o, #o_o], iterator_types = ["parallel", "parallel", "reduction", "reduction"]}
      ins(%c, %wo : tensor<4x?x2xf32>, tensor<4x2x8xf32>) outs(%oz : tensor<?x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<?x8xf32> loc("proj")
  return %o : tensor<?x8xf32>
}
