//===- LevelTraffic.h - Bytes and time by memory level ----------*- C++ -*-===//
//
// Every byte a kernel moves is served by one level of the target's memory
// hierarchy (KernelTime::levelBytes): the main memory's, unless residency
// keeps it in an inner level. Bytes from a level pass through every level
// inside it on their way to the engines, so each level's time is its
// through-traffic over its bandwidth, and T_memory is the slowest level's
// (or the weight link's). The rule is in docs/roofline.md.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_PRICING_LEVELTRAFFIC_H
#define ROOF_PRICING_LEVELTRAFFIC_H

#include "roof/Pricing/PricingTypes.h"

namespace mlir::roof {

/// Seconds `level` of `target` takes to move `bytes`: reads at its
/// bandwidth, writes at its write bandwidth (the same one unless the level
/// gives it apart), derated; 0 when it gives no bandwidth.
double getLevelSeconds(const Target &target, const MemoryLevel &level,
                       const LevelBytes &bytes);

/// The bytes that pass through each level for `kernel`, in the target's
/// order: those the level serves and those of every level outside it.
SmallVector<LevelBytes, 2> getThroughBytes(const KernelTime &kernel);

/// From `kernel`'s bytes by level (and its streamed weights): its on-chip
/// bytes, T_memory and the level that sets it, and its time.
void priceTraffic(KernelTime &kernel, const Target &target);

} // namespace mlir::roof

#endif // ROOF_PRICING_LEVELTRAFFIC_H
