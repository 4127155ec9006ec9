"""Writes the small ONNX models the importer's lit tests read.

usage: make_onnx_models.py OUTPUT_DIR

Each model is built with ONNX's own helper API (Debian's python3-onnx) so
the tests exercise real protobuf files; the weights are deterministic.
"""

import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def weights(name, shape, seed):
    data = np.random.default_rng(seed).standard_normal(shape).astype(np.float32)
    return numpy_helper.from_array(data, name)


def save(model, out, name):
    onnx.save(model, os.path.join(out, name))


def conv_block(out):
    """NCHW conv 3x3 (pad 1) + BatchNorm + Relu + GlobalAveragePool +
    Flatten + Gemm: a classifier head in miniature."""
    nodes = [
        helper.make_node("Conv", ["x", "w", "b"], ["c"], name="conv1",
                         pads=[1, 1, 1, 1]),
        helper.make_node("BatchNormalization", ["c", "s", "bb", "m", "v"],
                         ["n"], name="bn1"),
        helper.make_node("Relu", ["n"], ["r"], name="relu1"),
        helper.make_node("GlobalAveragePool", ["r"], ["p"], name="pool"),
        helper.make_node("Flatten", ["p"], ["f"], name="flatten"),
        helper.make_node("Gemm", ["f", "fc_w", "fc_b"], ["y"], name="fc",
                         transB=1),
    ]
    inits = [weights("w", (4, 3, 3, 3), 1), weights("b", (4,), 2),
             weights("s", (4,), 3), weights("bb", (4,), 4),
             weights("m", (4,), 5),
             numpy_helper.from_array(np.full(4, 2.0, np.float32), "v"),
             weights("fc_w", (10, 4), 6), weights("fc_b", (10,), 7)]
    graph = helper.make_graph(
        nodes, "conv_block",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT,
                                       ["batch", 3, 8, 8])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)], inits)
    save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)]),
         out, "conv_block.onnx")


def train_block(out):
    """The conv block as a training export writes it (opset 15): batch norm
    in training mode, updating its running statistics."""
    nodes = [
        helper.make_node("Conv", ["x", "w"], ["c"], name="conv1",
                         pads=[1, 1, 1, 1]),
        helper.make_node("BatchNormalization", ["c", "s", "bb", "m", "v"],
                         ["n", "running_mean", "running_var"], name="bn1",
                         training_mode=1, momentum=0.9),
        helper.make_node("Relu", ["n"], ["y"], name="relu1"),
    ]
    inits = [weights("w", (4, 3, 3, 3), 1), weights("s", (4,), 3),
             weights("bb", (4,), 4), weights("m", (4,), 5),
             numpy_helper.from_array(np.full(4, 2.0, np.float32), "v")]
    graph = helper.make_graph(
        nodes, "train_block",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2, 3, 8, 8])],
        [helper.make_tensor_value_info(name, TensorProto.FLOAT, None)
         for name in ("y", "running_mean", "running_var")], inits)
    save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 15)]),
         out, "train_block.onnx")


def train_dropout(out):
    """A linear layer, then Dropout in training mode (opset 13: ratio and
    training_mode are inputs) with its mask as an output, then Relu."""
    nodes = [
        helper.make_node("MatMul", ["x", "w"], ["h"], name="fc1"),
        helper.make_node("Dropout", ["h", "ratio", "training"], ["d", "mask"],
                         name="drop1"),
        helper.make_node("Relu", ["d"], ["y"], name="relu1"),
    ]
    inits = [weights("w", (8, 16), 6),
             numpy_helper.from_array(np.array(0.25, np.float32), "ratio"),
             numpy_helper.from_array(np.array(True), "training")]
    graph = helper.make_graph(
        nodes, "train_dropout",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [4, 8])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, None),
         helper.make_tensor_value_info("mask", TensorProto.BOOL, None)],
        inits)
    save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)]),
         out, "train_dropout.onnx")


def conv1d(out):
    """A 1-D Conv (no bias) and MaxPool on [N, C, L]."""
    nodes = [
        helper.make_node("Conv", ["x", "w"], ["c"], name="conv1d",
                         pads=[1, 1]),
        helper.make_node("MaxPool", ["c"], ["y"], name="pool1d",
                         kernel_shape=[2], strides=[2]),
    ]
    graph = helper.make_graph(
        nodes, "conv1d",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 2, 8])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)],
        [weights("w", (3, 2, 3), 9)])
    save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)]),
         out, "conv1d.onnx")


