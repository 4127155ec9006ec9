//===- NormalizationFusion.h - A normalization as one kernel ----*- C++ -*-===//
//
// A batch norm, layer norm or softmax imported from one source node is a
// dozen ops: reductions for its statistics and elementwise ops that apply
// them, each a pass over the whole tensor when priced alone. Runtimes run
// it as one kernel (cuDNN's batch norm, PyTorch's native layer norm and
// softmax), with the activation after it fused. roof-fuse-epilogues
// normalizations=true wraps such a node in one roof.kernel, so that its cost
// is one read of its input and one write of its output.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_TRANSFORMS_NORMALIZATIONFUSION_H
#define ROOF_TRANSFORMS_NORMALIZATIONFUSION_H

#include "roof/Dialect/RoofDialect.h"

#include "mlir/IR/PatternMatch.h"

namespace mlir::roof {

/// The ops of the source node (Pricing/NodeRoles.h) that axis reduction
/// `reduction` belongs to, in block order, when the node is a
/// normalization: all its ops in `reduction`'s block are elementwise ops,
/// axis reductions, views, constants or accumulator fills, and one value
/// leaves it, the last op's. Empty otherwise (an unnamed op, a node with a
/// contraction, or one whose intermediate values are used outside).
SmallVector<Operation *> growNormalization(Operation *reduction);

/// Wraps the normalization `reduction` belongs to and the elementwise
/// epilogue after it (an activation) in a roof.kernel through `rewriter`.
/// Fails, changing nothing, when growNormalization finds none.
FailureOr<KernelOp> fuseNormalization(RewriterBase &rewriter,
                                      Operation *reduction);

} // namespace mlir::roof

#endif // ROOF_TRANSFORMS_NORMALIZATIONFUSION_H
