#!/usr/bin/env python3
"""Writes GPT-2-style decoder layers for training as MLIR (linalg), the
layer Korthikanti et al. 2022 count the activations of: pre-LN, multi-head
attention, an MLP of 4h with GELU (tanh form), and dropout after the
softmax, the attention's projection and the MLP. Each dropout draws its
1-byte mask in the graph from a seed (a hash of the element's index: MLIR
has no random op), as its own node, so that the backward pass keeps the
mask as frameworks do; --dropout 0 (inference) writes no masks and no seed
argument. Weights are `roof.param` arguments (their values are
not needed to price the model); biases are left out, as in the paper's
count (and in MPT). Ops carry node names `layers.N.<part>` (a block per
layer at scope-depth=2). --batch sequences of --seq tokens each.

With --vocab V the model is whole: token ids in, an embedding (a gather),
the layers, a final layer norm, the LM head and a cross-entropy loss's
log-sum-exp per token out (its label term, one element per token, left
out).

With --past P each layer is a decoder step after P tokens, for inference:
it reads its KV cache as `roof.kv_cache` arguments (heads x batch x P x
head size) and attends to P + seq keys. --seq 1 prices one generated token.

With --ffn F the MLP is F wide instead of 4h (a gated MLP of width F', as
Llama's, is matched in FLOPs and weights by F = 1.5 F'). With --kv-heads
G the attention groups its queries (grouped-query
attention, as Llama's): K and V have G heads, each read by heads / G query
heads. With --causal each query attends to the keys up to its own position
(the softmax's exponentials of later keys are zeroed, comparing the loop
indices, as a causal mask does).

With --encoder the layers are BERT's instead: post-LN (a layer norm after
each residual add) and biases; with --vocab, BERT for sequence
classification (word, position and type embeddings; pooler, classifier
and loss).

    scripts/gen_gpt_layers.py --layers 2 --seq 2048 --hidden 2048 --heads 16 -o gpt.mlir
    scripts/gen_gpt_layers.py --encoder --layers 24 --batch 4 --seq 512 --hidden 1024 --heads 16 --vocab 30522 -o bert.mlir

docs/training.md compares its saved activations with the paper's
sbh(34 + 5as/h) per layer; docs/validation.md prices MPT and BERT-large
with it.
"""

import argparse
import math

MAPS = """#sh = affine_map<(d0, d1) -> (d0, d1)>
#s_of_sh = affine_map<(d0, d1) -> (d0)>
#h_of_sh = affine_map<(d0, d1) -> (d1)>
#scalar2 = affine_map<(d0, d1) -> ()>
#scalar3 = affine_map<(d0, d1, d2) -> ()>
#ass = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#as_of_ass = affine_map<(d0, d1, d2) -> (d0, d1)>
#proj_in = affine_map<(d0, d1, d2, d3, d4) -> (d0, d2, d4)>
#proj_w = affine_map<(d0, d1, d2, d3, d4) -> (d4, d1, d3)>
#proj_out = affine_map<(d0, d1, d2, d3, d4) -> (d1, d0, d2, d3)>
#qk_q = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>
#qk_k = affine_map<(d0, d1, d2, d3) -> (d0, d2, d3)>
#qk_s = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
#pv_p = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>
#pv_v = affine_map<(d0, d1, d2, d3) -> (d0, d3, d2)>
#pv_o = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
#o_in = affine_map<(d0, d1, d2, d3, d4) -> (d3, d0, d1, d4)>
#o_w = affine_map<(d0, d1, d2, d3, d4) -> (d3, d4, d2)>
#o_out = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2)>
#s = affine_map<(d0) -> (d0)>
#absd = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#ad_of_absd = affine_map<(d0, d1, d2, d3) -> (d0, d3)>
#sh_of_bsh = affine_map<(d0, d1, d2) -> (d1, d2)>
#h_of_bsh = affine_map<(d0, d1, d2) -> (d2)>"""

PAR2 = '"parallel", "parallel"'
PAR3 = '"parallel", "parallel", "parallel"'
PAR4 = '"parallel", "parallel", "parallel", "parallel"'
CONTRACT4 = '"parallel", "parallel", "parallel", "reduction"'
PROJECT5 = '"parallel", "parallel", "parallel", "parallel", "reduction"'
MERGE5 = '"parallel", "parallel", "parallel", "reduction", "reduction"'


