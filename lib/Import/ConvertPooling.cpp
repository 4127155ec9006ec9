//===- ConvertPooling.cpp - ONNX pools and reductions to TOSA -------------===//
//
// Window pools map onto tosa.max_pool2d / avg_pool2d in NHWC; global pools
// are pools with the whole plane as window; Reduce* ops become one
// tosa.reduce_* per axis.
//
//===----------------------------------------------------------------------===//

#include "ConvolutionBuilder.h"
#include "OnnxAttributes.h"
#include "OnnxGraphImporter.h"

namespace mlir::roof::onnx_import {

using onnx::NodeProto;

static LogicalResult convertPool(GraphImporter &im, const NodeProto &node,
                                 bool isMax) {
  if (im.inputType(node, 0).getRank() == 3)
    return im.convertAs2D(node,
                          [isMax](GraphImporter &im, const NodeProto &node2D) {
                            return convertPool(im, node2D, isMax);
                          });
  if (im.inputType(node, 0).getRank() != 4)
    return im.unsupported(node, "only 1-D and 2-D pooling are supported");
  if (node.output_size() > 1 && im.isOutputUsed(node, 1))
    return im.unsupported(node, "the Indices output is not supported");
  llvm::SmallVector<int64_t> kernel = intsAttr(node, "kernel_shape");
  if (kernel.size() != 2)
    return im.unsupported(node, "kernel_shape must have 2 dims");
  llvm::SmallVector<int64_t> strides = intsAttr(node, "strides", {1, 1});
  llvm::SmallVector<int64_t> dilations = intsAttr(node, "dilations", {1, 1});
  if (dilations != llvm::SmallVector<int64_t>{1, 1})
    return im.unsupported(node, "dilated pooling is not supported");

  TosaEmitter &e = im.emit();
  Value input = im.inputNHWC(node, 0);
  auto inType = TosaEmitter::typeOf(input);
  RankedTensorType outType = im.outputType(node, 0);
  llvm::SmallVector<int64_t> in = {inType.getDimSize(1), inType.getDimSize(2)};
  auto pads = resolvePadding(node, in, kernel, strides, dilations);
  if (!pads)
    return im.unsupported(node, "auto_pad '" +
                                    stringAttr(node, "auto_pad", "") +
                                    "' or its pads are not supported");
  // ceil_mode: the last window may hang past the end; pad the end so the
  // output size shape inference found is reached.
  for (int i = 0; i < 2; ++i) {
    int64_t out = outType.getDimSize(2 + i);
    int64_t needed = (out - 1) * strides[i] + kernel[i] - in[i] -
                     (*pads)[i].begin - (*pads)[i].end;
    if (needed > 0)
      (*pads)[i].end += needed;
  }
  if (!isMax && intAttr(node, "count_include_pad", 0) &&
      llvm::any_of(*pads, [](SpatialPadding p) { return p.begin || p.end; })) {
    // TOSA's average excludes padding; padded zeros count in ONNX's here.
    input = e.pad(input,
                  {0, 0, (*pads)[0].begin, (*pads)[0].end, (*pads)[1].begin,
                   (*pads)[1].end, 0, 0},
                  0.0);
    for (SpatialPadding &p : *pads)
      p = {0, 0};
  }
  input = fitWindowToStride(e, input, *pads, kernel, strides);
  inType = TosaEmitter::typeOf(input);
  llvm::SmallVector<int64_t> tosaPad = {(*pads)[0].begin, (*pads)[0].end,
                                        (*pads)[1].begin, (*pads)[1].end};
  llvm::SmallVector<int64_t> outShape = {inType.getDimSize(0)};
  for (int i = 0; i < 2; ++i)
    outShape.push_back((inType.getDimSize(1 + i) + tosaPad[2 * i] +
                        tosaPad[2 * i + 1] - kernel[i]) /
                           strides[i] +
                       1);
  outShape.push_back(inType.getDimSize(3));
  Type t = inType.getElementType();
  Value result;
  if (isMax)
    result = e.create<tosa::MaxPool2dOp>(e.tensorType(outShape, t), input,
                                         kernel, strides, tosaPad);
  else
    result = e.create<tosa::AvgPool2dOp>(
        e.tensorType(outShape, t), input, e.zeroPoint(t), e.zeroPoint(t),
        kernel, strides, tosaPad, t.isF16() ? e.builder().getF32Type() : t);
  im.setOutputNHWC(node, 0, result);
  return success();
}

static LogicalResult convertGlobalPool(GraphImporter &im, const NodeProto &node,
                                       bool isMax) {
  if (im.inputType(node, 0).getRank() != 4)
    return im.unsupported(node, "only 4-D global pooling is supported");
  TosaEmitter &e = im.emit();
  Value input = im.inputNHWC(node, 0);
  auto type = TosaEmitter::typeOf(input);
  llvm::SmallVector<int64_t> kernel = {type.getDimSize(1), type.getDimSize(2)};
  llvm::SmallVector<int64_t> ones = {1, 1}, zeros = {0, 0, 0, 0};
  auto outType = e.tensorType({type.getDimSize(0), 1, 1, type.getDimSize(3)},
                              type.getElementType());
  Type t = type.getElementType();
  Value result =
      isMax ? e.create<tosa::MaxPool2dOp>(outType, input, kernel, ones, zeros)
            : e.create<tosa::AvgPool2dOp>(
                  outType, input, e.zeroPoint(t), e.zeroPoint(t), kernel, ones,
                  zeros, t.isF16() ? e.builder().getF32Type() : t);
  im.setOutputNHWC(node, 0, result);
  return success();
}

namespace {
enum class Reduction { Sum, Mean, Max, Min };
} // namespace

static LogicalResult convertReduce(GraphImporter &im, const NodeProto &node,
                                   Reduction kind) {
  RankedTensorType inType = im.inputType(node, 0);
  int64_t rank = inType.getRank();
  llvm::SmallVector<int64_t> axes;
  if (findAttr(node, "axes")) {
    axes = intsAttr(node, "axes");
  } else if (im.hasInput(node, 1)) {
    const HostTensor *given = im.constantInput(node, 1);
    if (!given)
      return im.unsupported(node, "axes must be a constant");
    for (int64_t i = 0; i < given->size(); ++i)
      axes.push_back(given->asInt(i));
  }
  bool keepDims = intAttr(node, "keepdims", 1);
  if (axes.empty()) {
    if (intAttr(node, "noop_with_empty_axes", 0)) {
      im.aliasOutput(node, 0, 0);
      return success();
    }
    for (int64_t d = 0; d < rank; ++d)
      axes.push_back(d);
  }
  for (int64_t &a : axes)
    a = a < 0 ? a + rank : a;

  // A kept-dims reduction of an NHWC activation (squeeze-and-excite) stays
  // in NHWC.
  bool nhwc = rank == 4 && keepDims && im.isNHWC(node, 0);
  TosaEmitter &e = im.emit();
  Value x = nhwc ? im.inputNHWC(node, 0) : im.input(node, 0);
  int64_t count = 1;
  for (int64_t a : axes) {
    int64_t d = nhwc ? kNHWCToNCHW[a] : a;
    count *= inType.getDimSize(a);
    x = kind == Reduction::Max   ? e.reduceMax(x, d)
        : kind == Reduction::Min ? e.reduceMin(x, d)
                                 : e.reduceSum(x, d);
  }
  if (kind == Reduction::Mean)
    x = e.mul(x, e.scalar(1.0 / count, inType.getElementType(), rank));
  if (nhwc) {
    im.setOutputNHWC(node, 0, x);
    return success();
  }
  im.setOutput(node, 0, e.reshape(x, im.outputType(node, 0).getShape()));
  return success();
}

void registerPoolingConverters(ConverterTable &table) {
  table["MaxPool"] = {[](GraphImporter &im, const NodeProto &node) {
    return convertPool(im, node, /*isMax=*/true);
  }};
  table["AveragePool"] = {[](GraphImporter &im, const NodeProto &node) {
    return convertPool(im, node, /*isMax=*/false);
  }};
  table["GlobalMaxPool"] = {[](GraphImporter &im, const NodeProto &node) {
    return convertGlobalPool(im, node, /*isMax=*/true);
  }};
  table["GlobalAveragePool"] = {[](GraphImporter &im, const NodeProto &node) {
    return convertGlobalPool(im, node, /*isMax=*/false);
  }};
  table["ReduceSum"] = {[](GraphImporter &im, const NodeProto &node) {
    return convertReduce(im, node, Reduction::Sum);
  }};
  table["ReduceMean"] = {[](GraphImporter &im, const NodeProto &node) {
    return convertReduce(im, node, Reduction::Mean);
  }};
  table["ReduceMax"] = {[](GraphImporter &im, const NodeProto &node) {
    return convertReduce(im, node, Reduction::Max);
  }};
  table["ReduceMin"] = {[](GraphImporter &im, const NodeProto &node) {
    return convertReduce(im, node, Reduction::Min);
  }};
}

} // namespace mlir::roof::onnx_import
