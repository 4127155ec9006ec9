//===- TrainingStep.h - One step of training on a target --------*- C++ -*-===//
//
// A step of training runs the forward function, its backward pass
// (Backward.h) and the optimizer's update (Optimizer.h), `gradAccum` times
// forward and backward per update. Its memory is the model state, the
// activations the backward pass reads (kept from the forward), and the
// gradients in flight. The formulas are in docs/training.md.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_PRICING_TRAININGSTEP_H
#define ROOF_PRICING_TRAININGSTEP_H

#include "roof/Pricing/Backward.h"
#include "roof/Pricing/DataParallel.h"
#include "roof/Pricing/Optimizer.h"
#include "roof/Pricing/PipelineParallel.h"
#include "roof/Pricing/Recompute.h"

#include <memory>

namespace mlir::roof {

/// What roof-report's training options ask for.
struct TrainingOptions {
  Optimizer optimizer = Optimizer::None;
  /// The dtype of the weights the optimizer updates, when wider than the
  /// model's (mixed precision: f32); unset: the weights themselves.
  std::optional<Dtype> masterDtype;
  /// Forward and backward passes per optimizer update (gradient
  /// accumulation).
  unsigned gradAccum = 1;
  /// What the backward pass recomputes instead of keeping, and for `full`
  /// the name-scope depth of its blocks.
  Recompute recompute = Recompute::None;
  unsigned scopeDepth = 0;
  /// Replicas whose gradients are reduced, on a system (DataParallel.h).
  DataParallelOptions dataParallel;
  /// Pipeline stages the layers are split into (PipelineParallel.h), each
  /// `dataParallel.stride / pipelineStages` devices after the one before;
  /// `gradAccum` is then the microbatches of a step; each stage holds
  /// `pipelineChunks` chunks of the layers (an interleaved schedule).
  unsigned pipelineStages = 1;
  unsigned pipelineChunks = 1;
  /// Steps of a run, for its cost (0: not given).
  uint64_t steps = 0;
};

/// The memory a step holds as it runs: the model state, the saved
/// activations held (from the kernel that makes each until the backward of
/// the first kernel that reads it), and in the backward pass the gradients
/// in flight. Recomputed values are not in it.
struct MemoryTimeline {
  /// After each forward kernel, in their order.
  SmallVector<uint64_t> forward;
  /// During the backward of each forward kernel, in the order the backward
  /// pass runs (the last forward kernel's first).
  SmallVector<uint64_t> backward;

  uint64_t peak() const {
    uint64_t most = 0;
    for (uint64_t bytes : forward)
      most = std::max(most, bytes);
    for (uint64_t bytes : backward)
      most = std::max(most, bytes);
    return most;
  }
};

/// What a step is before a target is chosen: its backward pass, model state,
/// the optimizer's update as a kernel, and its memory timeline.
struct TrainingKernels {
  TrainingOptions options;
  BackwardPass backward;
  ModelState state;
  KernelFacts update;
  std::shared_ptr<const MemoryTimeline> timeline;
  /// With pipeline stages: the kernels' stages.
  std::optional<PipelineStages> pipeline;
};

/// Derives the step of `forward` (analyzeKernels with `ctx`).
TrainingKernels analyzeTraining(const FunctionKernels &forward,
                                CostContext &ctx,
                                const RooflineOptions &options,
                                const TrainingOptions &training);

/// One step on one target.
struct TrainingReport {
  std::string function;
  const Target *target = nullptr;
  TrainingOptions options;
  /// Samples of one forward pass (the report's batch).
  uint64_t batch = 1;
  /// The forward and backward passes, priced like any function, and the
  /// optimizer's update.
  double forwardSeconds = 0;
  double backwardSeconds = 0;
  double updateSeconds = 0;
  /// The time of the passes' collectives on the links that no matmul hides
  /// (in forwardSeconds and backwardSeconds; a tensor-parallel split's).
  double forwardCommunicationSeconds = 0;
  double backwardCommunicationSeconds = 0;
  uint64_t forwardFlops = 0;
  uint64_t backwardFlops = 0;
  uint64_t updateFlops = 0;
  /// FLOPs of the forward kernels the backward pass runs again (in
  /// backwardSeconds, not in backwardFlops).
  uint64_t recomputeFlops = 0;
  /// The fastest matrix rate the forward's kernels run at: the peak model
  /// FLOPs utilization is taken against.
  double peakFlops = 0;
  /// The backward kernels on the target, for the top kernels.
  FunctionRoofline backward;
  ModelState state;
  uint64_t savedActivationBytes = 0;
  uint64_t transientBytes = 0;
  std::shared_ptr<const MemoryTimeline> timeline;
  double capacityBytes = 0;
  /// Kernels without a rate or ops without a cost, which the times leave
  /// out.
  bool incomplete = false;
  /// Over data-parallel replicas: their collectives (`state` is then one
  /// device's share).
  std::optional<DataParallelStep> dataParallel;
  /// Over pipeline stages: the stages' times. The passes' times, FLOPs,
  /// communication, state and activations above are then the slowest
  /// stage's device's, and its state the largest stage's.
  std::optional<PipelineStep> pipeline;
  /// USD a second of one device's work (Money.h, at the target's power),
  /// when the target has the price it needs.
  std::optional<double> dollarsPerSecond;

