//===- EpilogueFusion.h - What may join a contraction's kernel --*- C++ -*-===//
//
// The legality rules of roof-fuse-epilogues (docs/fusion.md), public so that
// another pipeline can ask them or form kernels itself, and the rewrite that
// wraps a root and the ops that may join it in a roof.kernel.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_TRANSFORMS_EPILOGUEFUSION_H
#define ROOF_TRANSFORMS_EPILOGUEFUSION_H

#include "roof/Analysis/WeightAnalysis.h"
#include "roof/Dialect/RoofDialect.h"

#include "mlir/IR/PatternMatch.h"

namespace mlir::roof {

/// On a function whose arguments name dynamic dims (roof.dim_names):
/// roof-fuse-epilogues ran on it, which fuses only static shapes, so a
/// report that binds the dims fuses the bound copy again, with the options
/// recorded here ({attention = true|false}).
inline constexpr llvm::StringLiteral kFuseAfterBindingAttrName =
    "roof.fuse_after_binding";

/// One static, ranked tensor result: fusion needs shapes it can compare.
bool hasStaticTensorResult(Operation *op);

/// A contraction (Analysis/OpClassification.h) on tensors with one static
/// result: what a kernel is built around.
bool isFusionRoot(Operation *op);

/// Whether `user` is elementwise over exactly `value`'s shape and reads
/// `value` element for element (its other operands broadcast into it).
bool isFusableConsumer(Operation *user, Value value);

/// A reshape an epilogue passes through: it reinterprets the root's output
/// tile without moving it.
bool isEpilogueReshape(Operation *op);

/// A fill, a splat constant, or a broadcast copy of one input (a bias
/// broadcast over the output, as tosa-to-linalg writes a convolution's
/// bias): a value a kernel can start its accumulators from without reading
/// more than that input.
bool isAccumulatorInit(Operation *op);

/// A cheap producer of `root`'s input, used only by it, that widens a narrow
/// weight (i8/i4 to f16/f32 with a scale): fused, the kernel reads the
/// narrow tensor.
bool isDequantizingPrologue(Operation *producer, Operation *root);

/// A view (slice, reshape, transpose, broadcast, pad) used only by
/// `consumer` that it can read through; views of weights are prepared ahead
/// of time instead.
bool isReadThroughView(Operation *producer, Operation *consumer,
                       const WeightAnalysis &weights);

/// The ops after `root` that run on its output tile: every fusable user of
/// the root or of an op already taken (reshapes passed through), as long as
/// only the last one's value leaves; else the plain chain of single users.
/// Empty when nothing but reshapes would join.
SmallVector<Operation *> growEpilogue(Operation *root);

/// Wraps `root` and what may join it (views it reads through, a dequantizing
/// prologue, its accumulator's initial value, its epilogue) in a roof.kernel
/// where the last of them stood, through `rewriter`. With `attention`, an
/// attention's softmax and second contraction join too
/// (AttentionFusion.h; the kernel is marked) and the epilogue is the second
/// contraction's. Fails, changing nothing, when `root` is not a fusion
/// root, is already in a kernel, or nothing would join it.
FailureOr<KernelOp> fuseIntoKernel(RewriterBase &rewriter, Operation *root,
                                   const WeightAnalysis &weights,
                                   bool attention = false);

/// Moves `members` (ops of one block, whose values other than the last
/// one's are used only among them) into a roof.kernel where the last of
/// them stood, yielding the last one's value, through `rewriter`.
KernelOp wrapInKernel(RewriterBase &rewriter, SmallVector<Operation *> members);

} // namespace mlir::roof

#endif // ROOF_TRANSFORMS_EPILOGUEFUSION_H
