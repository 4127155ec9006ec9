//===- ConvertQuantization.cpp - ONNX quantized ops to TOSA ---------------===//
//
// QuantizeLinear / DequantizeLinear as float arithmetic around tosa.cast;
// QLinearConv / QLinearMatMul as integer tosa.conv2d / tosa.matmul with i32
// accumulators and a tosa.rescale to the output's scale and zero point, so
// cost reports see int8 contractions.
//
//===----------------------------------------------------------------------===//

#include "ConvolutionBuilder.h"
#include "MatMulBuilder.h"
#include "OnnxAttributes.h"
#include "OnnxGraphImporter.h"

#include <cmath>

namespace mlir::roof::onnx_import {

using onnx::NodeProto;

/// A per-tensor or per-axis parameter (scale, zero point) of input `i`,
/// shaped to broadcast against a rank-`rank` tensor along `axis`, in the
/// chosen layout.
static Value quantParam(GraphImporter &im, const NodeProto &node, int i,
                        int64_t rank, int64_t axis, bool nhwc) {
  TosaEmitter &e = im.emit();
  Value param = im.input(node, i);
  llvm::SmallVector<int64_t> shape(rank, 1);
  int64_t count = TosaEmitter::typeOf(param).getNumElements();
  if (count > 1)
    shape[axis] = count;
  return im.toLayout(e.reshape(param, shape), nhwc);
}

/// The axis the quantization parameters (inputs 1 and 2) run along: for
/// per-axis ones (more than one element) attribute `axis` checked against
/// `rank`; ONNX ignores it for per-tensor ones, and so does quantParam.
static std::optional<int64_t>
getQuantAxis(GraphImporter &im, const NodeProto &node, int64_t rank) {
  if (im.inputType(node, 1).getNumElements() <= 1)
    return 0;
  return axisAttr(node, "axis", 1, rank);
}

static std::pair<double, double> integerRange(Type element) {
  auto type = cast<IntegerType>(element);
  unsigned width = type.getWidth();
  if (type.isUnsigned())
    return {0.0, std::ldexp(1.0, width) - 1};
  return {-std::ldexp(1.0, width - 1), std::ldexp(1.0, width - 1) - 1};
}

static LogicalResult convertQuantize(GraphImporter &im, const NodeProto &node) {
  RankedTensorType xType = im.inputType(node, 0);
  Type out = im.outputType(node, 0).getElementType();
  if (!isa<IntegerType>(out))
    return im.unsupported(node, "only integer outputs are supported");
  int64_t rank = xType.getRank();
  std::optional<int64_t> found = getQuantAxis(im, node, rank);
  if (!found)
    return im.unsupported(node, describeBadAxis(node, "axis", 1, rank));
  int64_t axis = *found;
  bool nhwc = rank == 4 && im.prefersNHWC(node);
  TosaEmitter &e = im.emit();
  Type f = xType.getElementType();
  // round(x / scale) + zp, saturated; tosa.cast rounds half to even as
  // ONNX does, and adding an integer zero point first does not change that.
  Value x = im.inputInLayout(node, 0, nhwc);
  Value scaled =
      e.mul(x, e.reciprocal(quantParam(im, node, 1, rank, axis, nhwc)));
  if (im.hasInput(node, 2))
    scaled =
        e.add(scaled, e.cast(quantParam(im, node, 2, rank, axis, nhwc), f));
  auto [lo, hi] = integerRange(out);
  im.setOutputInLayout(node, 0, e.cast(e.clamp(scaled, lo, hi), out), nhwc);
  return success();
}

static LogicalResult convertDequantize(GraphImporter &im,
                                       const NodeProto &node) {
  RankedTensorType xType = im.inputType(node, 0);
  Type f = im.outputType(node, 0).getElementType();
  int64_t rank = xType.getRank();
  std::optional<int64_t> found = getQuantAxis(im, node, rank);
  if (!found)
    return im.unsupported(node, describeBadAxis(node, "axis", 1, rank));
  int64_t axis = *found;
  bool nhwc = rank == 4 && im.prefersNHWC(node);
  TosaEmitter &e = im.emit();
  Value x = e.cast(im.inputInLayout(node, 0, nhwc), f);
  if (im.hasInput(node, 2))
    x = e.sub(x, e.cast(quantParam(im, node, 2, rank, axis, nhwc), f));
  im.setOutputInLayout(
      node, 0, e.mul(x, quantParam(im, node, 1, rank, axis, nhwc)), nhwc);
  return success();
}

namespace {
/// The inputs of QLinearConv / QLinearMatMul by position.
struct QLinearLayout {
  int x, xScale, xZp, w, wScale, wZp, yScale, yZp;
};
constexpr QLinearLayout kQLinear = {0, 1, 2, 3, 4, 5, 6, 7};
} // namespace

/// The int8 zero point of 8-bit operand `operand` whose zero point is input
/// `i` (moved by -128 for uint8 operands, see toSignedInt8), or null.
static Value zeroPointInput(GraphImporter &im, const NodeProto &node, int i,
                            int operand) {
  const HostTensor *zp = im.constantInput(node, i);
  if (!zp || zp->size() != 1)
    return {};
  bool isUnsigned =
      im.inputType(node, operand).getElementType().isUnsignedInteger();
  return im.emit().zeroPoint(im.builder().getI8Type(),
                             zp->asInt(0) - (isUnsigned ? 128 : 0));
}

/// tosa.rescale of the i32 accumulator `acc` (channels last) to the output
/// type: scale = x_scale * w_scale[c] / y_scale as a 31-bit multiplier and a
/// shift per channel.
static Value requantize(GraphImporter &im, const NodeProto &node, Value acc,
                        Type outElement) {
  TosaEmitter &e = im.emit();
  const HostTensor *xScale = im.constantInput(node, kQLinear.xScale);
  const HostTensor *wScale = im.constantInput(node, kQLinear.wScale);
  const HostTensor *yScale = im.constantInput(node, kQLinear.yScale);
  const HostTensor *yZp = im.constantInput(node, kQLinear.yZp);
  if (!xScale || !wScale || !yScale || !yZp) {
    (void)im.unsupported(node, "scales and zero points must be constants");
    return {};
  }
  llvm::SmallVector<int32_t> multipliers;
  llvm::SmallVector<int8_t> shifts;
  for (int64_t c = 0; c < wScale->size(); ++c) {
    double scale =
        xScale->asDouble(0) * wScale->asDouble(c) / yScale->asDouble(0);
    int exponent;
    double mantissa = std::frexp(scale, &exponent); // scale = m * 2^exp
    int64_t multiplier = std::llround(mantissa * (1ll << 31));
    int64_t shift = 31 - exponent;
    if (multiplier == (1ll << 31)) {
      multiplier /= 2;
      --shift;
    }
    if (shift < 2 || shift > 62) {
      (void)im.unsupported(node, "the requantization scale " +
                                     llvm::Twine(std::to_string(scale)) +
                                     " is out of tosa.rescale's range");
      return {};
    }
    multipliers.push_back(static_cast<int32_t>(multiplier));
    shifts.push_back(static_cast<int8_t>(shift));
  }
  int64_t channels = multipliers.size();
  auto multType = e.tensorType({channels}, e.builder().getI32Type());
  auto shiftType = e.tensorType({channels}, e.builder().getI8Type());
  auto accType = TosaEmitter::typeOf(acc);
  return e.create<tosa::RescaleOp>(
      e.tensorType(accType.getShape(), outElement), acc,
      e.create<tosa::ConstOp>(
          multType,
          DenseElementsAttr::get(multType, llvm::ArrayRef(multipliers))),
      e.create<tosa::ConstOp>(
          shiftType, DenseElementsAttr::get(shiftType, llvm::ArrayRef(shifts))),
      e.zeroPoint(accType.getElementType(), 0),
      e.zeroPoint(outElement, yZp->asInt(0)), /*scale32=*/true,
      tosa::RoundingMode::SINGLE_ROUND, /*per_channel=*/channels > 1,
      /*input_unsigned=*/false,
      /*output_unsigned=*/outElement.isUnsignedInteger());
}

static LogicalResult checkEightBitOperands(GraphImporter &im,
                                           const NodeProto &node) {
  for (int i : {kQLinear.x, kQLinear.w, kQLinear.yZp}) {
    Type element = im.inputType(node, i).getElementType();
    if (!element.isInteger(8))
      return im.unsupported(node, "only int8 and uint8 operands are "
                                  "supported");
  }
  return success();
}

static LogicalResult convertQLinearConv(GraphImporter &im,
                                        const NodeProto &node) {
  if (failed(checkEightBitOperands(im, node)))
    return failure();
  Type i32 = im.builder().getI32Type();
  ConvOperands operands;
  operands.inputIndex = kQLinear.x;
  operands.weightIndex = kQLinear.w;
  operands.biasIndex = 8;
  operands.accType = i32;
  operands.inputZp = zeroPointInput(im, node, kQLinear.xZp, kQLinear.x);
  operands.weightZp = zeroPointInput(im, node, kQLinear.wZp, kQLinear.w);
  if (!operands.inputZp || !operands.weightZp)
    return im.unsupported(node, "per-channel or non-constant zero points are "
                                "not supported");
  Value acc = buildConvolution(im, node, operands);
  if (!acc)
    return failure();
  Value result =
      requantize(im, node, acc, im.outputType(node, 0).getElementType());
  if (!result)
    return failure();
  im.setOutputNHWC(node, 0, result);
  return success();
}

static LogicalResult convertQLinearMatMul(GraphImporter &im,
                                          const NodeProto &node) {
  if (failed(checkEightBitOperands(im, node)))
    return failure();
  Type i32 = im.builder().getI32Type();
  MatMulOperands operands;
  operands.lhs = toSignedInt8(im.emit(), im.input(node, kQLinear.x));
  operands.rhs = toSignedInt8(im.emit(), im.input(node, kQLinear.w));
  operands.lhsZp = zeroPointInput(im, node, kQLinear.xZp, kQLinear.x);
  operands.rhsZp = zeroPointInput(im, node, kQLinear.wZp, kQLinear.w);
  operands.accType = i32;
  if (!operands.lhsZp || !operands.rhsZp)
    return im.unsupported(node, "per-channel or non-constant zero points are "
                                "not supported");
  Value acc =
      buildMatMul(im.emit(), operands, im.outputType(node, 0).getShape());
  Value result =
      requantize(im, node, acc, im.outputType(node, 0).getElementType());
  if (!result)
    return failure();
  im.setOutput(node, 0, result);
  return success();
}

void registerQuantizationConverters(ConverterTable &table) {
  table["QuantizeLinear"] = {convertQuantize};
  table["DequantizeLinear"] = {convertDequantize};
  table["QLinearConv"] = {convertQLinearConv};
  table["QLinearMatMul"] = {convertQLinearMatMul};
}

} // namespace mlir::roof::onnx_import
