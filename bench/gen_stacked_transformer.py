#!/usr/bin/env python3
"""Writes a linalg module of N stacked transformer blocks (the body of
examples/transformer-block.mlir, repeated, each block feeding the next) to
stdout. Each block has 12 linalg ops. With F functions, the blocks are split
evenly over F functions of the same form.

    bench/gen_stacked_transformer.py N [F]"""

import sys

BLOCK = """\
  %q{i} = linalg.matmul ins(%x{i}, %wq : tensor<16x64xf32>, tensor<64x64xf32>) outs(%z_sd : tensor<16x64xf32>) -> tensor<16x64xf32>
  %k{i} = linalg.matmul ins(%x{i}, %wk : tensor<16x64xf32>, tensor<64x64xf32>) outs(%z_sd : tensor<16x64xf32>) -> tensor<16x64xf32>
  %v{i} = linalg.matmul ins(%x{i}, %wv : tensor<16x64xf32>, tensor<64x64xf32>) outs(%z_sd : tensor<16x64xf32>) -> tensor<16x64xf32>
  %s{i} = linalg.matmul indexing_maps = [#mk, #nk, #mn] ins(%q{i}, %k{i} : tensor<16x64xf32>, tensor<16x64xf32>) outs(%z_ss : tensor<16x16xf32>) -> tensor<16x16xf32>
  %p{i} = linalg.softmax dimension(1) ins(%s{i} : tensor<16x16xf32>) outs(%e_ss : tensor<16x16xf32>) -> tensor<16x16xf32>
  %c{i} = linalg.matmul ins(%p{i}, %v{i} : tensor<16x16xf32>, tensor<16x64xf32>) outs(%z_sd : tensor<16x64xf32>) -> tensor<16x64xf32>
  %a{i} = linalg.matmul ins(%c{i}, %wo : tensor<16x64xf32>, tensor<64x64xf32>) outs(%z_sd : tensor<16x64xf32>) -> tensor<16x64xf32>
  %h{i} = linalg.add ins(%x{i}, %a{i} : tensor<16x64xf32>, tensor<16x64xf32>) outs(%e_sd : tensor<16x64xf32>) -> tensor<16x64xf32>
  %u{i} = linalg.matmul ins(%h{i}, %w1 : tensor<16x64xf32>, tensor<64x256xf32>) outs(%z_sf : tensor<16x256xf32>) -> tensor<16x256xf32>
  %g{i} = linalg.generic {{indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}} ins(%u{i} : tensor<16x256xf32>) outs(%e_sf : tensor<16x256xf32>) {{
  ^bb0(%in: f32, %out: f32):
    %t = arith.mulf %in, %rsqrt2 : f32
    %e = math.erf %t : f32
    %o = arith.addf %e, %one : f32
    %m = arith.mulf %in, %o : f32
    %r = arith.mulf %m, %half : f32
    linalg.yield %r : f32
  }} -> tensor<16x256xf32>
  %d{i} = linalg.matmul ins(%g{i}, %w2 : tensor<16x256xf32>, tensor<256x64xf32>) outs(%z_sd : tensor<16x64xf32>) -> tensor<16x64xf32>
  %x{n} = linalg.add ins(%h{i}, %d{i} : tensor<16x64xf32>, tensor<16x64xf32>) outs(%e_sd : tensor<16x64xf32>) -> tensor<16x64xf32>
"""

HEADER = """\
#mk = affine_map<(m, n, k) -> (m, k)>
#nk = affine_map<(m, n, k) -> (n, k)>
#mn = affine_map<(m, n, k) -> (m, n)>
#id = affine_map<(i, j) -> (i, j)>
func.func @stack{suffix}(%x0: tensor<16x64xf32>, %wq: tensor<64x64xf32> {roof.param},
                 %wk: tensor<64x64xf32> {roof.param}, %wv: tensor<64x64xf32> {roof.param},
                 %wo: tensor<64x64xf32> {roof.param}, %w1: tensor<64x256xf32> {roof.param},
                 %w2: tensor<256x64xf32> {roof.param}) -> tensor<16x64xf32> {
  %zero = arith.constant 0.0 : f32
  %half = arith.constant 0.5 : f32
  %one = arith.constant 1.0 : f32
  %rsqrt2 = arith.constant 0.70710678 : f32
  %e_sd = tensor.empty() : tensor<16x64xf32>
  %z_sd = linalg.fill ins(%zero : f32) outs(%e_sd : tensor<16x64xf32>) -> tensor<16x64xf32>
  %e_ss = tensor.empty() : tensor<16x16xf32>
  %z_ss = linalg.fill ins(%zero : f32) outs(%e_ss : tensor<16x16xf32>) -> tensor<16x16xf32>
  %e_sf = tensor.empty() : tensor<16x256xf32>
  %z_sf = linalg.fill ins(%zero : f32) outs(%e_sf : tensor<16x256xf32>) -> tensor<16x256xf32>
"""

LINALG_OPS_PER_BLOCK = 12


MAPS = HEADER[:HEADER.index("func.func")]
FUNCTION = HEADER[len(MAPS):]


def write_module(blocks, out, functions=1):
    out.write(MAPS)
    per_function = max(1, blocks // functions)
    for f in range(functions):
        out.write(FUNCTION.replace(
            "{suffix}", "" if functions == 1 else "_%d" % f))
        for i in range(per_function):
            out.write(BLOCK.format(i=i, n=i + 1))
        out.write("  return %%x%d : tensor<16x64xf32>\n}\n" % per_function)


if __name__ == "__main__":
    write_module(int(sys.argv[1]), sys.stdout,
                 int(sys.argv[2]) if len(sys.argv) > 2 else 1)
