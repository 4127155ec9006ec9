//===- KernelOp.cpp - roof.kernel -----------------------------------------===//
//
// A kernel's cost: the FLOPs of its ops; its bytes are what crosses its
// boundary — each value it reads from outside, once, and each value it
// yields. Intermediates stay on chip.
//
//===----------------------------------------------------------------------===//

#include "roof/Dialect/RoofDialect.h"

#include "roof/Analysis/FunctionCost.h"

#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/Transforms/RegionUtils.h"

using namespace mlir;
using namespace mlir::roof;

#define GET_OP_CLASSES
#include "roof/Dialect/RoofOps.cpp.inc"

LogicalResult KernelOp::verify() {
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

FailureOr<OpCost> KernelOp::getCost(CostContext &ctx) {
  // FLOPs of the ops inside, loops of a tiled kernel included.
  FunctionCost inside = analyzeRegion(getBody(), ctx.getOptions());
  if (inside.opsUnknown) {
    StringRef name = inside.unknownOps.front().first;
    return ctx.unknown("'" + name + "' in the kernel has no known cost");
  }
  OpCost cost;
  cost.flops = inside.total.flops;
  cost.transcendentals = inside.total.transcendentals;
  // Values from outside, once each; an empty tensor holds no data. A value
  // the kernel only reads through slices of its own (a convolution reading a
  // cropped input) is read where they reach (the union is not worked out:
  // overlapping slices count twice, at most the whole value).
  llvm::SetVector<Value> inputs;
  getUsedValuesDefinedAbove(getBody(), inputs);
  for (Value input : inputs) {
    if (input.getDefiningOp<tensor::EmptyOp>())
      continue;
    FailureOr<uint64_t> whole =
        ctx.resolveBytes(input.getType(), "a kernel input");
    if (failed(whole))
      return failure();
    uint64_t bytes = 0;
    bool onlySliced = true;
    for (Operation *user : input.getUsers()) {
      if (!getOperation()->isProperAncestor(user))
        continue;
      // Slices inside a tiled kernel's loops run once per tile: those read
      // the whole value over all tiles.
      if (!isa<tosa::SliceOp, tensor::ExtractSliceOp>(user) ||
          user->getParentOp() != getOperation() ||
          user->getOperand(0) != input) {
        onlySliced = false;
        break;
      }
      FailureOr<uint64_t> part =
          ctx.resolveBytes(user->getResult(0).getType(), "a slice");
      if (failed(part))
        return failure();
      bytes += *part;
    }
    if (!onlySliced)
      bytes = *whole;
    bytes = std::min(bytes, *whole);
    cost.bytesRead += bytes;
    if (ctx.isWeight(input))
      cost.weightBytesRead += bytes;
  }
  if (failed(ctx.addResultsWritten(cost, *this)))
    return failure();
  return cost;
}
