//===- OnnxAttributes.h - Reading ONNX node attributes ----------*- C++ -*-===//

#ifndef ROOF_LIB_IMPORT_ONNXATTRIBUTES_H
#define ROOF_LIB_IMPORT_ONNXATTRIBUTES_H

#include "onnx/onnx_pb.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace mlir::roof::onnx_import {

inline const onnx::AttributeProto *findAttr(const onnx::NodeProto &node,
                                            llvm::StringRef name) {
  for (const onnx::AttributeProto &attr : node.attribute())
    if (attr.name() == name)
      return &attr;
  return nullptr;
}

inline int64_t intAttr(const onnx::NodeProto &node, llvm::StringRef name,
                       int64_t defaultValue) {
  const onnx::AttributeProto *attr = findAttr(node, name);
  return attr ? attr->i() : defaultValue;
}

inline float floatAttr(const onnx::NodeProto &node, llvm::StringRef name,
                       float defaultValue) {
  const onnx::AttributeProto *attr = findAttr(node, name);
  return attr ? attr->f() : defaultValue;
}

inline std::string stringAttr(const onnx::NodeProto &node, llvm::StringRef name,
                              llvm::StringRef defaultValue) {
  const onnx::AttributeProto *attr = findAttr(node, name);
  return attr ? attr->s() : defaultValue.str();
}

/// The ints of attribute `name`, or `defaultValue` when absent.
inline llvm::SmallVector<int64_t>
intsAttr(const onnx::NodeProto &node, llvm::StringRef name,
         llvm::ArrayRef<int64_t> defaultValue = {}) {
  const onnx::AttributeProto *attr = findAttr(node, name);
  if (!attr)
    return llvm::SmallVector<int64_t>(defaultValue);
  return llvm::SmallVector<int64_t>(attr->ints().begin(), attr->ints().end());
}

/// An ONNX axis (negative counts from the end) as a dim index.
inline int64_t normalizeAxis(int64_t axis, int64_t rank) {
  return axis < 0 ? axis + rank : axis;
}

/// Attribute `name` of `node` (`fallback` when absent) as an axis of a
/// tensor of `rank`, counted from the front; none outside [-rank, rank),
/// which ONNX does not define (an axis of 2^62 must not wrap to another).
inline std::optional<int64_t> axisAttr(const onnx::NodeProto &node,
                                       llvm::StringRef name, int64_t fallback,
                                       int64_t rank) {
  int64_t axis = intAttr(node, name, fallback);
  if (axis < -rank || axis >= rank)
    return std::nullopt;
  return normalizeAxis(axis, rank);
}

/// Why attribute `name` of `node` is no axis of a tensor of `rank`.
inline std::string describeBadAxis(const onnx::NodeProto &node,
                                   llvm::StringRef name, int64_t fallback,
                                   int64_t rank) {
  return name.str() + " " + std::to_string(intAttr(node, name, fallback)) +
         " is out of range for a tensor of rank " + std::to_string(rank);
}

/// The name diagnostics and op locations give a node: its own, or for an
/// unnamed node its op type and first output.
inline std::string displayName(const onnx::NodeProto &node) {
  if (!node.name().empty())
    return node.name();
  return node.op_type() + ":" + (node.output_size() ? node.output(0) : "");
}

} // namespace mlir::roof::onnx_import

#endif // ROOF_LIB_IMPORT_ONNXATTRIBUTES_H
