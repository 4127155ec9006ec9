//===- Footprint.h - Distinct elements an indexing map touches --*- C++ -*-===//
//
// The bytes a structured op reads are the distinct elements each operand's
// indexing map touches over the iteration domain: a broadcast bias read by
// an M x N op touches N values, a strided conv input touches only the rows
// its windows cover.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_ANALYSIS_FOOTPRINT_H
#define ROOF_ANALYSIS_FOOTPRINT_H

#include "mlir/IR/AffineMap.h"
#include "mlir/Support/LLVM.h"

#include <cstdint>

namespace mlir::roof {

/// The number of distinct values `expr` takes as each dim d_i ranges over
/// [0, loopRanges[i]), never more than `limit`. Exact for affine sums of
/// dims with constant coefficients; other expressions (mod, floordiv,
/// symbols) are taken to cover all `limit` values.
uint64_t countDistinctValues(AffineExpr expr, ArrayRef<uint64_t> loopRanges,
                             uint64_t limit);

/// The number of distinct elements of an operand of shape `operandShape`
/// that `map` touches over the iteration domain `loopRanges`.
uint64_t countTouchedElements(AffineMap map, ArrayRef<uint64_t> loopRanges,
                              ArrayRef<uint64_t> operandShape);

} // namespace mlir::roof

#endif // ROOF_ANALYSIS_FOOTPRINT_H
