//===- KernelOp.cpp - roof.kernel -----------------------------------------===//
//
// roof.kernel's verifier and inlining. Its cost is an external model
// (lib/CostModels/KernelCostModel.cpp), so the dialect does not depend on the
// cost walk.
//
//===----------------------------------------------------------------------===//

#include "roof/Dialect/RoofDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"
#include "mlir/Interfaces/LoopLikeInterface.h"

using namespace mlir;
using namespace mlir::roof;

#define GET_OP_CLASSES
#include "roof/Dialect/RoofOps.cpp.inc"

LogicalResult KernelOp::verify() {
  // The body uses values from above directly; an argument would have no
  // value to stand for.
  if (getBody().front().getNumArguments() != 0)
    return emitOpError("body must not have arguments (it uses values from "
                       "above directly)");
  auto yield = dyn_cast<YieldOp>(getBody().front().getTerminator());
  if (!yield)
    return emitOpError("must end with roof.yield");
  if (yield.getValues().getTypes() != getResultTypes())
    return emitOpError("yields ") << yield.getValues().getTypes()
                                  << " but returns " << getResultTypes();
  return success();
}

void KernelOp::inlineBody() {
  Block &body = getBody().front();
  auto yield = cast<YieldOp>(body.getTerminator());
  for (Operation &op : llvm::make_early_inc_range(body.without_terminator()))
    op.moveBefore(*this);
  replaceAllUsesWith(yield.getValues());
  erase();
}

bool KernelOp::isTiled() {
  return llvm::any_of(getBody().front(), [](Operation &member) {
    return isa<LoopLikeOpInterface>(member);
  });
}

Value roof::lookThroughKernel(Value value) {
  auto kernel = value.getDefiningOp<KernelOp>();
  if (!kernel)
    return value;
  return kernel.getBody().front().getTerminator()->getOperand(
      cast<OpResult>(value).getResultNumber());
}
