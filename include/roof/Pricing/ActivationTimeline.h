//===- ActivationTimeline.h - Live activations over a function --*- C++ -*-===//
//
// How many bytes of activations a function holds while each of its ops
// runs: the peak that decides whether it fits, where the peak is and which
// tensors make it up.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_PRICING_ACTIVATIONTIMELINE_H
#define ROOF_PRICING_ACTIVATIONTIMELINE_H

#include "mlir/Interfaces/FunctionInterfaces.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

#include <cstdint>

namespace mlir::roof {

class WeightAnalysis;
struct RooflineOptions;

/// What is live at the peak: an argument, or what an op wrote (its
/// results, or the buffers an op without results writes), and its bytes.
struct LiveValue {
  BlockArgument argument;
  Operation *writer = nullptr;
  uint64_t bytes = 0;
};

struct ActivationTimeline {
  /// Bytes live while each op of the function's body runs, in body order.
  SmallVector<uint64_t> live;
  /// The largest of them and the first op that reaches it (std::nullopt
  /// for an empty body).
  uint64_t peakBytes = 0;
  std::optional<unsigned> peakAt;
  Operation *peakOp = nullptr;
  /// The values live at the peak, largest first (ties in body order).
  SmallVector<LiveValue> atPeak;
};

/// The timeline of `fn`'s body: a value written by an op (with
/// `writtenBytes[op]` bytes, deployed; views and weights write none there)
/// lives from its op to its last use; arguments that are not parameters
/// live from the start, at their deployed bytes.
ActivationTimeline
getActivationTimeline(FunctionOpInterface fn, const WeightAnalysis &weights,
                      const llvm::DenseMap<Operation *, uint64_t> &writtenBytes,
                      const RooflineOptions &options);

/// `live` as a one-line sparkline of at most `width` block characters (each
/// the largest of the ops it stands for, scaled to the peak).
std::string getSparkline(const ActivationTimeline &timeline, unsigned width);

} // namespace mlir::roof

#endif // ROOF_PRICING_ACTIVATIONTIMELINE_H
