//===- KernelCostModel.cpp - Cost of roof.kernel --------------------------===//
//
// A kernel's cost: the FLOPs of its ops; its bytes are what crosses its
// boundary — each value it reads from outside, once, and each value it
// yields. Intermediates stay on chip. A fused attention's FLOPs are the
// share of its scores that its causal mask keeps (CausalMask.h).
//
//===----------------------------------------------------------------------===//

#include "roof/CostModels/CostModels.h"

#include "roof/Analysis/CausalMask.h"
#include "roof/Analysis/CostOpInterface.h"
#include "roof/Analysis/FunctionCost.h"
#include "roof/Dialect/RoofDialect.h"

#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Transforms/RegionUtils.h"

#include <cmath>

using namespace mlir;
using namespace mlir::roof;

namespace {
struct KernelCostModel
    : public CostOpInterface::ExternalModel<KernelCostModel, KernelOp> {
  FailureOr<OpCost> getCost(Operation *op, CostContext &ctx) const {
    auto kernel = cast<KernelOp>(op);
    // FLOPs of the ops inside, loops of a tiled kernel included.
    FunctionCost inside = analyzeRegion(kernel.getBody(), ctx);
    if (inside.opsUnknown) {
      StringRef name = inside.unknownOps.front().first;
      return ctx.unknown("'" + name + "' in the kernel has no known cost");
    }
    OpCost cost;
    cost.flops = inside.total.flops;
    cost.transcendentals = inside.total.transcendentals;
    // A fused attention skips the tiles its causal mask zeroes.
    if (std::optional<double> share = getCausalShare(kernel)) {
      cost.flops = std::llround(*share * cost.flops);
      cost.transcendentals = std::llround(*share * cost.transcendentals);
    }
    // Values from outside, once each; an empty tensor holds no data. A value
    // the kernel only reads through slices of its own (a convolution reading
    // a cropped input) is read where they reach (the union is not worked
    // out: overlapping slices count twice, at most the whole value).
    llvm::SetVector<Value> inputs;
    getUsedValuesDefinedAbove(kernel.getBody(), inputs);
    // The bytes each input's direct slices reach; std::nullopt once some other
    // use reads it whole. Slices inside a tiled kernel's loops run once per
    // tile, so those read the whole value over all tiles. The kernel's own
    // uses are walked, not the input's: a weight has users all over the model.
    llvm::DenseMap<Value, std::optional<uint64_t>> sliced;
    WalkResult walked = kernel.getBody().walk([&](Operation *user) {
      for (OpOperand &use : user->getOpOperands()) {
        if (!inputs.contains(use.get()))
          continue;
        std::optional<uint64_t> &bytes =
            sliced.try_emplace(use.get(), 0).first->second;
        if (!bytes)
          continue;
        if (!isa<tosa::SliceOp, tensor::ExtractSliceOp>(user) ||
            user->getParentOp() != kernel || use.getOperandNumber() != 0) {
          bytes = std::nullopt;
          continue;
        }
        FailureOr<uint64_t> part =
            ctx.resolveBytes(user->getResult(0).getType(), "a slice");
        if (failed(part))
          return WalkResult::interrupt();
        *bytes = addCounts(*bytes, *part);
      }
      return WalkResult::advance();
    });
    if (walked.wasInterrupted())
      return failure();
    for (Value input : inputs) {
      if (input.getDefiningOp<tensor::EmptyOp>())
        continue;
      FailureOr<uint64_t> whole =
          ctx.resolveBytes(input.getType(), "a kernel input");
      if (failed(whole))
        return failure();
      std::optional<uint64_t> bytes = sliced.lookup(input);
      uint64_t read = bytes ? std::min(*bytes, *whole) : *whole;
      cost.bytesRead = addCounts(cost.bytesRead, read);
      if (ctx.isWeight(input))
        cost.weightBytesRead = addCounts(cost.weightBytesRead, read);
    }
    if (failed(ctx.addResultsWritten(cost, kernel)))
      return failure();
    return cost;
  }
};
} // namespace

void roof::registerKernelCostModel(DialectRegistry &registry) {
  registry.addExtension(+[](MLIRContext *context, RoofDialect *) {
    KernelOp::attachInterface<KernelCostModel>(*context);
  });
}
