#!/usr/bin/env python3
"""Writes a decoder-only language model as ONNX, Llama-style: token
embedding, N layers of RMSNorm, attention with rotary embeddings and a KV
cache (past_key_I / past_value_I in, present_key_I / present_value_I out,
grouped-query when there are fewer KV heads), RMSNorm and a SwiGLU MLP, then
a final RMSNorm and the LM head. Weights are shape-only placeholders
(ConstantOfShape), so the files are small and import without their values.

Symbolic dims: batch, seq (tokens this step), past (tokens in the cache)
and total (= past + seq, the attention mask's last dim). Prefill binds
past=0 total=seq; a decode step seq=1 total=past+1:

    scripts/gen_decoder.py llama2-7b -o llama2-7b.onnx
    roof-import-onnx llama2-7b.onnx --input-shape batch=1 --input-shape seq=1 \\
        --input-shape past=127 --input-shape total=128 -o decode.mlir

Presets (published configurations): llama2-7b, llama3-8b, tinyllama-1.1b;
--layers, --hidden, ... override any field (the tests use a tiny one).
"""

import argparse
import sys

import onnx
from onnx import TensorProto, helper

PRESETS = {
    # Llama 2 (Touvron et al., 2023), 7B: 32 layers, 4096 wide, 32 heads.
    "llama2-7b": dict(vocab=32000, hidden=4096, layers=32, heads=32,
                      kv_heads=32, intermediate=11008),
    # Llama 3 8B: grouped-query attention, 8 KV heads.
    "llama3-8b": dict(vocab=128256, hidden=4096, layers=32, heads=32,
                      kv_heads=8, intermediate=14336),
    # TinyLlama 1.1B: 22 layers, 2048 wide, 4 KV heads.
    "tinyllama-1.1b": dict(vocab=32000, hidden=2048, layers=22, heads=32,
                           kv_heads=4, intermediate=5632),
}
FIELDS = ["vocab", "hidden", "layers", "heads", "kv_heads", "intermediate"]


class Builder:
    def __init__(self):
        self.nodes, self.inits, self.count = [], [], 0

    def name(self, base):
        self.count += 1
        return "%s_%d" % (base, self.count)

    def op(self, op_type, inputs, name, **attrs):
        out = self.name(name)
        self.nodes.append(helper.make_node(op_type, inputs, [out], name=out,
                                           **attrs))
        return out

    def ints(self, values):
        name = self.name("c")
        self.inits.append(helper.make_tensor(name, TensorProto.INT64,
                                             [len(values)], values))
        return name

    def scalar(self, value):
        name = self.name("s")
        self.inits.append(helper.make_tensor(name, TensorProto.FLOAT, [],
                                             [value]))
        return name

    def weight(self, name, shape):
        """A placeholder: ConstantOfShape of the weight's shape."""
        return self.op("ConstantOfShape", [self.ints(shape)], name,
                       value=helper.make_tensor("v", TensorProto.FLOAT, [1],
                                                [0.01]))

    def rms_norm(self, x, hidden, name):
        square = self.op("Mul", [x, x], name + "_sq")
        mean = self.op("ReduceMean", [square], name + "_mean", axes=[-1],
                       keepdims=1)
        root = self.op("Sqrt", [self.op("Add", [mean, self.scalar(1e-5)],
                                        name + "_eps")], name + "_sqrt")
        normed = self.op("Div", [x, root], name + "_div")
        return self.op("Mul", [normed, self.weight(name + "_w", [hidden])],
                       name + "_scale")

    def rotary(self, x, cos, sin, head_dim, name):
        """x * cos + rotate_half(x) * sin, on [batch, heads, seq, head_dim]."""
        half = head_dim // 2
        first = self.op("Slice", [x, self.ints([0]), self.ints([half]),
                                  self.ints([3])], name + "_lo")
        second = self.op("Slice", [x, self.ints([half]),
                                   self.ints([head_dim]), self.ints([3])],
                         name + "_hi")
        rotated = self.op("Concat", [self.op("Neg", [second], name + "_neg"),
                                     first], name + "_rot", axis=3)
        return self.op("Add", [self.op("Mul", [x, cos], name + "_cos"),
                               self.op("Mul", [rotated, sin], name + "_sin")],
                       name + "_rope")

    def heads(self, x, count, head_dim, name):
        """[batch, seq, count * head_dim] -> [batch, count, seq, head_dim]."""
        shaped = self.op("Reshape", [x, self.ints([0, 0, count, head_dim])],
                         name + "_split")
        return self.op("Transpose", [shaped], name + "_heads",
                       perm=[0, 2, 1, 3])


