//===- TargetComparison.h - One function on several targets ----*- C++ -*-===//
//
// Which target runs a function fastest, which spends the least energy and
// which costs the least per inference, among the targets that priced all
// its kernels: computed once for every report format.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_PRICING_TARGETCOMPARISON_H
#define ROOF_PRICING_TARGETCOMPARISON_H

#include "roof/Pricing/PricingTypes.h"

namespace mlir::roof {

struct TargetComparison {
  StringRef function;
  /// Its reports, one per target, in the order the targets were given.
  SmallVector<const FunctionRoofline *> reports;
  /// Among the reports without a kernel lacking a rate (null when none).
  const FunctionRoofline *fastest = nullptr;
  const FunctionRoofline *leanest = nullptr;
  /// The cheapest per inference, when two of them or more have a price.
  const FunctionRoofline *cheapest = nullptr;

  /// " fastest", " most-energy-efficient", " cheapest",
  /// " incomplete(no-rate)" as they apply to `r`, each after a space.
  std::string getNotes(const FunctionRoofline *r) const;
};

/// The functions of `reports` priced on two targets or more, in the order
/// they first appear.
SmallVector<TargetComparison>
compareTargets(ArrayRef<FunctionRoofline> reports);

} // namespace mlir::roof

#endif // ROOF_PRICING_TARGETCOMPARISON_H
