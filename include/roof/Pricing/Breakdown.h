//===- Breakdown.h - Where a function's time goes, by group -----*- C++ -*-===//
//
// The kernels of a priced function grouped by the op that runs them (a
// fused kernel by its root op) or by their kernel class: what every report
// format prints as its breakdowns, computed once.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_PRICING_BREAKDOWN_H
#define ROOF_PRICING_BREAKDOWN_H

#include "roof/Pricing/PricingTypes.h"

#include <string>

namespace mlir::roof {

/// The kernels of one group.
struct TimeShare {
  /// What the kernels share: a root op's name ("linalg.matmul") or a kernel
  /// class ("conv").
  std::string key;
  unsigned kernels = 0;
  double seconds = 0;
  /// Of the time of all kernels with a time, in [0, 1]; the shares sum to 1.
  double share = 0;
  uint64_t flops = 0;
  uint64_t bytes = 0;
  /// Whether every kernel in it runs at an integer dtype: its work is
  /// operations (OP), not FLOPs.
  bool integer = true;
};

/// The kernels of `r` with a time, grouped by op type, slowest first (ties
/// by name).
SmallVector<TimeShare> getTimeByOpType(const FunctionRoofline &r);

/// The same grouped by kernel class (OpClassification's getKernelClass).
SmallVector<TimeShare> getTimeByClass(const FunctionRoofline &r);

/// The same grouped by name scope: the first `depth` parts of each kernel's
/// node name split at '/' and '.' ("/layer3/conv2/Conv" at depth 2 is
/// "layer3/conv2"; "layer3.1.conv2" is "layer3.1"), "(unnamed)" for a
/// kernel without a name.
SmallVector<TimeShare> getTimeByScope(const FunctionRoofline &r,
                                      unsigned depth);

/// The first `depth` parts of `name` split at '/' and '.', the separators
/// between them kept, leading ones dropped (empty parts do not count).
std::string getScope(StringRef name, unsigned depth);

} // namespace mlir::roof

#endif // ROOF_PRICING_BREAKDOWN_H
