//===- ParallelPlan.cpp - The roof-parallel-plan pass ---------------------===//
//
// Megatron-style tensor parallelism as shard annotations: a contraction
// whose activation is whole splits its weight by an output dim (column);
// one whose activation is split by an earlier column split splits its
// weight by a reduction dim (row), and sharding-propagation all-reduces its
// partial sums.
//
//===----------------------------------------------------------------------===//

#include "roof/Transforms/Passes.h"

#include "roof/Analysis/OpClassification.h"
#include "roof/Analysis/WeightAnalysis.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Shard/IR/ShardOps.h"
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

  /// Splits the column weights of `fn`'s contractions over `grid`.
  void planFunction(FunctionOpInterface fn, shard::GridOp grid,
                    const WeightAnalysis &weights, int64_t devices) {
    // Values an earlier column split leaves split (until a row split's
    // all-reduce makes them whole again).
    llvm::DenseSet<Value> split;
    auto isSplit = [&](Value v) { return split.contains(v); };
    for (Block &block : fn.getFunctionBody())
      for (Operation &op : block) {
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
            bool row = isSplit(inputs[inputs[0] == *weight]->get());
            if (splitWeight(linalgOp, **weight, grid, devices, row) && !row)
              split.insert(op.getResult(0));
            continue;
          }
        }
        if (llvm::any_of(op.getOperands(), isSplit))
          split.insert(op.result_begin(), op.result_end());
      }
  }

  /// Splits the weight of `contraction` at `weight` by its first dim that
  /// `devices` divides and that is an output dim of the contraction
  /// (column) or, for a `row` split, a reduction dim; whether one was
  /// found.
  bool splitWeight(linalg::LinalgOp contraction, OpOperand &weight,
                   shard::GridOp grid, int64_t devices, bool row) {
    auto type = dyn_cast<RankedTensorType>(weight.get().getType());
    if (!type || !type.hasStaticShape())
      return false;
    AffineMap map = contraction.getMatchingIndexingMap(&weight);
    SmallVector<utils::IteratorType> loops =
        contraction.getIteratorTypesArray();
    for (auto [dim, expr] : llvm::enumerate(map.getResults())) {
      auto loop = dyn_cast<AffineDimExpr>(expr);
      utils::IteratorType wanted =
          row ? utils::IteratorType::reduction : utils::IteratorType::parallel;
      if (!loop || loops[loop.getPosition()] != wanted ||
          type.getDimSize(dim) % devices != 0)
        continue;
      OpBuilder b(contraction);
      MLIRContext *context = b.getContext();
      SmallVector<shard::GridAxesAttr> axes(
          dim + 1, shard::GridAxesAttr::get(context, {}));
      axes.back() = shard::GridAxesAttr::get(context, {0});
      Location loc = contraction->getLoc();
      auto sharding = shard::ShardingOp::create(
          b, loc, shard::Sharding::get(FlatSymbolRefAttr::get(grid), axes));
      auto annotated = shard::ShardOp::create(b, loc, weight.get(), sharding);
      weight.set(annotated);
      ++(row ? numRows : numColumns);
      return true;
    }
    return false;
  }
};
} // namespace
