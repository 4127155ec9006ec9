//===- Counts.cpp - Exact counts that saturate instead of wrapping --------===//

#include "roof/Support/Counts.h"

#include <limits>

std::string mlir::roof::formatCount(uint64_t count) {
  return count == kCountOverflow ? "overflow" : std::to_string(count);
}

double mlir::roof::getIntensity(uint64_t flops, uint64_t bytes) {
  if (bytes == 0)
    return flops == 0 ? 0.0 : std::numeric_limits<double>::infinity();
  return static_cast<double>(flops) / static_cast<double>(bytes);
}
