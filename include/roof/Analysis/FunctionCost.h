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
#include "roof/Analysis/OpCostRecord.h"
#include "roof/Analysis/WeightAnalysis.h"

#include "mlir/Interfaces/FunctionInterfaces.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/STLFunctionalExtras.h"

#include <optional>
#include <string>

namespace mlir::roof {

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
/// interface are unknown. Computed once per op and context.
OpCostRecord computeOpCost(Operation *op, CostContext &ctx);

/// The cost of one execution of `op` without a pass or a context of one's
/// own; on failure `whyUnknown`, when given, says why.
FailureOr<OpCost> getOpCost(Operation *op, const CostOptions &options = {},
                            std::string *whyUnknown = nullptr);

/// Costs every op of `fn`'s body in order, calling `onOp` for each (terminators
/// and the bodies of costed ops, such as linalg payloads, are not visited).
/// Ops prepared ahead of time are reported (`prepared` set) but totalled
/// apart. Ops in `scf.for`/`scf.forall`/`scf.parallel` loops with static trip
/// counts count that many times; of `scf.if`/`scf.index_switch`/`tosa.cond_if`
/// the costliest region counts; any other region op, and a loop whose trip
/// count is unknown, is itself unknown and the ops inside it are left out of
/// the totals.
FunctionCost
analyzeFunction(FunctionOpInterface fn, const CostOptions &options,
                llvm::function_ref<void(const OpCostRecord &)> onOp = {});

/// The same walk in a context of the caller's, whose weights and records it
/// shares. Ops for which `throughOp` holds are not costed: the ops of their
/// regions are, in their place (a fused kernel's members, to price the
/// function unfused); such a walk leaves the parameters uncounted (they are
/// the same).
FunctionCost
analyzeFunction(FunctionOpInterface fn, CostContext &ctx,
                llvm::function_ref<void(const OpCostRecord &)> onOp = {},
                llvm::function_ref<bool(Operation *)> throughOp = {});

/// The same walk over the ops of one region that runs once (a kernel's body);
/// parameters are not counted.
FunctionCost
analyzeRegion(Region &region, CostContext &ctx,
              llvm::function_ref<void(const OpCostRecord &)> onOp = {});

} // namespace mlir::roof

#endif // ROOF_ANALYSIS_FUNCTIONCOST_H
