//===- PricingTypes.h - What pricing takes and gives ------------*- C++ -*-===//
//
// The value types of pricing, in one place: the options a pricing runs with,
// what is known of a kernel and a function before a target is chosen
// (KernelFacts, FunctionKernels), and what pricing gives on a target
// (KernelTime, FunctionRoofline). The functions that fill them are in
// Roofline.h and the files it names; the formulas in docs/roofline.md.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_PRICING_PRICINGTYPES_H
#define ROOF_PRICING_PRICINGTYPES_H

#include "roof/Analysis/FunctionCost.h"
#include "roof/Analysis/NamedDims.h"
#include "roof/Pricing/Collectives.h"
#include "roof/Pricing/Money.h"
#include "roof/Pricing/NodeRoles.h"
#include "roof/Support/Counts.h"
#include "roof/Target/Target.h"

#include "mlir/Interfaces/FunctionInterfaces.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mlir::roof {

struct ActivationTimeline;
struct PipelineStep;

/// How an op's element type maps onto a target's rates.
enum class DtypePolicy {
  /// The op's own type.
  AsIs,
  /// f32 contractions run as tf32 on the matrix engine.
  Tf32,
  /// The model's f32 values deployed at `RooflineOptions::deployDtype`
  /// (quantized or cast): f32 kernels run at that dtype's rate and move that
  /// dtype's bytes; weights and activations shrink alike.
  Deploy,
};

/// What roof-report's dtype-policy= names: the op's own dtype, f32
/// contractions at tf32, or the model deployed at a narrower dtype.
enum class DtypePolicyChoice { AsIs, Tf32, F16, BF16, F8, I8, I4 };

struct RooflineOptions {
  CostOptions cost;
  DtypePolicy dtypePolicy = DtypePolicy::AsIs;
  /// With DtypePolicy::Deploy: f16, bf16, f8, i8 or i4.
  std::optional<Dtype> deployDtype;
  /// Weights at their own dtype (f16, bf16, f8, i8, i4), unset for the
  /// activations' (weight-only quantization): contractions read them at
  /// this width and compute at the activations' rate.
  std::optional<Dtype> weightDtype;
  /// The KV cache (KvCache.h) stored and read at its own dtype (f16, bf16,
  /// f8, i8, i4); unset: as the activations.
  std::optional<Dtype> kvDtype;
  /// With weightDtype: weights per group sharing one 16-bit scale, whose
  /// bytes count as weight bytes; 0 for none.
  unsigned weightGroup = 0;
  /// Inferences per call of the function, for throughput.
  uint64_t batch = 1;
  /// Serve intermediates that fit in on-chip memory from there
  /// (OnChipResidency.h); false charges every byte to off-chip memory.
  bool residency = true;
  /// Hide each collective's link time behind the compute of the matmul it
  /// is pipelined with, as runtimes that overlap a split matmul with its
  /// collective do (OverlappedCollectives.h).
  bool overlapCollectives = false;
  /// Inferences through this many pipeline stages (parallel=pp:P without
  /// training; PipelineParallel.h), on system targets, each `stageStride`
  /// devices after the one before.
  unsigned pipelineStages = 1;
  unsigned stageStride = 1;
  /// The devices an inference occupies (a parallel plan's), and how their
  /// time is paid for (Money.h).
  unsigned devices = 1;
  MoneyOptions money;
};

/// Bytes read and written at one memory level.
struct LevelBytes {
  uint64_t read = 0;
  uint64_t written = 0;

  uint64_t total() const { return addCounts(read, written); }
};

/// The energy of work (Energy.h), in joules: of its operations, of its
/// bytes at each level of the target, and of a collective's bytes on its
/// link. `complete` is false when the target gives no figure for part of
/// it (its dtype's operations, a level or link its bytes cross).
struct WorkEnergy {
  double compute = 0;
  SmallVector<double, 2> levels;
  double link = 0;
  bool complete = true;

  double total() const {
    double sum = compute + link;
    for (double level : levels)
      sum += level;
    return sum;
  }
  WorkEnergy &operator+=(const WorkEnergy &other);
};

