//===- OpCostRecord.h - What the cost walk found for one op -----*- C++ -*-===//
//
// One op's outcome of the cost walk: its cost or why it has none, how often
// it runs and whether a deployment prepares it ahead of time.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_ANALYSIS_OPCOSTRECORD_H
#define ROOF_ANALYSIS_OPCOSTRECORD_H

#include "roof/Analysis/OpCost.h"

#include "mlir/IR/Operation.h"

#include <optional>
#include <string>

namespace mlir::roof {

/// The outcome for one op of the walk.
struct OpCostRecord {
  Operation *op = nullptr;
  /// The cost of one execution; std::nullopt when unknown.
  std::optional<OpCost> cost;
  /// Why the cost is unknown (empty when known).
  std::string unknownReason;
  /// True when the op has no cost model at all (as opposed to a model that
  /// could not tell, e.g. for an unbound dynamic dim).
  bool hasNoModel = false;
  /// How many times the op runs per call of the function: the product of the
  /// static trip counts of the loops around it; std::nullopt when an
  /// enclosing region runs an unknown number of times, and then the op is
  /// left out of the totals.
  std::optional<uint64_t> executions = 1;
  /// True when the op computes from weights alone and a deployment runs it
  /// ahead of time (WeightAnalysis::isPrepared): its cost is not in the
  /// totals but in the prepared totals.
  bool prepared = false;
};

} // namespace mlir::roof

#endif // ROOF_ANALYSIS_OPCOSTRECORD_H
