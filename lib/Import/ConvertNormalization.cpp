//===- ConvertNormalization.cpp - ONNX normalizations to TOSA -------------===//
//
// BatchNormalization (inference and training form), LayerNormalization,
// Softmax, LogSoftmax and LRN, written out in TOSA arithmetic and reductions.
//
//===----------------------------------------------------------------------===//

#include "OnnxAttributes.h"
#include "OnnxGraphImporter.h"

namespace mlir::roof::onnx_import {

using onnx::NodeProto;

/// BatchNormalization in training mode (opset 14's training_mode=1): the
/// batch's mean and variance per channel, over every other dim,
/// normalize it; the running statistics, when used, are updated with
/// `momentum` as the operator's definition gives.
static LogicalResult
convertTrainingBatchNorm(GraphImporter &im, const NodeProto &node, bool nhwc) {
  TosaEmitter &e = im.emit();
  RankedTensorType xType = im.inputType(node, 0);
  int64_t rank = xType.getRank();
  Type t = xType.getElementType();
  int64_t channel = nhwc ? rank - 1 : 1;
  Value x = im.inputInLayout(node, 0, nhwc);
  auto perChannelMean = [&](Value v) {
    int64_t count = 1;
    for (int64_t d = 0; d < rank; ++d) {
      if (d == channel)
        continue;
      v = e.reduceSum(v, d);
      count *= xType.getDimSize(d);
    }
    return e.mul(v, e.scalar(1.0 / count, t, rank));
  };
  Value mean = perChannelMean(x);
  Value centered = e.sub(x, mean);
  Value variance = perChannelMean(e.mul(centered, centered));
  Value invStd = e.create<tosa::RsqrtOp>(
      TosaEmitter::typeOf(variance),
      e.add(variance, e.scalar(floatAttr(node, "epsilon", 1e-5f), t, rank)));
  llvm::SmallVector<int64_t> channelShape(rank, 1);
  channelShape[1] = xType.getDimSize(1);
  auto perChannel = [&](int i) {
    return im.toLayout(e.reshape(im.input(node, i), channelShape), nhwc);
  };
  // Named first: argument order would leave the ops' order to the compiler.
  Value scale = perChannel(1);
  Value shift = perChannel(2);
  Value y = e.add(e.mul(e.mul(centered, invStd), scale), shift);
  im.setOutputInLayout(node, 0, y, nhwc);
  float momentum = floatAttr(node, "momentum", 0.9f);
  llvm::SmallVector<int64_t> vector = {xType.getDimSize(1)};
  for (auto [output, input, batch] :
       {std::make_tuple(1, 3, mean), std::make_tuple(2, 4, variance)}) {
    if (!im.isOutputUsed(node, output))
      continue;
    Value running =
        e.add(e.mul(im.input(node, input), e.scalar(momentum, t, 1)),
              e.mul(e.reshape(batch, vector), e.scalar(1 - momentum, t, 1)));
    im.setOutput(node, output, running);
  }
  return success();
}

static LogicalResult convertBatchNorm(GraphImporter &im,
                                      const NodeProto &node) {
  RankedTensorType xType = im.inputType(node, 0);
  int64_t rank = xType.getRank();
  if (rank < 2)
    return im.unsupported(node, "the input needs a channel dim");
  bool nhwc = rank == 4 && im.prefersNHWC(node);
  if (intAttr(node, "training_mode", 0) != 0)
    return convertTrainingBatchNorm(im, node, nhwc);
  for (int i = 1; i < node.output_size(); ++i)
    if (im.isOutputUsed(node, i))
      return im.unsupported(node, "the running mean/variance outputs are "
                                  "written in training mode only "
                                  "(training_mode=1)");
  float epsilon = floatAttr(node, "epsilon", 1e-5f);
  TosaEmitter &e = im.emit();
  Type t = xType.getElementType();

  // y = x * factor + shift with per-channel factor = scale / sqrt(var + eps)
  // and shift = B - mean * factor: two passes over the activation.
  llvm::SmallVector<int64_t> channelShape(rank, 1);
  channelShape[1] = xType.getDimSize(1);
  auto perChannel = [&](int i) {
    return e.reshape(im.input(node, i), channelShape);
  };
  Value invStd =
      e.create<tosa::RsqrtOp>(e.tensorType(channelShape, t),
                              e.add(perChannel(4), e.scalar(epsilon, t, rank)));
  Value factor = e.mul(perChannel(1), invStd);
  Value shift = e.sub(perChannel(2), e.mul(perChannel(3), factor));
  Value x = im.inputInLayout(node, 0, nhwc);
  Value y =
      e.add(e.mul(x, im.toLayout(factor, nhwc)), im.toLayout(shift, nhwc));
  im.setOutputInLayout(node, 0, y, nhwc);
  return success();
}

/// Mean of `x` over dims [first, rank), kept as unit dims.
static Value meanOverTrailing(TosaEmitter &e, Value x, int64_t first) {
  auto type = TosaEmitter::typeOf(x);
  int64_t count = 1;
  for (int64_t d = first; d < type.getRank(); ++d) {
    x = e.reduceSum(x, d);
    count *= type.getDimSize(d);
  }
  return e.mul(x, e.scalar(1.0 / count, type.getElementType(), type.getRank()));
}

static LogicalResult convertLayerNorm(GraphImporter &im,
                                      const NodeProto &node) {
  TosaEmitter &e = im.emit();
  Value x = im.input(node, 0);
  auto type = TosaEmitter::typeOf(x);
  std::optional<int64_t> found = axisAttr(node, "axis", -1, type.getRank());
  if (!found)
    return im.unsupported(node,
                          describeBadAxis(node, "axis", -1, type.getRank()));
  int64_t axis = *found;
  float epsilon = floatAttr(node, "epsilon", 1e-5f);
  Type t = type.getElementType();
  Value mean = meanOverTrailing(e, x, axis);
  Value centered = e.sub(x, mean);
  Value variance = meanOverTrailing(e, e.mul(centered, centered), axis);
  Value invStd = e.create<tosa::RsqrtOp>(
      TosaEmitter::typeOf(variance),
      e.add(variance, e.scalar(epsilon, t, type.getRank())));
  Value y = e.mul(e.mul(centered, invStd), im.input(node, 1));
  if (im.hasInput(node, 2))
    y = e.add(y, im.input(node, 2));
  im.setOutput(node, 0, y);
  // The optional Mean and InvStdDev outputs keep the normalized dims as 1s.
  Value statistics[] = {mean, invStd};
  for (int i = 1; i <= 2; ++i)
    if (im.isOutputUsed(node, i))
      im.setOutput(node, i, statistics[i - 1]);
  return success();
}

/// Softmax or LogSoftmax. Before opset 13 the op flattens the input to 2-D
/// at `axis` and normalizes over the whole trailing block.
static LogicalResult convertSoftmax(GraphImporter &im, const NodeProto &node,
                                    bool logarithm) {
  TosaEmitter &e = im.emit();
  Value x = im.input(node, 0);
  auto type = TosaEmitter::typeOf(x);
  int64_t rank = type.getRank();
  bool flatten = im.opset() < 13;
  std::optional<int64_t> found = axisAttr(node, "axis", flatten ? 1 : -1, rank);
  if (!found)
    return im.unsupported(
        node, describeBadAxis(node, "axis", flatten ? 1 : -1, rank));
  int64_t axis = *found;
  if (flatten) {
    int64_t outer = 1, inner = 1;
    for (int64_t d = 0; d < rank; ++d)
      (d < axis ? outer : inner) *= type.getDimSize(d);
    x = e.reshape(x, {outer, inner});
    axis = 1;
  }
  auto workType = TosaEmitter::typeOf(x);
  Value shifted = e.sub(x, e.reduceMax(x, axis));
  Value exp = e.create<tosa::ExpOp>(workType, shifted);
  Value sum = e.reduceSum(exp, axis);
  Value y;
  if (logarithm)
    y = e.sub(shifted, e.create<tosa::LogOp>(TosaEmitter::typeOf(sum), sum));
  else
    y = e.mul(exp, e.reciprocal(sum));
  im.setOutput(node, 0, e.reshape(y, type.getShape()));
  return success();
}

/// Widest LRN window the importer writes out (one slice and add per
/// channel of the window).
static constexpr int64_t kMaxLrnWindow = 4096;

static LogicalResult convertLRN(GraphImporter &im, const NodeProto &node) {
  if (im.inputType(node, 0).getRank() != 4)
    return im.unsupported(node, "only 4-D LRN is supported");
  int64_t size = intAttr(node, "size", 0);
  if (size <= 0)
    return im.unsupported(node, "size must be positive");
  double alpha = floatAttr(node, "alpha", 1e-4f);
  double beta = floatAttr(node, "beta", 0.75f);
  double bias = floatAttr(node, "bias", 1.0f);
  bool nhwc = im.prefersNHWC(node);
  TosaEmitter &e = im.emit();
  Value x = im.inputInLayout(node, 0, nhwc);
  auto type = TosaEmitter::typeOf(x);
  Type t = type.getElementType();
  int64_t axis = nhwc ? 3 : 1;
  int64_t channels = type.getDimSize(axis);

  // Sum of squares over the window of `size` channels around each channel:
  // zero-pad the channel dim, then add `size` shifted slices.
  if (channels < 1)
    return im.unsupported(node, "the channel dim is empty");
  // Window positions more than channels - 1 away add only padding zeros:
  // at most 2 x channels - 1 slices, whatever the size.
  int64_t before = std::min((size - 1) / 2, channels - 1);
  int64_t after = std::min(size - 1 - (size - 1) / 2, channels - 1);
  if (before + after + 1 > kMaxLrnWindow)
    return im.unsupported(node, "a window of " +
                                    llvm::Twine(before + after + 1) +
                                    " channels is too wide to write out");
  Value square = e.mul(x, x);
  llvm::SmallVector<int64_t> padding(8, 0);
  padding[2 * axis] = before;
  padding[2 * axis + 1] = after;
  Value padded = e.pad(square, padding, 0.0);
  Value sum;
  for (int64_t k = 0; k < before + after + 1; ++k) {
    llvm::SmallVector<int64_t> start(4, 0);
    start[axis] = k;
    llvm::SmallVector<int64_t> shape(type.getShape());
    shape[axis] = channels;
    Value part = e.slice(padded, start, shape);
    sum = sum ? e.add(sum, part) : part;
  }
  Value base =
      e.add(e.mul(sum, e.scalar(alpha / size, t, 4)), e.scalar(bias, t, 4));
  Value denominator = e.pow(base, e.scalar(beta, t, 4));
  im.setOutputInLayout(node, 0, e.div(x, denominator), nhwc);
  return success();
}

void registerNormalizationConverters(ConverterTable &table) {
  table["BatchNormalization"] = {convertBatchNorm};
  table["LayerNormalization"] = {convertLayerNorm};
  table["Softmax"] = {[](GraphImporter &im, const NodeProto &node) {
    return convertSoftmax(im, node, /*logarithm=*/false);
  }};
  table["LogSoftmax"] = {[](GraphImporter &im, const NodeProto &node) {
    return convertSoftmax(im, node, /*logarithm=*/true);
  }};
  table["LRN"] = {convertLRN};
}

} // namespace mlir::roof::onnx_import
