#!/usr/bin/env python3
"""Writes standard image classifiers as ONNX in the form deployments run
them: batch norm folded into the convolution's bias, weights shape-only
placeholders (ConstantOfShape, like the light model zoo), so the files are
small and import without their values. Their multiply-accumulates match
the published counts (ResNet-50 4.11 G, MobileNet v2 0.31 G, v1 0.58 G,
Inception v3 at 299x299 5.73 G, VGG-16 15.49 G). docs/validation.md prices
them against published NPU and DSP latencies.

    scripts/gen_cnn.py resnet50 -o resnet50.onnx
    scripts/gen_cnn.py --all -o DIR
    scripts/gen_cnn.py resnet50 --train --batch 256 -o resnet50_train.onnx

With --train the graph is the one a training step runs forward: each
convolution without bias, then a BatchNormalization in training mode
(batch statistics, running statistics updated), and the classifier's
log-softmax (a cross-entropy loss, less picking each image's label). docs/validation.md prices ResNet-50 so against
published training throughput.

Models: resnet18, resnet34, resnet50 (and resnet50_299, resnet50_b4: 299x299,
batch 4; resnet34_1280x768_b2: the backbone at 1280x768, batch 2),
mobilenet_v1, mobilenet_v2, mobilenet_v2_1p4, mobilenet_v3_large,
squeezenet1_1, googlenet (TF-slim's Inception v1: no LRN, a 3x3 in the
"5x5" branch), inception_v3_224, inception_v3_299, vgg16, regnetx_200mf,
densenet121 (its batch norms before convolutions kept: they cannot fold).
"""

import argparse
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


