//===- WaveQuantization.h - A contraction's tiles on a chip's units -*- C++
//-*-===//
//
// A matrix engine computes a contraction's output in tiles, each on one unit
// (an SM, a CU, an MXU); the tiles run in waves of as many as there are
// units, and a last wave that is not full leaves units idle. A contraction
// with fewer tiles than units cannot reach the engine's peak. The rule is
// in docs/roofline.md.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_PRICING_WAVEQUANTIZATION_H
#define ROOF_PRICING_WAVEQUANTIZATION_H

#include "roof/Analysis/CostContext.h"
#include "roof/Target/Target.h"

#include "mlir/IR/Operation.h"

namespace mlir::roof {

/// The fraction of the matrix engine's peak a contraction can reach from its
/// parallel work: with T output tiles (its result flattened to rows x
/// columns, the last dimension being the columns) on U units, T / (ceil(T / U)
/// x U), the best over the target's tile shapes. 1 for an op that is not a
/// contraction, on a target that gives no parallelism, or when the result's
/// shape is not known.
double getParallelEfficiency(Operation *op, const Target &target,
                             const CostOptions &options);

} // namespace mlir::roof

#endif // ROOF_PRICING_WAVEQUANTIZATION_H
