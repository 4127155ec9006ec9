//===- Optimizer.cpp - What an optimizer keeps and does per weight --------===//

#include "roof/Pricing/Optimizer.h"

#include "mlir/Support/LLVM.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/ErrorHandling.h"

#include <functional>
#include <numeric>

using namespace mlir;
using namespace mlir::roof;

StringRef roof::getOptimizerName(Optimizer optimizer) {
  switch (optimizer) {
  case Optimizer::None:
    return "none";
  case Optimizer::Sgd:
    return "sgd";
  case Optimizer::Momentum:
    return "momentum";
  case Optimizer::Adam:
    return "adam";
  case Optimizer::AdamW:
    return "adamw";
  case Optimizer::Lamb:
    return "lamb";
  case Optimizer::Adafactor:
    return "adafactor";
  }
  llvm_unreachable("unknown optimizer");
}

unsigned roof::getUpdateFlops(Optimizer optimizer) {
  switch (optimizer) {
  case Optimizer::None:
    return 0;
  case Optimizer::Sgd:
    return 2;
  case Optimizer::Momentum:
    return 4;
  case Optimizer::Adam:
    return 12;
  case Optimizer::AdamW:
    return 14;
  case Optimizer::Lamb:
    return 18;
  case Optimizer::Adafactor:
    return 11;
  }
  llvm_unreachable("unknown optimizer");
}

static uint64_t product(ArrayRef<int64_t> dims) {
  return std::accumulate(dims.begin(), dims.end(), uint64_t{1},
                         std::multiplies<uint64_t>());
}

/// Values of state the optimizer keeps for a weight of `shape`: one or two
/// per element, or Adafactor's factored second moment of a matrix (a row
/// and a column statistic over its last two dims) and full one of a vector.
static uint64_t getStateElements(Optimizer optimizer, ArrayRef<int64_t> shape) {
  uint64_t elements = product(shape);
  switch (optimizer) {
  case Optimizer::None:
  case Optimizer::Sgd:
    return 0;
  case Optimizer::Momentum:
    return elements;
  case Optimizer::Adam:
  case Optimizer::AdamW:
  case Optimizer::Lamb:
    return 2 * elements;
  case Optimizer::Adafactor:
    if (shape.size() < 2)
      return elements;
    return product(shape.drop_back()) +
           product(shape.drop_back(2)) * static_cast<uint64_t>(shape.back());
  }
  llvm_unreachable("unknown optimizer");
}

ModelState roof::getModelState(Optimizer optimizer,
                               ArrayRef<TrainableWeight> weights,
                               std::optional<Dtype> masterDtype) {
  ModelState state;
  uint64_t masterElementBytes =
      masterDtype ? llvm::divideCeil(getDtypeBits(*masterDtype), 8) : 0;
  for (const TrainableWeight &weight : weights) {
    uint64_t elements = product(weight.shape);
    uint64_t bytes = elements * weight.elementBytes;
    state.parameters += elements;
    state.weightBytes += bytes;
    state.gradientBytes += bytes;
    // The optimizer updates a master copy where the weight is narrower;
    // its state is at the master's width (or the weight's without one).
    bool hasMaster = masterElementBytes > weight.elementBytes;
    uint64_t updatedBytes = hasMaster ? elements * masterElementBytes : bytes;
    uint64_t stateBytes =
        getStateElements(optimizer, weight.shape) *
        (masterDtype ? masterElementBytes : weight.elementBytes);
    if (hasMaster)
      state.masterBytes += updatedBytes;
    state.stateBytes += stateBytes;
    // It reads the gradient, the updated copy and the state, and writes
    // the copy, the state and, from a master, the weight.
    if (weight.expert) {
      state.expertWeightBytes += bytes;
      state.expertGradientBytes += bytes;
      state.expertMasterBytes += hasMaster ? updatedBytes : 0;
      state.expertStateBytes += stateBytes;
    }
    state.update.flops += elements * getUpdateFlops(optimizer);
    state.update.bytesRead += bytes + updatedBytes + stateBytes;
    state.update.bytesWritten +=
        updatedBytes + stateBytes + (hasMaster ? bytes : 0);
  }
  return state;
}
