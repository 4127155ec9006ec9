//===- OnnxImporter.h - ONNX model to TOSA ----------------------*- C++ -*-===//
//
// Imports an ONNX model file into a module with one `func.func` holding TOSA
// ops (plus `tensor` ops where TOSA has none). Symbolic input dims are bound
// from the options (those kept dynamic are checked at the bound size and
// made `?` after), ONNX's own shape inference makes every type static, and
// shape computations (Shape, Cast, Slice, Concat, ... on constants) are
// folded away. Every op's location is its ONNX node's name.
//
// Failures go to the context's diagnostic engine, at the node's location when
// a node is at fault, and importOnnxFile returns null.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_IMPORT_ONNXIMPORTER_H
#define ROOF_IMPORT_ONNXIMPORTER_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/StringMap.h"

#include <string>
#include <vector>

namespace mlir::roof {

struct OnnxImportOptions {
  /// Shapes by name: a graph input's name binds its whole shape; a symbolic
  /// dim's name (an ONNX `dim_param`) binds that dim wherever it appears.
  /// Dims of a graph input's shape may be -1 to keep the model's own dim.
  llvm::StringMap<llvm::SmallVector<int64_t>> shapes;
  /// Symbolic dims that are sums of others and sizes (`total` =
  /// "past+seq"), bound once the others are.
  llvm::StringMap<std::string> sums;
  /// Emit weight values (as dense resources) so the module can run; without
  /// it weights keep only their shape and element type.
  bool keepWeights = false;
  /// Name of the emitted function.
  std::string functionName = "main";
  /// Symbolic dims (ONNX `dim_param`s) that stay dynamic (`?`) in the
  /// module, each also bound in `shapes` to the size the model is checked
  /// at. The function's arguments name them (`roof.dim_names`), so a report
  /// binds them by name.
  llvm::SmallVector<std::string> keepDynamic;
};

/// Parses one `--input-shape` entry, `name=d0,d1,...` or `name=a+b+n` (a
/// symbolic dim as the sum of others and sizes), into `options`.
/// Returns an error message, or an empty string on success.
std::string parseOnnxShapeBinding(llvm::StringRef text,
                                  OnnxImportOptions &options);

/// The op types the importer converts, sorted; "domain:type" outside the
/// default ONNX domain.
std::vector<std::string> supportedOnnxOps();

/// Imports the ONNX model at `path`. Registers the dialects it emits.
OwningOpRef<ModuleOp> importOnnxFile(llvm::StringRef path, MLIRContext &context,
                                     const OnnxImportOptions &options);

} // namespace mlir::roof

#endif // ROOF_IMPORT_ONNXIMPORTER_H
