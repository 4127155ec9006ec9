//===- Backward.h - The backward pass of a forward function -----*- C++ -*-===//
//
// A training step runs the forward function, then its backward pass: the
// gradient of every value that a trainable weight flows into, back to the
// weights. Roof derives the backward kernels from the forward ones, op by
// op from what each op computes (a contraction's data and weight
// gradients, an elementwise op's derivative, a data movement's inverse),
// one group per forward kernel so that what the forward fused stays fused.
// They are priced like any kernel. The rules are in docs/training.md,
// "Backward kernels".
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_PRICING_BACKWARD_H
#define ROOF_PRICING_BACKWARD_H

#include "roof/Pricing/PricingTypes.h"

namespace mlir::roof {

class CostContext;

/// The backward pass of one function.
struct BackwardPass {
  /// Its kernels, for the forward function; no intermediates between them
  /// are kept on chip.
  FunctionKernels kernels;
  /// For each of them, the forward kernel (an index into the forward's
  /// kernels) it is the gradient of or runs again.
  SmallVector<unsigned> forwardKernels;
  /// The trainable weights: the distinct floating-point weight values
  /// (WeightAnalysis) the forward kernels read, in their order.
  SmallVector<Value> trainable;
  /// The forward values its kernels read, kept from the forward pass to the
  /// backward (saved activations), and their bytes as deployed.
  SmallVector<Value> saved;
  uint64_t savedBytes = 0;
  /// The most bytes one backward kernel reads of its gradient and writes of
  /// gradients, as deployed: the transient memory on top of the saved
  /// activations.
  uint64_t transientBytes = 0;
  /// Forward kernels run again in the backward pass (Recompute.h), which are
  /// among `kernels`, and their FLOPs.
  unsigned recomputedKernels = 0;
  uint64_t recomputeFlops = 0;
  /// Per forward kernel, in their order: the forward values its backward
  /// kernels read, and the bytes of gradients they have in flight (as
  /// deployed), for the memory timeline.
  SmallVector<SmallVector<Value, 2>> readsByKernel;
  SmallVector<uint64_t> inFlightByKernel;
};

/// What keeping `value` holds: a view (a reshape, a slice, a transpose)
/// holds its source, as a framework's view keeps its base alive, and the
/// value a kernel yields is the kernel's result, so values read through
/// views of one tensor, or inside and outside its kernel, are held once.
Value getHeldValue(Value value);

/// The forward kernel (an index into `forward.kernels`) that makes each
/// value, a fused kernel's members' included, and a view's (a reshape of a
/// kernel's result) the kernel of its source.
llvm::DenseMap<Value, unsigned> mapProducers(const FunctionKernels &forward);

/// Derives the backward pass of `forward` (analyzeKernels with `ctx`), whose
/// values' kernels are `producers` (mapProducers).
BackwardPass deriveBackward(const FunctionKernels &forward,
                            const llvm::DenseMap<Value, unsigned> &producers,
                            CostContext &ctx, const RooflineOptions &options);

} // namespace mlir::roof

#endif // ROOF_PRICING_BACKWARD_H