/// One kernel (an op, with the executions of the loops around it) on a
/// target.
struct KernelTime {
  Operation *op = nullptr;
  /// Cost of all its executions.
  OpCost cost;
  /// The dtype it runs at, as printed; `rated` when it is one targets rate.
  std::string dtype;
  std::optional<Dtype> rated;
  Engine engine = Engine::Vector;
  /// The derated peak it runs at; std::nullopt when the target has no rate
  /// for its dtype and it does FLOPs (then its time is unknown).
  std::optional<double> rate;
  /// The fraction of the engine's units its tiles keep busy
  /// (WaveQuantization.h); T_compute is FLOPs / (rate x this).
  double parallelEfficiency = 1;
  /// The fraction of the matrix engine's MAC array the contraction keeps
  /// busy (ArrayOccupancy.h); T_compute on the matrix engine is FLOPs /
  /// (rate x parallelEfficiency x this). Below 1 on a kernel of the vector
  /// engine: the contraction ran there because the array would be slower.
  double arrayEfficiency = 1;
  double computeSeconds = 0;
  double memorySeconds = 0;
  /// A collective's time over the system's links (Collectives.h), and the
  /// part of it hidden behind a matmul's compute (OverlappedCollectives.h).
  std::optional<CollectiveTime> collective;
  /// On a target with an energy model, its work's energy and the time it
  /// needs at the chip's power limit (Energy.h): the power roof.
  std::optional<WorkEnergy> energy;
  double powerSeconds = 0;
  double overlappedSeconds = 0;
  /// max(compute, memory, links) + the target's launch overhead.
  double seconds = 0;
  /// The bytes moved, by the level of the target that serves them (in the
  /// target's order, innermost first): the main memory's unless an on-chip
  /// level keeps them between kernels (OnChipResidency.h).
  SmallVector<LevelBytes, 2> levelBytes;
  /// Of the bytes moved, those served on chip; the rest cross the off-chip
  /// interface.
  uint64_t onChipBytes = 0;
  /// The level whose traffic sets the memory time (an index into the
  /// target's levels; their count for the weight link).
  unsigned memoryLevel = 0;
  /// Of its weight bytes, those that stream over the target's weight link
  /// (WeightStreaming.h); their time bounds the memory time.
  uint64_t streamedWeightBytes = 0;
  /// The time with every byte moved through off-chip memory.
  double compulsorySeconds = 0;
  /// The second traffic model: a contraction whose inputs exceed on-chip
  /// memory re-reads them, moving at least FLOPs x e / sqrt(S / e) bytes
  /// (e bytes per element, S bytes on chip); equal to the compulsory bytes
  /// otherwise.
  uint64_t bytesWithRereads = 0;
  double secondsWithRereads = 0;

  /// The kind of work it does (getKernelClass) and its part in its source
  /// node.
  KernelClass kernelClass = KernelClass::Elementwise;
  KernelRole role;
  /// Under a calibrated target, the pricing of its class.
  std::optional<ClassCalibration> calibration;
  /// Seconds added to its time when it is its node's principal kernel: the
  /// target's launch overhead, or under a calibration its class's overhead.
  double fixedSeconds = 0;
  /// Its bytes written at the off-chip bandwidth (a calibration's output
  /// term).
  double outputSeconds = 0;
  /// A fused kernel's members priced as kernels of their own (the report's
  /// unfused view), when every member has a time: their summed time and
  /// bytes, what fusing them saves against this kernel's.
  std::optional<double> unfusedSeconds;
  uint64_t unfusedBytes = 0;

