//===- ParallelPlan.cpp - The roof-parallel-plan pass ---------------------===//
//
// Megatron-style tensor parallelism as shard annotations: a contraction
// whose activation is whole splits its weight by an output dim (column);
// one whose activation is split by an earlier column split splits its
// weight by a reduction dim (row), and sharding-propagation all-reduces its
// partial sums. An embedding's table (a tosa.gather from a weight) splits by
// its vocabulary, and the lookups are summed.
//
//===----------------------------------------------------------------------===//

#include "roof/Transforms/Passes.h"

#include "roof/Analysis/OpClassification.h"
#include "roof/Analysis/WeightAnalysis.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Shard/IR/ShardOps.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "llvm/ADT/DenseSet.h"

namespace mlir::roof {
#define GEN_PASS_DEF_ROOFPARALLELPLAN
#include "roof/Transforms/Passes.h.inc"
} // namespace mlir::roof

using namespace mlir;
using namespace mlir::roof;

namespace {
struct RoofParallelPlanPass
    : public roof::impl::RoofParallelPlanBase<RoofParallelPlanPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    std::optional<int64_t> tp = parsePlan();
    if (!tp)
      return signalPassFailure();
    if (*tp == 1)
      return;
    if (SymbolTable::lookupSymbolIn(module, "tp")) {
      emitError(module.getLoc())
          << "roof-parallel-plan: the module already has a symbol @tp; the "
             "plan's grid takes that name";
      return signalPassFailure();
    }
    OpBuilder b(module.getBodyRegion());
    auto grid =
        shard::GridOp::create(b, module.getLoc(), "tp", ArrayRef<int64_t>{*tp});
    WeightOptions options;
    options.paramArgs.assign(paramArgs.begin(), paramArgs.end());
    WeightAnalysis weights(options);
    WalkResult walk = module.walk([&](FunctionOpInterface fn) {
      if (fn.isExternal())
        return WalkResult::advance();
      if (failed(checkPartitionable(fn)))
        return WalkResult::interrupt();
      planFunction(fn, grid, weights, *tp);
      returnWhole(fn, grid);
      return WalkResult::advance();
    });
    if (walk.wasInterrupted())
      signalPassFailure();
  }

