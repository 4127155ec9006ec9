//===- OnChipResidency.h - Intermediates kept in on-chip memory -*- C++ -*-===//
//
// A tensor one kernel writes and later kernels read need not go through
// off-chip memory when it stays in one of the target's on-chip levels (a
// GPU's L2, an NPU's SRAM, a DSP's VTCM, a CPU's L1, L2 or L3) until its last
// read. This decides which intermediates of a function stay on chip, and in
// which level, and moves their bytes from the main memory to that level. The
// rule is in docs/roofline.md.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_PRICING_ONCHIPRESIDENCY_H
#define ROOF_PRICING_ONCHIPRESIDENCY_H

#include "roof/Pricing/PricingTypes.h"

namespace mlir::roof {

/// The intermediates of `fn` among its `kernels` (in run order): each
/// result of a top-level kernel read only by later top-level kernels,
/// directly or through views (when `kernels` are `fn`'s unfused view, a
/// fused kernel's members are top-level kernels in its place), shortest-lived
/// first. Found once per function and kept on each target.
SmallVector<Intermediate> findIntermediates(FunctionOpInterface fn,
                                            ArrayRef<KernelFacts> kernels,
                                            const RooflineOptions &options);

/// Serves each of `intermediates` (of the function `r` prices), in order,
/// from the innermost cache level of the target (Target::getCacheLevels)
/// whose usable bytes hold it beside the intermediates already kept there
/// over its lifetime. Moves the bytes it serves in the kernels of `r` from
/// the main memory to that level, and sets each cache level's peak in
/// `r.summary`; their times follow from the traffic (priceFunction). On a
/// chip without off-chip memory every byte is on chip already.
void applyOnChipResidency(ArrayRef<Intermediate> intermediates,
                          FunctionRoofline &r);

} // namespace mlir::roof

#endif // ROOF_PRICING_ONCHIPRESIDENCY_H