  bool hasTime() const { return rate || cost.flops == 0; }
  /// Whether it runs at an integer dtype: its work counts operations (OP),
  /// not FLOPs.
  bool countsOps() const { return rated && isIntegerDtype(*rated); }
  /// The time and bytes fusion saves in this kernel (0 when it is no fused
  /// kernel).
  double fusionSavedSeconds() const {
    return unfusedSeconds ? *unfusedSeconds - seconds : 0;
  }
  uint64_t fusionSavedBytes() const {
    return unfusedSeconds ? subCounts(unfusedBytes,
                                      std::min(unfusedBytes, cost.bytesMoved()))
                          : 0;
  }
  /// A collective's time on the links that no matmul hides (0 for others).
  double exposedLinkSeconds() const {
    return collective ? collective->seconds - overlappedSeconds : 0;
  }
  /// The kernel's time with a memory time of `memory`: max(T_compute,
  /// `memory`) + fixed seconds; under a calibration, fixed seconds + the
  /// class's multiples of T_compute, `memory` and the output time, and 0 for
  /// a layout kernel of a contraction's node (docs/validation.md).
  double timeWith(double memory) const {
    double links = exposedLinkSeconds();
    if (!calibration)
      return std::max({computeSeconds, memory, links, powerSeconds}) +
             fixedSeconds;
    if (role.layoutOfContraction)
      return 0;
    return fixedSeconds + calibration->compute * computeSeconds +
           calibration->memory * memory + calibration->output * outputSeconds +
           links;
  }
  /// seconds = timeWith(T_memory).
  void updateSeconds() { seconds = timeWith(memorySeconds); }
  uint64_t offChipBytes() const { return cost.bytesMoved() - onChipBytes; }
  bool isComputeBound() const { return computeSeconds > memorySeconds; }
  /// Whether the power limit, not compute, memory or links, sets its time.
  bool isPowerBound() const {
    return !calibration &&
           powerSeconds >
               std::max({computeSeconds, memorySeconds, exposedLinkSeconds()});
  }
  /// FLOPs over its time (0 without a time).
  double attainedFlops() const {
    return seconds > 0 ? cost.flops / seconds : 0;
  }
};

/// Where a function's weights are while it runs (docs/roofline.md,
/// "Regime").
enum class WeightRegime {
  /// Those beyond the usable on-chip memory stream over the target's weight
  /// link on every call.
  OverLink,
  /// The target gives no on-chip memory: they stream through the data.
  NoOnChipMemory,
  /// They fit in the usable on-chip memory: the data streams through them.
  OnChip,
  /// They exceed it: they stream through the data.
  Streamed,
};

/// One memory level's part in a function on a target.
struct LevelTraffic {
  const MemoryLevel *level = nullptr;
  /// Bytes it serves, and the most of them it holds at once between
  /// kernels (at most its usable bytes; 0 for the main memory).
  uint64_t bytes = 0;
  uint64_t peakHeldBytes = 0;
  /// The kernels' time at its bandwidth for the bytes that pass through it
  /// (its own and those of the levels outside it), summed; 0 without a
  /// bandwidth.
  double seconds = 0;
};

/// What every format prints of a function on a target beyond its kernels,
/// decided once when it is priced.
struct PricedSummary {
  WeightRegime regime = WeightRegime::NoOnChipMemory;
  /// Usable bytes of the largest on-chip level (Target::getUsableOnChipBytes).
  double usableOnChipBytes = 0;
  /// One per level of the target, in its order.
  SmallVector<LevelTraffic, 2> levels;
  /// The most bytes the cache levels hold at once, together.
  uint64_t peakOnChipBytes = 0;
  /// Contractions that leave matrix units idle (WaveQuantization.h), and
  /// the lowest busy fraction among them.
  unsigned underfilled = 0;
  double lowestParallelEfficiency = 1;
  /// Contractions that fill part of the MAC array (ArrayOccupancy.h) and the
  /// lowest fill among them; those moved to the vector engine instead.
  unsigned padded = 0;
  double lowestArrayEfficiency = 1;
  unsigned movedToVector = 0;
};

