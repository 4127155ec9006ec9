//===- OnnxShapeFolding.h - Folding shape computations ----------*- C++ -*-===//
//
// Exported models compute reshape targets at run time (Shape -> Cast ->
// Slice -> Concat -> Reshape). Once input shapes are bound those values are
// constants: this folds every node whose inputs are all constants (and whose
// result is small) into an initializer, alternating with ONNX's shape
// inference until nothing more folds. Constant nodes become initializers too.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_LIB_IMPORT_ONNXSHAPEFOLDING_H
#define ROOF_LIB_IMPORT_ONNXSHAPEFOLDING_H

#include "mlir/IR/Location.h"
#include "onnx/onnx_pb.h"

namespace mlir::roof::onnx_import {

/// Infers shapes and folds constant subgraphs of `model` (whose default
/// domain is at `opset`) in place. Emits an error at `fileLoc` and fails when
/// ONNX's shape inference throws.
LogicalResult inferAndFoldShapes(onnx::ModelProto &model, int64_t opset,
                                 Location fileLoc);

} // namespace mlir::roof::onnx_import

#endif // ROOF_LIB_IMPORT_ONNXSHAPEFOLDING_H