class Emitter:
    """Writes the ops of one scope (`layers.N` or `final`): values are
    named after it, ops carry node names `<scope>.<part>`."""

    # The model's dropout rate (--dropout); at 0 no mask is drawn.
    dropout_rate = 0.1

    def __init__(self, scope, lines, t, biases=False):
        self.scope, self.lines, self.t, self.biases = scope, lines, t, biases
        self.prefix = "%" + scope.replace(".", "_") + "_"

    def v(self, name):
        return self.prefix + name.replace(".", "_")

    def T(self, *shape, elem=None):
        return "tensor<" + "x".join(map(str, shape)) + "x" + (elem or self.t) + ">"

    def w(self, text):
        self.lines.append(text)

    def empty(self, name, shape, elem=None):
        self.w(f"  {self.v(name)} = tensor.empty() : {self.T(*shape, elem=elem)}")

    def fill(self, name, shape, part, value="%zero"):
        self.empty(name + "_e", shape)
        self.w(f"  {self.v(name)} = linalg.fill ins({value} : {self.t}) outs({self.v(name + '_e')} : {self.T(*shape)}) -> {self.T(*shape)} loc(\"{self.scope}.{part}\")")

    def generic(self, name, maps, iters, ins, out_shape, body, part, out_elem=None):
        """A generic over `ins` [(value, type)] writing a new tensor."""
        t = self.t
        self.empty(name + "_o", out_shape, elem=out_elem)
        elem = lambda ty: ty[len("tensor<"):-1].split("x")[-1]
        args = ", ".join(f"%a{k}: {elem(ty)}" for k, (_, ty) in enumerate(ins))
        self.w(f"  {self.v(name)} = linalg.generic {{indexing_maps = [{', '.join(maps)}], iterator_types = [{iters}]}}")
        self.w(f"      ins({', '.join(x for x, _ in ins)} : {', '.join(ty for _, ty in ins)}) outs({self.v(name + '_o')} : {self.T(*out_shape, elem=out_elem)}) {{")
        self.w(f"  ^bb0({args}, %out: {out_elem or t}):\n{body}")
        self.w(f"  }} -> {self.T(*out_shape, elem=out_elem)} loc(\"{self.scope}.{part}\")")
        return self.v(name)

    def reduce(self, name, src, src_shape, dims, out_shape, combiner, part, init="%zero"):
        t = self.t
        self.fill(name + "_0", out_shape, part, init)
        self.w(f"  {self.v(name)} = linalg.reduce ins({src} : {self.T(*src_shape)}) outs({self.v(name + '_0')} : {self.T(*out_shape)}) dimensions = {dims}")
        self.w(f"    (%in: {t}, %acc: {t}) {{ %r = {combiner} %in, %acc : {t}\n      linalg.yield %r : {t} }} loc(\"{self.scope}.{part}\")")
        return self.v(name)

    def contraction(self, name, maps, iters, lhs, rhs, out_shape, part):
        t = self.t
        self.fill(name + "_0", out_shape, part)
        self.w(f"  {self.v(name)} = linalg.generic {{indexing_maps = [{', '.join(maps)}], iterator_types = [{iters}]}}")
        self.w(f"      ins({lhs[0]}, {rhs[0]} : {lhs[1]}, {rhs[1]}) outs({self.v(name + '_0')} : {self.T(*out_shape)}) {{")
        self.w(f"  ^bb0(%x: {t}, %y: {t}, %acc: {t}):\n    %m = arith.mulf %x, %y : {t}\n    %r = arith.addf %acc, %m : {t}\n    linalg.yield %r : {t}")
        self.w(f"  }} -> {self.T(*out_shape)} loc(\"{self.scope}.{part}\")")
        return self.v(name)

    def matmul(self, name, lhs, rhs, m, k, n, part):
        self.fill(name + "_0", [m, n], part)
        self.w(f"  {self.v(name)} = linalg.matmul ins({lhs}, {rhs} : {self.T(m, k)}, {self.T(k, n)}) outs({self.v(name + '_0')} : {self.T(m, n)}) -> {self.T(m, n)} loc(\"{self.scope}.{part}\")")
        return self.v(name)

    def layer_norm(self, part, src, s, h):
        t = self.t
        total = self.reduce(part + "_sum", src, [s, h], "[1]", [s], "arith.addf", part)
        xc = self.generic(part + "_xc", ["#sh", "#s_of_sh", "#sh"], PAR2,
                          [(src, self.T(s, h)), (total, self.T(s))], [s, h],
                          f"    %mean = arith.mulf %a1, %inv_h : {t}\n    %r = arith.subf %a0, %mean : {t}\n    linalg.yield %r : {t}", part)
        sq = self.generic(part + "_sq", ["#sh", "#sh"], PAR2, [(xc, self.T(s, h))], [s, h],
                          f"    %r = arith.mulf %a0, %a0 : {t}\n    linalg.yield %r : {t}", part)
        var = self.reduce(part + "_var", sq, [s, h], "[1]", [s], "arith.addf", part)
        return self.generic(part, ["#sh", "#s_of_sh", "#h_of_sh", "#h_of_sh", "#sh"], PAR2,
                            [(xc, self.T(s, h)), (var, self.T(s)), (self.v(part + "_g"), self.T(h)), (self.v(part + "_b"), self.T(h))], [s, h],
                            f"    %vm = arith.mulf %a1, %inv_h : {t}\n    %ve = arith.addf %vm, %eps : {t}\n    %rs = math.rsqrt %ve : {t}\n    %n = arith.mulf %a0, %rs : {t}\n    %sc = arith.mulf %n, %a2 : {t}\n    %r = arith.addf %sc, %a3 : {t}\n    linalg.yield %r : {t}", part)

    def dropout(self, part, src, shape):
        """The mask drawn from the seed (its own node), then applied; none
        at rate 0 (inference)."""
        if not self.dropout_rate:
            return src
        t = self.t
        maps, iters = (["#ass", "#scalar3"], PAR3) if len(shape) == 3 else (["#sh", "#scalar2"], PAR2)
        flat = "    %f0 = arith.constant 0 : index\n"
        for k, size in enumerate(shape):
            flat += f"    %i{k} = linalg.index {k} : index\n    %s{k} = arith.muli %f{k}, %c{size} : index\n    %f{k + 1} = arith.addi %s{k}, %i{k} : index\n"
        mask = self.generic(part + "_mask", [maps[1], maps[0]], iters, [("%seed", f"tensor<{t}>")], shape,
                            flat + f"    %fi = arith.index_cast %f{len(shape)} : index to i32\n    %ff = arith.sitofp %fi : i32 to {t}\n    %fs = arith.addf %ff, %a0 : {t}\n    %sn = math.sin %fs : {t}\n    %big = arith.mulf %sn, %hash_scale : {t}\n    %fl = math.floor %big : {t}\n    %fr = arith.subf %big, %fl : {t}\n    %keep = arith.cmpf oge, %fr, %rate : {t}\n    %r = arith.extui %keep : i1 to i8\n    linalg.yield %r : i8",
                            part + "_mask", out_elem="i8")
        return self.generic(part, [maps[0]] * 3, iters, [(src, self.T(*shape)), (mask, self.T(*shape, elem="i8"))], shape,
                            f"    %mf = arith.uitofp %a1 : i8 to {t}\n    %x = arith.mulf %a0, %mf : {t}\n    %r = arith.mulf %x, %keep_scale : {t}\n    linalg.yield %r : {t}", part)

    def bias(self, name, src, shape, bias, bias_shape, maps, part):
        """`src` + a bias broadcast over the leading dims, when the model
        has biases (the contraction's epilogue)."""
        if not self.biases:
            return src
        t = self.t
        iters = ", ".join(['"parallel"'] * len(shape))
        return self.generic(name, maps, iters, [(src, self.T(*shape)), (bias, self.T(*bias_shape))], shape,
                            f"    %r = arith.addf %a0, %a1 : {t}\n    linalg.yield %r : {t}", part)

    def reshape(self, name, src, src_shape, shape, groups, part):
        """Collapses or expands `src` (free: no bytes move)."""
        op = "collapse_shape" if len(shape) < len(src_shape) else "expand_shape"
        size = f" output_shape {shape}" if op == "expand_shape" else ""
        self.w(f"  {self.v(name)} = tensor.{op} {src} {groups}{size} : {self.T(*src_shape)} into {self.T(*shape)} loc(\"{self.scope}.{part}\")")
        return self.v(name)

    def add(self, part, lhs, rhs, shape):
        self.empty(part + "_e", shape)
        self.w(f"  {self.v(part)} = linalg.add ins({lhs}, {rhs} : {self.T(*shape)}, {self.T(*shape)}) outs({self.v(part + '_e')} : {self.T(*shape)}) -> {self.T(*shape)} loc(\"{self.scope}.{part}\")")
        return self.v(part)