/// A function on a target.
struct FunctionRoofline {
  std::string function;
  const Target *target = nullptr;
  /// Inferences per call of the function (throughput = batch / latency).
  uint64_t batch = 1;
  /// The sizes its named dims were bound to, in a sweep over them.
  DimSizes dimSizes;
  std::vector<KernelTime> kernels;
  FunctionCost totals;
  /// Sum of the kernel times (with launch overheads) of kernels with a time,
  /// plus the target's call overhead (`callSeconds`: per call, and under a
  /// calibration per node).
  double latencySeconds = 0;
  double callSeconds = 0;
  /// The same under the re-read traffic model.
  double latencyWithRereadsSeconds = 0;
  /// The same with every byte moved through off-chip memory.
  double latencyCompulsorySeconds = 0;
  /// Bytes the kernels move through on-chip memory.
  uint64_t onChipBytes = 0;
  /// Weight bytes that stream over the target's weight link on every call.
  uint64_t streamedWeightBytes = 0;
  /// Kernels whose traffic the re-read model raises.
  unsigned kernelsWithRereads = 0;
  /// When the function has fused kernels: the same function with every
  /// kernel inlined, evaluated on the same target.
  std::optional<double> unfusedLatencySeconds;
  std::optional<uint64_t> unfusedBytes;
  /// Whether the two latencies leave out the same work: the ops without a
  /// rate are the same kernels in both (none was fused).
  bool unfusedComparable = true;
  /// Tiled kernels, which stay whole in that comparison.
  unsigned tiledKernels = 0;
  /// Fused attention kernels whose tiles do not fit on chip, and the most
  /// on-chip bytes one of them needed.
  unsigned spilledAttention = 0;
  uint64_t spilledAttentionTileBytes = 0;
  /// Kernels whose dtype has no rate on the target.
  unsigned kernelsWithoutRate = 0;
  /// The source nodes its kernels come from (principal kernels with a
  /// time): each pays the launch overhead once, or under a calibration the
  /// node overhead.
  unsigned nodes = 0;
  /// Bytes of weights, and the peak of live activations over the op order.
  uint64_t weightBytes = 0;
  uint64_t peakActivationBytes = 0;
  /// Where the peak is and what makes it up (shared with the analysis).
  std::shared_ptr<const ActivationTimeline> activations;
  /// The memory that holds them: the target's main memory.
  double capacityBytes = 0;
  /// Regime, traffic by level, underfill: what the printers read.
  PricedSummary summary;
  /// Through pipeline stages (parallel=pp:P without training): the stages
  /// priced (PipelineParallel.h). The latency is then a request's way
  /// through them, sends included; `weightBytes` the largest stage's; and
  /// with the pipeline full a batch leaves it every `intervalSeconds`.
  std::shared_ptr<const PipelineStep> pipeline;
  double intervalSeconds = 0;

  bool fits() const {
    return weightBytes + peakActivationBytes <= capacityBytes;
  }
  /// On a target with an energy model (Energy.h), the kernels' work and the
  /// static power over the latency.
  struct Energy {
    WorkEnergy work;
    double staticJoules = 0;
    /// Kernels the power limit slows, and kernels part of whose work has
    /// no energy figure.
    unsigned powerBoundKernels = 0;
    unsigned incompleteKernels = 0;

    double total() const { return work.total() + staticJoules; }
  };
  std::optional<Energy> energy;

  /// Joules: from the work on a target with an energy model, else the
  /// target's power x the latency.
  double energyJoules() const {
    return energy ? energy->total() : target->power * latencySeconds;
  }
  /// Watts over the latency.
  double averagePower() const {
    return latencySeconds > 0 ? energyJoules() / latencySeconds : 0;
  }
  double throughput() const {
    double seconds = pipeline ? intervalSeconds : latencySeconds;
    return seconds > 0 ? batch / seconds : 0;
  }
  /// A kernel's time over the latency, in [0, 1] (0 without a time).
  /// The fixed part of the latency: every priced kernel's launch (or a
  /// calibrated class's overhead) and the per-call overhead; what batching
  /// shares over more inferences and fusion or graph launch cuts.
  double overheadSeconds() const {
    double seconds = callSeconds;
    for (const KernelTime &kernel : kernels)
      if (kernel.hasTime())
        seconds += kernel.fixedSeconds;
    return seconds;
  }
  /// Launches paid (priced kernels with a fixed time).
  unsigned launches() const {
    unsigned count = 0;
    for (const KernelTime &kernel : kernels)
      count += kernel.hasTime() && kernel.fixedSeconds > 0;
    return count;
  }
  /// `kernel`'s share of the kernels' time (the latency without the call
  /// overhead), the denominator of every share the report prints.
  double getShare(const KernelTime &kernel) const {
    double kernelSeconds = latencySeconds - callSeconds;
    return kernelSeconds > 0 && kernel.hasTime()
               ? kernel.seconds / kernelSeconds
               : 0;
  }
  /// The part of the unfused latency fusion saves (0 without one).
  double getFusionSaving() const {
    if (!unfusedLatencySeconds || *unfusedLatencySeconds <= 0)
      return 0;
    double saving = 1 - latencySeconds / *unfusedLatencySeconds;
    // Equal latencies summed in another order differ in the last bits.
    return std::abs(saving) < 1e-9 ? 0 : saving;
  }
  /// USD a second of one device's work costs (Money.h), when the target
  /// has the price it needs, and the devices an inference occupies.
  std::optional<double> dollarsPerSecond;
  unsigned devices = 1;
  /// USD per inference: the devices' time per inference (1 / throughput).
  std::optional<double> costPerInference() const {
    double perSecond = throughput();
    if (!dollarsPerSecond || perSecond <= 0)
      return std::nullopt;
    return *dollarsPerSecond * devices / perSecond;
  }
  /// The part of the latency spent in compute-bound kernels, in [0, 1].
  double computeBoundShare() const;
  /// The collectives' time on the links, summed (0 on one device), and the
  /// part of it hidden behind matmuls.
  double communicationSeconds() const {
    double seconds = 0;
    for (const KernelTime &kernel : kernels)
      if (kernel.collective)
        seconds += kernel.collective->seconds;
    return seconds;
  }
  double overlappedCommunicationSeconds() const {
    double seconds = 0;
    for (const KernelTime &kernel : kernels)
      seconds += kernel.overlappedSeconds;
    return seconds;
  }
  /// The collectives' time on the links that adds to the latency.
  double exposedCommunicationSeconds() const {
    double seconds = 0;
    for (const KernelTime &kernel : kernels)
      seconds += kernel.exposedLinkSeconds();
    return seconds;
  }
};