class Builder:
    """One NCHW float graph with input `x`."""

    def __init__(self, name, shape, train=False):
        self.name, self.nodes, self.inits, self.count = name, [], [], 0
        self.train = train
        self.input = helper.make_tensor_value_info("x", TensorProto.FLOAT,
                                                   shape)

    def unique(self, prefix):
        self.count += 1
        return "%s%d" % (prefix, self.count)

    def weight(self, shape):
        """A shape-only weight: ConstantOfShape of its dims."""
        name = self.unique("w")
        self.inits.append(numpy_helper.from_array(
            np.array(shape, np.int64), name + "_shape"))
        self.nodes.append(helper.make_node(
            "ConstantOfShape", [name + "_shape"], [name], name=name,
            value=helper.make_tensor("v", TensorProto.FLOAT, [1], [0.01])))
        return name

    def scalar(self, value):
        name = self.unique("c")
        self.inits.append(numpy_helper.from_array(
            np.array(value, np.float32), name))
        return name

    def op(self, op_type, inputs, **attrs):
        out = self.unique(op_type)
        self.nodes.append(helper.make_node(op_type, inputs, [out], name=out,
                                           **attrs))
        return out

    def activation(self, x, kind):
        if kind == "relu":
            return self.op("Relu", [x])
        if kind == "relu6":
            return self.op("Clip", [x, self.scalar(0.0), self.scalar(6.0)])
        if kind == "hswish":
            return self.op("HardSwish", [x])
        return x

    def conv(self, x, cin, cout, kernel, stride=1, pad=None, groups=1,
             act="relu"):
        """A convolution with its folded bias (in training, its batch norm
        instead), then `act`; `kernel` and `pad` are one size or (height,
        width)."""
        kh, kw = (kernel, kernel) if isinstance(kernel, int) else kernel
        if pad is None:
            pad = (kh // 2, kw // 2)
        if isinstance(pad, int):
            pad = (pad, pad)
        weights = [x, self.weight([cout, cin // groups, kh, kw])]
        if not self.train:
            weights.append(self.weight([cout]))
        y = self.op("Conv", weights,
                    kernel_shape=[kh, kw], strides=[stride, stride],
                    pads=[pad[0], pad[1], pad[0], pad[1]], group=groups)
        if self.train:
            y = self.batch_norm(y, cout)
        return self.activation(y, act)

    def batch_norm(self, x, channels):
        """Inference: running statistics; training: the batch's, and the
        running ones updated (two more outputs, unused here)."""
        stats = [self.weight([channels]) for _ in range(4)]
        if not self.train:
            return self.op("BatchNormalization", [x, *stats], epsilon=1e-5)
        out = self.unique("BatchNormalization")
        self.nodes.append(helper.make_node(
            "BatchNormalization", [x, *stats],
            [out, out + "_running_mean", out + "_running_var"], name=out,
            epsilon=1e-5, training_mode=1))
        return out

    def maxpool(self, x, kernel, stride, pad=0, ceil=0):
        return self.op("MaxPool", [x], kernel_shape=[kernel, kernel],
                       strides=[stride, stride], pads=[pad] * 4,
                       ceil_mode=ceil)

    def avgpool(self, x, kernel, stride, pad=0):
        return self.op("AveragePool", [x], kernel_shape=[kernel, kernel],
                       strides=[stride, stride], pads=[pad] * 4,
                       count_include_pad=0)

    def global_pool(self, x):
        return self.op("GlobalAveragePool", [x])

    def dense(self, x, cin, cout):
        flat = self.op("Flatten", [x])
        return self.op("Gemm", [flat, self.weight([cout, cin]),
                                self.weight([cout])], transB=1)

    def concat(self, xs):
        return self.op("Concat", xs, axis=1)

    def batch_norm_relu(self, x, channels):
        """A batch norm that no convolution precedes (so none can absorb
        it), then ReLU."""
        return self.op("Relu", [self.batch_norm(x, channels)])

    def model(self, output):
        if self.train:
            output = self.op("LogSoftmax", [output], axis=1)
        out = onnx.ValueInfoProto()
        out.name = output
        out.type.tensor_type.elem_type = TensorProto.FLOAT
        graph = helper.make_graph(self.nodes, self.name, [self.input], [out],
                                  self.inits)
        model = helper.make_model(graph, producer_name="roof gen_cnn.py",
                                  opset_imports=[helper.make_opsetid("", 14)])
        return onnx.shape_inference.infer_shapes(model)


def resnet(depth, height=224, width=224, batch=1, head=True, train=False):
    """He et al. 2016: basic blocks (18, 34) or bottlenecks (50)."""
    block, counts = {18: ("basic", [2, 2, 2, 2]), 34: ("basic", [3, 4, 6, 3]),
                     50: ("bottleneck", [3, 4, 6, 3])}[depth]
    b = Builder("resnet%d" % depth, [batch, 3, height, width], train)
    x = b.maxpool(b.conv("x", 3, 64, 7, 2, 3), 3, 2, 1)
    channels = 64
    for stage, blocks in enumerate(counts):
        planes = 64 * 2 ** stage
        for i in range(blocks):
            stride = 2 if i == 0 and stage > 0 else 1
            if block == "basic":
                y = b.conv(x, channels, planes, 3, stride)
                y = b.conv(y, planes, planes, 3, act=None)
                out = planes
            else:
                y = b.conv(x, channels, planes, 1)
                y = b.conv(y, planes, planes, 3, stride)
                y = b.conv(y, planes, 4 * planes, 1, act=None)
                out = 4 * planes
            shortcut = x
            if stride != 1 or channels != out:
                shortcut = b.conv(x, channels, out, 1, stride, 0, act=None)
            x = b.op("Relu", [b.op("Add", [y, shortcut])])
            channels = out
    if head:
        x = b.dense(b.global_pool(x), channels, 1000)
    return b.model(x)


def mobilenet_v1(alpha=1.0, size=224):
    """Howard et al. 2017, TF-slim's: the logits are a 1x1 convolution."""
    b = Builder("mobilenet_v1", [1, 3, size, size])
    c = int(32 * alpha)
    x = b.conv("x", 3, c, 3, 2, act="relu6")
    layers = ([(64, 1), (128, 2), (128, 1), (256, 2), (256, 1), (512, 2)]
              + [(512, 1)] * 5 + [(1024, 2), (1024, 1)])
    for out, stride in layers:
        x = b.conv(x, c, c, 3, stride, groups=c, act="relu6")
        x = b.conv(x, c, int(out * alpha), 1, act="relu6")
        c = int(out * alpha)
    return b.model(b.conv(b.global_pool(x), c, 1001, 1, act=None))


def divisible(value, divisor=8):
    """Channels rounded as the MobileNet v2/v3 papers' code rounds them."""
    rounded = max(divisor, int(value + divisor / 2) // divisor * divisor)
    return rounded + divisor if rounded < 0.9 * value else rounded


def mobilenet_v2(alpha=1.0, size=224):
    """Sandler et al. 2018: inverted residuals."""
    b = Builder("mobilenet_v2", [1, 3, size, size])
    c = divisible(32 * alpha)
    x = b.conv("x", 3, c, 3, 2, act="relu6")
    for expand, out, repeats, stride in [
            (1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2),
            (6, 96, 3, 1), (6, 160, 3, 2), (6, 320, 1, 1)]:
        out = divisible(out * alpha)
        for i in range(repeats):
            s = stride if i == 0 else 1
            hidden = c * expand
            y = x if expand == 1 else b.conv(x, c, hidden, 1, act="relu6")
            y = b.conv(y, hidden, hidden, 3, s, groups=hidden, act="relu6")
            y = b.conv(y, hidden, out, 1, act=None)
            x = b.op("Add", [x, y]) if s == 1 and c == out else y
            c = out
    last = divisible(1280 * max(1.0, alpha))
    x = b.conv(x, c, last, 1, act="relu6")
    return b.model(b.dense(b.global_pool(x), last, 1000))


def mobilenet_v3_large():
    """Howard et al. 2019: squeeze-and-excitation and hard-swish."""
    b = Builder("mobilenet_v3_large", [1, 3, 224, 224])
    x = b.conv("x", 3, 16, 3, 2, act="hswish")
    c = 16
    # (kernel, expanded, out, squeeze-excite, activation, stride)
    for kernel, expanded, out, excite, act, stride in [
            (3, 16, 16, 0, "relu", 1), (3, 64, 24, 0, "relu", 2),
            (3, 72, 24, 0, "relu", 1), (5, 72, 40, 1, "relu", 2),
            (5, 120, 40, 1, "relu", 1), (5, 120, 40, 1, "relu", 1),
            (3, 240, 80, 0, "hswish", 2), (3, 200, 80, 0, "hswish", 1),
            (3, 184, 80, 0, "hswish", 1), (3, 184, 80, 0, "hswish", 1),
            (3, 480, 112, 1, "hswish", 1), (3, 672, 112, 1, "hswish", 1),
            (5, 672, 160, 1, "hswish", 2), (5, 960, 160, 1, "hswish", 1),
            (5, 960, 160, 1, "hswish", 1)]:
        y = x if expanded == c else b.conv(x, c, expanded, 1, act=act)
        y = b.conv(y, expanded, expanded, kernel, stride, groups=expanded,
                   act=act)
        if excite:
            squeeze = divisible(expanded // 4)
            z = b.conv(b.global_pool(y), expanded, squeeze, 1)
            z = b.conv(z, squeeze, expanded, 1, act=None)
            y = b.op("Mul", [y, b.op("HardSigmoid", [z], alpha=1 / 6,
                                     beta=0.5)])
        y = b.conv(y, expanded, out, 1, act=None)
        x = b.op("Add", [x, y]) if stride == 1 and c == out else y
        c = out
    x = b.global_pool(b.conv(x, c, 960, 1, act="hswish"))
    x = b.activation(b.conv(x, 960, 1280, 1, act=None), "hswish")
    return b.model(b.dense(x, 1280, 1000))


def squeezenet1_1():
    """Iandola et al. 2016, version 1.1."""
    b = Builder("squeezenet1_1", [1, 3, 224, 224])

    def fire(x, c, squeeze, expand):
        y = b.conv(x, c, squeeze, 1)
        return b.concat([b.conv(y, squeeze, expand, 1),
                         b.conv(y, squeeze, expand, 3)]), 2 * expand

    x = b.maxpool(b.conv("x", 3, 64, 3, 2, 0), 3, 2, ceil=1)
    x, c = fire(x, 64, 16, 64)
    x, c = fire(x, c, 16, 64)
    x = b.maxpool(x, 3, 2, ceil=1)
    x, c = fire(x, c, 32, 128)
    x, c = fire(x, c, 32, 128)
    x = b.maxpool(x, 3, 2, ceil=1)
    for squeeze, expand in [(48, 192), (48, 192), (64, 256), (64, 256)]:
        x, c = fire(x, c, squeeze, expand)
    x = b.conv(x, c, 1000, 1)
    return b.model(b.op("Flatten", [b.global_pool(x)]))


def googlenet():
    """Szegedy et al. 2015 as TF-slim and torchvision build it."""
    b = Builder("googlenet", [1, 3, 224, 224])
    x = b.maxpool(b.conv("x", 3, 64, 7, 2, 3), 3, 2, ceil=1)
    x = b.conv(b.conv(x, 64, 64, 1), 64, 192, 3)
    x = b.maxpool(x, 3, 2, ceil=1)
    c = 192

    def inception(x, c, c1, c3r, c3, c5r, c5, pool):
        branches = [
            b.conv(x, c, c1, 1),
            b.conv(b.conv(x, c, c3r, 1), c3r, c3, 3),
            b.conv(b.conv(x, c, c5r, 1), c5r, c5, 3),
            b.conv(b.maxpool(x, 3, 1, 1), c, pool, 1)]
        return b.concat(branches), c1 + c3 + c5 + pool

    for i, config in enumerate([
            (64, 96, 128, 16, 32, 32), (128, 128, 192, 32, 96, 64), "pool",
            (192, 96, 208, 16, 48, 64), (160, 112, 224, 24, 64, 64),
            (128, 128, 256, 24, 64, 64), (112, 144, 288, 32, 64, 64),
            (256, 160, 320, 32, 128, 128), "pool",
            (256, 160, 320, 32, 128, 128), (384, 192, 384, 48, 128, 128)]):
        if config == "pool":
            x = b.maxpool(x, 3 if i == 2 else 2, 2, ceil=1)
        else:
            x, c = inception(x, c, *config)
    return b.model(b.dense(b.global_pool(x), c, 1000))


def inception_v3(size=299):
    """Szegedy et al. 2016."""
    b = Builder("inception_v3", [1, 3, size, size])
    conv = b.conv
    x = conv("x", 3, 32, 3, 2, 0)
    x = conv(x, 32, 32, 3, 1, 0)
    x = b.maxpool(conv(x, 32, 64, 3, 1, 1), 3, 2)
    x = b.maxpool(conv(conv(x, 64, 80, 1, 1, 0), 80, 192, 3, 1, 0), 3, 2)
    c = 192

    def double3(x, c, mid, out, stride=1, pad=None):
        y = conv(conv(x, c, mid, 1), mid, out, 3)
        return conv(y, out, out, 3, stride, pad)

    for pool in (32, 64, 64):
        x = b.concat([conv(x, c, 64, 1),
                      conv(conv(x, c, 48, 1), 48, 64, 5),
                      double3(x, c, 64, 96),
                      conv(b.avgpool(x, 3, 1, 1), c, pool, 1)])
        c = 224 + pool
    x = b.concat([conv(x, c, 384, 3, 2, 0), double3(x, c, 64, 96, 2, 0),
                  b.maxpool(x, 3, 2)])
    c += 384 + 96
    for mid in (128, 160, 160, 192):
        seven = conv(conv(conv(x, c, mid, 1), mid, mid, (1, 7)), mid, 192,
                     (7, 1))
        double = conv(x, c, mid, 1)
        for kernel, out in [((7, 1), mid), ((1, 7), mid), ((7, 1), mid),
                            ((1, 7), 192)]:
            double = conv(double, mid, out, kernel)
        x = b.concat([conv(x, c, 192, 1), seven, double,
                      conv(b.avgpool(x, 3, 1, 1), c, 192, 1)])
        c = 768
    three = conv(conv(x, c, 192, 1), 192, 320, 3, 2, 0)
    seven = conv(x, c, 192, 1)
    for kernel in [(1, 7), (7, 1)]:
        seven = conv(seven, 192, 192, kernel)
    x = b.concat([three, conv(seven, 192, 192, 3, 2, 0), b.maxpool(x, 3, 2)])
    c += 320 + 192
    for _ in range(2):
        split = conv(x, c, 384, 1)
        deep = conv(conv(x, c, 448, 1), 448, 384, 3)
        x = b.concat([
            conv(x, c, 320, 1),
            b.concat([conv(split, 384, 384, (1, 3)),
                      conv(split, 384, 384, (3, 1))]),
            b.concat([conv(deep, 384, 384, (1, 3)),
                      conv(deep, 384, 384, (3, 1))]),
            conv(b.avgpool(x, 3, 1, 1), c, 192, 1)])
        c = 2048
    return b.model(b.dense(b.global_pool(x), c, 1000))


def vgg16():
    """Simonyan and Zisserman 2015, configuration D."""
    b = Builder("vgg16", [1, 3, 224, 224])
    x, c = "x", 3
    for stage, repeats in enumerate([2, 2, 3, 3, 3]):
        out = min(64 * 2 ** stage, 512)
        for _ in range(repeats):
            x, c = b.conv(x, c, out, 3), out
        x = b.maxpool(x, 2, 2)
    x = b.op("Relu", [b.dense(x, 512 * 49, 4096)])
    x = b.op("Relu", [b.dense(x, 4096, 4096)])
    return b.model(b.dense(x, 4096, 1000))


def densenet121():
    """Huang et al. 2017, torchvision's densenet121: growth 32, blocks of 6,
    12, 24 and 16 layers, each a batch norm, ReLU and 1x1 convolution to 128
    channels on the concatenation of every earlier output, then (the second
    batch norm folded into that convolution) ReLU and a 3x3 convolution to
    32; transitions halve the channels and pool. The batch norms before a
    convolution stay as nodes: deployed, only one after a convolution folds
    into it."""
    b = Builder("densenet121", [1, 3, 224, 224])
    x, c = b.maxpool(b.conv("x", 3, 64, 7, 2, 3), 3, 2, 1), 64
    for stage, layers in enumerate([6, 12, 24, 16]):
        features = [x]
        for layer in range(layers):
            cin = c + 32 * layer
            joined = features[0] if len(features) == 1 else b.concat(features)
            y = b.conv(b.batch_norm_relu(joined, cin), cin, 128, 1)
            features.append(b.conv(y, 128, 32, 3, act=None))
        x, c = b.concat(features), c + 32 * layers
        if stage < 3:
            y = b.conv(b.batch_norm_relu(x, c), c, c // 2, 1, act=None)
            x, c = b.avgpool(y, 2, 2), c // 2
    x = b.global_pool(b.batch_norm_relu(x, c))
    return b.model(b.dense(x, c, 1000))


def regnetx_200mf():
    """Radosavovic et al. 2020 (pycls): depths, widths, group width 8."""
    b = Builder("regnetx_200mf", [1, 3, 224, 224])
    x, c = b.conv("x", 3, 32, 3, 2), 32
    for blocks, out in zip([1, 1, 4, 7], [24, 56, 152, 368]):
        for i in range(blocks):
            stride = 2 if i == 0 else 1
            y = b.conv(x, c, out, 1)
            y = b.conv(y, out, out, 3, stride, groups=out // 8)
            y = b.conv(y, out, out, 1, act=None)
            shortcut = x
            if stride != 1 or c != out:
                shortcut = b.conv(x, c, out, 1, stride, 0, act=None)
            x, c = b.op("Relu", [b.op("Add", [y, shortcut])]), out
    return b.model(b.dense(b.global_pool(x), c, 1000))


MODELS = {
    "resnet18": lambda: resnet(18),
    "resnet34_1280x768_b2": lambda: resnet(34, 768, 1280, 2, head=False),
    "resnet50": lambda: resnet(50),
    "resnet50_299": lambda: resnet(50, 299, 299),
    "resnet50_b4": lambda: resnet(50, batch=4),
    "mobilenet_v1": mobilenet_v1,
    "mobilenet_v2": mobilenet_v2,
    "mobilenet_v2_1p4": lambda: mobilenet_v2(1.4),
    "mobilenet_v3_large": mobilenet_v3_large,
    "squeezenet1_1": squeezenet1_1,
    "googlenet": googlenet,
    "inception_v3_224": lambda: inception_v3(224),
    "inception_v3_299": lambda: inception_v3(299),
    "vgg16": vgg16,
    "regnetx_200mf": regnetx_200mf,
    "densenet121": densenet121,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", nargs="?", choices=sorted(MODELS))
    parser.add_argument("--all", action="store_true",
                        help="write every model into the folder -o names")
    parser.add_argument("--train", action="store_true",
                        help="a ResNet's training forward: batch norms in "
                        "training mode, a loss")
    parser.add_argument("--batch", type=int, default=1,
                        help="a ResNet's batch")
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    if args.all == bool(args.model):
        sys.exit("gen_cnn.py: name one model, or --all")
    if args.train or args.batch != 1:
        if args.model not in ("resnet18", "resnet34", "resnet50"):
            sys.exit("gen_cnn.py: --train and --batch take resnet18, "
                     "resnet34 or resnet50")
        onnx.save(resnet(int(args.model[6:]), batch=args.batch,
                         train=args.train), args.output)
        return
    if args.all:
        os.makedirs(args.output, exist_ok=True)
        for name, build in MODELS.items():
            onnx.save(build(), os.path.join(args.output, name + ".onnx"))
    else:
        onnx.save(MODELS[args.model](), args.output)


if __name__ == "__main__":
    main()
