//===- FuseEpilogues.cpp - The roof-fuse-epilogues pass -------------------===//
//
// Wraps each contraction of a function and the ops that may join it in a
// roof.kernel (EpilogueFusion.h; the rules are in docs/fusion.md), and tiles
// the kernels when asked.
//
//===----------------------------------------------------------------------===//

#include "roof/Transforms/Passes.h"

#include "roof/Analysis/NamedDims.h"
#include "roof/Analysis/OpClassification.h"
#include "roof/Transforms/AttentionFusion.h"
#include "roof/Transforms/EpilogueFusion.h"
#include "roof/Transforms/NormalizationFusion.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/Interfaces/TilingInterface.h"
#include "mlir/Transforms/RegionUtils.h"

namespace mlir::roof {
#define GEN_PASS_DEF_ROOFFUSEEPILOGUES
#include "roof/Transforms/Passes.h.inc"
} // namespace mlir::roof

using namespace mlir;
using namespace mlir::roof;

namespace {
struct RoofFuseEpiloguesPass
    : public roof::impl::RoofFuseEpiloguesBase<RoofFuseEpiloguesPass> {
  using Base::Base;

  void runOnOperation() override {
    for (int64_t size : tileSizes)
      if (size < 0) {
        emitError(getOperation()->getLoc())
            << "roof-fuse-epilogues: tile-sizes must be 0 (untiled) or "
               "positive, got "
            << size;
        return signalPassFailure();
      }
    warnedOfExtraSizes = false;
    if (!getDimNames(getOperation()).empty()) {
      Builder b(&getContext());
      getOperation()->setAttr(
          kFuseAfterBindingAttrName,
          b.getDictionaryAttr(
              {b.getNamedAttr("attention", b.getBoolAttr(attention)),
               b.getNamedAttr("normalizations",
                              b.getBoolAttr(normalizations))}));
    }
    weightOptions.paramArgs.assign(paramArgs.begin(), paramArgs.end());
    weights.emplace(weightOptions);
    SmallVector<Operation *> roots;
    getOperation()->walk([&](Operation *op) {
      if (isFusionRoot(op))
        roots.push_back(op);
    });
    IRRewriter rewriter(&getContext());
    for (Operation *root : roots) {
      FailureOr<KernelOp> kernel =
          fuseIntoKernel(rewriter, root, *weights, attention);
      if (failed(kernel))
        continue;
      ++numKernels;
      if ((*kernel)->hasAttr(kAttentionAttrName))
        ++numAttention;
      Block &body = kernel->getBody().front();
      numFused += body.getOperations().size() - 2; // the root and the yield
      if (!tileSizes.empty()) {
        tile(rewriter, body.getTerminator()->getOperand(0).getDefiningOp());
        weights.emplace(weightOptions);
      }
    }
    if (normalizations)
      fuseNormalizations(rewriter);
    fuseReductionInits(rewriter);
    fuseConcatenations(rewriter);
  }

private:
  /// Each reduction left outside the kernels (a linalg.reduce, a pooling)
  /// whose accumulator starts from a fill that only it reads, with that
  /// fill, as one kernel: tosa-to-linalg lowers a reduce_sum or a pooling
  /// to the two, which run as one (docs/fusion.md). A sum pooling also
  /// takes its elementwise epilogue: an average pool is lowered to the sum
  /// and a division by the window's size, one tosa.avg_pool2d before.
  void fuseReductionInits(IRRewriter &rewriter) {
    SmallVector<SmallVector<Operation *>> groups;
    getOperation()->walk([&](linalg::LinalgOp op) {
      if (op->getParentOfType<KernelOp>() || op.getNumReductionLoops() == 0 ||
          isContraction(op) || !op.hasPureTensorSemantics() ||
          op->getNumResults() != 1)
        return;
      Operation *init = op.getDpsInits()[0].getDefiningOp();
      if (!init || !isAccumulatorInit(init) || !init->hasOneUse() ||
          init->getBlock() != op->getBlock())
        return;
      SmallVector<Operation *> group = {init, op};
      if (isa<linalg::PoolingNhwcSumOp, linalg::PoolingNchwSumOp,
              linalg::PoolingNwcSumOp, linalg::PoolingNcwSumOp,
              linalg::PoolingNdhwcSumOp>(op.getOperation()) &&
          hasStaticTensorResult(op))
        llvm::append_range(group, growEpilogue(op));
      groups.push_back(std::move(group));
    });
    for (SmallVector<Operation *> &group : groups) {
      numFused += group.size() - 1;
      wrapInKernel(rewriter, std::move(group));
      ++numKernels;
    }
  }

  /// Each chain of tensor.insert_slice ops that fills one empty tensor,
  /// each result used only by the next, as one kernel: tosa-to-tensor
  /// lowers a concat so (one insert per input), which runs as one
  /// tosa.concat did.
  void fuseConcatenations(IRRewriter &rewriter) {
    SmallVector<SmallVector<Operation *>> chains;
    getOperation()->walk([&](tensor::InsertSliceOp first) {
      if (first->getParentOfType<KernelOp>() ||
          !first.getDest().getDefiningOp<tensor::EmptyOp>())
        return;
      SmallVector<Operation *> chain = {first};
      Operation *last = first;
      while (last->hasOneUse()) {
        auto next = dyn_cast<tensor::InsertSliceOp>(*last->user_begin());
        if (!next || next.getDest() != last->getResult(0) ||
            next->getBlock() != first->getBlock())
          break;
        chain.push_back(next);
        last = next;
      }
      if (chain.size() > 1)
        chains.push_back(std::move(chain));
    });
    for (SmallVector<Operation *> &chain : chains) {
      numFused += chain.size() - 1;
      wrapInKernel(rewriter, std::move(chain));
      ++numKernels;
    }
  }

  /// Each normalization node left outside the contractions' kernels, with
  /// its activation, as one kernel (untiled).
  void fuseNormalizations(IRRewriter &rewriter) {
    SmallVector<Operation *> reductions;
    getOperation()->walk([&](Operation *op) {
      if (isAxisReduction(op))
        reductions.push_back(op);
    });
    for (Operation *reduction : reductions) {
      FailureOr<KernelOp> kernel = fuseNormalization(rewriter, reduction);
      if (failed(kernel))
        continue;
      ++numKernels;
      ++numNormalizations;
      // Beside its first op, as a contraction's kernel counts beside its
      // root; the yield is not fused.
      numFused += kernel->getBody().front().getOperations().size() - 2;
    }
  }

  /// Which values are weights (roots, constants, globals and `roof.param`
  /// or param-args arguments); it caches values, so tiling, which erases
  /// ops, renews it.
  WeightOptions weightOptions;
  std::optional<WeightAnalysis> weights;
  bool warnedOfExtraSizes = false;

  /// Tiles `consumer` (the kernel's last op) and fuses its producers in the
  /// kernel into each tile. TOSA kernels have no TilingInterface and stay
  /// whole.
  void tile(IRRewriter &rewriter, Operation *consumer) {
    auto tileable = dyn_cast<TilingInterface>(consumer);
    if (!tileable || !isa<linalg::LinalgOp>(consumer))
      return;
    unsigned loops = tileable.getLoopIteratorTypes().size();
    // Said once per function, at the first kernel it applies to.
    if (tileSizes.size() > loops && !warnedOfExtraSizes) {
      warnedOfExtraSizes = true;
      emitWarning(consumer->getLoc())
          << "roof-fuse-epilogues: " << tileSizes.size()
          << " tile sizes for a kernel of " << loops << " loops; the last "
          << tileSizes.size() - loops << " are ignored";
    }
    // Roof counts a tile's ops once per trip; a partial last tile would
    // make its shapes dynamic and the kernel's cost unknown.
    SmallVector<int64_t> extents =
        cast<linalg::LinalgOp>(consumer).getStaticLoopRanges();
    SmallVector<OpFoldResult> sizes;
    for (unsigned i = 0; i < loops; ++i) {
      int64_t size = i < tileSizes.size() ? tileSizes[i] : 0;
      int64_t extent = extents[i];
      if (size && (ShapedType::isDynamic(extent) || extent % size)) {
        emitWarning(consumer->getLoc())
            << "roof-fuse-epilogues: tile size " << size << " does not divide "
            << "loop " << i << " ("
            << (ShapedType::isDynamic(extent) ? std::string("dynamic")
                                              : std::to_string(extent))
            << " iterations); the kernel stays untiled";
        return;
      }
      sizes.push_back(rewriter.getIndexAttr(size));
    }
    scf::SCFTileAndFuseOptions options;
    options.tilingOptions.setTileSizes(sizes);
    OpBuilder::InsertionGuard guard(rewriter);
    rewriter.setInsertionPoint(consumer);
    FailureOr<scf::SCFTileAndFuseResult> tiled =
        scf::tileConsumerAndFuseProducersUsingSCF(rewriter, tileable, options);
    if (failed(tiled)) {
      emitWarning(consumer->getLoc(), "roof-fuse-epilogues: could not tile "
                                      "this kernel; it stays untiled");
      return;
    }
    for (OpResult result : consumer->getResults())
      rewriter.replaceAllUsesWith(result, tiled->replacements.lookup(result));
    // The untiled members, and the slices tiling took of them, are dead
    // now: each member was cloned into the tile.
    Region &body = *consumer->getParentRegion();
    rewriter.eraseOp(consumer);
    (void)runRegionDCE(rewriter, body);
  }
};
} // namespace
