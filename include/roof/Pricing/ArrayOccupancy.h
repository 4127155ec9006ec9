//===- ArrayOccupancy.h - A contraction on a MAC array ----------*- C++ -*-===//
//
// A matrix engine built as a MAC array (a systolic array, Hexagon's HMX, a
// TPU's MXU, Groq's MXM) reduces a fixed number of inputs into a fixed
// number of outputs per pass. A contraction whose reduction or output
// channels are not multiples of those sizes pads them, and a depthwise
// convolution, whose outputs each read one channel, fills one column. The
// rule is in docs/roofline.md.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_PRICING_ARRAYOCCUPANCY_H
#define ROOF_PRICING_ARRAYOCCUPANCY_H

#include "roof/Analysis/CostContext.h"
#include "roof/Target/Target.h"

#include "mlir/IR/Operation.h"

namespace mlir::roof {

/// The fraction of the target's MAC array (depth D x width W) a contraction
/// keeps busy: with a reduction of K inputs per output and N output columns
/// that share them, K / (ceil(K / D) x D) x N / (ceil(N / W) x W). 1 for an
/// op that is not a contraction, on a target that gives no array, or when a
/// size is not known.
double getArrayEfficiency(Operation *op, const Target &target,
                          const CostOptions &options);

} // namespace mlir::roof

#endif // ROOF_PRICING_ARRAYOCCUPANCY_H