GQA_MAPS = """#gq_q = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3, d5)>
#gq_k = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d2, d4, d5)>
#gq_s = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3, d4)>
#gv_p = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3, d5)>
#gv_v = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d2, d5, d4)>
#gv_o = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3, d4)>"""
GROUPED6 = '"parallel", "parallel", "parallel", "parallel", "parallel", "reduction"'

# With --experts the attention's heads are folded after the batch (batch
# major), so that a split of the sequences is a split of its rows, as
# expert parallelism's data-parallel attention needs.
BATCH_MAJOR_MAPS = """#proj_out_b = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>
#o_in_b = affine_map<(d0, d1, d2, d3, d4) -> (d0, d3, d1, d4)>"""
GQA_BATCH_MAJOR_MAPS = """#gq_q_b = affine_map<(d0, d1, d2, d3, d4, d5) -> (d2, d0, d1, d3, d5)>
#gq_k_b = affine_map<(d0, d1, d2, d3, d4, d5) -> (d2, d0, d4, d5)>
#gq_s_b = affine_map<(d0, d1, d2, d3, d4, d5) -> (d2, d0, d1, d3, d4)>
#gv_v_b = affine_map<(d0, d1, d2, d3, d4, d5) -> (d2, d0, d5, d4)>"""
# A mixture of experts: each expert's contraction over [groups, experts,
# capacity, in] by [experts, in, out]; the combine's weighted sum of a
# token's top-k expert outputs.
EXPERT_MAPS = """#ex_in = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>
#ex_w = affine_map<(d0, d1, d2, d3, d4) -> (d1, d4, d3)>
#ex_out = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>
#cmb_x = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3, d2)>
#cmb_g = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>
#cmb_o = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>"""


def gelu(e, src, shape):
    """GELU (tanh form) of a 2-D or 4-D tensor."""
    t = e.t
    maps, iters = (["#sh", "#sh"], PAR2) if len(shape) == 2 else (["#absd", "#absd"], PAR4)
    return e.generic("gelu", maps, iters, [(src, e.T(*shape))], shape,
                     f"    %x2 = arith.mulf %a0, %a0 : {t}\n    %x3 = arith.mulf %x2, %a0 : {t}\n    %c3 = arith.mulf %x3, %gelu_c : {t}\n    %in = arith.addf %a0, %c3 : {t}\n    %sc = arith.mulf %in, %gelu_k : {t}\n    %th = math.tanh %sc : {t}\n    %one_th = arith.addf %th, %one : {t}\n    %hx = arith.mulf %a0, %half : {t}\n    %r = arith.mulf %hx, %one_th : {t}\n    linalg.yield %r : {t}", "mlp.gelu")


