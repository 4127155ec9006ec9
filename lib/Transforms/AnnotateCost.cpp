//===- AnnotateCost.cpp - The roof-annotate-cost pass ---------------------===//
//
// Attaches each op's cost and each function's totals as attributes, and says
// through remarks what could not be costed.
//
//===----------------------------------------------------------------------===//

#include "roof/Transforms/Passes.h"

#include "roof/Analysis/CostContext.h"
#include "roof/Analysis/FunctionCost.h"
#include "roof/CostModels/CostModels.h"

#include "mlir/IR/Builders.h"
#include "llvm/ADT/MapVector.h"

namespace mlir::roof {
#define GEN_PASS_DEF_ROOFANNOTATECOST
#include "roof/Transforms/Passes.h.inc"
} // namespace mlir::roof

using namespace mlir;
using namespace mlir::roof;

static TotalsAttr getTotalsAttr(MLIRContext *context,
                                const FunctionCost &totals) {
  Builder builder(context);
  SmallVector<NamedAttribute> unknownOps;
  for (auto [name, count] : totals.unknownOps)
    unknownOps.push_back(builder.getNamedAttr(
        name, builder.getI64IntegerAttr(static_cast<int64_t>(count))));
  const OpCost &cost = totals.total;
  return TotalsAttr::get(
      context, cost.flops, cost.transcendentals, cost.bytesRead,
      cost.bytesWritten, cost.weightBytesRead, totals.parameters.params,
      totals.parameters.bytes, totals.opsCounted, totals.opsPrepared,
      totals.prepared.flops, totals.prepared.bytesMoved(), totals.opsUnknown,
      builder.getDictionaryAttr(unknownOps));
}

// Remarks go to the op's location without the op attached: MLIR would
// otherwise print the whole op (for a function, its whole body) beside each.

/// A function's totals in one line a person reads (#roof.totals holds the
/// same counts): work, traffic, parameters, and how many ops each count
/// covers.
static std::string describeTotals(const FunctionCost &totals) {
  const OpCost &total = totals.total;
  std::string text;
  llvm::raw_string_ostream os(text);
  os << formatCount(total.flops) << " FLOPs ("
     << formatCount(total.transcendentals) << " transcendental), "
     << formatCount(total.bytesRead) << " B read ("
     << formatCount(total.weightBytesRead) << " of weights), "
     << formatCount(total.bytesWritten) << " B written; "
     << formatCount(totals.parameters.params) << " parameters ("
     << formatCount(totals.parameters.bytes) << " B); " << totals.opsCounted
     << " ops counted, " << totals.opsPrepared << " prepared ahead of time ("
     << formatCount(totals.prepared.flops) << " FLOPs, "
     << formatCount(totals.prepared.bytesMoved()) << " B), "
     << totals.opsUnknown << " unknown";
  if (!totals.unknownOps.empty()) {
    os << " (";
    llvm::interleaveComma(totals.unknownOps, os, [&](const auto &entry) {
      os << entry.first << ": " << entry.second;
    });
    os << ")";
  }
  return text;
}

/// An op as a remark names it: its name, and its node's when an importer
/// gave its location one (the location printed is the model file's).
static std::string getOpLabel(Operation *op) {
  std::string label = op->getName().getStringRef().str();
  if (auto name = dyn_cast<NameLoc>(op->getLoc()))
    label += " " + name.getName().str();
  return label;
}

namespace {
/// The ops of one name that have no cost model: reported once, at the first.
struct MissingModel {
  Operation *first = nullptr;
  std::string reason;
  uint64_t count = 0;
};

struct RoofAnnotateCostPass
    : public roof::impl::RoofAnnotateCostBase<RoofAnnotateCostPass> {
  using Base::Base;

  // The cost models come with the pass, so that any tool running it (stock
  // mlir-opt with the pass plugin, another project's driver) costs the ops.
  void getDependentDialects(DialectRegistry &registry) const override {
    Base::getDependentDialects(registry);
    registerAllCostModels(registry);
  }

  void runOnOperation() override {
    if (dynamicDim < -1) {
      emitError(getOperation().getLoc())
          << "roof-annotate-cost: dynamic-dim must be a size >= 0, or -1 to "
             "leave dynamic dims unbound; got "
          << dynamicDim.getValue();
      return signalPassFailure();
    }
    CostOptions options;
    if (dynamicDim >= 0)
      options.dynamicDimSize = dynamicDim;
    options.weights.paramArgs.assign(paramArgs.begin(), paramArgs.end());
    options.weights.asWritten = asWritten;

    llvm::MapVector<OperationName, MissingModel> missingModels;
    // One context for the module: a layer repeated across functions is
    // costed once.
    WeightAnalysis weights(options.weights);
    CostContext ctx(options, weights);
    getOperation().walk([&](FunctionOpInterface fn) {
      if (fn.isExternal())
        return;
      FunctionCost totals =
          analyzeFunction(fn, ctx, [&](const OpCostRecord &record) {
            annotate(record, missingModels);
          });
      numOpsCounted += totals.opsCounted;
      numOpsUnknown += totals.opsUnknown;
      TotalsAttr attr = getTotalsAttr(&getContext(), totals);
      if (reportOnly)
        emitRemark(fn.getLoc())
            << "totals of @" << fn.getName() << ": " << describeTotals(totals);
      else
        fn->setAttr(kTotalsAttrName, attr);
    });

    for (auto &[name, missing] : missingModels)
      emitRemark(missing.first->getLoc())
          << "'" << name << "' is not costed (" << missing.count
          << (missing.count == 1 ? " op" : " ops") << "): " << missing.reason;
  }

private:
  void annotate(const OpCostRecord &record,
                llvm::MapVector<OperationName, MissingModel> &missingModels) {
    Operation *op = record.op;
    if (record.cost) {
      const OpCost &cost = *record.cost;
      auto attr = CostAttr::get(&getContext(), cost.flops, cost.transcendentals,
                                cost.bytesRead, cost.bytesWritten,
                                cost.weightBytesRead);
      if (!reportOnly) {
        op->setAttr(kCostAttrName, attr);
        if (record.prepared)
          op->setAttr(kPreparedAttrName, UnitAttr::get(&getContext()));
      }
      if (opRemarks)
        emitRemark(op->getLoc())
            << getOpLabel(op)
            << (record.prepared ? " cost (prepared ahead of time): "
                                : " cost: ")
            << attr;
      return;
    }
    if (!reportOnly)
      op->setAttr(kCostAttrName,
                  UnknownCostAttr::get(&getContext(), record.unknownReason));
    if (!record.hasNoModel) {
      emitRemark(op->getLoc())
          << getOpLabel(op) << " cost unknown: " << record.unknownReason;
      return;
    }
    MissingModel &missing = missingModels[op->getName()];
    if (!missing.first) {
      missing.first = op;
      missing.reason = record.unknownReason;
    }
    ++missing.count;
  }
};
} // namespace
