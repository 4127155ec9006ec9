//===- DynamicDims.h - Keeping named dims dynamic ---------------*- C++ -*-===//
//
// ONNX shape inference and the importer's folding need every size, so a dim
// the user keeps dynamic (--keep-dynamic) is imported twice: at the size the
// user bound and, in a probe, larger (kProbeShift). The two modules differ
// only where a size depends on a kept dim; those dims become `?`, and each
// argument names its kept dims (roof/Dialect/RoofDialect.h) so a report can
// bind them by name.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_LIB_IMPORT_DYNAMICDIMS_H
#define ROOF_LIB_IMPORT_DYNAMICDIMS_H

#include "OnnxModelLoader.h"

#include "mlir/IR/BuiltinOps.h"

namespace mlir::roof::onnx_import {

/// How much larger kept dims are in the probe import: the i-th kept dim
/// (from 0) by (i + 1) x this, so that two kept dims bound to one size still
/// differ there; a dim bound as a sum of others follows them.
constexpr int64_t kProbeShift = 64;

/// Makes dynamic, in `base`, every dim that differs in `probe` (the same
/// model imported with the kept dims larger), and names the arguments' dims
/// from `inputDimNames`. Fails, with an error at the node at fault, when
/// the two differ in anything but sizes, or when TOSA cannot express a size
/// as dynamic (a reshape infers at most one dim; a slice, tile or pad takes
/// static sizes).
LogicalResult mergeDynamicDims(ModuleOp base, ModuleOp probe,
                               const InputDimNames &inputDimNames);

} // namespace mlir::roof::onnx_import

#endif // ROOF_LIB_IMPORT_DYNAMICDIMS_H
