//===- NonNegativeLeastSquares.h - min |A x - b| with x >= 0 ----*- C++ -*-===//
//
// Lawson and Hanson's active-set algorithm ("Solving Least Squares Problems",
// 1974, chapter 23): the exact minimiser of |A x - b| over x >= 0. It fits a
// calibrated target's per-class pricing, whose terms are times and may not
// be negative.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_SUPPORT_NONNEGATIVELEASTSQUARES_H
#define ROOF_SUPPORT_NONNEGATIVELEASTSQUARES_H

#include <vector>

namespace mlir::roof {

/// The x >= 0 that minimises |A x - b|, A given by its rows (all of one
/// length). Columns of zeros get 0.
std::vector<double>
solveNonNegativeLeastSquares(const std::vector<std::vector<double>> &rows,
                             const std::vector<double> &b);

} // namespace mlir::roof

#endif // ROOF_SUPPORT_NONNEGATIVELEASTSQUARES_H