class Experts:
    """A mixture of `count` experts, each token routed to `top_k` of them,
    an expert taking at most `capacity` tokens of a sequence."""

    def __init__(self, count, top_k, capacity):
        self.count, self.top_k, self.capacity = count, top_k, capacity


def mixture(e, y, b, s, h, f, moe):
    """The MLP as a mixture of experts, GShard's way with one group per
    sequence: a router (a matmul and a softmax over the experts), then each
    sequence's tokens gathered into its experts' slots (dispatch), each
    expert's MLP over its slots, and each token's top-k outputs gathered
    back and summed weighted by their router probabilities (combine). The
    routing itself (the top-k choice and the slot of each token) is given
    as arguments: `route_dispatch` names the token in each slot,
    `route_combine` the slot of each of a token's k choices and
    `route_gate` their router probabilities (s * experts + expert)."""
    E, K, C, n = moe.count, moe.top_k, moe.capacity, b * s
    logits = e.matmul("router", y, e.v("w_router"), n, h, E, "moe.router")
    e.empty("route_probs_e", [n, E])
    e.w(f"  {e.v('route_probs')} = linalg.softmax dimension(1) ins({logits} : {e.T(n, E)}) outs({e.v('route_probs_e')} : {e.T(n, E)}) -> {e.T(n, E)} loc(\"{e.scope}.moe.router\")")
    flat = e.reshape("probs_flat", e.v("route_probs"), [n, E], [n * E], "[[0, 1]]", "moe.router")
    table = e.reshape("probs_table", flat, [n * E], [b, s * E, 1], "[[0, 1, 2]]", "moe.router")
    idx = lambda name, w: f"tensor<{b}x{w}xi32>"
    e.w(f"  {e.v('gate3')} = tosa.gather {table}, {e.v('route_gate')} : ({e.T(b, s * E, 1)}, {idx('gate', s * K)}) -> {e.T(b, s * K, 1)} loc(\"{e.scope}.moe.gate\")")
    gate2 = e.reshape("gate2", e.v("gate3"), [b, s * K, 1], [b, s * K], "[[0], [1, 2]]", "moe.gate")
    gate = e.reshape("gate", gate2, [b, s * K], [b, s, K], "[[0], [1, 2]]", "moe.gate")
    tokens = e.reshape("tokens", y, [n, h], [b, s, h], "[[0, 1], [2]]", "moe.dispatch")
    e.w(f"  {e.v('slots')} = tosa.gather {tokens}, {e.v('route_dispatch')} : ({e.T(b, s, h)}, {idx('dispatch', E * C)}) -> {e.T(b, E * C, h)} loc(\"{e.scope}.moe.dispatch\")")
    slots = e.reshape("slots4", e.v("slots"), [b, E * C, h], [b, E, C, h], "[[0], [1, 2], [3]]", "moe.dispatch")
    up = e.contraction("up", ["#ex_in", "#ex_w", "#ex_out"], PROJECT5, (slots, e.T(b, E, C, h)),
                       (e.v("w1"), e.T(E, h, f)), [b, E, C, f], "moe.fc1")
    down = e.contraction("down", ["#ex_in", "#ex_w", "#ex_out"], PROJECT5, (gelu(e, up, [b, E, C, f]), e.T(b, E, C, f)),
                         (e.v("w2"), e.T(E, f, h)), [b, E, C, h], "moe.fc2")
    outs = e.reshape("outs", down, [b, E, C, h], [b, E * C, h], "[[0], [1, 2], [3]]", "moe.fc2")
    e.w(f"  {e.v('chosen3')} = tosa.gather {outs}, {e.v('route_combine')} : ({e.T(b, E * C, h)}, {idx('combine', s * K)}) -> {e.T(b, s * K, h)} loc(\"{e.scope}.moe.combine\")")
    chosen = e.reshape("chosen", e.v("chosen3"), [b, s * K, h], [b, s, K, h], "[[0], [1, 2], [3]]", "moe.combine")
    e.fill("mixed_0", [b, s, h], "moe.combine")
    t = e.t
    e.w(f"  {e.v('mixed')} = linalg.generic {{indexing_maps = [#cmb_x, #cmb_g, #cmb_o], iterator_types = [{CONTRACT4}]}}")
    e.w(f"      ins({chosen}, {gate} : {e.T(b, s, K, h)}, {e.T(b, s, K)}) outs({e.v('mixed_0')} : {e.T(b, s, h)}) {{")
    e.w(f"  ^bb0(%x: {t}, %y: {t}, %acc: {t}):\n    %m = arith.mulf %x, %y : {t}\n    %r = arith.addf %acc, %m : {t}\n    linalg.yield %r : {t}")
    e.w(f"  }} -> {e.T(b, s, h)} loc(\"{e.scope}.moe.combine\")")
    return e.reshape("moe_rows", e.v("mixed"), [b, s, h], [n, h], "[[0, 1], [2]]", "moe.combine")


