#!/usr/bin/env python3
"""Writes GPT-2-style transformer layers for training as MLIR (linalg), the
layer Korthikanti et al. 2022 count the activations of: pre-LN, multi-head
attention, an MLP of 4h with GELU (tanh form), and dropout after the
softmax, the attention's projection and the MLP. Each dropout draws its
1-byte mask in the graph from a seed (a counter-based hash of the element's
index: MLIR has no random op), as its own node, so that the backward pass
keeps the mask as frameworks do. Weights are `roof.param` arguments (their
values are not needed to price the model); biases are left out, as in the
paper's count. Ops carry node names `layers.N.<part>` (a block per layer at
scope-depth=2).

    scripts/gen_gpt_layers.py --layers 2 --seq 2048 --hidden 2048 --heads 16 -o gpt.mlir

docs/training.md compares its saved activations with the paper's
sbh(34 + 5as/h) per layer (b = 1).
"""

import argparse
import math


def layer(i, x, s, h, a, t, out):
    d = h // a
    n = f"layers.{i}"
    w = out.append
    T = lambda *shape: "tensor<" + "x".join(map(str, shape)) + f"x{t}>"
    M = lambda *shape: "tensor<" + "x".join(map(str, shape)) + "xi8>"
    v = lambda name: f"%l{i}_{name}"

    def empty(name, shape, elem=t):
        w(f"  {v(name)} = tensor.empty() : tensor<{'x'.join(map(str, shape))}x{elem}>")

    def zeros(name, shape, node):
        empty(name + "_e", shape)
        w(f"  {v(name)} = linalg.fill ins(%zero : {t}) outs({v(name + '_e')} : {T(*shape)}) -> {T(*shape)} loc(\"{node}\")")

    def layer_norm(tag, src):
        node = f"{n}.{tag}"
        zeros(tag + "_s0", [s], node)
        w(f"  {v(tag + '_sum')} = linalg.reduce ins({src} : {T(s, h)}) outs({v(tag + '_s0')} : {T(s)}) dimensions = [1]")
        w(f"    (%in: {t}, %acc: {t}) {{ %r = arith.addf %in, %acc : {t}\n      linalg.yield %r : {t} }} loc(\"{node}\")")
        empty(tag + "_e", [s, h])
        w(f"  {v(tag + '_xc')} = linalg.generic {{indexing_maps = [#sh, #s_of_sh, #sh], iterator_types = [\"parallel\", \"parallel\"]}}")
        w(f"      ins({src}, {v(tag + '_sum')} : {T(s, h)}, {T(s)}) outs({v(tag + '_e')} : {T(s, h)}) {{")
        w(f"  ^bb0(%a: {t}, %m: {t}, %o: {t}):\n    %mean = arith.mulf %m, %inv_h : {t}\n    %r = arith.subf %a, %mean : {t}\n    linalg.yield %r : {t}")
        w(f"  }} -> {T(s, h)} loc(\"{node}\")")
        w(f"  {v(tag + '_sq')} = linalg.generic {{indexing_maps = [#sh, #sh], iterator_types = [\"parallel\", \"parallel\"]}}")
        w(f"      ins({v(tag + '_xc')} : {T(s, h)}) outs({v(tag + '_e')} : {T(s, h)}) {{")
        w(f"  ^bb0(%a: {t}, %o: {t}):\n    %r = arith.mulf %a, %a : {t}\n    linalg.yield %r : {t}")
        w(f"  }} -> {T(s, h)} loc(\"{node}\")")
        zeros(tag + "_v0", [s], node)
        w(f"  {v(tag + '_var')} = linalg.reduce ins({v(tag + '_sq')} : {T(s, h)}) outs({v(tag + '_v0')} : {T(s)}) dimensions = [1]")
        w(f"    (%in: {t}, %acc: {t}) {{ %r = arith.addf %in, %acc : {t}\n      linalg.yield %r : {t} }} loc(\"{node}\")")
        w(f"  {v(tag)} = linalg.generic {{indexing_maps = [#sh, #s_of_sh, #h_of_sh, #h_of_sh, #sh], iterator_types = [\"parallel\", \"parallel\"]}}")
        w(f"      ins({v(tag + '_xc')}, {v(tag + '_var')}, {v(tag + '_g')}, {v(tag + '_b')} : {T(s, h)}, {T(s)}, {T(h)}, {T(h)}) outs({v(tag + '_e')} : {T(s, h)}) {{")
        w(f"  ^bb0(%a: {t}, %q: {t}, %g: {t}, %b: {t}, %o: {t}):\n    %var = arith.mulf %q, %inv_h : {t}\n    %ve = arith.addf %var, %eps : {t}\n    %rs = math.rsqrt %ve : {t}\n    %n = arith.mulf %a, %rs : {t}\n    %sc = arith.mulf %n, %g : {t}\n    %r = arith.addf %sc, %b : {t}\n    linalg.yield %r : {t}")
        w(f"  }} -> {T(s, h)} loc(\"{node}\")")
        return v(tag)

    def dropout(tag, src, shape, maps, iters):
        mask_node, node = f"{n}.{tag}_mask", f"{n}.{tag}"
        empty(tag + "_me", shape, "i8")
        # The element's flat index, hashed with the seed (sin-fract, in the
        # model's float type), kept where it reaches the dropout rate.
        flat = "%f0 = arith.constant 0 : index\n"
        for k in range(len(shape)):
            flat += f"    %i{k} = linalg.index {k} : index\n    %s{k} = arith.muli %f{k}, %c{shape[k]} : index\n    %f{k + 1} = arith.addi %s{k}, %i{k} : index\n"
        last = f"%f{len(shape)}"
        w(f"  {v(tag + '_mask')} = linalg.generic {{indexing_maps = [{maps[1]}, {maps[0]}], iterator_types = [{iters}]}}")
        w(f"      ins(%seed : tensor<{t}>) outs({v(tag + '_me')} : {M(*shape)}) {{")
        w(f"  ^bb0(%sd: {t}, %o: i8):\n    {flat}    %fi = arith.index_cast {last} : index to i32\n    %ff = arith.sitofp %fi : i32 to {t}\n    %fs = arith.addf %ff, %sd : {t}\n    %sn = math.sin %fs : {t}\n    %big = arith.mulf %sn, %hash_scale : {t}\n    %fl = math.floor %big : {t}\n    %fr = arith.subf %big, %fl : {t}\n    %keep = arith.cmpf oge, %fr, %rate : {t}\n    %r = arith.extui %keep : i1 to i8\n    linalg.yield %r : i8")
        w(f"  }} -> {M(*shape)} loc(\"{mask_node}\")")
        empty(tag + "_e", shape)
        w(f"  {v(tag)} = linalg.generic {{indexing_maps = [{maps[0]}, {maps[0]}, {maps[0]}], iterator_types = [{iters}]}}")
        w(f"      ins({src}, {v(tag + '_mask')} : {T(*shape)}, {M(*shape)}) outs({v(tag + '_e')} : {T(*shape)}) {{")
        w(f"  ^bb0(%a: {t}, %m: i8, %o: {t}):\n    %mf = arith.uitofp %m : i8 to {t}\n    %x = arith.mulf %a, %mf : {t}\n    %r = arith.mulf %x, %keep_scale : {t}\n    linalg.yield %r : {t}")
        w(f"  }} -> {T(*shape)} loc(\"{node}\")")
        return v(tag)

    def add(tag, lhs, rhs):
        empty(tag + "_e", [s, h])
        w(f"  {v(tag)} = linalg.add ins({lhs}, {rhs} : {T(s, h)}, {T(s, h)}) outs({v(tag + '_e')} : {T(s, h)}) -> {T(s, h)} loc(\"{n}.{tag}\")")
        return v(tag)

    par2, par3 = '"parallel", "parallel"', '"parallel", "parallel", "parallel"'
    y = layer_norm("ln1", x)
    heads = {}
    for p in "qkv":
        zeros(p + "_0", [a, s, d], f"{n}.attn.{p}")
        w(f"  {v(p)} = linalg.generic {{indexing_maps = [#proj_in, #proj_w, #proj_out], iterator_types = [\"parallel\", \"parallel\", \"parallel\", \"reduction\"]}}")
        w(f"      ins({y}, {v('w' + p)} : {T(s, h)}, {T(h, a, d)}) outs({v(p + '_0')} : {T(a, s, d)}) {{")
        w(f"  ^bb0(%x: {t}, %wt: {t}, %acc: {t}):\n    %m = arith.mulf %x, %wt : {t}\n    %r = arith.addf %acc, %m : {t}\n    linalg.yield %r : {t}")
        w(f"  }} -> {T(a, s, d)} loc(\"{n}.attn.{p}\")")
        heads[p] = v(p)
    zeros("scores_0", [a, s, s], f"{n}.attn.scores")
    w(f"  {v('scores')} = linalg.generic {{indexing_maps = [#qk_q, #qk_k, #qk_s], iterator_types = [\"parallel\", \"parallel\", \"parallel\", \"reduction\"]}}")
    w(f"      ins({heads['q']}, {heads['k']} : {T(a, s, d)}, {T(a, s, d)}) outs({v('scores_0')} : {T(a, s, s)}) {{")
    w(f"  ^bb0(%x: {t}, %y: {t}, %acc: {t}):\n    %m = arith.mulf %x, %y : {t}\n    %r = arith.addf %acc, %m : {t}\n    linalg.yield %r : {t}")
    w(f"  }} -> {T(a, s, s)} loc(\"{n}.attn.scores\")")
    sm = f"{n}.attn.softmax"
    empty("mx_e", [a, s])
    w(f"  {v('mx0')} = linalg.fill ins(%lowest : {t}) outs({v('mx_e')} : {T(a, s)}) -> {T(a, s)} loc(\"{sm}\")")
    w(f"  {v('mx')} = linalg.reduce ins({v('scores')} : {T(a, s, s)}) outs({v('mx0')} : {T(a, s)}) dimensions = [2]")
    w(f"    (%in: {t}, %acc: {t}) {{ %r = arith.maximumf %in, %acc : {t}\n      linalg.yield %r : {t} }} loc(\"{sm}\")")
    empty("exp_e", [a, s, s])
    w(f"  {v('exp')} = linalg.generic {{indexing_maps = [#ass, #as_of_ass, #ass], iterator_types = [{par3}]}}")
    w(f"      ins({v('scores')}, {v('mx')} : {T(a, s, s)}, {T(a, s)}) outs({v('exp_e')} : {T(a, s, s)}) {{")
    w(f"  ^bb0(%x: {t}, %m: {t}, %o: {t}):\n    %c = arith.subf %x, %m : {t}\n    %z = arith.mulf %c, %inv_sqrt_d : {t}\n    %r = math.exp %z : {t}\n    linalg.yield %r : {t}")
    w(f"  }} -> {T(a, s, s)} loc(\"{sm}\")")
    zeros("sum0", [a, s], sm)
    w(f"  {v('sum')} = linalg.reduce ins({v('exp')} : {T(a, s, s)}) outs({v('sum0')} : {T(a, s)}) dimensions = [2]")
    w(f"    (%in: {t}, %acc: {t}) {{ %r = arith.addf %in, %acc : {t}\n      linalg.yield %r : {t} }} loc(\"{sm}\")")
    w(f"  {v('probs')} = linalg.generic {{indexing_maps = [#ass, #as_of_ass, #ass], iterator_types = [{par3}]}}")
    w(f"      ins({v('exp')}, {v('sum')} : {T(a, s, s)}, {T(a, s)}) outs({v('exp_e')} : {T(a, s, s)}) {{")
    w(f"  ^bb0(%x: {t}, %m: {t}, %o: {t}):\n    %r = arith.divf %x, %m : {t}\n    linalg.yield %r : {t}")
    w(f"  }} -> {T(a, s, s)} loc(\"{sm}\")")
    p2 = dropout("attn.dropout", v("probs"), [a, s, s], ["#ass", "#scalar3"], par3)
    zeros("ctx_0", [a, s, d], f"{n}.attn.pv")
    w(f"  {v('ctx')} = linalg.generic {{indexing_maps = [#pv_p, #pv_v, #pv_o], iterator_types = [\"parallel\", \"parallel\", \"parallel\", \"reduction\"]}}")
    w(f"      ins({p2}, {heads['v']} : {T(a, s, s)}, {T(a, s, d)}) outs({v('ctx_0')} : {T(a, s, d)}) {{")
    w(f"  ^bb0(%x: {t}, %y: {t}, %acc: {t}):\n    %m = arith.mulf %x, %y : {t}\n    %r = arith.addf %acc, %m : {t}\n    linalg.yield %r : {t}")
    w(f"  }} -> {T(a, s, d)} loc(\"{n}.attn.pv\")")
    zeros("proj_0", [s, h], f"{n}.attn.proj")
    w(f"  {v('proj')} = linalg.generic {{indexing_maps = [#o_in, #o_w, #o_out], iterator_types = [\"parallel\", \"parallel\", \"reduction\", \"reduction\"]}}")
    w(f"      ins({v('ctx')}, {v('wo')} : {T(a, s, d)}, {T(a, d, h)}) outs({v('proj_0')} : {T(s, h)}) {{")
    w(f"  ^bb0(%x: {t}, %y: {t}, %acc: {t}):\n    %m = arith.mulf %x, %y : {t}\n    %r = arith.addf %acc, %m : {t}\n    linalg.yield %r : {t}")
    w(f"  }} -> {T(s, h)} loc(\"{n}.attn.proj\")")
    z2 = dropout("attn.out_dropout", v("proj"), [s, h], ["#sh", "#scalar2"], par2)
    r1 = add("add1", x, z2)
    y2 = layer_norm("ln2", r1)
    zeros("fc1_0", [s, 4 * h], f"{n}.mlp.fc1")
    w(f"  {v('fc1')} = linalg.matmul ins({y2}, {v('w1')} : {T(s, h)}, {T(h, 4 * h)}) outs({v('fc1_0')} : {T(s, 4 * h)}) -> {T(s, 4 * h)} loc(\"{n}.mlp.fc1\")")
    empty("gelu_e", [s, 4 * h])
    w(f"  {v('gelu')} = linalg.generic {{indexing_maps = [#sh, #sh], iterator_types = [{par2}]}}")
    w(f"      ins({v('fc1')} : {T(s, 4 * h)}) outs({v('gelu_e')} : {T(s, 4 * h)}) {{")
    w(f"  ^bb0(%x: {t}, %o: {t}):\n    %x2 = arith.mulf %x, %x : {t}\n    %x3 = arith.mulf %x2, %x : {t}\n    %c3 = arith.mulf %x3, %gelu_c : {t}\n    %in = arith.addf %x, %c3 : {t}\n    %sc = arith.mulf %in, %gelu_k : {t}\n    %th = math.tanh %sc : {t}\n    %one_th = arith.addf %th, %one : {t}\n    %hx = arith.mulf %x, %half : {t}\n    %r = arith.mulf %hx, %one_th : {t}\n    linalg.yield %r : {t}")
    w(f"  }} -> {T(s, 4 * h)} loc(\"{n}.mlp.gelu\")")
    zeros("fc2_0", [s, h], f"{n}.mlp.fc2")
    w(f"  {v('fc2')} = linalg.matmul ins({v('gelu')}, {v('w2')} : {T(s, 4 * h)}, {T(4 * h, h)}) outs({v('fc2_0')} : {T(s, h)}) -> {T(s, h)} loc(\"{n}.mlp.fc2\")")
    w3 = dropout("mlp.dropout", v("fc2"), [s, h], ["#sh", "#scalar2"], par2)
    return add("add2", r1, w3)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layers", type=int, default=1)
    parser.add_argument("--seq", type=int, default=128)
    parser.add_argument("--hidden", type=int, default=64)
    parser.add_argument("--heads", type=int, default=4)
    parser.add_argument("--dtype", default="f32", choices=["f16", "bf16", "f32"])
    parser.add_argument("--dropout", type=float, default=0.1)
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    s, h, a, t = args.seq, args.hidden, args.heads, args.dtype
    if h % a:
        parser.error("--hidden must be a multiple of --heads")
    d = h // a
    lines = []
    lines.append("""#sh = affine_map<(d0, d1) -> (d0, d1)>
#s_of_sh = affine_map<(d0, d1) -> (d0)>
#h_of_sh = affine_map<(d0, d1) -> (d1)>
#scalar2 = affine_map<(d0, d1) -> ()>
#scalar3 = affine_map<(d0, d1, d2) -> ()>
#ass = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#as_of_ass = affine_map<(d0, d1, d2) -> (d0, d1)>
#proj_in = affine_map<(d0, d1, d2, d3) -> (d1, d3)>
#proj_w = affine_map<(d0, d1, d2, d3) -> (d3, d0, d2)>
#proj_out = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
#qk_q = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>
#qk_k = affine_map<(d0, d1, d2, d3) -> (d0, d2, d3)>
#qk_s = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
#pv_p = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>
#pv_v = affine_map<(d0, d1, d2, d3) -> (d0, d3, d2)>
#pv_o = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
#o_in = affine_map<(d0, d1, d2, d3) -> (d2, d0, d3)>
#o_w = affine_map<(d0, d1, d2, d3) -> (d2, d3, d1)>
#o_out = affine_map<(d0, d1, d2, d3) -> (d0, d1)>""")
    T = lambda *shape: "tensor<" + "x".join(map(str, shape)) + f"x{t}>"
    params = []
    for i in range(args.layers):
        for name, shape in [("ln1_g", [h]), ("ln1_b", [h]), ("wq", [h, a, d]),
                            ("wk", [h, a, d]), ("wv", [h, a, d]),
                            ("wo", [a, d, h]), ("ln2_g", [h]), ("ln2_b", [h]),
                            ("w1", [h, 4 * h]), ("w2", [4 * h, h])]:
            params.append(f"%l{i}_{name}: {T(*shape)} {{roof.param}}")
    lines.append(f"func.func @gpt(%input: {T(s, h)}, %seed: tensor<{t}>,\n    " +
                 ",\n    ".join(params) + f") -> {T(s, h)} {{")
    consts = {"zero": 0.0, "lowest": -65504.0, "one": 1.0, "half": 0.5,
              "inv_h": 1.0 / h, "eps": 1e-5, "inv_sqrt_d": 1 / math.sqrt(d),
              "keep_scale": 1 / (1 - args.dropout), "gelu_c": 0.044715,
              "gelu_k": math.sqrt(2 / math.pi), "hash_scale": 43758.5453,
              "rate": args.dropout}
    for name, value in consts.items():
        lines.append(f"  %{name} = arith.constant {value:.8e} : {t}")
    for size in sorted({s, h, a, 4 * h}):
        lines.append(f"  %c{size} = arith.constant {size} : index")
    x = "%input"
    for i in range(args.layers):
        x = layer(i, x, s, h, a, t, lines)
    lines.append(f"  return {x} : {T(s, h)}\n}}")
    with open(args.output, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
