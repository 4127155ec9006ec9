//===- OnnxGraphChecks.h - What a model must satisfy to be read -*- C++ -*-===//
//
// Checks on an ONNX graph made before anything reads it further: ONNX's own
// shape inference divides by attributes and indexes by names without
// checking them, and the importer sizes buffers from dims. A model that
// fails a check is an error at the node or initializer it names.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_LIB_IMPORT_ONNXGRAPHCHECKS_H
#define ROOF_LIB_IMPORT_ONNXGRAPHCHECKS_H

#include "mlir/IR/Location.h"
#include "mlir/Support/LLVM.h"
#include "onnx/onnx_pb.h"

namespace mlir::roof::onnx_import {

/// Checks that every value has one producer (a graph input, an initializer
/// or one node output), that initializers' dims are sizes whose bytes fit in
/// 63 bits and whose stored data holds exactly that many elements, and that
/// window attributes (strides, dilations, kernel shapes, pads, groups, LRN
/// sizes) are in range. Emits one error per finding at `fileLoc`.
LogicalResult checkGraph(const onnx::GraphProto &graph, Location fileLoc);

} // namespace mlir::roof::onnx_import

#endif // ROOF_LIB_IMPORT_ONNXGRAPHCHECKS_H
