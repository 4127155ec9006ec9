//===- WeightStreaming.h - Weights that arrive over a link ------*- C++ -*-===//
//
// A chip without memory of its own for weights (a USB or PCIe accelerator)
// keeps as many as fit in its on-chip memory and streams the rest from the
// host on every call. This decides which kernels' weights stream; their
// time at the link's bandwidth is a term of the memory time. The rule is in
// docs/roofline.md.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_PRICING_WEIGHTSTREAMING_H
#define ROOF_PRICING_WEIGHTSTREAMING_H

#include "roof/Pricing/PricingTypes.h"

namespace mlir::roof {

/// On a target with a weight link: the kernels' weight bytes, in kernel
/// order, take the usable on-chip capacity until it is full; the rest
/// stream over the link (a kernel's memory time is then at least its
/// streamed bytes / the link's bandwidth: priceFunction). Sets the
/// streamed bytes of the kernels of `r` and of `r`; does nothing on other
/// targets.
void applyWeightStreaming(FunctionRoofline &r);

} // namespace mlir::roof

#endif // ROOF_PRICING_WEIGHTSTREAMING_H
