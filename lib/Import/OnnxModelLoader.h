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

namespace mlir::roof::onnx_import {

/// Oldest and newest default-domain opset the importer converts.
constexpr int64_t kMinOpset = 9;
constexpr int64_t kMaxOpset = 17;

/// The model at `path`, ready to convert, or null after emitting errors at
/// `fileLoc`.
std::unique_ptr<onnx::ModelProto>
loadOnnxModel(llvm::StringRef path, Location fileLoc,
              const OnnxImportOptions &options);

/// The default-domain opset version the model imports.
int64_t defaultOpset(const onnx::ModelProto &model);

} // namespace mlir::roof::onnx_import

#endif // ROOF_LIB_IMPORT_ONNXMODELLOADER_H
