//===- SequenceSplit.h - tp:N and sp:N of a parallel plan -------*- C++ -*-===//
//
// Sequence parallelism splits the tokens over the tensor-parallel devices
// (Megatron-LM's --sequence-parallel), so a plan's sp:N and tp:N name one
// group. roof-parallel-plan's plan= and roof-report's parallel= both read
// them; this is their one rule.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_TRANSFORMS_SEQUENCESPLIT_H
#define ROOF_TRANSFORMS_SEQUENCESPLIT_H

#include <string>

namespace mlir::roof {

/// Resolves a plan's tp:`tp` and sp:`sp` (0 where not given) into its
/// tensor-parallel devices `devices` and whether they also split the tokens
/// (`sequence`): sp:N alone is tp:N with sequence parallelism. Returns why
/// they disagree, empty when they do not.
std::string resolveSequenceSplit(unsigned tp, unsigned sp, unsigned &devices,
                                 bool &sequence);

} // namespace mlir::roof

#endif // ROOF_TRANSFORMS_SEQUENCESPLIT_H
