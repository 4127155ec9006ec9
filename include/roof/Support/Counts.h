//===- Counts.h - Exact counts that saturate --------------------*- C++ -*-===//
//
// FLOPs and bytes are exact unsigned counts. A model large enough, or an op
// run in enough loops, can go past 2^64 - 1: the arithmetic here saturates
// there, and a saturated count prints as `overflow`, never as a number. The
// cost analysis and the roof dialect's attributes share these rules.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_SUPPORT_COUNTS_H
#define ROOF_SUPPORT_COUNTS_H

#include "llvm/Support/MathExtras.h"

#include <cstdint>
#include <string>

namespace mlir::roof {

/// The count that stands for "past 2^64 - 1": count arithmetic saturates
/// there instead of wrapping, and a cost holding it is reported as an
/// overflow, never as a number.
inline constexpr uint64_t kCountOverflow = UINT64_MAX;

/// a + b, or kCountOverflow.
inline uint64_t addCounts(uint64_t a, uint64_t b) {
  return llvm::SaturatingAdd(a, b);
}
/// a - b for a >= b; an overflowed a stays overflowed.
inline uint64_t subCounts(uint64_t a, uint64_t b) {
  return a == kCountOverflow ? a : a - b;
}
/// A count as reports print it: its digits, or `overflow`.
std::string formatCount(uint64_t count);
/// The product of the counts, or kCountOverflow.
template <typename... Counts>
inline uint64_t mulCounts(uint64_t a, uint64_t b, Counts... rest) {
  uint64_t product = llvm::SaturatingMultiply(a, b);
  if constexpr (sizeof...(rest) == 0)
    return product;
  else
    return mulCounts(product, static_cast<uint64_t>(rest)...);
}

/// FLOPs per byte moved: 0 when nothing is moved or done, +infinity for
/// FLOPs without bytes.
double getIntensity(uint64_t flops, uint64_t bytes);

} // namespace mlir::roof

#endif // ROOF_SUPPORT_COUNTS_H
