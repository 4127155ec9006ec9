//===- ConvolutionBuilder.cpp - ONNX convolutions as TOSA -----------------===//

#include "ConvolutionBuilder.h"
#include "OnnxAttributes.h"

namespace mlir::roof::onnx_import {

using onnx::NodeProto;

std::optional<llvm::SmallVector<SpatialPadding>>
resolvePadding(const NodeProto &node, llvm::ArrayRef<int64_t> in,
               llvm::ArrayRef<int64_t> kernel, llvm::ArrayRef<int64_t> strides,
               llvm::ArrayRef<int64_t> dilations) {
  size_t rank = in.size();
  llvm::SmallVector<SpatialPadding> pads(rank);
  std::string autoPad = stringAttr(node, "auto_pad", "NOTSET");
  if (autoPad == "NOTSET") {
    llvm::SmallVector<int64_t> given =
        intsAttr(node, "pads", llvm::SmallVector<int64_t>(2 * rank, 0));
    if (given.size() != 2 * rank)
      return std::nullopt;
    for (size_t i = 0; i < rank; ++i)
      pads[i] = {given[i], given[i + rank]};
    return pads;
  }
  if (autoPad == "VALID")
    return pads;
  if (autoPad != "SAME_UPPER" && autoPad != "SAME_LOWER")
    return std::nullopt;
  for (size_t i = 0; i < rank; ++i) {
    int64_t out = (in[i] + strides[i] - 1) / strides[i];
    int64_t window = (kernel[i] - 1) * dilations[i] + 1;
    int64_t total =
        std::max<int64_t>((out - 1) * strides[i] + window - in[i], 0);
    int64_t small = total / 2, large = total - small;
    pads[i] = autoPad == "SAME_UPPER" ? SpatialPadding{small, large}
                                      : SpatialPadding{large, small};
  }
  return pads;
}

Value fitWindowToStride(TosaEmitter &e, Value inputNHWC,
                        llvm::MutableArrayRef<SpatialPadding> pads,
                        llvm::ArrayRef<int64_t> window,
                        llvm::ArrayRef<int64_t> strides) {
  llvm::SmallVector<int64_t> shape(TosaEmitter::typeOf(inputNHWC).getShape());
  bool crop = false;
  for (size_t i = 0; i < pads.size(); ++i) {
    int64_t span = shape[1 + i] + pads[i].begin + pads[i].end - window[i];
    int64_t excess = span % strides[i];
    int64_t fromPad = std::min(excess, pads[i].end);
    pads[i].end -= fromPad;
    if (excess > fromPad) {
      shape[1 + i] -= excess - fromPad;
      crop = true;
    }
  }
  if (!crop)
    return inputNHWC;
  return e.slice(inputNHWC, llvm::SmallVector<int64_t>(4, 0), shape);
}

Value toSignedInt8(TosaEmitter &e, Value value) {
  Type element = TosaEmitter::elementTypeOf(value);
  if (!element.isUnsignedInteger(8))
    return value;
  return e.rescaleByOne(value, e.builder().getI8Type(), /*inputZp=*/128);
}

Value buildConvolution(GraphImporter &im, const NodeProto &node,
                       const ConvOperands &operands) {
  TosaEmitter &e = im.emit();
  RankedTensorType weightType = im.inputType(node, operands.weightIndex);
  if (weightType.getRank() != 4) {
    (void)im.unsupported(node,
                         "only 1-D and 2-D convolutions are supported (weight "
                         "rank " +
                             llvm::Twine(weightType.getRank()) + ")");
    return {};
  }
  int64_t outChannels = weightType.getDimSize(0);
  int64_t groupChannels = weightType.getDimSize(1);
  int64_t kh = weightType.getDimSize(2), kw = weightType.getDimSize(3);
  int64_t group = intAttr(node, "group", 1);
  llvm::SmallVector<int64_t> strides = intsAttr(node, "strides", {1, 1});
  llvm::SmallVector<int64_t> dilations = intsAttr(node, "dilations", {1, 1});

  Value input = toSignedInt8(e, im.inputNHWC(node, operands.inputIndex));
  RankedTensorType inputType = TosaEmitter::typeOf(input);
  int64_t inChannels = inputType.getDimSize(3);
  if (group <= 0 || inChannels != group * groupChannels ||
      outChannels % group != 0) {
    (void)im.unsupported(node, "group=" + llvm::Twine(group) +
                                   " does not divide the channels");
    return {};
  }
  llvm::SmallVector<int64_t> inSize = {inputType.getDimSize(1),
                                       inputType.getDimSize(2)};
  auto pads = resolvePadding(node, inSize, {kh, kw}, strides, dilations);
  if (!pads) {
    (void)im.unsupported(node, "auto_pad '" + stringAttr(node, "auto_pad", "") +
                                   "' or its pads are not supported");
    return {};
  }
  llvm::SmallVector<int64_t> window = {(kh - 1) * dilations[0] + 1,
                                       (kw - 1) * dilations[1] + 1};
  input = fitWindowToStride(e, input, *pads, window, strides);
  inputType = TosaEmitter::typeOf(input);
  int64_t oh = (inputType.getDimSize(1) + (*pads)[0].begin + (*pads)[0].end -
                window[0]) /
                   strides[0] +
               1;
  int64_t ow = (inputType.getDimSize(2) + (*pads)[1].begin + (*pads)[1].end -
                window[1]) /
                   strides[1] +
               1;
  int64_t n = inputType.getDimSize(0);
  llvm::SmallVector<int64_t> tosaPad = {(*pads)[0].begin, (*pads)[0].end,
                                        (*pads)[1].begin, (*pads)[1].end};

  Type acc = operands.accType;
  Value bias = operands.biasIndex >= 0 && im.hasInput(node, operands.biasIndex)
                   ? im.input(node, operands.biasIndex)
                   : e.splat({outChannels}, 0.0, acc);
  auto resultType = [&](int64_t channels) {
    return e.tensorType({n, oh, ow, channels}, acc);
  };

  if (group == 1) {
    Value weight = toSignedInt8(
        e, im.inputPermuted(node, operands.weightIndex, {0, 2, 3, 1}));
    return e.create<tosa::Conv2DOp>(resultType(outChannels), input, weight,
                                    bias, operands.inputZp, operands.weightZp,
                                    tosaPad, strides, dilations, acc);
  }
  if (groupChannels == 1) {
    // [C*M, 1, KH, KW] -> [KH, KW, C*M, 1] -> [KH, KW, C, M].
    int64_t multiplier = outChannels / inChannels;
    Value weight =
        e.reshape(toSignedInt8(e, im.inputPermuted(node, operands.weightIndex,
                                                   {2, 3, 0, 1})),
                  {kh, kw, inChannels, multiplier});
    return e.create<tosa::DepthwiseConv2DOp>(
        resultType(outChannels), input, weight, bias, operands.inputZp,
        operands.weightZp, tosaPad, strides, dilations, acc);
  }
  // Grouped: one conv2d per group on its channel slices, concatenated.
  Value weight = toSignedInt8(
      e, im.inputPermuted(node, operands.weightIndex, {0, 2, 3, 1}));
  int64_t groupOut = outChannels / group;
  llvm::SmallVector<Value> parts;
  for (int64_t g = 0; g < group; ++g) {
    Value in = e.slice(
        input, {0, 0, 0, g * groupChannels},
        {n, inputType.getDimSize(1), inputType.getDimSize(2), groupChannels});
    Value w = e.slice(weight, {g * groupOut, 0, 0, 0},
                      {groupOut, kh, kw, groupChannels});
    Value bg = e.slice(bias, {g * groupOut}, {groupOut});
    parts.push_back(e.create<tosa::Conv2DOp>(
        resultType(groupOut), in, w, bg, operands.inputZp, operands.weightZp,
        tosaPad, strides, dilations, acc));
  }
  return e.concat(parts, 3);
}

} // namespace mlir::roof::onnx_import
