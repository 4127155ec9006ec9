//===- FunctionCost.cpp - Costing every op of a function ------------------===//

#include "roof/Analysis/FunctionCost.h"

#include "roof/Analysis/CostOpInterface.h"

#include "mlir/Dialect/Affine/Analysis/LoopAnalysis.h"
#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Interfaces/CallInterfaces.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/LoopLikeInterface.h"

using namespace mlir;
using namespace mlir::roof;

static OpCostRecord computeUncachedOpCost(Operation *op, CostContext &ctx) {
  OpCostRecord record;
  record.op = op;
  record.prepared = ctx.isPrepared(op);
  if (auto costOp = dyn_cast<CostOpInterface>(op)) {
    FailureOr<OpCost> cost = costOp.getCost(ctx);
    if (failed(cost))
      record.unknownReason = ctx.getUnknownReason().str();
    else if (cost->overflowed())
      record.unknownReason = "overflow: a count exceeds 2^64 - 1";
    else
      record.cost = *cost;
    return record;
  }
  if (auto call = dyn_cast<CallOpInterface>(op)) {
    // A host call (a timer, a log) takes and returns no tensor, memref or
    // vector: it moves none of the model's data, and a declaration has no
    // ops to count.
    auto callee =
        dyn_cast_or_null<FunctionOpInterface>(call.resolveCallable());
    auto data = [](Type type) { return isa<ShapedType>(type); };
    if (callee && callee.isExternal() &&
        !llvm::any_of(op->getOperandTypes(), data) &&
        !llvm::any_of(op->getResultTypes(), data)) {
      record.cost = OpCost();
      return record;
    }
    record.hasNoModel = true;
    record.unknownReason = "calls are not costed; the callee has totals of "
                           "its own";
    return record;
  }
  record.hasNoModel = true;
  record.unknownReason = "no cost model for this op";
  return record;
}

