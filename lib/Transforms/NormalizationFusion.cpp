//===- NormalizationFusion.cpp - A normalization as one kernel ------------===//

#include "roof/Transforms/NormalizationFusion.h"

#include "roof/Analysis/OpClassification.h"
#include "roof/Dialect/RoofDialect.h"
#include "roof/Pricing/NodeRoles.h"
#include "roof/Transforms/EpilogueFusion.h"

#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace mlir;
using namespace mlir::roof;

/// What a normalization is made of.
static bool isNormalizationStep(Operation *op) {
  return op->getNumResults() == 1 &&
         (isElementwise(op) || isAxisReduction(op) || getViewSource(op) ||
          isAccumulatorInit(op) || op->hasTrait<OpTrait::ConstantLike>() ||
          isa<tosa::ConstShapeOp>(op));
}

static bool hasStaticResult(Operation *op) {
  return isa<tosa::ConstShapeOp>(op) || hasStaticTensorResult(op);
}

SmallVector<Operation *> roof::growNormalization(Operation *reduction) {
  StringRef node = getNodeName(reduction);
  if (!isAxisReduction(reduction) || node.empty() ||
      reduction->getParentOfType<KernelOp>())
    return {};
  SmallVector<Operation *> members;
  for (Operation &op : *reduction->getBlock())
    if (getNodeName(&op) == node) {
      if (!isNormalizationStep(&op) || !hasStaticResult(&op))
        return {};
      members.push_back(&op);
    }
  llvm::SmallPtrSet<Operation *, 16> inside(members.begin(), members.end());
  // Only the last op's value may leave: the kernel yields it.
  for (Operation *member : members)
    for (Operation *user : member->getResult(0).getUsers())
      if (!inside.contains(user) && member != members.back())
        return {};
  return members;
}

FailureOr<KernelOp> roof::fuseNormalization(RewriterBase &rewriter,
                                            Operation *reduction) {
  SmallVector<Operation *> members = growNormalization(reduction);
  if (members.empty())
    return failure();
  llvm::append_range(members, growEpilogue(members.back()));
  return wrapInKernel(rewriter, members);
}
