//===- PipelineParallel.cpp - A training step split into pipeline stages --===//

#include "roof/Pricing/PipelineParallel.h"

#include "roof/Analysis/WeightAnalysis.h"
#include "roof/Pricing/Recompute.h"
#include "roof/Pricing/Roofline.h"

#include "mlir/Transforms/RegionUtils.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SetVector.h"

#include <algorithm>

using namespace mlir;
using namespace mlir::roof;

/// The values `kernel` reads from outside itself.
static llvm::SetVector<Value> getReads(Operation *kernel) {
  llvm::SetVector<Value> reads(kernel->operand_begin(), kernel->operand_end());
  for (Region &region : kernel->getRegions())
    getUsedValuesDefinedAbove(region, reads);
  return reads;
}

PipelineStages
roof::splitForward(const FunctionKernels &forward,
                   const llvm::DenseMap<Value, unsigned> &producers,
                   unsigned stages, unsigned chunks,
                   const RooflineOptions &options) {
  PipelineStages split;
  split.stages = stages;
  split.chunks = chunks;
  SmallVector<unsigned> layer = findRepeatedLayers(forward);
  for (unsigned block : layer)
    split.layers = std::max(split.layers, block);
  // A kernel in no layer stays with the kernel before it (the first
  // chunk's, before the first layer).
  uint64_t allChunks = static_cast<uint64_t>(stages) * chunks;
  SmallVector<unsigned> forwardChunk;
  unsigned chunk = 0;
  for (unsigned block : layer) {
    if (block)
      chunk = static_cast<unsigned>((block - 1) * allChunks / split.layers);
    forwardChunk.push_back(chunk);
    split.forwardStage.push_back(chunk % stages);
  }
  // Each value is passed on from the chunk that makes it to every later one
  // that reads it.
  SmallVector<llvm::SetVector<Value>> crossing(allChunks);
  for (auto [i, facts] : llvm::enumerate(forward.kernels)) {
    unsigned reader = forwardChunk[i];
    for (Value v : getReads(facts.op)) {
      Value held = getHeldValue(v);
      auto made = producers.find(held);
      if (made == producers.end())
        continue;
      for (unsigned boundary = forwardChunk[made->second]; boundary < reader;
           ++boundary)
        crossing[boundary].insert(held);
    }
  }
  for (const llvm::SetVector<Value> &values : crossing) {
    uint64_t bytes = 0;
    for (Value v : values)
      bytes += getDeployedBytes(v.getType(), options).value_or(0);
    split.boundaryBytes = std::max(split.boundaryBytes, bytes);
  }
  return split;
}

SmallVector<uint64_t>
roof::getStageWeightBytes(const FunctionKernels &forward,
                          const PipelineStages &split,
                          const RooflineOptions &options) {
  WeightAnalysis weights(options.cost.weights);
  SmallVector<uint64_t> bytes(split.stages, 0);
  llvm::DenseSet<Value> stored;
  for (auto [facts, stage] :
       llvm::zip_equal(forward.kernels, split.forwardStage))
    for (Value v : getReads(facts.op)) {
      Value held = getHeldValue(v);
      if (weights.isWeight(held) && stored.insert(held).second)
        bytes[stage] += getDeployedBytes(held.getType(), options).value_or(0);
    }
  return bytes;
}

PipelineStages
roof::splitStages(const FunctionKernels &forward,
                  const llvm::DenseMap<Value, unsigned> &producers,
                  const BackwardPass &backward,
                  ArrayRef<TrainableWeight> weights, Optimizer optimizer,
                  std::optional<Dtype> masterDtype, unsigned stages,
                  unsigned chunks, const RooflineOptions &options) {
  PipelineStages split =
      splitForward(forward, producers, stages, chunks, options);
  for (unsigned kernel : backward.forwardKernels)
    split.backwardStage.push_back(split.forwardStage[kernel]);

  // Each weight is the stage's whose kernel reads it first; a saved value
  // is kept by the last stage that reads it: one passed on is kept where it
  // arrives, not where it was made.
  llvm::DenseMap<Value, unsigned> weightIndex;
  for (auto [i, weight] : llvm::enumerate(backward.trainable))
    weightIndex.try_emplace(weight, i);
  SmallVector<std::optional<unsigned>> weightStage(weights.size());
  llvm::DenseMap<Value, unsigned> lastReader;
  for (auto [facts, stage] :
       llvm::zip_equal(forward.kernels, split.forwardStage))
    for (Value v : getReads(facts.op)) {
      Value held = getHeldValue(v);
      lastReader[held] = stage;
      auto weight = weightIndex.find(held);
      if (weight != weightIndex.end() && !weightStage[weight->second])
        weightStage[weight->second] = stage;
    }
  for (unsigned s = 0; s < stages; ++s) {
    SmallVector<TrainableWeight> own;
    for (auto [weight, at] : llvm::zip_equal(weights, weightStage))
      if (at.value_or(0) == s)
        own.push_back(weight);
    split.states.push_back(getModelState(optimizer, own, masterDtype));
  }
  split.savedBytes.assign(stages, 0);
  for (Value v : backward.saved)
    split.savedBytes[lastReader.lookup(v)] +=
        getDeployedBytes(v.getType(), options).value_or(0);
  return split;
}

double PipelineStep::microbatchesKept(unsigned stage) const {
  if (chunks == 1)
    return std::min(stages - stage, microbatches);
  uint64_t inFlight =
      std::min<uint64_t>(static_cast<uint64_t>(microbatches) * chunks,
                         2ull * (stages - stage - 1) +
                             static_cast<uint64_t>(chunks - 1) * stages + 1);
  return static_cast<double>(inFlight) / chunks;
}

PipelineStep roof::pricePipeline(const PipelineStages &split,
                                 const FunctionRoofline &forward,
                                 const FunctionRoofline &backward,
                                 unsigned microbatches, unsigned stride,
                                 const System &system) {
  PipelineStep step;
  step.stages = split.stages;
  step.chunks = split.chunks;
  step.layers = split.layers;
  step.microbatches = microbatches;
  step.forwardSeconds.assign(split.stages, 0);
  step.backwardSeconds.assign(split.stages, 0);
  for (auto [kernel, stage] :
       llvm::zip_equal(forward.kernels, split.forwardStage))
    step.forwardSeconds[stage] += kernel.seconds;
  for (auto [kernel, stage] :
       llvm::zip_equal(backward.kernels, split.backwardStage))
    step.backwardSeconds[stage] += kernel.seconds;
  for (unsigned s = 1; s < split.stages; ++s)
    if (step.forwardSeconds[s] + step.backwardSeconds[s] >
        step.forwardSeconds[step.slowest] + step.backwardSeconds[step.slowest])
      step.slowest = s;
  step.send = priceOnAxis(CollectiveKind::Send, split.boundaryBytes,
                          split.stages, stride, system);
  step.weightBytes = split.weightBytes;
  return step;
}

void roof::pipelineInference(FunctionRoofline &report,
                             const PipelineStages &split, unsigned stride,
                             const System &system) {
  auto step = std::make_shared<PipelineStep>(
      pricePipeline(split, report, FunctionRoofline(), 1, stride, system));
  report.latencySeconds += step->forwardSendSeconds();
  report.intervalSeconds =
      std::max(step->forwardSeconds[step->slowest], step->send.seconds);
  report.weightBytes =
      *std::max_element(split.weightBytes.begin(), split.weightBytes.end());
  report.pipeline = std::move(step);
}
