//===- DataParallel.cpp - A training step over data-parallel replicas -----===//

#include "roof/Pricing/DataParallel.h"

#include "mlir/Interfaces/FunctionInterfaces.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>

using namespace mlir;
using namespace mlir::roof;

bool roof::isExpertWeight(Value weight) {
  auto arg = dyn_cast<BlockArgument>(weight);
  auto fn = arg ? dyn_cast<FunctionOpInterface>(arg.getOwner()->getParentOp())
                : FunctionOpInterface();
  return fn && arg.getOwner()->isEntryBlock() &&
         fn.getArgAttr(arg.getArgNumber(), kExpertsArgAttrName);
}

/// The replicas of the dense weights and, `experts`, of the expert
/// weights: grid axes of sizes and strides in the system's numbering. With
/// expert parallelism a replica group's E devices are consecutive and the
/// groups E x stride apart; the expert weights' replicas are the groups.
static SmallVector<std::pair<uint64_t, uint64_t>, 2>
getReplicaAxes(const DataParallelOptions &options, bool experts) {
  unsigned split = options.expertSplit;
  if (split == 1)
    return {{options.replicas, options.stride}};
  uint64_t groups = options.replicas / split;
  uint64_t apart = static_cast<uint64_t>(split) * options.stride;
  if (experts)
    return {{groups, apart}};
  return {{split, 1}, {groups, apart}};
}

DataParallelStep roof::priceDataParallel(const ModelState &state,
                                         double forwardSeconds,
                                         double backwardSeconds,
                                         const DataParallelOptions &options,
                                         const System &system) {
  DataParallelStep step;
  step.options = options;
  // The dense weights' collective of `kind` on `bytes`, and the expert
  // weights' on `expertBytes` of them (none without any).
  auto price = [&](CollectiveKind kind, uint64_t bytes, uint64_t expertBytes,
                   CollectiveTime &dense, CollectiveTime &expert) {
    dense = priceOnAxes(kind, bytes - expertBytes,
                        getReplicaAxes(options, /*experts=*/false), system);
    if (expertBytes)
      expert = priceOnAxes(kind, expertBytes,
                           getReplicaAxes(options, /*experts=*/true), system);
  };
  price(options.zeroStage ? CollectiveKind::ReduceScatter
                          : CollectiveKind::AllReduce,
        state.gradientBytes, state.expertGradientBytes, step.reduce,
        step.expertReduce);
  double hidden = step.reduce.seconds + step.expertReduce.seconds;
  double gathered = 0;
  if (options.zeroStage) {
    price(CollectiveKind::AllGather, state.weightBytes, state.expertWeightBytes,
          step.gather, step.expertGather);
    step.gathers = options.zeroStage == 3 ? 2 : 1;
    gathered = step.gather.seconds + step.expertGather.seconds;
  }
  if (options.zeroStage == 3) {
    step.exposedSeconds = std::max(0.0, gathered - forwardSeconds);
    hidden += gathered;
  } else if (options.zeroStage) {
    step.exposedSeconds = gathered;
  }
  step.exposedSeconds += std::max(0.0, hidden - backwardSeconds);
  return step;
}

ModelState roof::shardModelState(ModelState state,
                                 const DataParallelOptions &options) {
  auto shard = [&](uint64_t &bytes, uint64_t &expertBytes, unsigned fromStage) {
    if (options.zeroStage < fromStage)
      return;
    uint64_t expertShare =
        llvm::divideCeil(expertBytes, options.replicas / options.expertSplit);
    bytes =
        llvm::divideCeil(bytes - expertBytes, options.replicas) + expertShare;
    expertBytes = expertShare;
  };
  shard(state.masterBytes, state.expertMasterBytes, 1);
  shard(state.stateBytes, state.expertStateBytes, 1);
  shard(state.gradientBytes, state.expertGradientBytes, 2);
  shard(state.weightBytes, state.expertWeightBytes, 3);
  return state;
}
