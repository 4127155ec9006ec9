//===- AttentionFusion.h - Attention as one kernel --------------*- C++ -*-===//
//
// Scores = Q K^T, a softmax over them (with scale and mask), then scores x V:
// written as ops, the score matrix goes through memory between each of
// them. A fused attention kernel (online softmax, as FlashAttention runs
// it) keeps each tile of scores on chip and never writes the matrix.
// roof-fuse-epilogues attention=true wraps the chain in one roof.kernel,
// marked (kAttentionAttrName), so that the kernel's cost is what crosses its
// boundary.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_TRANSFORMS_ATTENTIONFUSION_H
#define ROOF_TRANSFORMS_ATTENTIONFUSION_H

#include "roof/Dialect/RoofDialect.h"

#include "mlir/IR/Operation.h"
#include "llvm/ADT/SmallVector.h"

namespace mlir::roof {

/// The ops from contraction `scores` to the contraction that multiplies
/// its softmax by V, in block order with that contraction last: every user
/// of the scores and of each op taken is an elementwise op, a reduction or
/// a reshape or transpose in the same block (taken in turn), or that second
/// contraction, reading them as its left operand; among them a reduction
/// and an exponential (a softmax: a normalization between two matmuls is
/// not one). Empty when the chain is anything else.
SmallVector<Operation *> growAttention(Operation *scores);

} // namespace mlir::roof

#endif // ROOF_TRANSFORMS_ATTENTIONFUSION_H
