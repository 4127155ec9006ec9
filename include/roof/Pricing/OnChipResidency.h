//===- OnChipResidency.h - Intermediates kept in on-chip memory -*- C++ -*-===//
//
// A tensor one kernel writes and later kernels read need not go through
// off-chip memory when it stays in the target's on-chip memory (a GPU's L2,
// an NPU's SRAM, a DSP's VTCM) until its last read. This decides which
// intermediates of a function stay there and moves their bytes from the
// off-chip interface to on-chip memory. The rule is in docs/roofline.md.
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

/// Serves from on-chip memory each of `intermediates` (of the function `r`
/// prices) that fits beside the intermediates already kept over its
/// lifetime, in order, in the usable on-chip capacity. Updates the kernels of
/// `r` (their on-chip bytes, memory time and time) and `r.peakOnChipBytes`;
/// on a chip without off-chip memory every byte is on-chip and no time
/// changes.
void applyOnChipResidency(ArrayRef<Intermediate> intermediates,
                          FunctionRoofline &r);

} // namespace mlir::roof

#endif // ROOF_PRICING_ONCHIPRESIDENCY_H
