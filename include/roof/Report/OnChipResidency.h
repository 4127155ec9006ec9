//===- OnChipResidency.h - Intermediates kept in on-chip memory -*- C++ -*-===//
//
// A tensor one kernel writes and later kernels read need not go through
// off-chip memory when it stays in the target's on-chip memory (a GPU's L2,
// an NPU's SRAM, a DSP's VTCM) until its last read. This decides which
// intermediates of a function stay there and moves their bytes from the
// off-chip interface to on-chip memory. The rule is in docs/roofline.md.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_REPORT_ONCHIPRESIDENCY_H
#define ROOF_REPORT_ONCHIPRESIDENCY_H

#include "roof/Report/Roofline.h"

namespace mlir::roof {

/// Serves from on-chip memory each intermediate of `fn` (a result of a
/// top-level kernel read only by later top-level kernels, directly or
/// through views; when `r` prices `fn` unfused, a fused kernel's members are
/// top-level kernels in its place) that fits beside the intermediates already
/// kept over its lifetime, shortest-lived first, in the usable on-chip
/// capacity. Updates the kernels of `r` (their on-chip bytes, memory time and
/// time) and `r.peakOnChipBytes`; on a chip without off-chip memory every byte
/// is on-chip and no time changes.
void applyOnChipResidency(FunctionOpInterface fn, FunctionRoofline &r,
                          const RooflineOptions &options);

} // namespace mlir::roof

#endif // ROOF_REPORT_ONCHIPRESIDENCY_H
