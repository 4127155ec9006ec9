//===- CombineCollectives.cpp - The roof-combine-collectives pass ---------===//
//
// shard-partition reshards a partial sum into a split tensor as an
// all-reduce of the whole followed by a local slice; runtimes reduce-scatter
// it, moving half the bytes. Rewriting the pair keeps the priced IR what a
// runtime would run.
//
//===----------------------------------------------------------------------===//

#include "roof/Transforms/Passes.h"

#include "mlir/Dialect/Shard/IR/ShardOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::roof {
#define GEN_PASS_DEF_ROOFCOMBINECOLLECTIVES
#include "roof/Transforms/Passes.h.inc"
} // namespace mlir::roof

using namespace mlir;

namespace {
/// all_slice(all_reduce(x)) on the same grid axes, the all-reduce used by
/// nothing else: reduce_scatter(x) along the slice's axis. A reshape between
/// them (the tokens collapsed) is moved before the reduction, which it
/// commutes with.
struct AllReduceThenSlice : OpRewritePattern<shard::AllSliceOp> {
  AllReduceThenSlice(MLIRContext *context, llvm::Statistic &combined)
      : OpRewritePattern(context), combined(combined) {}

  LogicalResult matchAndRewrite(shard::AllSliceOp slice,
                                PatternRewriter &rewriter) const override {
    Operation *reshape = slice.getInput().getDefiningOp();
    if (!isa_and_nonnull<tensor::CollapseShapeOp, tensor::ExpandShapeOp>(
            reshape) ||
        !reshape->hasOneUse())
      reshape = nullptr;
    Value reduced = reshape ? reshape->getOperand(0) : slice.getInput();
    auto reduce = reduced.getDefiningOp<shard::AllReduceOp>();
    if (!reduce || !reduce->hasOneUse() ||
        reduce.getGridAttr() != slice.getGridAttr() ||
        reduce.getGridAxes() != slice.getGridAxes() ||
        reduce.getInput().getType() != reduce.getResult().getType())
      return rewriter.notifyMatchFailure(slice, "not a lone all-reduce");
    Value input = reduce.getInput();
    if (reshape) {
      rewriter.modifyOpInPlace(reshape, [&] { reshape->setOperand(0, input); });
      input = reshape->getResult(0);
    }
    rewriter.replaceOpWithNewOp<shard::ReduceScatterOp>(
        slice, slice.getResult().getType(), reduce.getGridAttr(),
        reduce.getGridAxesAttr(), input, reduce.getReductionAttr(),
        slice.getSliceAxisAttr());
    rewriter.eraseOp(reduce);
    ++combined;
    return success();
  }

  llvm::Statistic &combined;
};

struct RoofCombineCollectivesPass
    : public roof::impl::RoofCombineCollectivesBase<
          RoofCombineCollectivesPass> {
  using Base::Base;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<AllReduceThenSlice>(&getContext(), numCombined);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
