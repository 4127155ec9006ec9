//===- FunctionCost.cpp - Costing every op of a function ------------------===//

#include "roof/Analysis/FunctionCost.h"

#include "roof/Analysis/CostOpInterface.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Interfaces/CallInterfaces.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/LoopLikeInterface.h"

using namespace mlir;
using namespace mlir::roof;

OpCostRecord roof::computeOpCost(Operation *op, CostContext &ctx) {
  OpCostRecord record;
  record.op = op;
  record.prepared = ctx.isPrepared(op);
  if (auto costOp = dyn_cast<CostOpInterface>(op)) {
    FailureOr<OpCost> cost = costOp.getCost(ctx);
    if (succeeded(cost))
      record.cost = *cost;
    else
      record.unknownReason = ctx.getUnknownReason().str();
    return record;
  }
  record.hasNoModel = true;
  if (auto call = dyn_cast<CallOpInterface>(op)) {
    record.unknownReason = "calls are not costed; the callee has totals of "
                           "its own";
    return record;
  }
  record.unknownReason = "no cost model for this op";
  return record;
}

FailureOr<OpCost> roof::getOpCost(Operation *op, const CostOptions &options,
                                  std::string *whyUnknown) {
  WeightAnalysis weights(options.weights);
  CostContext ctx(options, weights);
  OpCostRecord record = computeOpCost(op, ctx);
  if (record.cost)
    return *record.cost;
  if (whyUnknown)
    *whyUnknown = record.unknownReason;
  return failure();
}

/// The number of iterations of a loop with constant bounds, or std::nullopt.
static std::optional<uint64_t> getTripCount(LoopLikeOpInterface loop) {
  if (std::optional<APInt> count = loop.getStaticTripCount())
    return count->getZExtValue();
  std::optional<SmallVector<OpFoldResult>> lbs = loop.getLoopLowerBounds();
  std::optional<SmallVector<OpFoldResult>> ubs = loop.getLoopUpperBounds();
  std::optional<SmallVector<OpFoldResult>> steps = loop.getLoopSteps();
  if (!lbs || !ubs || !steps || lbs->empty())
    return std::nullopt;
  // Only constant bounds count; symbolic differences are not worked out.
  auto noSymbolicDifference = [](Value, Value,
                                 bool) -> std::optional<llvm::APSInt> {
    return std::nullopt;
  };
  uint64_t total = 1;
  for (auto [lb, ub, step] : llvm::zip(*lbs, *ubs, *steps)) {
    std::optional<APInt> count = constantTripCount(
        lb, ub, step, /*isSigned=*/true, noSymbolicDifference);
    if (!count)
      return std::nullopt;
    total *= count->getZExtValue();
  }
  return total;
}

namespace {
/// Visits a function's ops in order, tracking how often each runs.
class FunctionWalker {
public:
  FunctionWalker(CostContext &ctx, FunctionCost &result,
                 llvm::function_ref<void(const OpCostRecord &)> onOp)
      : ctx(ctx), result(result), onOp(onOp) {}

  void visitRegions(Operation *op, std::optional<uint64_t> executions) {
    for (Region &region : op->getRegions())
      for (Block &block : region)
        for (Operation &nested : block)
          visit(&nested, executions);
  }

