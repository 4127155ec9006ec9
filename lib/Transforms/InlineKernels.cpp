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
    getOperation()->walk([&](KernelOp kernel) { kernels.push_back(kernel); });
    for (KernelOp kernel : kernels)
      kernel.inlineBody();
  }
};
} // namespace
