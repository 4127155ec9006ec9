//===- ConvertContractions.cpp - ONNX Conv/MatMul/Gemm to TOSA ------------===//
//
// Convolutions run in NHWC (their result stays NHWC for the consumers);
// matrix products are reshaped onto tosa.matmul's rank-3 [batch, M, K] form.
//
//===----------------------------------------------------------------------===//

#include "ConvolutionBuilder.h"
#include "MatMulBuilder.h"
#include "OnnxAttributes.h"

#include "llvm/Support/MathExtras.h"

namespace mlir::roof::onnx_import {

using onnx::NodeProto;

static LogicalResult convertConv(GraphImporter &im, const NodeProto &node) {
  if (im.inputType(node, 1).getRank() == 3)
    return im.convertAs2D(node, convertConv);
  Type element = im.inputType(node, 0).getElementType();
  if (!isa<FloatType>(element))
    return im.unsupported(node, "integer Conv is not supported (use "
                                "QLinearConv or ConvInteger models)");
  ConvOperands operands;
  operands.accType = element;
  operands.inputZp = im.emit().zeroPoint(element);
  operands.weightZp = im.emit().zeroPoint(element);
  Value result = buildConvolution(im, node, operands);
  if (!result)
    return failure();
  im.setOutputNHWC(node, 0, result);
  return success();
}

static LogicalResult convertConvTranspose(GraphImporter &im,
                                          const NodeProto &node) {
  TosaEmitter &e = im.emit();
  RankedTensorType weightType = im.inputType(node, 1);
  if (weightType.getRank() == 3)
    return im.convertAs2D(node, convertConvTranspose);
  if (weightType.getRank() != 4)
    return im.unsupported(node, "only 1-D and 2-D ConvTranspose are "
                                "supported");
  if (intAttr(node, "group", 1) != 1)
    return im.unsupported(node, "group > 1 is not supported");
  llvm::SmallVector<int64_t> dilations = intsAttr(node, "dilations", {1, 1});
  if (dilations != llvm::SmallVector<int64_t>{1, 1})
    return im.unsupported(node, "dilations other than 1 are not supported "
                                "(tosa.transpose_conv2d has none)");
  llvm::SmallVector<int64_t> strides = intsAttr(node, "strides", {1, 1});
  llvm::SmallVector<int64_t> outputPadding =
      intsAttr(node, "output_padding", {0, 0});
  int64_t kh = weightType.getDimSize(2), kw = weightType.getDimSize(3);
  int64_t outChannels = weightType.getDimSize(1);
  Type element = weightType.getElementType();

  Value input = im.inputNHWC(node, 0);
  RankedTensorType inputType = TosaEmitter::typeOf(input);
  RankedTensorType outType = im.outputType(node, 0);
  int64_t in[2] = {inputType.getDimSize(1), inputType.getDimSize(2)};
  int64_t out[2] = {outType.getDimSize(2), outType.getDimSize(3)};
  int64_t kernel[2] = {kh, kw};

  // The output size shape inference found fixes the total padding; how it
  // splits between begin and end follows pads or auto_pad.
  std::string autoPad = stringAttr(node, "auto_pad", "NOTSET");
  llvm::SmallVector<int64_t> pads = intsAttr(node, "pads", {0, 0, 0, 0});
  llvm::SmallVector<int64_t> outPad;
  for (int i = 0; i < 2; ++i) {
    int64_t full = strides[i] * (in[i] - 1) + outputPadding[i] + kernel[i];
    int64_t total = full - out[i];
    int64_t begin = pads[i];
    // ONNX's rule divides with floor, so a negative total (an output_shape
    // larger than the full result) adds rows at the end.
    int64_t half = llvm::divideFloorSigned(total, 2);
    if (autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER" ||
        findAttr(node, "output_shape"))
      begin = autoPad == "SAME_UPPER" ? half : total - half;
    int64_t end = total - begin;
    // TOSA's out_pad adds rows to the full transposed convolution; ONNX's
    // pads remove them.
    outPad.push_back(-begin);
    outPad.push_back(outputPadding[i] - end);
  }
  Value weight = im.inputPermuted(node, 1, {1, 2, 3, 0});
  Value bias = im.hasInput(node, 2) ? im.input(node, 2)
                                    : e.splat({outChannels}, 0.0, element);
  Value result = e.create<tosa::TransposeConv2DOp>(
      e.tensorType({inputType.getDimSize(0), out[0], out[1], outChannels},
                   element),
      input, weight, bias, e.zeroPoint(element), e.zeroPoint(element), outPad,
      strides, element);
  im.setOutputNHWC(node, 0, result);
  return success();
}

static LogicalResult convertMatMul(GraphImporter &im, const NodeProto &node) {
  Type element = im.inputType(node, 0).getElementType();
  if (!isa<FloatType>(element))
    return im.unsupported(node, "integer MatMul is not supported (use "
                                "QLinearMatMul models)");
  MatMulOperands operands;
  operands.lhs = im.input(node, 0);
  operands.rhs = im.input(node, 1);
  operands.lhsZp = im.emit().zeroPoint(element);
  operands.rhsZp = im.emit().zeroPoint(element);
  operands.accType = element;
  im.setOutput(
      node, 0,
      buildMatMul(im.emit(), operands, im.outputType(node, 0).getShape()));
  return success();
}

static LogicalResult convertGemm(GraphImporter &im, const NodeProto &node) {
  TosaEmitter &e = im.emit();
  Type element = im.inputType(node, 0).getElementType();
  if (!isa<FloatType>(element))
    return im.unsupported(node, "integer Gemm is not supported");
  bool transA = intAttr(node, "transA", 0), transB = intAttr(node, "transB", 0);
  double alpha = floatAttr(node, "alpha", 1.0f);
  double beta = floatAttr(node, "beta", 1.0f);
  MatMulOperands operands;
  operands.lhs = transA ? im.inputPermuted(node, 0, {1, 0}) : im.input(node, 0);
  operands.rhs = transB ? im.inputPermuted(node, 1, {1, 0}) : im.input(node, 1);
  operands.lhsZp = e.zeroPoint(element);
  operands.rhsZp = e.zeroPoint(element);
  operands.accType = element;
  RankedTensorType outType = im.outputType(node, 0);
  Value result = buildMatMul(e, operands, outType.getShape());
  if (alpha != 1.0)
    result = e.mul(result, e.scalar(alpha, element, 2));
  if (im.hasInput(node, 2)) {
    Value c = im.input(node, 2);
    if (beta != 1.0)
      c = e.mul(c, e.scalar(beta, element, TosaEmitter::typeOf(c).getRank()));
    result = e.add(result, c);
  }
  im.setOutput(node, 0, result);
  return success();
}

void registerContractionConverters(ConverterTable &table) {
  table["Conv"] = {convertConv};
  table["ConvTranspose"] = {convertConvTranspose};
  table["MatMul"] = {convertMatMul};
  table["Gemm"] = {convertGemm};
}

} // namespace mlir::roof::onnx_import
