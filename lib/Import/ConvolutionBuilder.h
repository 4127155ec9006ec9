//===- ConvolutionBuilder.h - ONNX convolutions as TOSA ---------*- C++ -*-===//
//
// The geometry of ONNX's Conv (pads, auto_pad, strides, dilations, groups)
// mapped onto tosa.conv2d / tosa.depthwise_conv2d in NHWC. Shared by the
// float Conv and the quantized QLinearConv converters, which differ only in
// element types, zero points and what happens to the accumulator.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_LIB_IMPORT_CONVOLUTIONBUILDER_H
#define ROOF_LIB_IMPORT_CONVOLUTIONBUILDER_H

#include "OnnxGraphImporter.h"

namespace mlir::roof::onnx_import {

struct ConvOperands {
  int inputIndex = 0;
  int weightIndex = 1;
  /// Bias input index, or -1 for none (a zero bias is emitted).
  int biasIndex = 2;
  Value inputZp, weightZp;
  /// Accumulator and result element type.
  Type accType;
};

/// TOSA's integer contractions take int8: a uint8 value moves to int8 by
/// subtracting 128 (its zero point moves by the same amount). Other values
/// are returned as they are.
Value toSignedInt8(TosaEmitter &e, Value value);

/// Emits `node`'s 2-D convolution; uint8 input and weight go through
/// toSignedInt8 (the caller passes zero points already moved); returns the NHWC
/// accumulator result, or null after reporting the node as unsupported.
Value buildConvolution(GraphImporter &im, const onnx::NodeProto &node,
                       const ConvOperands &operands);

/// Padding of one spatial dim, resolved from pads or auto_pad.
struct SpatialPadding {
  int64_t begin = 0, end = 0;
};

/// ONNX's pads for each spatial dim of a window op (Conv, pools) with input
/// sizes `in`, kernel `kernel`, `strides` and `dilations`; honours auto_pad.
/// Null on an unknown auto_pad value.
std::optional<llvm::SmallVector<SpatialPadding>>
resolvePadding(const onnx::NodeProto &node, llvm::ArrayRef<int64_t> in,
               llvm::ArrayRef<int64_t> kernel, llvm::ArrayRef<int64_t> strides,
               llvm::ArrayRef<int64_t> dilations);

/// TOSA needs (in + pads - window) to be a multiple of the stride; ONNX
/// floors. Shrinks the end padding, then crops the input's end (rows the
/// window never reaches), so the NHWC input matches TOSA's rule. Returns the
/// possibly-sliced input.
Value fitWindowToStride(TosaEmitter &e, Value inputNHWC,
                        llvm::MutableArrayRef<SpatialPadding> pads,
                        llvm::ArrayRef<int64_t> window,
                        llvm::ArrayRef<int64_t> strides);

} // namespace mlir::roof::onnx_import

#endif // ROOF_LIB_IMPORT_CONVOLUTIONBUILDER_H
