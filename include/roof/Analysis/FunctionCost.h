//===- FunctionCost.h - Costing every op of a function ----------*- C++ -*-===//
//
// Walks a function, asks each op's CostOpInterface for its cost and sums the
// totals. The annotation pass and later reports share this walk, so costs are
// derived in one place only.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_ANALYSIS_FUNCTIONCOST_H
#define ROOF_ANALYSIS_FUNCTIONCOST_H

#include "roof/Analysis/CostContext.h"
#include "roof/Analysis/OpCost.h"
#include "roof/Analysis/WeightAnalysis.h"

#include "mlir/Interfaces/FunctionInterfaces.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/STLFunctionalExtras.h"

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

/// Totals of one function.
struct FunctionCost {
  OpCost total;
  ParameterTotals parameters;
  /// Ops whose cost is in `total`.
  uint64_t opsCounted = 0;
  /// Work done ahead of time: the prepared ops that do any (views of weights
  /// are free and not counted), and the cost of all their executions.
  OpCost prepared;
  uint64_t opsPrepared = 0;
  /// Ops whose cost is unknown, and how many of each op name.
  uint64_t opsUnknown = 0;
  llvm::MapVector<StringRef, uint64_t> unknownOps;
};

/// The cost of one op as its CostOpInterface reports it; ops without the
/// interface are unknown.
OpCostRecord computeOpCost(Operation *op, CostContext &ctx);

/// The cost of one execution of `op` without a pass or a context of one's
/// own; on failure `whyUnknown`, when given, says why.
FailureOr<OpCost> getOpCost(Operation *op, const CostOptions &options = {},
                            std::string *whyUnknown = nullptr);

/// Costs every op of `fn`'s body in order, calling `onOp` for each (terminators
/// and the bodies of costed ops, such as linalg payloads, are not visited).
/// Ops prepared ahead of time are reported (`prepared` set) but totalled
/// apart. Ops in `scf.for`/`scf.forall`/`scf.parallel` loops with static trip
/// counts count that many times; of `scf.if`/`scf.index_switch`/`tosa.cond_if` the
/// costliest region counts; any other region op, and a loop whose trip count
/// is unknown, is itself unknown and the ops inside it are left out of the
/// totals.
FunctionCost
analyzeFunction(FunctionOpInterface fn, const CostOptions &options,
                llvm::function_ref<void(const OpCostRecord &)> onOp = {});

/// The same walk over the ops of one region that runs once (a kernel's body);
/// parameters are not counted.
FunctionCost
analyzeRegion(Region &region, const CostOptions &options,
              llvm::function_ref<void(const OpCostRecord &)> onOp = {});

} // namespace mlir::roof

#endif // ROOF_ANALYSIS_FUNCTIONCOST_H
