//===- NamedDims.h - Binding dynamic dims by name ---------------*- C++ -*-===//
//
// A function's arguments may name their dynamic dims (`roof.dim_names`, as
// roof-import-onnx --keep-dynamic writes them). Binding names to sizes gives
// a copy of the module in which that function takes static arguments and
// TOSA shape inference has carried the sizes through its ops, ready to cost.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_ANALYSIS_NAMEDDIMS_H
#define ROOF_ANALYSIS_NAMEDDIMS_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "mlir/Interfaces/FunctionInterfaces.h"

#include <map>
#include <string>
#include <vector>

namespace mlir::roof {

/// On a function argument: an array with a name per dim ("" for a dim
/// without one).
inline constexpr llvm::StringLiteral kDimNamesAttrName = "roof.dim_names";

/// Sizes by dim name, ordered by name.
using DimSizes = std::map<std::string, int64_t>;

/// Parses a sweep over named dims, `name:s1,s2,...;name:...`, into every
/// combination of the sizes (the first name varying slowest). A dim may
/// instead be a sum of swept dims and constants (`total:past+seq`,
/// `past:total-1`). Returns an error message, or an empty string on success.
std::string parseDimSweep(llvm::StringRef text, std::vector<DimSizes> &sweep);

/// "batch=8 seq=128".
std::string formatDimSizes(const DimSizes &sizes);

/// The names argument `i` of `fn` gives its dims ("" for a dim without
/// one); empty when it names none.
SmallVector<StringRef> getArgDimNames(FunctionOpInterface fn, unsigned i);

/// The names `fn`'s arguments give their dims, sorted, without repeats.
std::vector<std::string> getDimNames(FunctionOpInterface fn);

/// A copy of `fn`'s module in which `fn` takes `sizes` for its named dims
/// (names it does not use are ignored, dims it does not name stay dynamic)
/// and shapes are inferred from there: TOSA shape inference in rounds, while
/// shapes read from dims (tosa.dim, tosa.concat_shape) fold to constants;
/// concatenations drop inputs without elements (an empty cache). The copy's
/// `fn` in `specialized`. Null, with errors emitted at the function, when
/// the sizes do not fit it.
OwningOpRef<ModuleOp> specializeDims(FunctionOpInterface fn,
                                     const DimSizes &sizes,
                                     FunctionOpInterface &specialized);

} // namespace mlir::roof

#endif // ROOF_ANALYSIS_NAMEDDIMS_H