/// What pricing knows of a kernel before a target is chosen: computed once
/// per kernel and priced on every target.
struct KernelFacts {
  Operation *op = nullptr;
  /// The op it is priced as (getKernelRoot).
  Operation *root = nullptr;
  /// Cost of all its executions; its bytes as deployed under
  /// DtypePolicy::Deploy.
  OpCost cost;
  KernelRole role;
  /// The dtype after the policy (tf32, the deployment dtype), as printed;
  /// `rated` when it is one targets rate.
  std::string dtype;
  std::optional<Dtype> rated;
  Engine engine = Engine::Vector;
  KernelClass kernelClass = KernelClass::Elementwise;
  /// Whether the policy deploys its f32 values at another dtype.
  bool deployed = false;
  /// Bits per element of its operands, for the re-read model.
  std::optional<uint64_t> elementBits;
  /// A fused attention (kAttentionAttrName): the on-chip bytes one set of
  /// its tiles needs, and its cost with every score through memory, which
  /// it pays on a target with less usable on-chip memory than that.
  std::optional<uint64_t> attentionTileBytes;
  OpCost spilledCost;
  /// A collective of the shard dialect: what it moves between devices
  /// (shared: facts are copied between views).
  std::shared_ptr<const CollectiveFacts> collective;
};

/// A tensor written by one kernel and read by later ones (kernels by their
/// position in the function's run order): on a target with on-chip memory it
/// may stay there (OnChipResidency.h).
struct Intermediate {
  unsigned producer = 0;
  unsigned last = 0;
  uint64_t bytes = 0;
  /// Sorted, without the producer.
  SmallVector<unsigned> consumers;
};

/// What roof-annotate-cost's walk says about a function before any target
/// is chosen: its kernels with the cost of all their executions, its totals
/// (deployed under DtypePolicy::Deploy), weights and peak activations.
/// Computed once and priced on each target.
struct FunctionKernels {
  FunctionOpInterface function;
  SmallVector<KernelFacts> kernels;
  /// The tensors its kernels pass each other, for on-chip residency.
  SmallVector<Intermediate> intermediates;
  FunctionCost totals;
  uint64_t weightBytes = 0;
  /// Live activation bytes over its ops (not for the unfused view).
  std::shared_ptr<const ActivationTimeline> activations;
  /// When the function has fused kernels: the same function with each
  /// roof.kernel's members as kernels of their own, for the comparison.
  std::shared_ptr<FunctionKernels> unfused;
  /// Kernels materialized as tiled loops: whole in `unfused` too.
  unsigned tiledKernels = 0;
};

} // namespace mlir::roof

#endif // ROOF_PRICING_PRICINGTYPES_H