def layer(e, x, b, s, h, a, encoder, past=0, kv_heads=0, causal=False, ffn=0, moe=None, head_dim=0):
    """One layer over b sequences of s tokens: token-wise ops see the
    b * s tokens as rows; attention sees a * b heads of s tokens, head
    major, so that a split of the heads is a split of its rows (batch
    major with `moe`, so that a split of the sequences is). With a KV
    cache of `past` tokens, K and V are the cache's and this call's: the
    queries attend to past + s keys. With `kv_heads` fewer than `a`, K and
    V have that many heads, each shared by a / kv_heads query heads. The
    MLP's hidden width is `ffn` (4h by default); with `moe` (Experts) it
    is a mixture of experts that wide. Each head is `head_dim` wide (h / a
    by default). A
    decoder normalizes before each sublayer (pre-LN), an encoder after
    each residual add (post-LN, as BERT)."""
    t, d, n, ba = e.t, head_dim or h // a, b * s, b * a
    g, f = kv_heads or a, ffn or 4 * h
    # The layout of the heads: [heads, b, ...] or, batch major, [b, heads, ...].
    bm = "_b" if moe else ""
    heads_of = (lambda k, *rest: [b, k, *rest]) if moe else (lambda k, *rest: [k, b, *rest])
    y = x if encoder else e.layer_norm("ln1", x, n, h)
    yb = e.reshape("attn_in", y, [n, h], [b, s, h], "[[0, 1], [2]]", "attn.in")

    def project(p):
        n_heads = a if p == "q" else g
        heads = e.contraction(p + "_4", ["#proj_in", "#proj_w", "#proj_out" + bm], PROJECT5,
                              (yb, e.T(b, s, h)), (e.v("w" + p), e.T(h, n_heads, d)), heads_of(n_heads, s, d), "attn." + p)
        heads = e.bias(p + "_biased", heads, [n_heads, b, s, d], e.v("b" + p), [n_heads, d], ["#absd", "#ad_of_absd", "#absd"], "attn." + p)
        keys = s
        if past and p != "q":
            # The cache grows by this call's keys or values.
            keys = past + s
            e.w(f"  {e.v(p + '_all')} = tensor.concat dim(2) {e.v('past_' + p)}, {heads} : ({e.T(*heads_of(g, past, d))}, {e.T(*heads_of(g, s, d))}) -> {e.T(*heads_of(g, keys, d))} loc(\"{e.scope}.attn.{p}_cache\")")
            heads = e.v(p + "_all")
        if g < a:
            # Grouped: q as [groups, a / groups, b, s, d] (batch major:
            # [b, groups, a / groups, s, d]); K and V stay 4-D.
            if p == "q":
                grouped = [b, g, a // g, s, d] if moe else [g, a // g, b, s, d]
                groups = "[[0], [1, 2], [3], [4]]" if moe else "[[0, 1], [2], [3], [4]]"
                return e.reshape(p, heads, heads_of(a, s, d), grouped, groups, "attn.q")
            return heads
        return e.reshape(p, heads, heads_of(n_heads, keys, d), [ba, keys, d], "[[0, 1], [2], [3]]", "attn." + p)

    q, k, v = (project(p) for p in "qkv")
    kv = past + s
    # The grouped attention's [groups, a / groups, b] (batch major: [b,
    # groups, a / groups]) of `rest`.
    grouped = (lambda *rest: [b, g, a // g, *rest]) if moe else (lambda *rest: [g, a // g, b, *rest])
    if g < a:
        scores5 = e.contraction("scores5", ["#gq_q" + bm, "#gq_k" + bm, "#gq_s" + bm], GROUPED6,
                                (q, e.T(*grouped(s, d))), (k, e.T(*heads_of(g, kv, d))), grouped(s, kv), "attn.scores")
        scores = e.reshape("scores", scores5, grouped(s, kv), [ba, s, kv], "[[0, 1, 2], [3], [4]]", "attn.scores")
    else:
        scores = e.contraction("scores", ["#qk_q", "#qk_k", "#qk_s"], CONTRACT4,
                               (q, e.T(ba, s, d)), (k, e.T(ba, kv, d)), [ba, s, kv], "attn.scores")
    sm = "attn.softmax"
    mx = e.reduce("mx", scores, [ba, s, kv], "[2]", [ba, s], "arith.maximumf", sm, init="%lowest")
    # A causal mask: key j is seen by query i (at position past + i) when
    # j <= past + i.
    mask = (f"    %qi = linalg.index 1 : index\n    %kj = linalg.index 2 : index\n"
            + (f"    %last = arith.addi %qi, %c{past} : index\n" if past else "")
            + f"    %keep = arith.cmpi ule, %kj, {'%last' if past else '%qi'} : index\n"
            f"    %r = arith.select %keep, %e, %zero : {t}\n") if causal else ""
    ex = e.generic("exp", ["#ass", "#as_of_ass", "#ass"], PAR3, [(scores, e.T(ba, s, kv)), (mx, e.T(ba, s))], [ba, s, kv],
                   f"    %c = arith.subf %a0, %a1 : {t}\n    %z = arith.mulf %c, %inv_sqrt_d : {t}\n    %{'e' if causal else 'r'} = math.exp %z : {t}\n{mask}    linalg.yield %r : {t}", sm)
    total = e.reduce("sum", ex, [ba, s, kv], "[2]", [ba, s], "arith.addf", sm)
    probs = e.generic("probs", ["#ass", "#as_of_ass", "#ass"], PAR3, [(ex, e.T(ba, s, kv)), (total, e.T(ba, s))], [ba, s, kv],
                      f"    %r = arith.divf %a0, %a1 : {t}\n    linalg.yield %r : {t}", sm)
    p2 = e.dropout("attn.dropout", probs, [ba, s, kv])
    if g < a:
        p5 = e.reshape("probs5", p2, [ba, s, kv], grouped(s, kv), "[[0, 1, 2], [3], [4]]", "attn.pv")
        # P V reads and writes like the scores' Q (#gq_q, #gq_s).
        ctx5 = e.contraction("ctx5", ["#gq_q" + bm if moe else "#gv_p", "#gv_v" + bm, "#gq_s" + bm if moe else "#gv_o"], GROUPED6,
                             (p5, e.T(*grouped(s, kv))), (v, e.T(*heads_of(g, kv, d))), grouped(s, d), "attn.pv")
        ctx4 = e.reshape("ctx4", ctx5, grouped(s, d), heads_of(a, s, d),
                         "[[0], [1, 2], [3], [4]]" if moe else "[[0, 1], [2], [3], [4]]", "attn.pv")
    else:
        ctx = e.contraction("ctx", ["#pv_p", "#pv_v", "#pv_o"], CONTRACT4,
                            (p2, e.T(ba, s, kv)), (v, e.T(ba, kv, d)), [ba, s, d], "attn.pv")
        ctx4 = e.reshape("ctx4", ctx, [ba, s, d], heads_of(a, s, d), "[[0, 1], [2], [3]]", "attn.pv")
    proj3 = e.contraction("proj3", ["#o_in" + bm, "#o_w", "#o_out"], MERGE5,
                          (ctx4, e.T(*heads_of(a, s, d))), (e.v("wo"), e.T(a, d, h)), [b, s, h], "attn.proj")
    proj = e.reshape("proj_rows", proj3, [b, s, h], [n, h], "[[0, 1], [2]]", "attn.proj")
    proj = e.bias("proj", proj, [n, h], e.v("bo"), [h], ["#sh", "#h_of_sh", "#sh"], "attn.proj")
    r1 = e.add("add1", x, e.dropout("attn.out_dropout", proj, [n, h]), [n, h])
    if encoder:
        r1 = e.layer_norm("ln1", r1, n, h)
    y2 = r1 if encoder else e.layer_norm("ln2", r1, n, h)
    if moe:
        fc2 = mixture(e, y2, b, s, h, f, moe)
    else:
        fc1 = e.matmul("fc1", y2, e.v("w1"), n, h, f, "mlp.fc1")
        fc1 = e.bias("fc1_biased", fc1, [n, f], e.v("b1"), [f], ["#sh", "#h_of_sh", "#sh"], "mlp.fc1")
        fc2 = e.matmul("fc2", gelu(e, fc1, [n, f]), e.v("w2"), n, f, h, "mlp.fc2")
        fc2 = e.bias("fc2_biased", fc2, [n, h], e.v("b2"), [h], ["#sh", "#h_of_sh", "#sh"], "mlp.fc2")
    out = e.add("add2", r1, e.dropout("mlp.dropout", fc2, [n, h]), [n, h])
    return e.layer_norm("ln2", out, n, h) if encoder else out


def log_sum_exp(e, logits, rows, cols):
    """A cross-entropy loss's log-sum-exp per row (its label term, one
    element per row, left out)."""
    t = e.t
    mx = e.reduce("loss_max", logits, [rows, cols], "[1]", [rows], "arith.maximumf", "loss", init="%lowest")
    ex = e.generic("loss_exp", ["#sh", "#s_of_sh", "#sh"], PAR2, [(logits, e.T(rows, cols)), (mx, e.T(rows))], [rows, cols],
                   f"    %c = arith.subf %a0, %a1 : {t}\n    %r = math.exp %c : {t}\n    linalg.yield %r : {t}", "loss")
    total = e.reduce("loss_sum", ex, [rows, cols], "[1]", [rows], "arith.addf", "loss")
    return e.generic("loss", ["#s", "#s", "#s"], '"parallel"', [(total, e.T(rows)), (mx, e.T(rows))], [rows],
                     f"    %l = math.log %a0 : {t}\n    %r = arith.addf %l, %a1 : {t}\n    linalg.yield %r : {t}", "loss")


def embed_encoder(lines, b, s, h, t, vocab):
    """BERT's embeddings: word + position + token type (every token of
    type 0), then a layer norm and a dropout."""
    e = Emitter("embed", lines, t, biases=True)
    n = b * s
    lines.append(f"  %embed_words = tosa.gather %embed, %ids_row : ({e.T(1, vocab, h)}, tensor<1x{n}xi32>) -> {e.T(1, n, h)} loc(\"embed.words\")")
    words = e.reshape("words2", "%embed_words", [1, n, h], [n, h], "[[0, 1], [2]]", "words")
    words = e.reshape("words3", words, [n, h], [b, s, h], "[[0, 1], [2]]", "words")
    lines.append(f"  %embed_type0 = tensor.extract_slice %embed_types[0, 0] [1, {h}] [1, 1] : {e.T(2, h)} to {e.T(h)} loc(\"embed.types\")")
    summed = e.generic("sum", ["#ass", "#sh_of_bsh", "#h_of_bsh", "#ass"], PAR3,
                       [(words, e.T(b, s, h)), ("%embed_positions", e.T(s, h)), ("%embed_type0", e.T(h))], [b, s, h],
                       f"    %p = arith.addf %a0, %a1 : {t}\n    %r = arith.addf %p, %a2 : {t}\n    linalg.yield %r : {t}", "sum")
    rows = e.reshape("rows", summed, [b, s, h], [n, h], "[[0, 1], [2]]", "sum")
    return e.dropout("dropout", e.layer_norm("ln", rows, n, h), [n, h])


def classify(lines, x, b, s, h, t, labels):
    """BERT's sequence classifier: the pooler (dense + tanh on each
    sequence's first token), a dropout, the classifier and the loss."""
    e = Emitter("head", lines, t, biases=True)
    lines.append(f"  %head_cls = tensor.extract_slice {x}[0, 0] [{b}, {h}] [{s}, 1] : {e.T(b * s, h)} to {e.T(b, h)} loc(\"head.pooler\")")
    pooled = e.matmul("pooled", "%head_cls", e.v("pooler_w"), b, h, h, "pooler")
    pooled = e.bias("pooled_biased", pooled, [b, h], e.v("pooler_b"), [h], ["#sh", "#h_of_sh", "#sh"], "pooler")
    pooled = e.generic("tanh", ["#sh", "#sh"], PAR2, [(pooled, e.T(b, h))], [b, h],
                       f"    %r = math.tanh %a0 : {t}\n    linalg.yield %r : {t}", "pooler")
    dropped = e.dropout("dropout", pooled, [b, h])
    logits = e.matmul("logits", dropped, e.v("classifier_w"), b, h, labels, "classifier")
    logits = e.bias("logits_biased", logits, [b, labels], e.v("classifier_b"), [labels], ["#sh", "#h_of_sh", "#sh"], "classifier")
    return log_sum_exp(e, logits, b, labels)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layers", type=int, default=1)
    parser.add_argument("--batch", type=int, default=1, help="sequences")
    parser.add_argument("--seq", type=int, default=128)
    parser.add_argument("--hidden", type=int, default=64)
    parser.add_argument("--heads", type=int, default=4)
    parser.add_argument("--vocab", type=int, default=0,
                        help="a whole model: embeddings, head and loss")
    parser.add_argument("--encoder", action="store_true",
                        help="BERT-style: post-LN, biases; with --vocab, "
                        "position and type embeddings and a sequence "
                        "classifier")
    parser.add_argument("--labels", type=int, default=2,
                        help="the encoder's classes")
    parser.add_argument("--dtype", default="f32", choices=["f16", "bf16", "f32"])
    parser.add_argument("--dropout", type=float, default=0.1)
    parser.add_argument("--past", type=int, default=0,
                        help="a decoder step after PAST tokens: each layer "
                        "reads its KV cache (roof.kv_cache arguments) and "
                        "attends to PAST + seq keys")
    parser.add_argument("--kv-heads", type=int, default=0,
                        help="grouped-query attention: K and V heads, each "
                        "shared by heads / kv-heads query heads (default: "
                        "heads)")
    parser.add_argument("--ffn", type=int, default=0,
                        help="the MLP's hidden width (default 4 x hidden); "
                        "a gated MLP of width F is matched in FLOPs and "
                        "weights by 1.5 F")
    parser.add_argument("--causal", action="store_true",
                        help="each query attends to the keys up to its own "
                        "position")
    parser.add_argument("--head-dim", type=int, default=0,
                        help="each head's width (default hidden / heads)")
    parser.add_argument("--experts", type=int, default=0,
                        help="the MLP as a mixture of EXPERTS experts, each "
                        "--ffn wide (routing given as arguments)")
    parser.add_argument("--top-k", type=int, default=2,
                        help="experts each token is routed to")
    parser.add_argument("--capacity-factor", type=float, default=1.0,
                        help="an expert's slots per sequence, as a multiple "
                        "of seq x top-k / experts")
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    b, s, h, a, t, V = args.batch, args.seq, args.hidden, args.heads, args.dtype, args.vocab
    n, enc = b * s, args.encoder
    if h % a and not args.head_dim:
        parser.error("--hidden must be a multiple of --heads (or give --head-dim)")
    d = args.head_dim or h // a
    g, f = args.kv_heads or a, args.ffn or 4 * h
    if g < 1 or a % g or g > a:
        parser.error("--kv-heads must divide --heads")
    if g < a and enc:
        parser.error("--kv-heads is for decoders")
    E, K = args.experts, args.top_k
    moe = None
    if E:
        if enc or E < K or K < 1:
            parser.error("--experts is for decoders, at least --top-k of them")
        moe = Experts(E, K, math.ceil(s * K * args.capacity_factor / E))
    T = lambda *shape: "tensor<" + "x".join(map(str, shape)) + f"x{t}>"
    params = []
    layer_params = [("ln1_g", [h]), ("ln1_b", [h]), ("wq", [h, a, d]),
                    ("wk", [h, g, d]), ("wv", [h, g, d]), ("wo", [a, d, h]),
                    ("ln2_g", [h]), ("ln2_b", [h])]
    layer_params += ([("w_router", [h, E]), ("w1", [E, h, f]), ("w2", [E, f, h])]
                     if moe else [("w1", [h, f]), ("w2", [f, h])])
    if enc:
        layer_params += [("bq", [a, d]), ("bk", [a, d]), ("bv", [a, d]),
                         ("bo", [h]), ("b1", [f]), ("b2", [h])]
    for i in range(args.layers):
        for name, shape in layer_params:
            params.append(f"%layers_{i}_{name}: {T(*shape)} {{roof.param}}")
        if args.past:
            cache = [b, g, args.past, d] if moe else [g, b, args.past, d]
            params += [f"%layers_{i}_past_{p}: {T(*cache)} {{roof.kv_cache}}" for p in "kv"]
        if moe:
            params += [f"%layers_{i}_route_{name}: tensor<{b}x{width}xi32>" for name, width in
                       [("dispatch", E * moe.capacity), ("combine", s * K), ("gate", s * K)]]
    if V and enc:
        params = [f"%embed: {T(1, V, h)} {{roof.param}}",
                  f"%embed_positions: {T(s, h)} {{roof.param}}",
                  f"%embed_types: {T(2, h)} {{roof.param}}",
                  f"%embed_ln_g: {T(h)} {{roof.param}}",
                  f"%embed_ln_b: {T(h)} {{roof.param}}"] + params + [
            f"%head_pooler_w: {T(h, h)} {{roof.param}}", f"%head_pooler_b: {T(h)} {{roof.param}}",
            f"%head_classifier_w: {T(h, args.labels)} {{roof.param}}",
            f"%head_classifier_b: {T(args.labels)} {{roof.param}}"]
        result = T(b)
    elif V:
        params = [f"%embed: {T(1, V, h)} {{roof.param}}"] + params + [
            f"%final_ln_f_g: {T(h)} {{roof.param}}", f"%final_ln_f_b: {T(h)} {{roof.param}}",
            f"%final_lm_head_w: {T(h, V)} {{roof.param}}"]
        result = T(n)
    else:
        result = T(n, h)
    inputs = f"%ids: tensor<{b}x{s}xi32>" if V else f"%tokens: {T(b, s, h)}"
    Emitter.dropout_rate = args.dropout
    # The seed the dropout masks are drawn from; none without dropout.
    seed = f", %seed: tensor<{t}>" if args.dropout else ""
    maps = [MAPS] + ([GQA_MAPS] if g < a else []) + ([BATCH_MAJOR_MAPS, EXPERT_MAPS] if moe else []) + (
        [GQA_BATCH_MAJOR_MAPS] if moe and g < a else [])
    lines = ["\n".join(maps), f"func.func @{'encoder' if enc else 'gpt'}({inputs}{seed},\n    " +
             ",\n    ".join(params) + f") -> {result} {{"]
    consts = {"zero": 0.0, "lowest": -65504.0, "one": 1.0, "half": 0.5,
              "inv_h": 1.0 / h, "eps": 1e-5, "inv_sqrt_d": 1 / math.sqrt(d),
              "keep_scale": 1 / (1 - args.dropout), "gelu_c": 0.044715,
              "gelu_k": math.sqrt(2 / math.pi), "hash_scale": 43758.5453,
              "rate": args.dropout}
    for name, value in consts.items():
        lines.append(f"  %{name} = arith.constant {value:.8e} : {t}")
    for size in sorted({s, h, n, b * a, b} | ({args.past} if args.causal and args.past else set())):
        lines.append(f"  %c{size} = arith.constant {size} : index")
    x = "%input"
    if not V:
        lines.append(f"  %input = tensor.collapse_shape %tokens [[0, 1], [2]] : {T(b, s, h)} into {T(n, h)}")
    if V:
        # tosa.gather takes one row of indices: [b, s] -> [1, b * s].
        lines.append(f"  %ids_flat = tensor.collapse_shape %ids [[0, 1]] : tensor<{b}x{s}xi32> into tensor<{n}xi32> loc(\"embed\")")
        lines.append(f"  %ids_row = tensor.expand_shape %ids_flat [[0, 1]] output_shape [1, {n}] : tensor<{n}xi32> into tensor<1x{n}xi32> loc(\"embed\")")
    if V and enc:
        x = embed_encoder(lines, b, s, h, t, V)
    elif V:
        lines.append(f"  %embedded = tosa.gather %embed, %ids_row : ({T(1, V, h)}, tensor<1x{n}xi32>) -> {T(1, n, h)} loc(\"embed\")")
        lines.append(f"  %input = tensor.collapse_shape %embedded [[0, 1], [2]] : {T(1, n, h)} into {T(n, h)} loc(\"embed\")")
    for i in range(args.layers):
        x = layer(Emitter(f"layers.{i}", lines, t, biases=enc), x, b, s, h, a, enc, args.past,
                  kv_heads=g, causal=args.causal, ffn=f, moe=moe, head_dim=d)
    if V and enc:
        x = classify(lines, x, b, s, h, t, args.labels)
    elif V:
        e = Emitter("final", lines, t)
        y = e.layer_norm("ln_f", x, n, h)
        x = log_sum_exp(e, e.matmul("logits", y, e.v("lm_head_w"), n, h, V, "lm_head"), n, V)
    lines.append(f"  return {x} : {result}\n}}")
    with open(args.output, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