  /// The devices a step occupies: every replica's stages and splits.
  uint64_t devices() const {
    return static_cast<uint64_t>(options.dataParallel.replicas) *
           options.dataParallel.stride;
  }
  /// USD a step costs on all its devices.
  std::optional<double> costPerStep() const {
    if (!dollarsPerSecond)
      return std::nullopt;
    return *dollarsPerSecond * devices() * stepSeconds();
  }

  /// How many times a step runs each device's forward and backward pass:
  /// gradAccum, or through a pipeline m + (p - 1) / v slowest-stage times.
  double passRuns() const {
    return pipeline ? pipeline->passes() : options.gradAccum;
  }

  double stepSeconds() const {
    return passRuns() * (forwardSeconds + backwardSeconds) +
           (pipeline ? pipeline->sendSeconds() : 0) + updateSeconds +
           (dataParallel ? dataParallel->exposedSeconds : 0);
  }
  /// What a step spends on the links and does not hide: the passes'
  /// collectives and the data-parallel exposed time.
  double exposedCommunicationSeconds() const {
    return passRuns() *
               (forwardCommunicationSeconds + backwardCommunicationSeconds) +
           (pipeline ? pipeline->sendSeconds() : 0) +
           (dataParallel ? dataParallel->exposedSeconds : 0);
  }
  /// Samples of a step over every replica (those that split a sample's
  /// tokens count it once).
  uint64_t samplesPerStep() const {
    return static_cast<uint64_t>(options.gradAccum) * batch *
           options.dataParallel.replicas / options.dataParallel.contextSplit;
  }
  double samplesPerSecond() const {
    return stepSeconds() > 0 ? samplesPerStep() / stepSeconds() : 0;
  }
  /// FLOPs of the forward and backward passes of a step.
  double modelFlops() const {
    return static_cast<double>(options.gradAccum) *
           (static_cast<double>(forwardFlops) + backwardFlops);
  }
  /// modelFlops and the recomputation: what the hardware runs.
  double hardwareFlops() const {
    return modelFlops() +
           static_cast<double>(options.gradAccum) * recomputeFlops;
  }
  /// modelFlops (hardwareFlops) over the step's time at the peak.
  double modelFlopsUtilization() const { return getUtilization(modelFlops()); }
  double hardwareFlopsUtilization() const {
    return getUtilization(hardwareFlops());
  }
  double getUtilization(double flops) const {
    return stepSeconds() > 0 && peakFlops > 0
               ? flops / (stepSeconds() * peakFlops)
               : 0;
  }
  uint64_t peakBytes() const {
    return state.weightBytes + state.gradientBytes + state.optimizerBytes() +
           savedActivationBytes + transientBytes;
  }
  bool fits() const { return peakBytes() <= capacityBytes; }
  /// The largest batch (in units of `batch`'s samples) whose step fits,
  /// the activations (saved and in flight) growing linearly with it and
  /// the model state not: 0 when the state alone does not fit or nothing
  /// grows.
  uint64_t maxBatch() const;
};

/// Prices `step` on `target`; `forward` is its forward function priced
/// there.
TrainingReport priceTraining(const TrainingKernels &step,
                             const FunctionRoofline &forward,
                             const Target &target,
                             const RooflineOptions &options);

} // namespace mlir::roof

#endif // ROOF_PRICING_TRAININGSTEP_H
