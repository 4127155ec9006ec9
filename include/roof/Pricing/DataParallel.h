//===- DataParallel.h - A training step over data-parallel replicas -*- C++
//-*-===//
//
// Data parallelism runs the step on `replicas` devices, each on its own
// samples, and reduces their gradients; ZeRO (Rajbhandari et al. 2020)
// shards the model state over them. The formulas are in
// docs/parallelism.md, "Data parallelism".
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_PRICING_DATAPARALLEL_H
#define ROOF_PRICING_DATAPARALLEL_H

#include "roof/Pricing/Collectives.h"
#include "roof/Pricing/Optimizer.h"

namespace mlir::roof {

struct DataParallelOptions {
  /// Replicas, and the devices between two of them in the system's
  /// numbering (the tensor-parallel group each one spans).
  unsigned replicas = 1;
  unsigned stride = 1;
  /// ZeRO's stage: 0 (none), 1 (optimizer state sharded), 2 (and
  /// gradients), 3 (and weights).
  unsigned zeroStage = 0;
  /// How many of the replicas split each sample's tokens among them
  /// (context parallelism): they reduce their gradients with the others,
  /// and hold one sample's share each.
  unsigned contextSplit = 1;
  /// How many consecutive devices of each replica group split the experts
  /// among them (expert parallelism; `stride` is then the pipeline's
  /// stages): they reduce the dense weights' gradients with the others and
  /// the expert weights' only with the replicas that hold the same experts,
  /// `expertSplit` x `stride` apart.
  unsigned expertSplit = 1;
};

/// The function-argument attribute roof-parallel-plan gives a weight it
/// splits by expert.
inline constexpr llvm::StringLiteral kExpertsArgAttrName = "roof.experts";

/// Whether `weight` is a function argument marked kExpertsArgAttrName.
bool isExpertWeight(Value weight);

/// What data parallelism adds to a step on a system.
struct DataParallelStep {
  DataParallelOptions options;
  /// The gradients' reduction, which overlaps the backward pass: an
  /// all-reduce, or with ZeRO a reduce-scatter (each replica updates its
  /// shard). With expert parallelism the dense weights', and then the
  /// expert weights' over their own replicas.
  CollectiveTime reduce;
  CollectiveTime expertReduce;
  /// With ZeRO, one all-gather of the weights: after the update (stages 1
  /// and 2, not overlapped), or before the forward and again before the
  /// backward pass (stage 3, each overlapping its pass); `gathers` of them
  /// (and of the expert weights over their replicas).
  CollectiveTime gather;
  CollectiveTime expertGather;
  unsigned gathers = 0;
  /// What the passes do not hide (docs/parallelism.md).
  double exposedSeconds = 0;

  /// Every collective's time, hidden or not.
  double communicationSeconds() const {
    return reduce.seconds + expertReduce.seconds +
           gathers * (gather.seconds + expertGather.seconds);
  }
};

/// The step's collectives on `system`, overlapped with passes of
/// `forwardSeconds` and `backwardSeconds`.
DataParallelStep priceDataParallel(const ModelState &state,
                                   double forwardSeconds,
                                   double backwardSeconds,
                                   const DataParallelOptions &options,
                                   const System &system);

/// One device's share of `state` under ZeRO's stage: optimizer state and
/// master copy (1), gradients (2) and weights (3) divided over the
/// replicas (the expert weights' over theirs), rounded up.
ModelState shardModelState(ModelState state,
                           const DataParallelOptions &options);

} // namespace mlir::roof

#endif // ROOF_PRICING_DATAPARALLEL_H
