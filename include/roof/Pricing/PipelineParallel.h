//===- PipelineParallel.h - A training step split into pipeline stages -*-===//
//
// Pipeline parallelism splits a model's repeated layers into `stages`
// consecutive groups, one per device, and runs a step's microbatches
// through them one stage after another (GPipe, or 1F1B as Megatron-LM
// runs it, Narayanan et al. 2021). The first microbatch reaches the last
// stage after p - 1 stage times, and the last one leaves the first stage
// as late: the bubble (p - 1) / (m + p - 1) of a step of m microbatches.
// Interleaved, each device holds v chunks of the layers, the model's
// chunks going round the devices v times, and the bubble shrinks v times.
// The formulas are in docs/parallelism.md, "Pipelines".
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_PRICING_PIPELINEPARALLEL_H
#define ROOF_PRICING_PIPELINEPARALLEL_H

#include "roof/Pricing/Backward.h"
#include "roof/Pricing/Collectives.h"
#include "roof/Pricing/Optimizer.h"

namespace mlir::roof {

/// A step's kernels split into stages, before a target is chosen.
struct PipelineStages {
  unsigned stages = 1;
  /// The chunks of layers each stage's device holds: 1, or v for an
  /// interleaved schedule.
  unsigned chunks = 1;
  /// The repeated layers the stages split (findRepeatedLayers): chunk c of
  /// the p v has layers [c L / (p v), (c + 1) L / (p v)) and is stage c mod
  /// p's; the kernels before the first layer are the first chunk's, those
  /// after the last the last chunk's.
  unsigned layers = 0;
  /// The stage of each forward and backward kernel.
  SmallVector<unsigned> forwardStage;
  SmallVector<unsigned> backwardStage;
  /// Per stage: the model state of the weights its kernels read first, and
  /// the saved activations of one microbatch it keeps: each saved value is
  /// kept by the stage of the last chunk that reads it (one passed on is
  /// kept where it arrives).
  SmallVector<ModelState> states;
  SmallVector<uint64_t> savedBytes;
  /// The most bytes a chunk passes to the next for one microbatch (as many
  /// gradient bytes come back).
  uint64_t boundaryBytes = 0;
  /// Per stage, for inference: the weights it stores (getStageWeightBytes).
  SmallVector<uint64_t> weightBytes;
};

/// The forward pass of `forward` (its values' kernels `producers`) split
/// into `stages` stages of `chunks` chunks each: each kernel's stage and the
/// bytes passed on. With one chunk a stage and no backward pass, a pipeline
/// of inferences.
PipelineStages splitForward(const FunctionKernels &forward,
                            const llvm::DenseMap<Value, unsigned> &producers,
                            unsigned stages, unsigned chunks,
                            const RooflineOptions &options);

/// Splits the step of `forward` (its values' kernels `producers`, with
/// `backward`, its weights `weights` in the order of backward.trainable)
/// into `stages` stages of `chunks` chunks each.
PipelineStages splitStages(const FunctionKernels &forward,
                           const llvm::DenseMap<Value, unsigned> &producers,
                           const BackwardPass &backward,
                           ArrayRef<TrainableWeight> weights,
                           Optimizer optimizer,
                           std::optional<Dtype> masterDtype, unsigned stages,
                           unsigned chunks, const RooflineOptions &options);

/// The stages priced on a system.
struct PipelineStep {
  unsigned stages = 1;
  unsigned chunks = 1;
  unsigned layers = 0;
  unsigned microbatches = 1;
  /// Each stage's forward and backward pass of one microbatch.
  SmallVector<double> forwardSeconds;
  SmallVector<double> backwardSeconds;
  /// The stage whose forward and backward take longest.
  unsigned slowest = 0;
  /// One boundary's activations of a microbatch sent to the next stage.
  CollectiveTime send;
  /// Each stage's weight bytes.
  SmallVector<uint64_t> weightBytes;

  /// The slowest stage's passes (of all its chunks) a step takes: m + (p -
  /// 1) / v.
  double passes() const {
    return microbatches + static_cast<double>(stages - 1) / chunks;
  }
  double bubbleFraction() const { return (passes() - microbatches) / passes(); }
  /// The sends of one microbatch's way through the p v chunks: p v - 1.
  double forwardSendSeconds() const {
    return (stages * chunks - 1) * send.seconds;
  }
  /// The sends of the first microbatch's way through the p v chunks and its
  /// gradients' way back (the others' overlap the stages' work).
  double sendSeconds() const { return 2.0 * forwardSendSeconds(); }
  /// The most microbatches' activations stage `stage` keeps: under 1F1B
  /// min(p - s, m); interleaved, min(m v, 2 (p - s - 1) + (v - 1) p + 1)
  /// chunks of one microbatch, 1/v of the stage's activations each
  /// (Megatron-LM's warm-up, one more in flight).
  double microbatchesKept(unsigned stage) const;
};

/// `split` priced from its kernels' times in `forward` and `backward` (one
/// microbatch each), with `microbatches` a step and each stage `stride`
/// devices after the one before on `system`.
PipelineStep pricePipeline(const PipelineStages &split,
                           const FunctionRoofline &forward,
                           const FunctionRoofline &backward,
                           unsigned microbatches, unsigned stride,
                           const System &system);

/// The weights each stage of `split` stores: each weight whole (a table
/// looked up, not its rows), at the first stage whose kernels read it, at
/// its deployed bytes.
SmallVector<uint64_t> getStageWeightBytes(const FunctionKernels &forward,
                                          const PipelineStages &split,
                                          const RooflineOptions &options);

/// `report`, of a whole forward pass on one device, as inferences through
/// the stages of `split` (one chunk each), each `stride` devices after the
/// one before on `system`: a request's latency is the stages' times and
/// the P - 1 sends between them; with the pipeline full, a batch leaves it
/// every slowest stage's time (or send, if longer); a device holds the
/// largest stage's weights.
void pipelineInference(FunctionRoofline &report, const PipelineStages &split,
                       unsigned stride, const System &system);

} // namespace mlir::roof

#endif // ROOF_PRICING_PIPELINEPARALLEL_H
