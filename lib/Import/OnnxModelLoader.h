//===- OnnxModelLoader.h - Reading and preparing an ONNX model --*- C++ -*-===//
//
// Everything that happens to an ONNX model before any MLIR is emitted: parse
// the protobuf, resolve external data, check the opset, bind symbolic input
// dims, then fold shape computations and run ONNX's shape inference so every
// value has a static type.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_LIB_IMPORT_ONNXMODELLOADER_H
#define ROOF_LIB_IMPORT_ONNXMODELLOADER_H

#include "roof/Import/OnnxImporter.h"

#include "mlir/IR/Location.h"
#include "onnx/onnx_pb.h"

#include <memory>
#include <string>
#include <vector>

namespace mlir::roof::onnx_import {

/// Oldest and newest default-domain opset the importer converts.
constexpr int64_t kMinOpset = 9;
constexpr int64_t kMaxOpset = 17;

/// Per graph input (initializers aside, in order), its dims' symbolic names
/// as the model gives them ("" for a dim without one).
using InputDimNames = std::vector<std::vector<std::string>>;

/// The model at `path`, ready to convert, or null after emitting errors at
/// `fileLoc`. `dimNames`, when given, receives the inputs' dim names before
/// they are bound.
std::unique_ptr<onnx::ModelProto>
loadOnnxModel(llvm::StringRef path, Location fileLoc,
              const OnnxImportOptions &options,
              InputDimNames *dimNames = nullptr);

/// The default-domain opset version the model imports.
int64_t defaultOpset(const onnx::ModelProto &model);

} // namespace mlir::roof::onnx_import

#endif // ROOF_LIB_IMPORT_ONNXMODELLOADER_H
