//===- ScalarArithmetic.h - FLOPs of one scalar arith/math op ---*- C++ -*-===//
//
// One table of what a scalar op costs, used for the bodies of linalg ops and
// for elementwise arith/math ops on tensors alike.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_ANALYSIS_SCALARARITHMETIC_H
#define ROOF_ANALYSIS_SCALARARITHMETIC_H

#include "mlir/IR/Operation.h"

#include <optional>

namespace mlir::roof {

/// FLOPs of one execution of a scalar op; `transcendentals` is the part of
/// `flops` spent in exp, log, tanh, erf, sqrt, rsqrt, pow, trigonometric and
/// hyperbolic functions.
struct ScalarOpCount {
  unsigned flops = 0;
  unsigned transcendentals = 0;
};

/// The count for an `arith`, `math`, `complex` or scalar `tosa` op: 1 for each
/// arithmetic, comparison, select, bitwise and min/max op; 2 for `math.fma`; 0
/// for constants and conversions; 2 for complex add/sub, 6 for complex mul; 3
/// for `tosa.apply_scale` (multiply, round, shift).
/// std::nullopt for any op the table does not know.
std::optional<ScalarOpCount> getScalarOpCount(Operation *op);

} // namespace mlir::roof

#endif // ROOF_ANALYSIS_SCALARARITHMETIC_H
