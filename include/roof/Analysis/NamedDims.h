//===- NamedDims.h - Binding dynamic dims by name ---------------*- C++ -*-===//
//
// A function's arguments may name their dynamic dims (`roof.dim_names`, as
// roof-import-onnx --keep-dynamic writes them): reading those names, and
// parsing the sizes a sweep binds them to. Binding itself is a
// transformation (roof/Transforms/SpecializeDims.h).
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_ANALYSIS_NAMEDDIMS_H
#define ROOF_ANALYSIS_NAMEDDIMS_H

#include "mlir/Interfaces/FunctionInterfaces.h"

#include <map>
#include <string>
#include <vector>

namespace mlir::roof {

/// Sizes by dim name, ordered by name.
using DimSizes = std::map<std::string, int64_t>;

/// The most combinations of sizes one sweep prices: each is the whole
/// module priced again.
inline constexpr uint64_t kMaxSweepCombinations = 4096;

/// Parses a sweep over named dims, `name:s1,s2,...;name:...`, into every
/// combination of the sizes (the first name varying slowest). A dim may
/// instead be a sum of swept dims and constants (`total:past+seq`,
/// `past:total-1`). Returns an error message, or an empty string on success;
/// more than kMaxSweepCombinations combinations is an error, counted before
/// any is made.
std::string parseDimSweep(llvm::StringRef text, std::vector<DimSizes> &sweep);

/// "batch=8 seq=128".
std::string formatDimSizes(const DimSizes &sizes);

/// The names argument `i` of `fn` gives its dims ("" for a dim without
/// one); empty when it names none.
SmallVector<StringRef> getArgDimNames(FunctionOpInterface fn, unsigned i);

/// The names `fn`'s arguments give their dims, sorted, without repeats.
std::vector<std::string> getDimNames(FunctionOpInterface fn);

} // namespace mlir::roof

#endif // ROOF_ANALYSIS_NAMEDDIMS_H
