//===- TrainingStep.cpp - One step of training on a target ----------------===//

#include "roof/Pricing/TrainingStep.h"
#include "roof/Analysis/CostContext.h"
#include "roof/Pricing/Roofline.h"

using namespace mlir;
using namespace mlir::roof;

/// The timeline of a step (docs/training.md, "Memory timeline").
static MemoryTimeline
getMemoryTimeline(const FunctionKernels &forward,
                  const llvm::DenseMap<Value, unsigned> &producer,
                  const BackwardPass &backward, const ModelState &state,
                  const RooflineOptions &options) {
  size_t kernels = forward.kernels.size();
  // Each saved value is held from the kernel that makes it (the start, for
  // an argument) until the backward of the first kernel that reads it.
  llvm::DenseSet<Value> saved(backward.saved.begin(), backward.saved.end());
  llvm::DenseMap<Value, unsigned> releasedAfter;
  for (auto [i, reads] : llvm::enumerate(backward.readsByKernel))
    for (Value v : reads)
      if (saved.contains(v))
        releasedAfter.try_emplace(v, i);
  uint64_t held = 0;
  SmallVector<uint64_t> made(kernels), released(kernels);
  for (Value v : backward.saved) {
    uint64_t bytes = getDeployedBytes(v.getType(), options).value_or(0);
    auto found = producer.find(v);
    if (found == producer.end())
      held += bytes;
    else
      made[found->second] += bytes;
    // A block input kept for a full recompute is held to the end.
    auto last = releasedAfter.find(v);
    released[last == releasedAfter.end() ? 0 : last->second] += bytes;
  }
  uint64_t stateBytes =
      state.weightBytes + state.gradientBytes + state.optimizerBytes();
  MemoryTimeline timeline;
  for (size_t i = 0; i < kernels; ++i) {
    held += made[i];
    timeline.forward.push_back(stateBytes + held);
  }
  for (size_t i = kernels; i-- > 0;) {
    timeline.backward.push_back(stateBytes + held +
                                backward.inFlightByKernel[i]);
    held -= released[i];
  }
  return timeline;
}

TrainingKernels roof::analyzeTraining(const FunctionKernels &forward,
                                      CostContext &ctx,
                                      const RooflineOptions &options,
                                      const TrainingOptions &training) {
  TrainingKernels step;
  step.options = training;
  llvm::DenseMap<Value, unsigned> producers = mapProducers(forward);
  step.backward = deriveBackward(forward, producers, ctx, options);
  applyRecompute(step.backward, forward, producers, ctx.getWeights(),
                 training.recompute, training.scopeDepth, options);
  // Each weight at its element width as deployed.
  SmallVector<TrainableWeight> weights;
  std::optional<Dtype> weightDtype;
  for (Value weight : step.backward.trainable) {
    auto type = cast<ShapedType>(weight.getType());
    uint64_t bytes = getDeployedBytes(type, options).value_or(0);
    weights.push_back({type.getShape(),
                       static_cast<unsigned>(llvm::divideCeil(
                           bytes, std::max<int64_t>(type.getNumElements(), 1))),
                       isExpertWeight(weight)});
    if (!weightDtype)
      weightDtype = options.dtypePolicy == DtypePolicy::Deploy
                        ? options.deployDtype
                        : getElementDtype(type.getElementType());
  }
  step.state = getModelState(training.optimizer, weights, training.masterDtype);
  if (training.pipelineStages > 1)
    step.pipeline =
        splitStages(forward, producers, step.backward, weights,
                    training.optimizer, training.masterDtype,
                    training.pipelineStages, training.pipelineChunks, options);

  step.timeline = std::make_shared<const MemoryTimeline>(getMemoryTimeline(
      forward, producers, step.backward, step.state, options));

  // The update runs elementwise at the dtype of what it updates.
  KernelFacts &update = step.update;
  update.cost = step.state.update;
  update.engine = Engine::Vector;
  update.kernelClass = KernelClass::Elementwise;
  update.rated = training.masterDtype ? training.masterDtype : weightDtype;
  update.dtype = update.rated ? getDtypeName(*update.rated).str() : "none";
  return step;
}