def build(cfg):
    b = Builder()
    hidden, heads, kv_heads = cfg["hidden"], cfg["heads"], cfg["kv_heads"]
    head_dim, groups = hidden // heads, heads // kv_heads
    f32 = TensorProto.FLOAT
    inputs = [
        helper.make_tensor_value_info("input_ids", TensorProto.INT64,
                                      ["batch", "seq"]),
        helper.make_tensor_value_info("attention_mask", f32,
                                      ["batch", 1, "seq", "total"]),
        helper.make_tensor_value_info("cos", f32, [1, 1, "seq", head_dim]),
        helper.make_tensor_value_info("sin", f32, [1, 1, "seq", head_dim]),
    ]
    outputs = []
    x = b.op("Gather", [b.weight("embed", [cfg["vocab"], hidden]),
                        "input_ids"], "embed")
    for layer in range(cfg["layers"]):
        p = "l%d" % layer
        past_k, past_v = "past_key_%d" % layer, "past_value_%d" % layer
        for name in (past_k, past_v):
            inputs.append(helper.make_tensor_value_info(
                name, f32, ["batch", kv_heads, "past", head_dim]))
        h = b.rms_norm(x, hidden, p + "_attn_norm")
        q = b.heads(b.op("MatMul", [h, b.weight(p + "_wq", [hidden, hidden])],
                         p + "_q"), heads, head_dim, p + "_q")
        k = b.heads(b.op("MatMul", [h, b.weight(p + "_wk",
                                                [hidden, kv_heads * head_dim])],
                         p + "_k"), kv_heads, head_dim, p + "_k")
        v = b.heads(b.op("MatMul", [h, b.weight(p + "_wv",
                                                [hidden, kv_heads * head_dim])],
                         p + "_v"), kv_heads, head_dim, p + "_v")
        q = b.rotary(q, "cos", "sin", head_dim, p + "_q")
        k = b.rotary(k, "cos", "sin", head_dim, p + "_k")
        # The cache grows by this step's keys and values.
        present_k = "present_key_%d" % layer
        present_v = "present_value_%d" % layer
        b.nodes.append(helper.make_node("Concat", [past_k, k], [present_k],
                                        name=p + "_cache_k", axis=2))
        b.nodes.append(helper.make_node("Concat", [past_v, v], [present_v],
                                        name=p + "_cache_v", axis=2))
        for name in (present_k, present_v):
            outputs.append(helper.make_tensor_value_info(name, f32, None))
        keys, values = present_k, present_v
        if groups > 1:
            # Grouped-query attention: each KV head serves `groups` heads.
            def repeat(t, name):
                wide = b.op("Unsqueeze", [t, b.ints([2])], name + "_unsq")
                tiled = b.op("Expand", [wide, b.ints([1, 1, groups, 1, 1])],
                             name + "_expand")
                return b.op("Reshape", [tiled, b.ints([0, heads, -1,
                                                       head_dim])],
                            name + "_merge")
            keys, values = repeat(keys, p + "_rk"), repeat(values, p + "_rv")
        scores = b.op("MatMul", [q, b.op("Transpose", [keys], p + "_kt",
                                         perm=[0, 1, 3, 2])], p + "_scores")
        scores = b.op("Add", [b.op("Mul", [scores,
                                           b.scalar(head_dim ** -0.5)],
                                   p + "_scale"), "attention_mask"],
                      p + "_mask")
        probs = b.op("Softmax", [scores], p + "_softmax", axis=-1)
        context = b.op("Transpose", [b.op("MatMul", [probs, values],
                                          p + "_context")], p + "_merge",
                       perm=[0, 2, 1, 3])
        context = b.op("Reshape", [context, b.ints([0, 0, hidden])],
                       p + "_concat_heads")
        x = b.op("Add", [x, b.op("MatMul", [context,
                                            b.weight(p + "_wo",
                                                     [hidden, hidden])],
                                 p + "_o")], p + "_attn_residual")
        h = b.rms_norm(x, hidden, p + "_mlp_norm")
        inter = cfg["intermediate"]
        gate = b.op("MatMul", [h, b.weight(p + "_wgate", [hidden, inter])],
                    p + "_gate")
        up = b.op("MatMul", [h, b.weight(p + "_wup", [hidden, inter])],
                  p + "_up")
        silu = b.op("Mul", [gate, b.op("Sigmoid", [gate], p + "_sigmoid")],
                    p + "_silu")
        down = b.op("MatMul", [b.op("Mul", [silu, up], p + "_swiglu"),
                               b.weight(p + "_wdown", [inter, hidden])],
                    p + "_down")
        x = b.op("Add", [x, down], p + "_mlp_residual")
    x = b.rms_norm(x, hidden, "final_norm")
    logits = "logits"
    b.nodes.append(helper.make_node(
        "MatMul", [x, b.weight("lm_head", [hidden, cfg["vocab"]])], [logits],
        name="lm_head"))
    outputs.insert(0, helper.make_tensor_value_info(logits, f32, None))
    graph = helper.make_graph(b.nodes, "decoder", inputs, outputs, b.inits)
    return helper.make_model(graph,
                             opset_imports=[helper.make_operatorsetid("", 17)])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("preset", choices=sorted(PRESETS))
    parser.add_argument("-o", dest="output", required=True)
    for field in FIELDS:
        parser.add_argument("--" + field.replace("_", "-"), type=int)
    args = parser.parse_args()
    cfg = dict(PRESETS[args.preset])
    for field in FIELDS:
        if getattr(args, field) is not None:
            cfg[field] = getattr(args, field)
    if cfg["hidden"] % cfg["heads"] or cfg["heads"] % cfg["kv_heads"] or \
            (cfg["hidden"] // cfg["heads"]) % 2:
        sys.exit("gen_decoder: hidden must split into heads of an even "
                 "size, and heads into KV groups")
    with open(args.output, "wb") as f:
        f.write(build(cfg).SerializeToString())


if __name__ == "__main__":
    main()
