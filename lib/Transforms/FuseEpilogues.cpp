//===- FuseEpilogues.cpp - The roof-fuse-epilogues pass -------------------===//
//
// Wraps each contraction and the chain of elementwise ops after it in a
// roof.kernel. The legality rules are in docs/fusion.md.
//
//===----------------------------------------------------------------------===//

#include "roof/Transforms/Passes.h"

#include "roof/Analysis/OpClassification.h"
#include "roof/Analysis/WeightAnalysis.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/TilingInterface.h"
#include "mlir/Transforms/RegionUtils.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace mlir::roof {
#define GEN_PASS_DEF_ROOFFUSEEPILOGUES
#include "roof/Transforms/Passes.h.inc"
} // namespace mlir::roof

using namespace mlir;
using namespace mlir::roof;

/// Static, ranked tensor results only: fusion needs shapes it can compare.
static bool hasStaticTensorResult(Operation *op) {
  if (op->getNumResults() != 1)
    return false;
  auto type = dyn_cast<RankedTensorType>(op->getResult(0).getType());
  return type && type.hasStaticShape();
}

/// A contraction (Analysis/OpClassification.h) on tensors with a static
/// result.
static bool isRoot(Operation *op) {
  if (!hasStaticTensorResult(op) || !isContraction(op))
    return false;
  auto linalgOp = dyn_cast<linalg::LinalgOp>(op);
  return !linalgOp || linalgOp.hasPureTensorSemantics();
}

/// A map that only drops and keeps dims in order: identity or broadcast.
static bool isBroadcastOrIdentity(AffineMap map) {
  if (!map.isProjectedPermutation())
    return false;
  int64_t last = -1;
  for (AffineExpr result : map.getResults()) {
    auto dim = dyn_cast<AffineDimExpr>(result);
    if (!dim)
      continue; // a constant 0: a broadcast unit dim
    if (static_cast<int64_t>(dim.getPosition()) <= last)
      return false;
    last = dim.getPosition();
  }
  return true;
}

/// Whether `user` is elementwise over exactly `value`'s shape and reads
/// `value` element for element.
static bool isFusableConsumer(Operation *user, Value value) {
  if (!hasStaticTensorResult(user))
    return false;
  auto type = cast<RankedTensorType>(value.getType());
  auto resultType = cast<RankedTensorType>(user->getResult(0).getType());
  if (resultType.getShape() != type.getShape())
    return false;

  if (auto linalgOp = dyn_cast<linalg::LinalgOp>(user)) {
    if (!linalgOp.hasPureTensorSemantics() ||
        linalgOp.getNumLoops() != linalgOp.getNumParallelLoops() ||
        linalgOp.getNumDpsInits() != 1)
      return false;
    bool readsValue = false;
    for (OpOperand *input : linalgOp.getDpsInputOperands()) {
      if (!isa<ShapedType>(input->get().getType()))
        continue;
      AffineMap map = linalgOp.getMatchingIndexingMap(input);
      if (input->get() == value) {
        if (!map.isIdentity())
          return false;
        readsValue = true;
      } else if (!isBroadcastOrIdentity(map)) {
        return false;
      }
    }
    return readsValue;
  }

  // TOSA elementwise ops broadcast over equal ranks; rescale, mul and
  // cast-like ops take extra (constant) operands.
  if (!isElementwise(user))
    return false;
  for (Value operand : user->getOperands()) {
    auto operandType = dyn_cast<RankedTensorType>(operand.getType());
    if (!operandType || operand == value)
      continue;
    if (operandType.getRank() == 1 && operandType.getNumElements() == 1)
      continue; // a zero point, shift or multiplier
    if (operandType.getRank() != type.getRank())
      return false;
    for (auto [dim, full] : llvm::zip(operandType.getShape(), type.getShape()))
      if (dim != 1 && dim != full)
        return false;
  }
  return true;
}

/// A cheap producer of a root's input that widens a narrow weight: an
/// all-parallel linalg op on tensors, used only by the root, reading some
/// tensor of narrower elements than it writes (i8 or i4 to f16/f32, with a
/// scale). Fused, the kernel reads the narrow tensor instead of the wide one.
static bool isDequantizingPrologue(Operation *producer, Operation *root) {
  auto linalgOp = dyn_cast_or_null<linalg::LinalgOp>(producer);
  if (!linalgOp || !linalgOp.hasPureTensorSemantics() ||
      !producer->hasOneUse() || *producer->getUsers().begin() != root ||
      producer->getBlock() != root->getBlock() ||
      linalgOp.getNumLoops() != linalgOp.getNumParallelLoops() ||
      !hasStaticTensorResult(producer))
    return false;
  return llvm::any_of(linalgOp.getDpsInputOperands(), [&](OpOperand *input) {
    return widens(producer, input->get());
  });
}