OpCostRecord roof::computeOpCost(Operation *op, CostContext &ctx) {
  auto it = ctx.getRecords().find(op);
  if (it != ctx.getRecords().end())
    return it->second;
  // Computed before inserting: a kernel's model costs its members first.
  OpCostRecord record = computeUncachedOpCost(op, ctx);
  ctx.getRecords()[op] = record;
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

/// The number of iterations of a loop with constant bounds, or std::nullopt
/// (bounds not constant, a step that is not positive, or a count past 64
/// bits). Worked out in 128 bits from the bounds' own width and signedness
/// (an i8 loop from -100 to 100 runs 200 times), not in the loop's type.
static std::optional<uint64_t> getTripCount(LoopLikeOpInterface loop) {
  // An affine loop's bounds are maps of operands; upstream composes them
  // (a bound of #map(%c12) with %c12 constant is 12).
  if (auto affineFor = dyn_cast<affine::AffineForOp>(loop.getOperation()))
    return affine::getConstantTripCount(affineFor);
  std::optional<SmallVector<OpFoldResult>> lbs = loop.getLoopLowerBounds();
  std::optional<SmallVector<OpFoldResult>> ubs = loop.getLoopUpperBounds();
  std::optional<SmallVector<OpFoldResult>> steps = loop.getLoopSteps();
  if (!lbs || !ubs || !steps || lbs->empty() || lbs->size() != ubs->size() ||
      lbs->size() != steps->size())
    return std::nullopt;
  auto forOp = dyn_cast<scf::ForOp>(loop.getOperation());
  bool isUnsigned = forOp && forOp.getUnsignedCmp();
  auto value = [&](OpFoldResult bound) -> std::optional<__int128> {
    std::optional<std::pair<APInt, bool>> constant =
        getConstantAPIntValue(bound);
    if (!constant || constant->first.getBitWidth() > 64)
      return std::nullopt;
    const APInt &bits = constant->first;
    return isUnsigned ? static_cast<__int128>(bits.getZExtValue())
                      : static_cast<__int128>(bits.getSExtValue());
  };
  unsigned __int128 total = 1;
  for (auto [lb, ub, step] : llvm::zip(*lbs, *ubs, *steps)) {
    std::optional<__int128> low = value(lb), high = value(ub),
                            stride = value(step);
    if (!low || !high || !stride || *stride <= 0)
      return std::nullopt;
    __int128 count = *high > *low ? (*high - *low + *stride - 1) / *stride : 0;
    total *= static_cast<unsigned __int128>(count);
    if (total > UINT64_MAX)
      return std::nullopt;
  }
  return static_cast<uint64_t>(total);
}

namespace {
/// Visits a function's ops in order, tracking how often each runs.
class FunctionWalker {
public:
  FunctionWalker(CostContext &ctx, FunctionCost &result,
                 llvm::function_ref<void(const OpCostRecord &)> onOp,
                 llvm::function_ref<bool(Operation *)> throughOp = {})
      : ctx(ctx), result(result), onOp(onOp), throughOp(throughOp) {}

  void visitRegions(Operation *op, std::optional<uint64_t> executions) {
    for (Region &region : op->getRegions())
      for (Block &block : region)
        for (Operation &nested : block)
          visit(&nested, executions);
  }

  void visit(Operation *op, std::optional<uint64_t> executions) {
    if (op->hasTrait<OpTrait::IsTerminator>() || isa<FunctionOpInterface>(op))
      return;
    if (throughOp && throughOp(op))
      return visitRegions(op, executions);
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
        uint64_t inner = 0;
        if (!executions)
          return visitRegions(op, std::nullopt);
        if (!__builtin_mul_overflow(*executions, *trips, &inner))
          return visitRegions(op, inner);
        // Counted, the ops inside would wrap: unknown, never a wrapped
        // number.
        record(unknownContainer(op,
                                "the loop runs more than 2^64 times in all; "
                                "the ops inside are left out of the totals",
                                /*hasNoModel=*/false),
               executions);
        return visitRegions(op, std::nullopt);
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
      FunctionWalker walker(ctx, branch.cost, keep, throughOp);
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
    // The cost of all its executions, when they are known.
    std::optional<OpCost> all;
    if (record.cost && executions) {
      all = record.cost->scaled(*executions);
      if (all->overflowed()) {
        all.reset();
        record.cost.reset();
        record.unknownReason = "overflow: its " + std::to_string(*executions) +
                               " executions exceed 2^64 - 1 counts";
      }
    }
    if (!record.cost) {
      ++result.opsUnknown;
      ++result.unknownOps[record.op->getName().getStringRef()];
    } else if (record.prepared) {
      if (all && (record.cost->flops || record.cost->bytesMoved())) {
        result.prepared += *all;
        ++result.opsPrepared;
      }
    } else if (all) {
      result.total += *all;
      ++result.opsCounted;
    }
    if (onOp)
      onOp(record);
  }

  CostContext &ctx;
  FunctionCost &result;
  llvm::function_ref<void(const OpCostRecord &)> onOp;
  llvm::function_ref<bool(Operation *)> throughOp;
};
} // namespace

FunctionCost
roof::analyzeFunction(FunctionOpInterface fn, const CostOptions &options,
                      llvm::function_ref<void(const OpCostRecord &)> onOp) {
  WeightAnalysis weights(options.weights);
  CostContext ctx(options, weights);
  return analyzeFunction(fn, ctx, onOp);
}

FunctionCost
roof::analyzeFunction(FunctionOpInterface fn, CostContext &ctx,
                      llvm::function_ref<void(const OpCostRecord &)> onOp,
                      llvm::function_ref<bool(Operation *)> throughOp) {
  FunctionCost result;
  if (fn.isExternal())
    return result;
  if (!throughOp)
    result.parameters = ctx.getWeights().countParameters(fn);
  FunctionWalker walker(ctx, result, onOp, throughOp);
  walker.visitRegions(fn, /*executions=*/1);
  return result;
}

FunctionCost
roof::analyzeRegion(Region &region, CostContext &ctx,
                    llvm::function_ref<void(const OpCostRecord &)> onOp) {
  FunctionCost result;
  FunctionWalker walker(ctx, result, onOp);
  for (Block &block : region)
    for (Operation &op : block)
      walker.visit(&op, /*executions=*/1);
  return result;
}
