// A single-head transformer block in linalg: q/k/v projections, scaled-free
// attention with softmax, output projection, residual, FFN with an erf GELU,
// residual. 16 tokens, hidden 64, FFN 256, f32. Weights are arguments marked
// `roof.param`.
//
//   roof-opt --roof-annotate-cost examples/transformer-block.mlir

#id = affine_map<(i, j) -> (i, j)>

func.func @transformer_block(%x: tensor<16x64xf32>,
                             %wq: tensor<64x64xf32> {roof.param},
                             %wk: tensor<64x64xf32> {roof.param},
                             %wv: tensor<64x64xf32> {roof.param},
                             %wo: tensor<64x64xf32> {roof.param},
                             %w1: tensor<64x256xf32> {roof.param},
                             %w2: tensor<256x64xf32> {roof.param}) -> tensor<16x64xf32> {
  %zero = arith.constant 0.0 : f32
  %e_sd = tensor.empty() : tensor<16x64xf32>
  %z_sd = linalg.fill ins(%zero : f32) outs(%e_sd : tensor<16x64xf32>) -> tensor<16x64xf32>

  // Attention.
  %q = linalg.matmul ins(%x, %wq : tensor<16x64xf32>, tensor<64x64xf32>)
                     outs(%z_sd : tensor<16x64xf32>) -> tensor<16x64xf32>
  %k = linalg.matmul ins(%x, %wk : tensor<16x64xf32>, tensor<64x64xf32>)
                     outs(%z_sd : tensor<16x64xf32>) -> tensor<16x64xf32>
  %v = linalg.matmul ins(%x, %wv : tensor<16x64xf32>, tensor<64x64xf32>)
                     outs(%z_sd : tensor<16x64xf32>) -> tensor<16x64xf32>
  %e_ss = tensor.empty() : tensor<16x16xf32>
  %z_ss = linalg.fill ins(%zero : f32) outs(%e_ss : tensor<16x16xf32>) -> tensor<16x16xf32>
  %scores = linalg.matmul
      indexing_maps = [affine_map<(m, n, k) -> (m, k)>,
                       affine_map<(m, n, k) -> (n, k)>,
                       affine_map<(m, n, k) -> (m, n)>]
      ins(%q, %k : tensor<16x64xf32>, tensor<16x64xf32>)
      outs(%z_ss : tensor<16x16xf32>) -> tensor<16x16xf32>
  %probs = linalg.softmax dimension(1) ins(%scores : tensor<16x16xf32>)
                                        outs(%e_ss : tensor<16x16xf32>) -> tensor<16x16xf32>
  %ctx = linalg.matmul ins(%probs, %v : tensor<16x16xf32>, tensor<16x64xf32>)
                       outs(%z_sd : tensor<16x64xf32>) -> tensor<16x64xf32>
  %attn = linalg.matmul ins(%ctx, %wo : tensor<16x64xf32>, tensor<64x64xf32>)
                        outs(%z_sd : tensor<16x64xf32>) -> tensor<16x64xf32>
  %h = linalg.add ins(%x, %attn : tensor<16x64xf32>, tensor<16x64xf32>)
                  outs(%e_sd : tensor<16x64xf32>) -> tensor<16x64xf32>

  // Feed-forward with GELU(x) = 0.5 x (1 + erf(x / sqrt(2))).
  %e_sf = tensor.empty() : tensor<16x256xf32>
  %z_sf = linalg.fill ins(%zero : f32) outs(%e_sf : tensor<16x256xf32>) -> tensor<16x256xf32>
  %up = linalg.matmul ins(%h, %w1 : tensor<16x64xf32>, tensor<64x256xf32>)
                      outs(%z_sf : tensor<16x256xf32>) -> tensor<16x256xf32>
  %gelu = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%up : tensor<16x256xf32>) outs(%e_sf : tensor<16x256xf32>) {
  ^bb0(%a: f32, %o: f32):
    %half = arith.constant 0.5 : f32
    %one = arith.constant 1.0 : f32
    %rsqrt2 = arith.constant 0.70710678 : f32
    %s = arith.mulf %a, %rsqrt2 : f32
    %erf = math.erf %s : f32
    %p = arith.addf %erf, %one : f32
    %xp = arith.mulf %a, %p : f32
    %g = arith.mulf %xp, %half : f32
    linalg.yield %g : f32
  } -> tensor<16x256xf32>
  %down = linalg.matmul ins(%gelu, %w2 : tensor<16x256xf32>, tensor<256x64xf32>)
                        outs(%z_sd : tensor<16x64xf32>) -> tensor<16x64xf32>
  %out = linalg.add ins(%h, %down : tensor<16x64xf32>, tensor<16x64xf32>)
                    outs(%e_sd : tensor<16x64xf32>) -> tensor<16x64xf32>
  return %out : tensor<16x64xf32>
}
