"""Writes malformed and adversarial ONNX models, one per way a model can be
wrong, for test/Import/hostile.mlir: each must give an error naming the
node or initializer, never a crash, a hang or an invalid module.

usage: make_hostile_onnx_models.py OUTPUT_DIR
"""

import os
import sys

import onnx
from onnx import TensorProto, helper

X = helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3, 8, 8])
Y = helper.make_tensor_value_info("y", TensorProto.FLOAT, None)
INT64_MIN, INT64_MAX = -2**63, 2**63 - 1


def ints(name, values):
    return helper.make_tensor(name, TensorProto.INT64, [len(values)], values)


def floats(name, dims, values):
    return helper.make_tensor(name, TensorProto.FLOAT, dims, values)


def conv_weight():
    return floats("w", [4, 3, 3, 3], [0.0] * 108)


def raw(name, dims, data):
    tensor = TensorProto()
    tensor.name = name
    tensor.data_type = TensorProto.FLOAT
    tensor.dims.extend(dims)
    tensor.raw_data = data
    return tensor


def external(name, dims, location):
    tensor = TensorProto()
    tensor.name = name
    tensor.data_type = TensorProto.FLOAT
    tensor.dims.extend(dims)
    tensor.data_location = TensorProto.EXTERNAL
    entry = tensor.external_data.add()
    entry.key, entry.value = "location", location
    return tensor


def node(op, inputs, outputs, name, **attrs):
    return helper.make_node(op, inputs, outputs, name=name, **attrs)


MODELS = {
    # Shape folding: INT64_MIN / -1 is not folded (it would trap).
    "div_overflow": ([node("Div", ["a", "b"], ["q"], "div"),
                      node("Reshape", ["x", "q"], ["y"], "reshape")],
                     [X], [ints("a", [INT64_MIN]), ints("b", [-1])]),
    # Window attributes ONNX's shape inference would divide by.
    "conv_stride0": ([node("Conv", ["x", "w"], ["y"], "conv", strides=[0, 0])],
                     [X], [conv_weight()]),
    "conv_dilation0": ([node("Conv", ["x", "w"], ["y"], "conv",
                             dilations=[0, 0])], [X], [conv_weight()]),
    "conv_negative_pads": ([node("Conv", ["x", "w"], ["y"], "conv",
                                 pads=[-1, -1, -1, -1])], [X], [conv_weight()]),
    "pool_stride0": ([node("MaxPool", ["x"], ["y"], "pool", kernel_shape=[2, 2],
                           strides=[0, 0])], [X], []),
    "pool_kernel0": ([node("MaxPool", ["x"], ["y"], "pool",
                           kernel_shape=[0, 0])], [X], []),
    # Steps far past the dim: one element, no overflow.
    "slice_huge_step": ([node("Slice", ["x", "s", "e", "a", "st"], ["y"],
                              "slice")],
                        [X], [ints("s", [0]), ints("e", [8]), ints("a", [2]),
                              ints("st", [INT64_MAX])]),
    "slice_min_step": ([node("Slice", ["x", "s", "e", "a", "st"], ["y"],
                             "slice")],
                       [X], [ints("s", [INT64_MAX]), ints("e", [INT64_MIN]),
                             ints("a", [2]), ints("st", [INT64_MIN])]),
    # A window of 2^31 - 1 channels over 3: 5 slices, not 2^31.
    "lrn_huge": ([node("LRN", ["x"], ["y"], "lrn", size=2**31 - 1)], [X], []),
    # A shape with negative dims: the ConstantOfShape node's error.
    "constant_of_negative_shape": ([node("ConstantOfShape", ["s"], ["c"], "cos"),
                                    node("Add", ["x", "c"], ["y"], "add")],
                                   [X], [ints("s", [-2, -3])]),
    # Graph structure.
    "two_writers": ([node("Relu", ["x"], ["y"], "a"),
                     node("Sigmoid", ["x"], ["y"], "b")], [X], []),
    "duplicate_input": ([node("Relu", ["x"], ["y"], "a")], [X, X], []),
    "duplicate_initializer": ([node("Add", ["x", "w"], ["y"], "add")], [X],
                              [floats("w", [8], [1.0] * 8),
                               floats("w", [8], [1.0] * 8)]),
    "cycle": ([node("Add", ["x", "b"], ["a"], "n1"),
               node("Relu", ["a"], ["b"], "n2"),
               node("Relu", ["a"], ["y"], "n3")], [X], []),
    "no_shape": ([node("Relu", ["x"], ["y"], "a")],
                 [helper.make_tensor_value_info("x", TensorProto.FLOAT, None)],
                 []),
    # Initializer data that disagrees with its dims.
    "short_raw_data": ([node("Add", ["x", "w"], ["y"], "add")], [X],
                      [raw("w", [1, 3, 8, 8], b"\0" * 16)]),
    "huge_dims": ([node("Add", ["x", "w"], ["y"], "add")], [X],
                  [raw("w", [2**62 + 1], b"")]),
    # External data must stay in the model's directory.
    "escape_relative": ([node("Add", ["x", "w"], ["y"], "add")], [X],
                        [external("w", [8], "../../../../etc/passwd")]),
    "escape_absolute": ([node("Add", ["x", "w"], ["y"], "add")], [X],
                        [external("w", [8], "/etc/passwd")]),
    # An axis past the rank must not wrap to another axis.
    "concat_axis_2_62": ([node("Concat", ["x", "x"], ["y"], "cat",
                               axis=2**62)], [X], []),
    "gather_axis_past_rank": ([node("Gather", ["x", "i"], ["y"], "gather",
                                    axis=7)], [X], [ints("i", [0])]),
    # 5 GiB of external data, a sparse file: --keep-weights refuses to read
    # it into the module; without, only its shape is kept.
    "external_5gib": ([node("Add", ["w", "w"], ["y"], "add")], [X],
                      [external("w", [5 * 2**28], "sparse.bin")]),
    # Attributes valid to ONNX that make an invalid op: the node's error.
    "clip_min_above_max": ([node("Clip", ["x", "lo", "hi"], ["y"], "clip")],
                           [X], [floats("lo", [], [5.0]),
                                 floats("hi", [], [1.0])]),
    "reshape_fixed_batch": ([node("Reshape", ["x", "s"], ["y"], "reshape")],
                            [X], [ints("s", [1, 192])]),
}


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    # Sparse: 5 GiB of nothing on disk.
    with open(os.path.join(out, "sparse.bin"), "wb") as f:
        f.truncate(5 * 2**30)
    for name, (nodes, inputs, initializers) in MODELS.items():
        graph = helper.make_graph(nodes, name, inputs, [Y], initializers)
        model = helper.make_model(
            graph, opset_imports=[helper.make_operatorsetid("", 17)])
        # Serialized directly: onnx.save would check the model first.
        with open(os.path.join(out, name + ".onnx"), "wb") as f:
            f.write(model.SerializeToString())


if __name__ == "__main__":
    main()
