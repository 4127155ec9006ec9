//===- OpCost.h - What one op costs, independent of hardware ----*- C++ -*-===//
//
// The value type every cost model returns and every report consumes.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_ANALYSIS_OPCOST_H
#define ROOF_ANALYSIS_OPCOST_H

#include "roof/Support/Counts.h"

namespace mlir::roof {

/// FLOPs and bytes of one execution of an op. Counts are exact integers; a
/// multiply-accumulate is 2 FLOPs. `weightBytesRead` is the part of
/// `bytesRead` whose values come from weights (constants, globals, parameter
/// arguments).
struct OpCost {
  uint64_t flops = 0;
  uint64_t transcendentals = 0;
  uint64_t bytesRead = 0;
  uint64_t bytesWritten = 0;
  uint64_t weightBytesRead = 0;

  uint64_t bytesMoved() const { return addCounts(bytesRead, bytesWritten); }

  /// Whether a count went past 2^64 - 1 (see kCountOverflow).
  bool overflowed() const;

  /// FLOPs per byte moved. An op that moves no bytes has intensity 0 when it
  /// does no FLOPs and +infinity when it does.
  double intensity() const;

  /// Sums and scalings saturate (see kCountOverflow).
  OpCost &operator+=(const OpCost &other);
  /// The cost of running the op `times` times (e.g. in a loop).
  OpCost scaled(uint64_t times) const;

  bool operator==(const OpCost &other) const;
  bool operator!=(const OpCost &other) const { return !(*this == other); }
};

} // namespace mlir::roof

#endif // ROOF_ANALYSIS_OPCOST_H