private:
  /// N of plan=tp:N, after an error for any other plan.
  std::optional<int64_t> parsePlan() {
    auto [kind, size] = StringRef(plan).split(':');
    int64_t devices = 0;
    if (kind != "tp" || size.getAsInteger(10, devices) || devices < 1) {
      llvm::errs() << "error: roof-parallel-plan: plan must be tp:N with N "
                      ">= 1 (tensor parallelism); got '"
                   << plan << "' (dp: and pp: need no split of the IR: "
                   << "roof-report's parallel=dp:M,pp:P with training=; ep: "
                   << "and sp: are not planned yet, docs/parallelism.md)\n";
      return std::nullopt;
    }
    return devices;
  }

  /// Fails, with an error, on what MLIR 22's shard-partition crashes on
  /// once a value is split (docs/parallelism.md, "Not yet"): an unused
  /// tensor argument of rank 1 or more, and a linalg op reading a rank-0
  /// tensor.
  static LogicalResult checkPartitionable(FunctionOpInterface fn) {
    const char *why = " (upstream's shard-partition in MLIR 22 crashes on "
                      "it once the function is split)";
    for (BlockArgument arg : fn.getArguments())
      if (auto type = dyn_cast<RankedTensorType>(arg.getType());
          type && type.getRank() > 0 && arg.use_empty())
        return emitError(fn.getLoc())
               << "roof-parallel-plan: argument #" << arg.getArgNumber()
               << " of @" << fn.getName() << " is unused" << why
               << "; remove it";
    WalkResult walk = fn.walk([&](linalg::LinalgOp op) {
      for (OpOperand *input : op.getDpsInputOperands())
        if (auto type = dyn_cast<RankedTensorType>(input->get().getType());
            type && type.getRank() == 0) {
          op->emitError() << "roof-parallel-plan: a linalg op reads a rank-0 "
                             "tensor"
                          << why
                          << "; pass the scalar instead (tensor.extract), "
                             "or for a model of gen_gpt_layers.py write it "
                             "with --dropout 0";
          return WalkResult::interrupt();
        }
      return WalkResult::advance();
    });
    return failure(walk.wasInterrupted());
  }

  /// Annotates what `fn` returns as whole on every device: its callers get
  /// what it computes, and MLIR 22's shard-partition crashes on a returned
  /// value that propagation leaves without a sharding (a reduction's, such
  /// as a loss).
  static void returnWhole(FunctionOpInterface fn, shard::GridOp grid) {
    for (Block &block : fn.getFunctionBody()) {
      Operation *terminator = block.getTerminator();
      if (!terminator || !isa<func::ReturnOp>(terminator))
        continue;
      for (OpOperand &result : terminator->getOpOperands()) {
        auto type = dyn_cast<RankedTensorType>(result.get().getType());
        if (type && type.getRank() > 0)
          annotate(result, grid,
                   {shard::GridAxesAttr::get(fn.getContext(), {})});
      }
    }
  }

  /// A contraction's weight split: its operand and dim, and whether it is
  /// a row split.
  struct WeightSplit {
    OpOperand *weight;
    unsigned dim;
    bool row;
  };

  /// Splits the weights of `fn`'s contractions and embeddings over `grid`.
  /// A column split is kept only when a row split later reads what it
  /// splits: an LM head's logits, which the loss reduces over the
  /// vocabulary, would otherwise be all-gathered twice by upstream's passes,
  /// which costs more than computing the head whole (docs/parallelism.md,
  /// "Plans").
  void planFunction(FunctionOpInterface fn, shard::GridOp grid,
                    const WeightAnalysis &weights, int64_t devices) {
    // The splits in order; for each value column splits leave split (until
    // a row split's all-reduce makes it whole again), those splits' indices.
    SmallVector<WeightSplit> splits;
    llvm::DenseMap<Value, SmallVector<unsigned, 2>> splitBy;
    llvm::DenseSet<unsigned> readByRow;
    for (Block &block : fn.getFunctionBody())
      for (Operation &op : block) {
        // Its lookups are summed over the devices: whole.
        if (auto gather = dyn_cast<tosa::GatherOp>(&op);
            gather && weights.isWeight(gather.getValues())) {
          if (divides(gather.getValues().getType(), /*dim=*/1, devices))
            splitDim(gather->getOpOperand(0), /*dim=*/1, grid);
          continue;
        }
        auto linalgOp = dyn_cast<linalg::LinalgOp>(&op);
        if (linalgOp && isContraction(&op)) {
          SmallVector<OpOperand *> inputs = linalgOp.getDpsInputOperands();
          auto weight = llvm::find_if(inputs, [&](OpOperand *input) {
            return weights.isWeight(input->get());
          });
          if (inputs.size() == 2 && weight != inputs.end() &&
              !weights.isWeight(inputs[inputs[0] == *weight]->get())) {
            // Column: its result is split. Row: its result is the
            // all-reduced sum, whole.
            auto column = splitBy.find(inputs[inputs[0] == *weight]->get());
            bool row = column != splitBy.end();
            std::optional<unsigned> dim =
                findSplitDim(linalgOp, **weight, devices, row);
            if (!dim)
              continue;
            if (row)
              readByRow.insert(column->second.begin(), column->second.end());
            else
              splitBy[op.getResult(0)] = {static_cast<unsigned>(splits.size())};
            splits.push_back({*weight, *dim, row});
            continue;
          }
        }
        SmallVector<unsigned, 2> from;
        for (Value operand : op.getOperands())
          if (auto found = splitBy.find(operand); found != splitBy.end())
            for (unsigned split : found->second)
              if (!llvm::is_contained(from, split))
                from.push_back(split);
        if (!from.empty())
          for (Value result : op.getResults())
            splitBy[result] = from;
      }
    for (auto [i, split] : llvm::enumerate(splits)) {
      if (!split.row && !readByRow.contains(i))
        continue;
      splitDim(*split.weight, split.dim, grid);
      ++(split.row ? numRows : numColumns);
    }
  }

  /// The dim of the weight of `contraction` at `weight` to split: its first
  /// dim that `devices` divides and that is an output dim of the
  /// contraction (column) or, for a `row` split, a reduction dim.
  static std::optional<unsigned> findSplitDim(linalg::LinalgOp contraction,
                                              OpOperand &weight,
                                              int64_t devices, bool row) {
    auto type = dyn_cast<RankedTensorType>(weight.get().getType());
    if (!type || !type.hasStaticShape())
      return std::nullopt;
    AffineMap map = contraction.getMatchingIndexingMap(&weight);
    SmallVector<utils::IteratorType> loops =
        contraction.getIteratorTypesArray();
    utils::IteratorType wanted =
        row ? utils::IteratorType::reduction : utils::IteratorType::parallel;
    for (auto [dim, expr] : llvm::enumerate(map.getResults())) {
      auto loop = dyn_cast<AffineDimExpr>(expr);
      if (loop && loops[loop.getPosition()] == wanted &&
          divides(type, dim, devices))
        return dim;
    }
    return std::nullopt;
  }

  /// Whether `type` is a ranked tensor whose `dim` is static and a
  /// multiple of `devices`.
  static bool divides(Type type, unsigned dim, int64_t devices) {
    auto tensor = dyn_cast<RankedTensorType>(type);
    return tensor && dim < tensor.getRank() && !tensor.isDynamicDim(dim) &&
           tensor.getDimSize(dim) % devices == 0;
  }

  /// Annotates the value at `operand` as split over `grid` by its `dim`.
  static void splitDim(OpOperand &operand, unsigned dim, shard::GridOp grid) {
    MLIRContext *context = grid.getContext();
    SmallVector<shard::GridAxesAttr> axes(
        dim + 1, shard::GridAxesAttr::get(context, {}));
    axes.back() = shard::GridAxesAttr::get(context, {0});
    annotate(operand, grid, axes);
  }

  /// Annotates the value at `operand` with a sharding over `grid` of `axes`
  /// (the grid axes that split each dim), just before its user.
  static void annotate(OpOperand &operand, shard::GridOp grid,
                       ArrayRef<shard::GridAxesAttr> axes) {
    OpBuilder b(operand.getOwner());
    Location loc = operand.getOwner()->getLoc();
    auto sharding = shard::ShardingOp::create(
        b, loc, shard::Sharding::get(FlatSymbolRefAttr::get(grid), axes));
    operand.set(shard::ShardOp::create(b, loc, operand.get(), sharding));
  }
};
} // namespace
