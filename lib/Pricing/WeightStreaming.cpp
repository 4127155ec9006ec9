//===- WeightStreaming.cpp - Weights that arrive over a link --------------===//

#include "roof/Pricing/WeightStreaming.h"

#include <algorithm>

using namespace mlir;
using namespace mlir::roof;

void roof::applyWeightStreaming(FunctionRoofline &r) {
  const Target &target = *r.target;
  if (!target.weightLink)
    return;
  // The deployment compiler places weights on chip in program order until
  // the memory is full (the Edge TPU compiler's parameter caching).
  double cached = std::max(0.0, target.getUsableOnChipBytes());
  for (KernelTime &kernel : r.kernels) {
    uint64_t weights = kernel.cost.weightBytesRead;
    uint64_t onChip = static_cast<uint64_t>(
        std::min<double>(static_cast<double>(weights), cached));
    cached -= onChip;
    kernel.streamedWeightBytes = weights - onChip;
    r.streamedWeightBytes += kernel.streamedWeightBytes;
  }
}