/// `report` (of the whole step on one device) narrowed to the device of the
/// slowest pipeline stage, its state to the largest stage's and its
/// activations to the most a stage holds (PipelineStep::microbatchesKept).
static void narrowToStage(TrainingReport &report, const TrainingKernels &step,
                          const FunctionRoofline &forward, unsigned stride,
                          const System &system) {
  const PipelineStages &split = *step.pipeline;
  unsigned microbatches = step.options.gradAccum;
  PipelineStep pipeline = pricePipeline(split, forward, report.backward,
                                        microbatches, stride, system);
  unsigned slowest = pipeline.slowest;
  report.forwardSeconds = pipeline.forwardSeconds[slowest];
  report.backwardSeconds = pipeline.backwardSeconds[slowest];
  report.forwardFlops = report.backwardFlops = report.recomputeFlops = 0;
  report.forwardCommunicationSeconds = report.backwardCommunicationSeconds = 0;
  for (auto [kernel, stage] :
       llvm::zip_equal(forward.kernels, split.forwardStage)) {
    if (stage != slowest)
      continue;
    report.forwardFlops += kernel.cost.flops;
    report.forwardCommunicationSeconds += kernel.exposedLinkSeconds();
  }
  // The backward pass's recomputed forward kernels come last.
  size_t firstRecomputed =
      report.backward.kernels.size() - step.backward.recomputedKernels;
  for (auto [i, kernel] : llvm::enumerate(report.backward.kernels)) {
    if (split.backwardStage[i] != slowest)
      continue;
    (i < firstRecomputed ? report.backwardFlops : report.recomputeFlops) +=
        kernel.cost.flops;
    report.backwardCommunicationSeconds += kernel.exposedLinkSeconds();
  }
  auto stateBytes = [](const ModelState &state) {
    return state.weightBytes + state.gradientBytes + state.optimizerBytes();
  };
  const ModelState &largest = *llvm::max_element(
      split.states, [&](const ModelState &a, const ModelState &b) {
        return stateBytes(a) < stateBytes(b);
      });
  if (step.state.update.flops)
    report.updateSeconds *=
        static_cast<double>(largest.update.flops) / step.state.update.flops;
  report.updateFlops = largest.update.flops;
  report.state = largest;
  report.savedActivationBytes = 0;
  for (auto [s, saved] : llvm::enumerate(split.savedBytes))
    report.savedActivationBytes = std::max<uint64_t>(
        report.savedActivationBytes,
        static_cast<uint64_t>(pipeline.microbatchesKept(s) * saved));
  // The whole step's timeline is no stage's.
  report.timeline = nullptr;
  report.pipeline = std::move(pipeline);
}

TrainingReport roof::priceTraining(const TrainingKernels &step,
                                   const FunctionRoofline &forward,
                                   const Target &target,
                                   const RooflineOptions &options) {
  TrainingReport report;
  report.function = forward.function;
  report.target = &target;
  report.options = step.options;
  report.batch = forward.batch;
  report.forwardSeconds = forward.latencySeconds;
  report.forwardFlops = forward.totals.total.flops;
  report.backward = priceFunction(step.backward.kernels, target, options);
  report.backwardSeconds = report.backward.latencySeconds;
  report.forwardCommunicationSeconds = forward.exposedCommunicationSeconds();
  report.backwardCommunicationSeconds =
      report.backward.exposedCommunicationSeconds();
  report.recomputeFlops = step.backward.recomputeFlops;
  report.backwardFlops =
      step.backward.kernels.totals.total.flops - report.recomputeFlops;
  // Without trainable weights there is nothing to update.
  KernelTime update = priceKernel(step.update, target, options);
  // A vector engine without that dtype's rate updates widened to f32, as
  // optimizers compute.
  if (!update.hasTime() && step.update.rated != Dtype::F32) {
    KernelFacts widened = step.update;
    widened.rated = Dtype::F32;
    widened.dtype += "/f32";
    update = priceKernel(widened, target, options);
  }
  if (step.state.parameters && update.hasTime())
    report.updateSeconds = update.seconds;
  report.updateFlops = step.state.update.flops;
  // Utilization is against the matrix engine's rate where the forward uses
  // one, as MFU is quoted.
  double matrixPeak = 0, anyPeak = 0;
  for (const KernelTime &kernel : forward.kernels) {
    if (!kernel.rate)
      continue;
    anyPeak = std::max(anyPeak, *kernel.rate);
    if (kernel.engine == Engine::Matrix)
      matrixPeak = std::max(matrixPeak, *kernel.rate);
  }
  report.peakFlops = matrixPeak > 0 ? matrixPeak : anyPeak;
  report.state = step.state;
  report.dollarsPerSecond =
      getDollarsPerSecond(target, target.power, options.money);
  report.savedActivationBytes = step.backward.savedBytes;
  report.timeline = step.timeline;
  const DataParallelOptions &replicas = step.options.dataParallel;
  // A stage's devices are its tensor-parallel group, or its
  // expert-parallel one: the stages are that many devices apart.
  if (step.pipeline && target.system)
    narrowToStage(report, step, forward,
                  replicas.stride / step.pipeline->stages *
                      replicas.expertSplit,
                  *target.system);
  // Only on a system with a device for every replica (roof-report checks
  // that before pricing).
  if (replicas.replicas > 1 && target.system &&
      static_cast<uint64_t>(replicas.replicas) * replicas.stride <=
          target.system->getDevices()) {
    report.dataParallel =
        priceDataParallel(report.state, report.forwardSeconds,
                          report.backwardSeconds, replicas, *target.system);
    report.state = shardModelState(report.state, replicas);
    // With ZeRO each replica updates its shard of the weights.
    if (replicas.zeroStage) {
      report.updateSeconds /= replicas.replicas;
      report.updateFlops =
          llvm::divideCeil(report.updateFlops, replicas.replicas);
    }
  }
  report.transientBytes = step.backward.transientBytes;
  report.capacityBytes = target.getMainMemory().capacity;
  report.incomplete =
      forward.kernelsWithoutRate || report.backward.kernelsWithoutRate ||
      forward.totals.opsUnknown || (step.state.parameters && !update.hasTime());
  return report;
}

uint64_t TrainingReport::maxBatch() const {
  double room = capacityBytes - (state.weightBytes + state.gradientBytes +
                                 state.optimizerBytes());
  double perSample =
      static_cast<double>(savedActivationBytes + transientBytes) / batch;
  return room > 0 && perSample > 0 ? static_cast<uint64_t>(room / perSample)
                                   : 0;
}
