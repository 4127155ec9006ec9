//===- Optimizer.h - What an optimizer keeps per weight ---------*- C++ -*-===//
//
// A training step ends with the optimizer updating every trainable weight
// from its gradient. What that costs depends only on the optimizer, the
// weights' shapes and the dtypes they are kept at: the state it keeps per
// weight (Adam: two moments), an f32 master copy under mixed precision, and
// the elementwise update, priced as one kernel. The formulas are in
// docs/training.md, "Model state" and "Optimizer step".
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_PRICING_OPTIMIZER_H
#define ROOF_PRICING_OPTIMIZER_H

#include "roof/Analysis/OpCost.h"
#include "roof/Target/Dtype.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>

namespace mlir::roof {

/// What roof-report's training= names; None prices inference.
enum class Optimizer { None, Sgd, Momentum, Adam, AdamW, Lamb, Adafactor };

/// "sgd", "momentum", "adam", "adamw", "lamb", "adafactor" ("none").
llvm::StringRef getOptimizerName(Optimizer optimizer);

/// FLOPs of one parameter's update (docs/training.md lists each operation).
unsigned getUpdateFlops(Optimizer optimizer);

/// One trainable weight: its shape and the bytes of one element as the
/// model keeps it.
struct TrainableWeight {
  llvm::ArrayRef<int64_t> shape;
  unsigned elementBytes = 0;
  /// Whether expert parallelism splits it by expert (isExpertWeight).
  bool expert = false;
};

/// The memory a step keeps for the weights beyond the activations, and the
/// optimizer's update as one elementwise kernel.
struct ModelState {
  uint64_t parameters = 0;
  uint64_t weightBytes = 0;
  /// One gradient per weight, at the weight's dtype.
  uint64_t gradientBytes = 0;
  /// The master copy the optimizer updates when `masterDtype` is wider
  /// than a weight (0 otherwise), and the optimizer's own state, kept at
  /// the master dtype (or the weight's without one).
  uint64_t masterBytes = 0;
  uint64_t stateBytes = 0;
  /// The update of every weight: its FLOPs, and the gradients, weights
  /// (master copies) and state it reads and writes.
  OpCost update;

  /// Of the bytes above, the expert weights' (TrainableWeight::expert):
  /// data parallelism reduces and shards them over fewer replicas.
  uint64_t expertWeightBytes = 0;
  uint64_t expertGradientBytes = 0;
  uint64_t expertMasterBytes = 0;
  uint64_t expertStateBytes = 0;

  uint64_t optimizerBytes() const { return masterBytes + stateBytes; }
};

/// The model state of `weights` under `optimizer`, with the optimizer
/// updating an f32 (or other) master copy when `masterDtype` is given.
ModelState getModelState(Optimizer optimizer,
                         llvm::ArrayRef<TrainableWeight> weights,
                         std::optional<Dtype> masterDtype);

} // namespace mlir::roof

#endif // ROOF_PRICING_OPTIMIZER_H