  void visit(Operation *op, std::optional<uint64_t> executions) {
    if (op->hasTrait<OpTrait::IsTerminator>() || isa<FunctionOpInterface>(op))
      return;
    if (isa<CostOpInterface>(op) || op->getNumRegions() == 0)
      return record(computeOpCost(op, ctx), executions);

    // Region ops without a cost of their own: their ops run a known number
    // of times, or an unknown one and the region op itself is unknown.
    if (isa<scf::ExecuteRegionOp>(op))
      return visitRegions(op, executions);
    if (isa<tosa::IfOp>(op) ||
        (isa<RegionBranchOpInterface>(op) && !isa<LoopLikeOpInterface>(op) &&
         op->getNumRegions() > 1))
      return visitBranches(op, executions);
    if (auto loop = dyn_cast<LoopLikeOpInterface>(op)) {
      if (std::optional<uint64_t> trips = getTripCount(loop)) {
        std::optional<uint64_t> inner;
        if (executions)
          inner = *executions * *trips;
        return visitRegions(op, inner);
      }
      record(unknownContainer(op,
                              "the loop's trip count is not static; the "
                              "ops inside are left out of the totals",
                              /*hasNoModel=*/false),
             executions);
      return visitRegions(op, std::nullopt);
    }
    record(unknownContainer(op,
                            "no cost model for this region op; the ops "
                            "inside are left out of the totals",
                            /*hasNoModel=*/true),
           executions);
    visitRegions(op, std::nullopt);
  }

private:
  /// One of the regions runs (scf.if, scf.index_switch, tosa.cond_if): the
  /// totals take the costliest (most FLOPs, then most bytes), an upper bound;
  /// the ops of the other regions are annotated but not totaled. Each region
  /// is walked once, its records kept with executions relative to one run of
  /// the region and replayed, so nested branches stay linear in the IR.
  void visitBranches(Operation *op, std::optional<uint64_t> executions) {
    struct Branch {
      FunctionCost cost;
      std::vector<OpCostRecord> records;
    };
    std::vector<Branch> branches(op->getNumRegions());
    for (auto [index, region] : llvm::enumerate(op->getRegions())) {
      Branch &branch = branches[index];
      // Named: the walker keeps a reference to it.
      auto keep = [&](const OpCostRecord &r) { branch.records.push_back(r); };
      FunctionWalker walker(ctx, branch.cost, keep);
      for (Block &block : region)
        for (Operation &nested : block)
          walker.visit(&nested, 1);
    }
    Branch *costliest = nullptr;
    for (Branch &branch : branches) {
      const OpCost &cost = branch.cost.total;
      if (!costliest || cost.flops > costliest->cost.total.flops ||
          (cost.flops == costliest->cost.total.flops &&
           cost.bytesMoved() > costliest->cost.total.bytesMoved()))
        costliest = &branch;
    }
    for (Branch &branch : branches)
      for (OpCostRecord &r : branch.records) {
        std::optional<uint64_t> runs;
        if (&branch == costliest && executions && r.executions)
          runs = *executions * *r.executions;
        record(std::move(r), runs);
      }
  }

  static OpCostRecord unknownContainer(Operation *op, StringRef reason,
                                       bool hasNoModel) {
    OpCostRecord record;
    record.op = op;
    record.unknownReason = reason.str();
    record.hasNoModel = hasNoModel;
    return record;
  }

  void record(OpCostRecord record, std::optional<uint64_t> executions) {
    record.executions = executions;
    if (!record.cost) {
      ++result.opsUnknown;
      ++result.unknownOps[record.op->getName().getStringRef()];
    } else if (record.prepared) {
      if (executions && (record.cost->flops || record.cost->bytesMoved())) {
        result.prepared += record.cost->scaled(*executions);
        ++result.opsPrepared;
      }
    } else if (executions) {
      result.total += record.cost->scaled(*executions);
      ++result.opsCounted;
    }
    if (onOp)
      onOp(record);
  }

  CostContext &ctx;
  FunctionCost &result;
  llvm::function_ref<void(const OpCostRecord &)> onOp;
};
} // namespace

FunctionCost
roof::analyzeFunction(FunctionOpInterface fn, const CostOptions &options,
                      llvm::function_ref<void(const OpCostRecord &)> onOp) {
  FunctionCost result;
  if (fn.isExternal())
    return result;
  WeightAnalysis weights(options.weights);
  CostContext ctx(options, weights);
  result.parameters = weights.countParameters(fn);
  FunctionWalker walker(ctx, result, onOp);
  walker.visitRegions(fn, /*executions=*/1);
  return result;
}

FunctionCost
roof::analyzeRegion(Region &region, const CostOptions &options,
                    llvm::function_ref<void(const OpCostRecord &)> onOp) {
  FunctionCost result;
  WeightAnalysis weights(options.weights);
  CostContext ctx(options, weights);
  FunctionWalker walker(ctx, result, onOp);
  for (Block &block : region)
    for (Operation &op : block)
      walker.visit(&op, /*executions=*/1);
  return result;
}
