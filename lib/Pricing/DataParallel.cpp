//===- DataParallel.cpp - A training step over data-parallel replicas -----===//

#include "roof/Pricing/DataParallel.h"

#include "llvm/Support/MathExtras.h"

#include <algorithm>

using namespace mlir;
using namespace mlir::roof;

/// `kind` over the replicas of `options` on `bytes`.
static CollectiveTime priceOverReplicas(CollectiveKind kind, uint64_t bytes,
                                        const DataParallelOptions &options,
                                        const System &system) {
  return priceOnAxis(kind, bytes, options.replicas, options.stride, system);
}

DataParallelStep roof::priceDataParallel(const ModelState &state,
                                         double forwardSeconds,
                                         double backwardSeconds,
                                         const DataParallelOptions &options,
                                         const System &system) {
  DataParallelStep step;
  step.options = options;
  step.reduce =
      priceOverReplicas(options.zeroStage ? CollectiveKind::ReduceScatter
                                          : CollectiveKind::AllReduce,
                        state.gradientBytes, options, system);
  double hidden = step.reduce.seconds;
  if (options.zeroStage) {
    step.gather = priceOverReplicas(CollectiveKind::AllGather,
                                    state.weightBytes, options, system);
    step.gathers = options.zeroStage == 3 ? 2 : 1;
  }
  if (options.zeroStage == 3) {
    step.exposedSeconds = std::max(0.0, step.gather.seconds - forwardSeconds);
    hidden += step.gather.seconds;
  } else if (options.zeroStage) {
    step.exposedSeconds = step.gather.seconds;
  }
  step.exposedSeconds += std::max(0.0, hidden - backwardSeconds);
  return step;
}

ModelState roof::shardModelState(ModelState state,
                                 const DataParallelOptions &options) {
  auto shard = [&](uint64_t &bytes, unsigned fromStage) {
    if (options.zeroStage >= fromStage)
      bytes = llvm::divideCeil(bytes, options.replicas);
  };
  shard(state.masterBytes, 1);
  shard(state.stateBytes, 1);
  shard(state.gradientBytes, 2);
  shard(state.weightBytes, 3);
  return state;
}