def shape_chain(out):
    """Reshape whose target is computed at run time from the input's shape,
    as exporters write flatten: Shape -> Gather -> Unsqueeze -> Concat."""
    nodes = [
        helper.make_node("Shape", ["x"], ["shape"], name="shape"),
        helper.make_node("Gather", ["shape", "zero"], ["n"], name="batch_dim",
                         axis=0),
        helper.make_node("Unsqueeze", ["n", "axes"], ["n1"], name="unsq"),
        helper.make_node("Concat", ["n1", "minus_one"], ["target"],
                         name="target", axis=0),
        helper.make_node("Reshape", ["x", "target"], ["y"], name="flatten"),
    ]
    inits = [numpy_helper.from_array(np.array(0, np.int64), "zero"),
             numpy_helper.from_array(np.array([0], np.int64), "axes"),
             numpy_helper.from_array(np.array([-1], np.int64), "minus_one")]
    graph = helper.make_graph(
        nodes, "shape_chain",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["n", 2, 3])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)], inits)
    save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)]),
         out, "shape_chain.onnx")


def unsupported(out):
    """Two nodes the importer cannot convert, and one that depends on the
    first (it is not reported: its input is already missing)."""
    nodes = [
        helper.make_node("Relu", ["x"], ["a"], name="ok"),
        helper.make_node("Hardmax", ["a"], ["b"], name="hardmax_node"),
        helper.make_node("Relu", ["b"], ["c"], name="after_hardmax"),
        helper.make_node("Resize", ["a", "", "scales"], ["d"],
                         name="cubic_resize", mode="cubic"),
        helper.make_node("Add", ["c", "d"], ["y"], name="sum"),
    ]
    inits = [numpy_helper.from_array(np.array([1, 1, 1, 1], np.float32),
                                     "scales")]
    graph = helper.make_graph(
        nodes, "unsupported",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 1, 4, 4])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)], inits)
    save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)]),
         out, "unsupported.onnx")


def external_data(out):
    """A weight kept in an external file that is not there."""
    w = weights("w", (4, 4), 8)
    model = helper.make_model(
        helper.make_graph(
            [helper.make_node("MatMul", ["x", "w"], ["y"], name="mm")],
            "external",
            [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2, 4])],
            [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)],
            [w]),
        opset_imports=[helper.make_opsetid("", 13)])
    onnx.external_data_helper.convert_model_to_external_data(
        model, all_tensors_to_one_file=True, location="weights.bin",
        size_threshold=0)
    save(model, out, "external.onnx")  # writes weights.bin beside it
    os.rename(os.path.join(out, "weights.bin"),
              os.path.join(out, "weights.moved"))


def malformed_node(out):
    """A BatchNormalization missing its variance input (no valid exporter
    writes this; a damaged file can)."""
    graph = helper.make_graph(
        [helper.make_node("BatchNormalization", ["x", "s", "b", "m"], ["y"],
                          name="bn")],
        "malformed",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 2, 2, 2])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)],
        [weights(n, (2,), i) for i, n in enumerate("sbm")])
    save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)]),
         out, "malformed_node.onnx")


def new_opset(out):
    graph = helper.make_graph(
        [helper.make_node("Relu", ["x"], ["y"])], "opset18",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)])
    save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 18)]),
         out, "opset18.onnx")


def placeholder_weights(out):
    """A conv and a Gemm (transB) whose weights are ConstantOfShape
    placeholders (more elements than shape folding computes), the way the
    light model zoo ships without weights."""
    def placeholder(name, shape):
        return [
            helper.make_node("Constant", [], [name + "_shape"],
                             value=helper.make_tensor(name + "_dims",
                                                      TensorProto.INT64,
                                                      [len(shape)], shape)),
            helper.make_node("ConstantOfShape", [name + "_shape"], [name],
                             value=helper.make_tensor("one", TensorProto.FLOAT,
                                                      [1], [1.0])),
        ]
    nodes = placeholder("w", [64, 3, 5, 5]) + placeholder("fc", [10, 64]) + [
        helper.make_node("Conv", ["x", "w"], ["c"], name="conv",
                         kernel_shape=[5, 5], pads=[2, 2, 2, 2]),
        helper.make_node("GlobalAveragePool", ["c"], ["p"], name="pool"),
        helper.make_node("Flatten", ["p"], ["f"], name="flatten"),
        helper.make_node("Gemm", ["f", "fc"], ["y"], name="fc", transB=1),
    ]
    graph = helper.make_graph(
        nodes, "placeholder_weights",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3, 8, 8])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 10])])
    save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)]),
         out, "placeholder_weights.onnx")


def damaged(out):
    """conv_block.onnx cut short (truncated) and with its header overwritten
    (corrupt)."""
    with open(os.path.join(out, "conv_block.onnx"), "rb") as f:
        data = f.read()
    with open(os.path.join(out, "truncated.onnx"), "wb") as f:
        f.write(data[: len(data) // 2])
    with open(os.path.join(out, "corrupt.onnx"), "wb") as f:
        f.write(b"\xff" * 64 + data[64:])


if __name__ == "__main__":
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for make in (conv_block, train_block, train_dropout, conv1d, shape_chain, unsupported,
                 external_data, malformed_node, new_opset, placeholder_weights,
                 damaged):
        make(out)