/// A view a contraction can read through instead of materializing it: a
/// slice (a strided or cropped read), a reshape, a transpose (a transposed
/// operand), a broadcast, or a pad (a convolution's padding), used only by
/// `consumer` in its block. Views of weights are left out: they are prepared
/// ahead of time (WeightAnalysis), not run.
static bool isReadThroughView(Operation *producer, Operation *consumer,
                              const WeightAnalysis &weights) {
  return producer && producer->getBlock() == consumer->getBlock() &&
         producer->hasOneUse() && *producer->getUsers().begin() == consumer &&
         hasStaticTensorResult(producer) &&
         (getViewSource(producer) ||
          isa<tosa::PadOp, tensor::PadOp>(producer)) &&
         !weights.isWeight(producer->getResult(0));
}

/// A fill or a splat constant: a value the kernel can start from without
/// reading memory.
static bool isAccumulatorInit(Operation *op) {
  if (isa<linalg::FillOp>(op))
    return true;
  auto constant = dyn_cast<arith::ConstantOp>(op);
  auto dense = constant ? dyn_cast<DenseElementsAttr>(constant.getValue())
                        : DenseElementsAttr();
  return dense && dense.isSplat();
}

/// A reshape the epilogue passes through: it reinterprets the root's output
/// tile without moving it (the elements keep their order).
static bool isEpilogueReshape(Operation *op) {
  return isa<tensor::ExpandShapeOp, tensor::CollapseShapeOp, tosa::ReshapeOp>(
             op) &&
         hasStaticTensorResult(op);
}

