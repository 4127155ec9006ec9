//===- AttentionFusion.cpp - Attention as one kernel ----------------------===//

#include "roof/Transforms/AttentionFusion.h"

#include "roof/Analysis/OpClassification.h"
#include "roof/Transforms/EpilogueFusion.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace mlir;
using namespace mlir::roof;

/// What a softmax between the two contractions is made of: its steps, or
/// the whole of it as one `linalg.softmax`.
static bool isSoftmaxStep(Operation *op) {
  return op->getNumResults() == 1 &&
         (isElementwise(op) || isAxisReduction(op) || isEpilogueReshape(op) ||
          isa<tosa::TransposeOp, linalg::SoftmaxOp>(op));
}

SmallVector<Operation *> roof::growAttention(Operation *scores) {
  if (!isFusionRoot(scores))
    return {};
  SmallVector<Operation *> taken;
  llvm::SmallPtrSet<Operation *, 16> inside = {scores};
  Operation *second = nullptr;
  bool reduces = false, exponentiates = false;
  SmallVector<Value> frontier = {scores->getResult(0)};
  while (!frontier.empty()) {
    Value value = frontier.pop_back_val();
    for (Operation *user : value.getUsers()) {
      if (inside.contains(user))
        continue;
      if (user->getBlock() != scores->getBlock())
        return {};
      if (isContraction(user)) {
        // The probabilities are its left operand; it ends the chain.
        if ((second && second != user) || user->getOperand(0) != value)
          return {};
        second = user;
        continue;
      }
      if (!isSoftmaxStep(user))
        return {};
      bool softmax = isa<linalg::SoftmaxOp>(user);
      reduces |= softmax || isAxisReduction(user);
      exponentiates |= softmax || isExponential(user);
      inside.insert(user);
      taken.push_back(user);
      frontier.push_back(user->getResult(0));
    }
  }
  if (!second || !reduces || !exponentiates || !isFusionRoot(second) ||
      llvm::any_of(
          taken, [&](Operation *op) { return !op->isBeforeInBlock(second); }) ||
      llvm::any_of(second->getOperands().drop_front(), [&](Value other) {
        Operation *def = other.getDefiningOp();
        return def && inside.contains(def);
      }))
    return {};
  taken.push_back(second);
  llvm::sort(taken,
             [](Operation *a, Operation *b) { return a->isBeforeInBlock(b); });
  return taken;
}
