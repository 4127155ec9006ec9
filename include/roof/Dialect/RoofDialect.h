//===- RoofDialect.h - The roof dialect -------------------------*- C++ -*-===//
//
// Declares the dialect and its attributes.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_DIALECT_ROOFDIALECT_H
#define ROOF_DIALECT_ROOFDIALECT_H

#include "roof/Support/Counts.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "roof/Dialect/RoofOpsDialect.h.inc"

#define GET_ATTRDEF_CLASSES
#include "roof/Dialect/RoofAttrs.h.inc"

#define GET_OP_CLASSES
#include "roof/Dialect/RoofOps.h.inc"

namespace mlir::roof {
/// The attribute names under which roof-annotate-cost stores costs.
inline constexpr llvm::StringLiteral kCostAttrName = "roof.cost";
inline constexpr llvm::StringLiteral kTotalsAttrName = "roof.totals";
/// Marks an op a deployment runs ahead of time (it computes from weights
/// alone); its `roof.cost` is not in the function's run-time totals.
inline constexpr llvm::StringLiteral kPreparedAttrName = "roof.prepared";
/// Marks a roof.kernel that holds an attention (roof-fuse-epilogues
/// attention=true): its tiles of scores stay on chip where the target has
/// room for them (docs/fusion.md).
inline constexpr llvm::StringLiteral kAttentionAttrName = "roof.attention";
/// On a function argument: an array with a name per dim ("" for a dim
/// without one), as roof-import-onnx --keep-dynamic writes it; a sweep binds
/// dims by these names (roof/Analysis/NamedDims.h).
inline constexpr llvm::StringLiteral kDimNamesAttrName = "roof.dim_names";

/// What `value` is where it is made: for a roof.kernel's result, the value
/// its body yields; any other value itself.
Value lookThroughKernel(Value value);
} // namespace mlir::roof

#endif // ROOF_DIALECT_ROOFDIALECT_H
