//===- EpilogueFusion.cpp - What may join a contraction's kernel ----------===//
//
// The legality rules are in docs/fusion.md.
//
//===----------------------------------------------------------------------===//

#include "roof/Transforms/EpilogueFusion.h"
#include "roof/Transforms/AttentionFusion.h"

#include "roof/Analysis/OpClassification.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace mlir;
using namespace mlir::roof;

bool roof::hasStaticTensorResult(Operation *op) {
  if (op->getNumResults() != 1)
    return false;
  auto type = dyn_cast<RankedTensorType>(op->getResult(0).getType());
  return type && type.hasStaticShape();
}

bool roof::isFusionRoot(Operation *op) {
  if (!hasStaticTensorResult(op) || !isContraction(op))
    return false;
  auto linalgOp = dyn_cast<linalg::LinalgOp>(op);
  return !linalgOp || linalgOp.hasPureTensorSemantics();
}

/// A map that only drops and keeps dims in order: identity or broadcast.
static bool isBroadcastOrIdentity(AffineMap map) {
  if (!map.isProjectedPermutation(/*allowZeroInResults=*/true))
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

bool roof::isFusableConsumer(Operation *user, Value value) {
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
    // Built once: a named op builds its maps on every query.
    SmallVector<AffineMap> maps = linalgOp.getIndexingMapsArray();
    for (OpOperand *input : linalgOp.getDpsInputOperands()) {
      if (!isa<ShapedType>(input->get().getType()))
        continue;
      AffineMap map = maps[input->getOperandNumber()];
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

bool roof::isDequantizingPrologue(Operation *producer, Operation *root) {
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

bool roof::isReadThroughView(Operation *producer, Operation *consumer,
                             const WeightAnalysis &weights) {
  return producer && producer->getBlock() == consumer->getBlock() &&
         producer->hasOneUse() && *producer->getUsers().begin() == consumer &&
         hasStaticTensorResult(producer) &&
         (getViewSource(producer) ||
          isa<tosa::PadOp, tensor::PadOp>(producer)) &&
         !weights.isWeight(producer->getResult(0));
}

/// A linalg.generic that copies its one input into its result through a
/// broadcast (tosa-to-linalg's bias broadcast into a convolution's
/// accumulator).
static bool isBroadcastCopy(Operation *op) {
  auto generic = dyn_cast<linalg::GenericOp>(op);
  if (!generic || !generic.hasPureTensorSemantics() ||
      generic.getNumDpsInputs() != 1 || generic.getNumDpsInits() != 1 ||
      generic.getNumLoops() != generic.getNumParallelLoops())
    return false;
  auto yield = cast<linalg::YieldOp>(generic.getBody()->getTerminator());
  SmallVector<AffineMap> maps = generic.getIndexingMapsArray();
  return generic.getBody()->getOperations().size() == 1 &&
         yield.getValues().size() == 1 &&
         yield.getValues()[0] == generic.getBody()->getArgument(0) &&
         isBroadcastOrIdentity(maps[0]) && maps[1].isIdentity();
}

bool roof::isAccumulatorInit(Operation *op) {
  if (isa<linalg::FillOp>(op) || isBroadcastCopy(op))
    return true;
  auto constant = dyn_cast<arith::ConstantOp>(op);
  auto dense = constant ? dyn_cast<DenseElementsAttr>(constant.getValue())
                        : DenseElementsAttr();
  return dense && dense.isSplat();
}

bool roof::isEpilogueReshape(Operation *op) {
  return isa<tensor::ExpandShapeOp, tensor::CollapseShapeOp, tosa::ReshapeOp>(
             op) &&
         hasStaticTensorResult(op);
}

SmallVector<Operation *> roof::growEpilogue(Operation *root) {
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
              llvm::any_of(op->getResult(0).getUsers(), [&](Operation *user) {
                return !inside.contains(user);
              }));
    });
    if (!failed)
      return llvm::all_of(taken, isEpilogueReshape) ? SmallVector<Operation *>()
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

FailureOr<KernelOp> roof::fuseIntoKernel(RewriterBase &rewriter,
                                         Operation *root,
                                         const WeightAnalysis &weights,
                                         bool attention) {
  if (!isFusionRoot(root) || root->getParentOfType<KernelOp>())
    return failure();
  // An attention's softmax and second contraction, whose epilogue is then
  // the kernel's.
  SmallVector<Operation *> softmax;
  if (attention)
    softmax = growAttention(root);
  Operation *last = softmax.empty() ? root : softmax.back();
  SmallVector<Operation *> members;
  unsigned prologue = 0;
  // Views of its operands it reads through, and views of those.
  SmallVector<Operation *> readers = {root};
  if (last != root)
    readers.push_back(last);
  while (!readers.empty()) {
    Operation *reader = readers.pop_back_val();
    for (Value operand : reader->getOperands())
      if (Operation *producer = operand.getDefiningOp();
          isReadThroughView(producer, reader, weights) &&
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
  }
  // The accumulators' initial values, fills or splat constants that only
  // their op reads (the root's; in an attention, the softmax's reductions'
  // and the second contraction's, as upstream's lowering writes them): the
  // kernel starts its accumulators there instead of reading them.
  SmallVector<Operation *> accumulating = {root};
  llvm::append_range(accumulating, softmax);
  for (Operation *op : accumulating)
    if (auto linalgOp = dyn_cast<linalg::LinalgOp>(op))
      for (OpOperand &init : linalgOp.getDpsInitsMutable())
        if (Operation *producer = init.get().getDefiningOp();
            producer && isAccumulatorInit(producer) && producer->hasOneUse() &&
            producer->getBlock() == root->getBlock()) {
          members.push_back(producer);
          ++prologue;
        }
  members.push_back(root);
  llvm::append_range(members, softmax);

  SmallVector<Operation *> epilogue = growEpilogue(last);
  llvm::append_range(members, epilogue);
  if (epilogue.empty() && prologue == 0 && softmax.empty())
    return failure();

  KernelOp kernel = wrapInKernel(rewriter, members);
  if (!softmax.empty())
    kernel->setAttr(kAttentionAttrName, rewriter.getUnitAttr());
  return kernel;
}

KernelOp roof::wrapInKernel(RewriterBase &rewriter,
                            SmallVector<Operation *> members) {
  // The kernel stands where the last member was: everything the members use
  // is defined before it.
  llvm::sort(members,
             [](Operation *a, Operation *b) { return a->isBeforeInBlock(b); });
  Operation *last = members.back();
  SmallVector<Location> locs;
  for (Operation *member : members)
    locs.push_back(member->getLoc());
  OpBuilder::InsertionGuard guard(rewriter);
  rewriter.setInsertionPoint(last);
  auto kernel = KernelOp::create(rewriter, rewriter.getFusedLoc(locs),
                                 last->getResultTypes());
  Block *body = rewriter.createBlock(&kernel.getBody());
  rewriter.replaceAllUsesWith(last->getResult(0), kernel.getResult(0));
  for (Operation *member : members)
    rewriter.moveOpBefore(member, body, body->end());
  rewriter.setInsertionPointToEnd(body);
  YieldOp::create(rewriter, last->getLoc(), last->getResult(0));
  return kernel;
}
