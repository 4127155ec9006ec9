//===- ConvertResize.cpp - ONNX Resize/Upsample to tosa.resize ------------===//
//
// tosa.resize maps output row y to input row (y * d + offset) / n with the
// scale n/d as integers, rounding half up in nearest mode. ONNX describes the
// mapping with a coordinate transformation mode and a nearest rounding mode;
// both become integer offsets here. Only the two spatial dims of an NCHW
// input may be resized.
//
//===----------------------------------------------------------------------===//

#include "OnnxAttributes.h"
#include "OnnxGraphImporter.h"

#include <cmath>

namespace mlir::roof::onnx_import {

using onnx::NodeProto;

namespace {
struct Fraction {
  int64_t n, d;
};
} // namespace

/// The closest fraction to `value` with a denominator of at most 1024
/// (continued fractions); scales in real models are small ratios.
static Fraction toFraction(double value) {
  int64_t n0 = 0, d0 = 1, n1 = 1, d1 = 0;
  double x = value;
  for (int i = 0; i < 32; ++i) {
    int64_t a = static_cast<int64_t>(std::floor(x));
    int64_t n2 = a * n1 + n0, d2 = a * d1 + d0;
    if (d2 > 1024)
      break;
    n0 = n1;
    d0 = d1;
    n1 = n2;
    d1 = d2;
    double frac = x - a;
    if (frac < 1e-9 || std::abs(static_cast<double>(n1) / d1 - value) < 1e-9)
      break;
    x = 1.0 / frac;
  }
  return {n1, d1};
}

static LogicalResult convertResize(GraphImporter &im, const NodeProto &node) {
  RankedTensorType inType = im.inputType(node, 0);
  RankedTensorType outType = im.outputType(node, 0);
  if (inType.getRank() != 4 || inType.getDimSize(0) != outType.getDimSize(0) ||
      inType.getDimSize(1) != outType.getDimSize(1))
    return im.unsupported(node, "only resizing H and W of a 4-D NCHW tensor "
                                "is supported");
  if (!isa<FloatType>(inType.getElementType()))
    return im.unsupported(node, "only float Resize is supported");

  bool legacy = node.op_type() == "Upsample" || im.opset() < 11;
  std::string mode = stringAttr(node, "mode", "nearest");
  if (mode != "nearest" && mode != "linear" && mode != "bilinear")
    return im.unsupported(node, "mode '" + mode + "' is not supported");
  std::string transform =
      legacy ? "asymmetric"
             : stringAttr(node, "coordinate_transformation_mode", "half_pixel");
  std::string rounding =
      legacy ? "floor" : stringAttr(node, "nearest_mode", "round_prefer_floor");

  // The scale ONNX uses in the coordinate mapping: given scales if any,
  // else output / input size.
  int scalesIndex = legacy ? 1 : 2;
  const HostTensor *scales = im.constantInput(node, scalesIndex);
  if (im.hasInput(node, scalesIndex) && !scales)
    return im.unsupported(node, "scales must be a constant");

  llvm::SmallVector<int64_t> scaleAttr, offsetAttr, borderAttr;
  for (int i = 0; i < 2; ++i) {
    int64_t in = inType.getDimSize(2 + i), out = outType.getDimSize(2 + i);
    double scale = scales && scales->size() == 4
                       ? scales->asDouble(2 + i)
                       : static_cast<double>(out) / in;
    // align_corners maps the corners onto each other: x * (in - 1) /
    // (in * scale - 1), with the unrounded output length as ONNX does.
    bool corners = transform == "align_corners";
    double ratio = !corners                     ? scale
                   : (in > 1 && in * scale > 1) ? (in * scale - 1) / (in - 1)
                                                : 1.0;
    Fraction f = toFraction(ratio);
    // Even n keeps n/2 exact in the rounding adjustments below.
    int64_t n = 2 * f.n, d = 2 * f.d, offset = 0;
    if (transform == "half_pixel" ||
        (transform == "pytorch_half_pixel" && out > 1)) {
      // (y + 1/2) / s - 1/2 = (y*d + (d - n)/2) / n.
      offset = (d - n) / 2;
    } else if (transform == "tf_half_pixel_for_nn") {
      // (y + 1/2) / s = (y*d + d/2) / n.
      offset = d / 2;
    } else if (!corners && transform != "asymmetric" &&
               transform != "pytorch_half_pixel") {
      return im.unsupported(node, "coordinate_transformation_mode '" +
                                      transform + "' is not supported");
    }
    if (mode == "nearest") {
      // TOSA rounds half up; shift the offset to get ONNX's rounding.
      if (rounding == "round_prefer_floor")
        offset -= 1;
      else if (rounding == "floor")
        offset -= n / 2;
      else if (rounding == "ceil")
        offset += n / 2 - 1;
      else if (rounding != "round_prefer_ceil")
        return im.unsupported(node, "nearest_mode '" + rounding +
                                        "' is not supported");
    }
    scaleAttr.append({n, d});
    offsetAttr.push_back(offset);
    borderAttr.push_back((out - 1) * d - (in - 1) * n + offset);
  }

  TosaEmitter &e = im.emit();
  Value input = im.inputNHWC(node, 0);
  auto nhwcOut = e.tensorType({outType.getDimSize(0), outType.getDimSize(2),
                               outType.getDimSize(3), outType.getDimSize(1)},
                              outType.getElementType());
  Value result = e.create<tosa::ResizeOp>(
      nhwcOut, input, e.shape(scaleAttr), e.shape(offsetAttr),
      e.shape(borderAttr),
      mode == "nearest" ? tosa::ResizeMode::NEAREST_NEIGHBOR
                        : tosa::ResizeMode::BILINEAR);
  im.setOutputNHWC(node, 0, result);
  return success();
}

void registerResizeConverters(ConverterTable &table) {
  table["Resize"] = {convertResize};
  table["Upsample"] = {convertResize};
}

} // namespace mlir::roof::onnx_import
