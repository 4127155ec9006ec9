//===- SpecializeDims.h - A function with its named dims bound --*- C++ -*-===//
//
// Binding a function's named dims (roof/Analysis/NamedDims.h) to sizes gives
// a copy of its module in which the function takes static arguments and TOSA
// shape inference has carried the sizes through its ops, ready to cost.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_TRANSFORMS_SPECIALIZEDIMS_H
#define ROOF_TRANSFORMS_SPECIALIZEDIMS_H

#include "roof/Analysis/NamedDims.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

namespace mlir::roof {

/// A copy of `fn`'s module in which `fn` takes `sizes` for its named dims
/// (names it does not use are ignored, dims it does not name stay dynamic)
/// and shapes are inferred from there: TOSA shape inference in rounds, while
/// shapes read from dims (tosa.dim, tosa.concat_shape) fold to constants;
/// concatenations drop inputs without elements (an empty cache); then the
/// canonicalizations of tensor and linalg ops carry the sizes through those.
/// The copy's `fn` in `specialized`. Null, with errors emitted at the function,
/// when the sizes do not fit it.
OwningOpRef<ModuleOp> specializeDims(FunctionOpInterface fn,
                                     const DimSizes &sizes,
                                     FunctionOpInterface &specialized);

/// Makes `fn` (bound by specializeDims) return what it computes: casts that
/// only hide static sizes before its return are dropped, and its type takes
/// the static results. The sharding passes need that, since tensor.cast has
/// no sharding model; the report leaves results of dynamic type out of a
/// step's activations, as a decoder's caches it returns are counted apart.
void returnStaticResults(FunctionOpInterface fn);

} // namespace mlir::roof

#endif // ROOF_TRANSFORMS_SPECIALIZEDIMS_H
