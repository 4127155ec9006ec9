//===- OpClassification.h - What kind of work an op does --------*- C++ -*-===//
//
// The one place that says whether an op is a contraction, an elementwise op
// or a view. Fusion, weight preparation and the roofline report all ask here,
// so they cannot disagree.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_ANALYSIS_OPCLASSIFICATION_H
#define ROOF_ANALYSIS_OPCLASSIFICATION_H

#include "roof/Analysis/KernelClass.h"

#include "mlir/IR/Operation.h"
#include "mlir/IR/Value.h"

namespace mlir::roof {

/// A contraction multiplies elements of two different operands and sums the
/// products: tosa matmul/conv2d/conv3d/depthwise_conv2d/transpose_conv2d/
/// matmul_t_block_scaled, and any linalg op with reduction loops whose
/// payload multiplies two of its inputs (through casts and zero-point
/// subtractions): matmul, batch_matmul, matvec, conv, depthwise conv,
/// quantized variants and generics of that form. Pooling, plain reductions
/// and x·x sums are not. Contractions run on a matrix engine and root fused
/// kernels.
bool isContraction(Operation *op);

/// An elementwise op: a linalg op whose loops are all parallel and whose
/// indexing maps are projected permutations (upstream's
/// `linalg::isElementwise` rule), or a TOSA op with the
/// `TosaElementwiseOperator` trait, `tosa.mul`, `tosa.cast` or
/// `tosa.rescale`.
bool isElementwise(Operation *op);

/// The value a view moves or reinterprets without arithmetic, or null when
/// `op` is not a view: memref views (ViewLikeOpInterface), tensor
/// slices/reshapes/casts, tosa reshape/transpose/slice/identity/tile, and
/// linalg ops that only yield their one input (transpose, broadcast, copy,
/// named or generic).
Value getViewSource(Operation *op);

/// Whether `op` writes elements wider than those of `operand`, a tensor it
/// reads: a dequantization (i8/i4 to f16/f32 with a scale) or an up-cast.
bool widens(Operation *op, Value operand);

/// A reduction along one axis, as a softmax takes its max and its sum:
/// tosa.reduce_max, tosa.reduce_sum, linalg.reduce.
bool isAxisReduction(Operation *op);

/// An exponential: tosa.exp, math.exp, or a linalg op computing one.
bool isExponential(Operation *op);

/// Whether `op` moves data without computing on it (concatenations,
/// reshapes, transposes, tiles, slices): its result holds its inputs'
/// values.
bool movesData(Operation *op);

/// A concatenation: tosa.concat, tensor.concat.
bool isConcatenation(Operation *op);

/// The values `op` computes from: a destination-style op's inputs (not the
/// inits it writes into), any other op's operands.
SmallVector<Value> getDataInputs(Operation *op);

/// Whether `op` makes a tensor from scalars alone (inputs of at most one
/// element): a fill, a random draw from a seed; as cheap to make again as
/// to keep.
bool isMadeFromScalars(Operation *op);

/// The op that stands for `op` when it is classified or priced: a fused
/// roof.kernel's root (its first contraction, else its first op that is
/// not a fill or a constant; in a tiled kernel's loops its contraction,
/// else its first linalg op); `op` itself otherwise.
Operation *getKernelRoot(Operation *op);

/// The kind of work `op` does, as a calibrated target prices it apart
/// (KernelClass.h): Conv and DepthwiseConv (contractions over an image, tosa
/// or linalg), Matmul (other contractions), Reduction (pooling, reductions,
/// softmax), Pow (a power per element: a library call on CPUs), Movement
/// (`movesOnly`: no FLOPs; and resize), Elementwise (the rest).
KernelClass getKernelClass(Operation *op, bool movesOnly);

} // namespace mlir::roof

#endif // ROOF_ANALYSIS_OPCLASSIFICATION_H