namespace {
struct RoofFuseEpiloguesPass
    : public roof::impl::RoofFuseEpiloguesBase<RoofFuseEpiloguesPass> {
  using Base::Base;

  void runOnOperation() override {
    weightOptions.paramArgs.assign(paramArgs.begin(), paramArgs.end());
    weights.emplace(weightOptions);
    SmallVector<Operation *> roots;
    getOperation().walk([&](Operation *op) {
      if (isRoot(op) && !op->getParentOfType<KernelOp>())
        roots.push_back(op);
    });
    for (Operation *root : roots)
      fuse(root);
  }

private:
  /// Which values are weights (roots, constants, globals and `roof.param`
  /// arguments); it caches values, so tiling, which erases ops, renews it.
  WeightOptions weightOptions;
  std::optional<WeightAnalysis> weights;

  void fuse(Operation *root) {
    SmallVector<Operation *> members;
    unsigned prologue = 0;
    // Views of its operands it reads through, and views of those.
    SmallVector<Operation *> readers = {root};
    while (!readers.empty()) {
      Operation *reader = readers.pop_back_val();
      for (Value operand : reader->getOperands())
        if (Operation *producer = operand.getDefiningOp();
            isReadThroughView(producer, reader, *weights) &&
            !llvm::is_contained(members, producer)) {
          members.push_back(producer);
          readers.push_back(producer);
          ++prologue;
        }
    }
    if (auto linalgOp = dyn_cast<linalg::LinalgOp>(root)) {
      // Producers of its inputs that dequantize a narrow weight.
      for (OpOperand *input : linalgOp.getDpsInputOperands())
        if (Operation *producer = input->get().getDefiningOp();
            producer && isDequantizingPrologue(producer, root) &&
            !llvm::is_contained(members, producer)) {
          members.push_back(producer);
          ++prologue;
        }
      // Its accumulator's initial value, a fill or a splat constant, when
      // only the root uses it: the kernel starts its accumulators there
      // instead of reading them.
      for (OpOperand &init : linalgOp.getDpsInitsMutable())
        if (Operation *producer = init.get().getDefiningOp();
            producer && isAccumulatorInit(producer) &&
            producer->hasOneUse() &&
            producer->getBlock() == root->getBlock()) {
          members.push_back(producer);
          ++prologue;
        }
    }
    members.push_back(root);

    SmallVector<Operation *> epilogue = growEpilogue(root);
    llvm::append_range(members, epilogue);
    if (epilogue.empty() && prologue == 0)
      return;

    // The kernel stands where the last member was: everything the members
    // use is defined before it.
    llvm::sort(members, [](Operation *a, Operation *b) {
      return a->isBeforeInBlock(b);
    });
    Operation *last = members.back();
    OpBuilder builder(last);
    SmallVector<Location> locs;
    for (Operation *member : members)
      locs.push_back(member->getLoc());
    auto kernel = KernelOp::create(builder, builder.getFusedLoc(locs),
                                   last->getResultTypes());
    Block *body = builder.createBlock(&kernel.getBody());
    last->getResult(0).replaceAllUsesWith(kernel.getResult(0));
    for (Operation *member : members)
      member->moveBefore(body, body->end());
    builder.setInsertionPointToEnd(body);
    YieldOp::create(builder, last->getLoc(), last->getResult(0));
    ++numKernels;
    numFused += epilogue.size() + prologue;
    if (!tileSizes.empty()) {
      tile(last);
      weights.emplace(weightOptions);
    }
  }

  /// The elementwise ops after `root` that run on its output tile: every
  /// user of the root or of an op already taken that is fusable, as long as
  /// every value but the last stays inside (x * sigmoid(x) uses x twice).
  /// Where that fails, the plain chain: each intermediate's single user.
  static SmallVector<Operation *> growEpilogue(Operation *root) {
    auto joins = [&](Operation *user, Value value) {
      return user->getBlock() == root->getBlock() &&
             (isEpilogueReshape(user) || isFusableConsumer(user, value));
    };
    // A value with a user that cannot join must leave the kernel, so only
    // the last op may have one: the search does not go past such an op (on
    // a residual stream it would otherwise walk every later block), and a
    // second one ends it.
    SmallVector<Operation *> taken;
    llvm::SmallPtrSet<Operation *, 8> inside = {root};
    SmallVector<Operation *> frontier = {root};
    Operation *leaving = nullptr;
    bool failed = false;
    while (!frontier.empty() && !failed) {
      Operation *op = frontier.pop_back_val();
      Value result = op->getResult(0);
      if (llvm::any_of(result.getUsers(), [&](Operation *user) {
            return !inside.contains(user) && !joins(user, result);
          })) {
        failed = op == root || (leaving && leaving != op);
        leaving = op;
        continue;
      }
      for (Operation *user : result.getUsers()) {
        if (inside.contains(user))
          continue;
        inside.insert(user);
        taken.push_back(user);
        frontier.push_back(user);
      }
    }
    // The op whose value leaves must come after every other member, and no
    // other member's value may leave (a member taken last may still have
    // users outside: its users were not looked at).
    if (!failed && !taken.empty()) {
      Operation *last = leaving;
      if (!last)
        last = *llvm::max_element(taken, [](Operation *a, Operation *b) {
          return a->isBeforeInBlock(b);
        });
      failed = llvm::any_of(inside, [&](Operation *op) {
        return op != last &&
               (!op->isBeforeInBlock(last) ||
                llvm::any_of(op->getResult(0).getUsers(),
                             [&](Operation *user) {
                               return !inside.contains(user);
                             }));
      });
      if (!failed)
        return llvm::all_of(taken, isEpilogueReshape)
                   ? SmallVector<Operation *>()
                   : taken;
    }

    SmallVector<Operation *> chain;
    Value current = root->getResult(0);
    while (current.hasOneUse()) {
      Operation *user = *current.getUsers().begin();
      if (user->getBlock() != root->getBlock() ||
          (!isEpilogueReshape(user) && !isFusableConsumer(user, current)))
        break;
      chain.push_back(user);
      current = user->getResult(0);
    }
    // A kernel does not end in a reshape: its consumers can read through it.
    while (!chain.empty() && isEpilogueReshape(chain.back()))
      chain.pop_back();
    return chain;
  }

  /// Tiles `consumer` (the kernel's last op) and fuses its producers in the
  /// kernel into each tile. TOSA kernels have no TilingInterface and stay
  /// whole.
  void tile(Operation *consumer) {
    auto tileable = dyn_cast<TilingInterface>(consumer);
    if (!tileable)
      return;
    unsigned loops = tileable.getLoopIteratorTypes().size();
    SmallVector<OpFoldResult> sizes;
    Builder builder(consumer->getContext());
    for (unsigned i = 0; i < loops; ++i)
      sizes.push_back(
          builder.getIndexAttr(i < tileSizes.size() ? tileSizes[i] : 0));
    scf::SCFTileAndFuseOptions options;
    options.tilingOptions.setTileSizes(sizes);
    IRRewriter rewriter(consumer->getContext());
    rewriter.setInsertionPoint(consumer);
    FailureOr<scf::SCFTileAndFuseResult> tiled =
        scf::tileConsumerAndFuseProducersUsingSCF(rewriter, tileable, options);
    if (failed(tiled)) {
      consumer->emitWarning("roof-fuse-epilogues: could not tile this kernel; "
                            "it stays untiled");
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
