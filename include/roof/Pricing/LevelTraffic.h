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

/// From `kernel`'s bytes by level (and its streamed weights): its on-chip
/// bytes, T_memory and the level that sets it, and its time. Returns each
/// level's time for the bytes passing through it (reads at its bandwidth,
/// writes at its write bandwidth, derated; 0 without a bandwidth), in the
/// target's order; empty for a kernel without a time.
SmallVector<double, 2> priceTraffic(KernelTime &kernel, const Target &target);

/// The bytes of `kernel` at the level that sets its memory time
/// (memoryLevel): those passing through it, or the streamed weights for the
/// weight link. A hierarchical roofline places the kernel at FLOPs over
/// these bytes, under that level's roof.
uint64_t getServedBytes(const KernelTime &kernel);

} // namespace mlir::roof

#endif // ROOF_PRICING_LEVELTRAFFIC_H
