//===- Recompute.h - Activations recomputed instead of kept -----*- C++ -*-===//
//
// Activation checkpointing trades memory for time: the backward pass
// recomputes some forward values instead of keeping them. `selective`
// recomputes the attention scores and what the softmax makes of them
// (Korthikanti et al. 2022), `full` keeps only each block's inputs and runs
// the block's forward again before its backward. The rules are in
// docs/training.md, "Recompute".
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_PRICING_RECOMPUTE_H
#define ROOF_PRICING_RECOMPUTE_H

#include "roof/Pricing/Backward.h"

namespace mlir::roof {

/// What roof-report's recompute= names.
enum class Recompute { None, Selective, Full };

/// "none", "selective", "full".
llvm::StringRef getRecomputeName(Recompute recompute);

/// The values between two contractions of activations (neither operand a
/// weight): an attention's scores, their scaling, masking, softmax and
/// dropout, the first contraction's result included, the second's not.
llvm::DenseSet<Value> findAttentionScores(FunctionOpInterface fn,
                                          const WeightAnalysis &weights);

/// The repeated layers of `forward`: each kernel's block (0 for none, else
/// 1 + its layer's index). A kernel's signature is its op and its result
/// types; the layer length p is the period whose repeats cover the most
/// kernels (a run of kernels equal to the kernel p later, plus p), at
/// least two layers, the shortest of equal cover; the layers are the
/// run's consecutive p kernels from its start.
SmallVector<unsigned> findRepeatedLayers(const FunctionKernels &forward);

/// Applies `recompute` to `pass`, the backward pass of `forward` (whose
/// kernels make the values `producers` maps, mapProducers): drops the saved
/// values it recomputes and adds the forward kernels that recompute them to
/// its kernels. Blocks for `full` are the name scopes of the kernels' nodes
/// at `scopeDepth` (Breakdown.h, getScope; a kernel without a name is in
/// none), or with `scopeDepth` 0 the repeated layers (findRepeatedLayers).
void applyRecompute(BackwardPass &pass, const FunctionKernels &forward,
                    const llvm::DenseMap<Value, unsigned> &producers,
                    const WeightAnalysis &weights, Recompute recompute,
                    unsigned scopeDepth, const RooflineOptions &options);

} // namespace mlir::roof

#endif // ROOF_PRICING_RECOMPUTE_H
