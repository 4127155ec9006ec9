//===- InlineKernels.cpp - The roof-inline-kernels pass -------------------===//

#include "roof/Transforms/Passes.h"

namespace mlir::roof {
#define GEN_PASS_DEF_ROOFINLINEKERNELS
#include "roof/Transforms/Passes.h.inc"
} // namespace mlir::roof

using namespace mlir;
using namespace mlir::roof;

namespace {
struct RoofInlineKernelsPass
    : public roof::impl::RoofInlineKernelsBase<RoofInlineKernelsPass> {
  using Base::Base;

  void runOnOperation() override {
    SmallVector<KernelOp> kernels;
    getOperation().walk([&](KernelOp kernel) { kernels.push_back(kernel); });
    for (KernelOp kernel : kernels) {
      Block &body = kernel.getBody().front();
      auto yield = cast<YieldOp>(body.getTerminator());
      for (Operation &op :
           llvm::make_early_inc_range(body.without_terminator()))
        op.moveBefore(kernel);
      kernel.replaceAllUsesWith(yield.getValues());
      kernel.erase();
    }
  }
};
} // namespace
