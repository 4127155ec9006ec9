//===- Breakdown.h - Where a function's time goes, by op type ---*- C++ -*-===//
//
// The kernels of a priced function grouped by the op that runs them (a
// fused kernel by its root op): what every report format prints as its
// breakdown, computed once.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_REPORT_BREAKDOWN_H
#define ROOF_REPORT_BREAKDOWN_H

#include "roof/Report/Roofline.h"

#include <string>

namespace mlir::roof {

/// The kernels of one op type.
struct OpTypeShare {
  /// The root op's name, e.g. "linalg.matmul".
  std::string op;
  unsigned kernels = 0;
  double seconds = 0;
  /// Of the time of all kernels with a time, in [0, 1]; the shares sum to 1.
  double share = 0;
  uint64_t flops = 0;
  uint64_t bytes = 0;
};

/// The kernels of `r` with a time, grouped by op type, slowest first (ties
/// by name).
SmallVector<OpTypeShare> getTimeByOpType(const FunctionRoofline &r);

} // namespace mlir::roof

#endif // ROOF_REPORT_BREAKDOWN_H
