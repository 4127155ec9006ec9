//===- OnnxTensor.h - Reading ONNX TensorProto values -----------*- C++ -*-===//
//
// The importer's view of an ONNX tensor's contents. ONNX stores values either
// packed in `raw_data` (little endian) or in one of several typed repeated
// fields depending on the data type; these helpers hide the difference.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_LIB_IMPORT_ONNXTENSOR_H
#define ROOF_LIB_IMPORT_ONNXTENSOR_H

#include "onnx/onnx_pb.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace mlir::roof::onnx_import {

/// The dims of a value's declared tensor type when all are static, else
/// nullopt (no tensor type, no shape, or a symbolic dim).
std::optional<llvm::SmallVector<int64_t>>
staticDims(const onnx::ValueInfoProto &info);

/// Calls `fn` on every value type the graph declares: its inputs, the
/// value_info of intermediate values (ONNX's shape inference fills it) and
/// its outputs.
template <typename Fn>
void forEachValueInfo(const onnx::GraphProto &graph, Fn fn) {
  for (const auto &info : graph.input())
    fn(info);
  for (const auto &info : graph.value_info())
    fn(info);
  for (const auto &info : graph.output())
    fn(info);
}

/// Number of elements of a shape (1 for a scalar).
int64_t elementCount(llvm::ArrayRef<int64_t> dims);

/// Bytes one element of an ONNX data type occupies in `raw_data`, or 0 for
/// types without a fixed size (strings, undefined).
int64_t onnxElementBytes(int32_t dataType);

bool isOnnxFloatType(int32_t dataType);

/// A small tensor's values held on the host, for folding shape computations
/// and reading attribute-like inputs (pads, axes, scales, clip bounds).
/// Integers and booleans live in `ints`, floating-point types in `floats`.
struct HostTensor {
  int32_t dataType = onnx::TensorProto::UNDEFINED;
  llvm::SmallVector<int64_t> dims;
  std::vector<int64_t> ints;
  std::vector<double> floats;

  bool isFloat() const { return isOnnxFloatType(dataType); }
  int64_t size() const { return isFloat() ? floats.size() : ints.size(); }
  double asDouble(int64_t i) const { return isFloat() ? floats[i] : ints[i]; }
  int64_t asInt(int64_t i) const {
    return isFloat() ? static_cast<int64_t>(floats[i]) : ints[i];
  }
};

/// Reads the values of `tensor`; nullopt for types it cannot hold (strings,
/// complex) or data whose size disagrees with the dims.
std::optional<HostTensor> readHostTensor(const onnx::TensorProto &tensor);

/// Writes `value` as a TensorProto named `name` (typed fields, not raw).
onnx::TensorProto writeHostTensor(const HostTensor &value,
                                  const std::string &name);

/// The packed little-endian bytes of `tensor` in MLIR's dense layout, or an
/// error message. Booleans come back one byte per element.
std::optional<std::string> packedTensorBytes(const onnx::TensorProto &tensor,
                                             std::string &error);

/// `bytes` holding a row-major tensor of `dims` with `elementBytes` per
/// element, transposed so that result dim i is input dim perm[i].
std::string permuteBytes(llvm::StringRef bytes, llvm::ArrayRef<int64_t> dims,
                         llvm::ArrayRef<int64_t> perm, int64_t elementBytes);

} // namespace mlir::roof::onnx_import

#endif // ROOF_LIB_IMPORT_ONNXTENSOR_H
