//===- Roofline.cpp - A function's kernels priced on a target -------------===//

#include "roof/Pricing/Roofline.h"

#include "roof/Analysis/CostContext.h"
#include "roof/Analysis/ElementSize.h"
#include "roof/Analysis/OpClassification.h"
#include "roof/Dialect/RoofDialect.h"
#include "roof/Pricing/ActivationTimeline.h"
#include "roof/Pricing/ArrayOccupancy.h"
#include "roof/Pricing/Energy.h"
#include "roof/Pricing/KvCache.h"
#include "roof/Pricing/LevelTraffic.h"
#include "roof/Pricing/OnChipResidency.h"
#include "roof/Pricing/OverlappedCollectives.h"
#include "roof/Pricing/WaveQuantization.h"
#include "roof/Pricing/WeightStreaming.h"

#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/Transforms/RegionUtils.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <cmath>

using namespace mlir;
using namespace mlir::roof;

/// The deployment dtype `choice` names, if it names one.
static std::optional<Dtype> getDeployDtype(DtypePolicyChoice choice) {
  switch (choice) {
  case DtypePolicyChoice::AsIs:
  case DtypePolicyChoice::Tf32:
    return std::nullopt;
  case DtypePolicyChoice::F16:
    return Dtype::F16;
  case DtypePolicyChoice::BF16:
    return Dtype::BF16;
  case DtypePolicyChoice::F8:
    return Dtype::F8;
  case DtypePolicyChoice::I8:
    return Dtype::I8;
  case DtypePolicyChoice::I4:
    return Dtype::I4;
  }
  llvm_unreachable("every choice is handled");
}

void roof::setDtypePolicy(RooflineOptions &options, DtypePolicyChoice choice) {
  options.deployDtype = getDeployDtype(choice);
  options.dtypePolicy = options.deployDtype ? DtypePolicy::Deploy
                        : choice == DtypePolicyChoice::Tf32 ? DtypePolicy::Tf32
                                                            : DtypePolicy::AsIs;
}

StringRef roof::getDtypePolicyName(DtypePolicyChoice choice) {
  if (std::optional<Dtype> dtype = getDeployDtype(choice))
    return getDtypeName(*dtype);
  return choice == DtypePolicyChoice::Tf32 ? "tf32" : "as-is";
}

Engine roof::getEngine(Operation *op) {
  if (isa<KernelOp>(op))
    return getEngine(getKernelRoot(op));
  return isContraction(op) ? Engine::Matrix : Engine::Vector;
}

std::optional<Dtype> roof::getElementDtype(Type element) {
  // A quantized value computes at its storage type's rate.
  if (auto quantized = dyn_cast<quant::QuantizedType>(element)) {
    Type storage = quantized.getStorageType();
    return storage ? getElementDtype(storage) : std::nullopt;
  }
  if (element.isF64())
    return Dtype::F64;
  if (element.isF32())
    return Dtype::F32;
  if (element.isF16())
    return Dtype::F16;
  if (element.isBF16())
    return Dtype::BF16;
  if (isa<FloatType>(element) && element.getIntOrFloatBitWidth() == 8)
    return Dtype::F8;
  // Index values are 64-bit integers (docs/cost-model.md).
  if (element.isInteger(64) || element.isIndex())
    return Dtype::I64;
  if (element.isInteger(32))
    return Dtype::I32;
  // A boolean is computed a byte per element: no engine has 1-bit lanes.
  if (element.isInteger(8) || element.isInteger(1))
    return Dtype::I8;
  if (element.isInteger(4))
    return Dtype::I4;
  return std::nullopt;
}

/// The element type of `op`'s (a fused kernel's root's) first shaped
/// operand, or null.
static Type getFirstElementType(Operation *op) {
  for (Value operand : getKernelRoot(op)->getOperands())
    if (auto shaped = dyn_cast<ShapedType>(operand.getType()))
      return shaped.getElementType();
  return Type();
}

std::string roof::getDtype(Operation *op) {
  Type element = getFirstElementType(op);
  if (!element)
    return "none";
  // A dtype priced at a wider one's rate (i1 at i8's) keeps its own name.
  std::optional<Dtype> dtype = getElementDtype(element);
  if (dtype && getElementBits(element) == getDtypeBits(*dtype))
    return getDtypeName(*dtype).str();
  std::string name;
  llvm::raw_string_ostream os(name);
  element.print(os);
  return name;
}

/// Bytes of `elements` weights at the weight dtype of `options`, with their
/// group scales (16 bits per group).
static uint64_t getWeightDtypeBytes(uint64_t elements,
                                    const RooflineOptions &options) {
  uint64_t bytes =
      llvm::divideCeil(elements * getDtypeBits(*options.weightDtype), 8);
  if (options.weightGroup)
    bytes += 2 * llvm::divideCeil(elements, options.weightGroup);
  return bytes;
}

/// `bytes` of f32 values as bytes of the deployment dtype (rounded up).
static uint64_t toDeployBytes(uint64_t bytes, const RooflineOptions &options) {
  return llvm::divideCeil(bytes * getDtypeBits(*options.deployDtype), 32);
}

std::optional<uint64_t> roof::getDeployedBytes(Type type,
                                               const RooflineOptions &options) {
  auto shaped = dyn_cast<ShapedType>(type);
  if (!shaped || !shaped.hasStaticShape())
    return std::nullopt;
  std::optional<uint64_t> bits = getElementBits(shaped.getElementType());
  if (!bits)
    return std::nullopt;
  if (*bits == 32 && isa<FloatType>(shaped.getElementType()) &&
      options.dtypePolicy == DtypePolicy::Deploy)
    bits = getDtypeBits(*options.deployDtype);
  return getBytes(shaped.getNumElements(), *bits);
}

static bool deploysF32(Operation *op, const RooflineOptions &options) {
  if (options.dtypePolicy != DtypePolicy::Deploy)
    return false;
  Type element = getFirstElementType(op);
  return element && getElementDtype(element) == Dtype::F32;
}

KernelFacts roof::getKernelFacts(Operation *op, const OpCost &cost,
                                 const RooflineOptions &options,
                                 KernelRole role) {
  KernelFacts facts;
  facts.op = op;
  facts.root = getKernelRoot(op);
  facts.cost = cost;
  facts.role = role;
  facts.kernelClass = getKernelClass(facts.root, cost.flops == 0);
  Type element = getFirstElementType(op);
  std::optional<uint64_t> ownBits =
      element ? getElementBits(element) : std::nullopt;
  facts.rated = element ? getElementDtype(element) : std::nullopt;
  facts.engine = getEngine(op);
  if (std::optional<CollectiveFacts> collective =
          getCollectiveFacts(facts.root, options)) {
    facts.collective =
        std::make_shared<const CollectiveFacts>(std::move(*collective));
    facts.kernelClass = KernelClass::Collective;
  }
  facts.dtype = getDtype(op);
  facts.deployed =
      options.dtypePolicy == DtypePolicy::Deploy && facts.rated == Dtype::F32;
  if (options.dtypePolicy == DtypePolicy::Tf32 &&
      facts.engine == Engine::Matrix && facts.rated == Dtype::F32) {
    facts.rated = Dtype::TF32;
    facts.dtype = getDtypeName(Dtype::TF32);
  }
  if (facts.deployed) {
    facts.dtype = getDtypeName(*options.deployDtype);
    facts.rated = options.deployDtype;
    facts.cost.bytesRead = toDeployBytes(cost.bytesRead, options);
    facts.cost.bytesWritten = toDeployBytes(cost.bytesWritten, options);
    facts.cost.weightBytesRead = toDeployBytes(cost.weightBytesRead, options);
  }
  facts.elementBits =
      facts.deployed ? getDtypeBits(*options.deployDtype) : ownBits;
  // Weight-only quantization: the weights this kernel reads move at their
  // own dtype; the rest of its bytes stay as deployed.
  if (options.weightDtype && cost.weightBytesRead && ownBits && *ownBits > 0) {
    uint64_t weights =
        getWeightDtypeBytes(cost.weightBytesRead * 8 / *ownBits, options);
    facts.cost.bytesRead =
        facts.cost.bytesRead - facts.cost.weightBytesRead + weights;
    facts.cost.weightBytesRead = weights;
  }
  return facts;
}

uint64_t roof::getAttentionTileBytes(uint64_t headDim, uint64_t elementBits) {
  constexpr uint64_t kRows = 64;
  return llvm::divideCeil(3 * kRows * headDim * elementBits, 8) +
         4 * kRows * kRows + 4 * kRows * headDim;
}

KernelTime roof::priceKernel(const KernelFacts &facts, const Target &target,
                             const RooflineOptions &options) {
  KernelTime kernel;
  kernel.op = facts.op;
  kernel.cost = facts.cost;
  // An attention whose tiles do not fit on chip writes its scores out.
  if (facts.attentionTileBytes &&
      target.getUsableOnChipBytes() <
          static_cast<double>(*facts.attentionTileBytes)) {
    kernel.cost.bytesRead = facts.spilledCost.bytesRead;
    kernel.cost.bytesWritten = facts.spilledCost.bytesWritten;
  }
  kernel.role = facts.role;
  kernel.kernelClass = facts.kernelClass;
  if (target.calibration) {
    kernel.calibration = target.calibration->get(kernel.kernelClass);
    kernel.fixedSeconds =
        facts.role.principal ? kernel.calibration->overhead : 0;
  } else if (facts.role.principal) {
    // One launch per source node: a runtime runs a node as one kernel, not
    // the several an importer lowers it to (a grouped convolution's groups).
    kernel.fixedSeconds = target.launchOverhead;
  }
  kernel.dtype = facts.dtype;
  kernel.rated = facts.rated;
  kernel.engine = facts.engine;
  bool deployed = facts.deployed;
  if (kernel.rated)
    kernel.rate = target.getRate(kernel.engine, *kernel.rated);
  // A contraction runs on the vector engine when that has the rate and the
  // matrix engine lacks its dtype (an f32 matmul on CUDA cores) or would
  // be slower on the share of its MAC array the contraction fills (a
  // depthwise convolution), as compilers place it.
  if (kernel.rated && kernel.engine == Engine::Matrix) {
    if (kernel.rate)
      kernel.arrayEfficiency =
          getArrayEfficiency(facts.root, target, options.cost);
    std::optional<double> vector =
        target.getRate(Engine::Vector, *kernel.rated);
    if (vector &&
        (!kernel.rate || (kernel.arrayEfficiency < 1 &&
                          *vector > *kernel.rate * kernel.arrayEfficiency))) {
      kernel.engine = Engine::Vector;
      kernel.rate = vector;
    }
  }
  // A deployed elementwise op whose narrow dtype the vector engine does not
  // rate, or rates below f32 (a GPU's CUDA cores), computes widened to f32,
  // as int8 runtimes do between contractions; its bytes stay narrow:
  // "i8/f32", stored / computed.
  if (kernel.engine == Engine::Vector && deployed) {
    if (std::optional<double> f32 = target.getRate(Engine::Vector, Dtype::F32);
        f32 && (!kernel.rate || *f32 > *kernel.rate)) {
      kernel.dtype = facts.dtype + "/f32";
      kernel.rated = Dtype::F32;
      kernel.rate = f32;
    }
  }
  // Every byte from the main memory, until the function's kernels are
  // priced together (OnChipResidency.h, WeightStreaming.h).
  kernel.levelBytes.resize(target.levels.size());
  kernel.levelBytes.back() = {kernel.cost.bytesRead, kernel.cost.bytesWritten};
  if (facts.collective && target.system &&
      checkCollective(*facts.collective, target).empty())
    kernel.collective = priceCollective(*facts.collective, *target.system);
  if (!kernel.hasTime()) {
    priceTraffic(kernel, target);
    return kernel;
  }
  if (kernel.engine == Engine::Matrix)
    kernel.parallelEfficiency =
        getParallelEfficiency(facts.root, target, options.cost);
  if (kernel.rate)
    kernel.computeSeconds =
        kernel.cost.flops /
        (*kernel.rate * kernel.parallelEfficiency *
         (kernel.engine == Engine::Matrix ? kernel.arrayEfficiency : 1));
  if (std::optional<double> bandwidth = target.getBandwidth())
    kernel.outputSeconds = kernel.cost.bytesWritten / *bandwidth;
  priceTraffic(kernel, target);
  kernel.compulsorySeconds = kernel.seconds;

  kernel.bytesWithRereads = kernel.cost.bytesMoved();
  kernel.secondsWithRereads = kernel.seconds;
  const MemoryLevel *onChipMemory = target.getOnChipMemory();
  double onChip = onChipMemory ? onChipMemory->capacity : 0;
  std::optional<uint64_t> bits = facts.elementBits;
  if (kernel.engine == Engine::Matrix && onChip > 0 && bits &&
      kernel.cost.bytesRead > onChip) {
    double element = *bits / 8.0;
    auto bound = static_cast<uint64_t>(kernel.cost.flops * element /
                                       std::sqrt(onChip / element));
    if (bound > kernel.bytesWithRereads) {
      kernel.bytesWithRereads = bound;
      double memory = kernel.memorySeconds *
                      (static_cast<double>(bound) / kernel.cost.bytesMoved());
      kernel.secondsWithRereads = kernel.timeWith(memory);
    }
  }
  return kernel;
}

/// The kernels of one view of a function before pricing: each op that runs
/// and costs something, with the cost of all its executions.
using KernelCosts = SmallVector<std::pair<Operation *, OpCost>>;

/// The cost of all of `r`'s executions when it counts in a function's
/// totals: known, run a known number of times, not prepared ahead of time.
static std::optional<OpCost> getRunTimeCost(const OpCostRecord &r) {
  if (!r.cost || !r.executions || r.prepared)
    return std::nullopt;
  OpCost all = r.cost->scaled(*r.executions);
  if (all.overflowed())
    return std::nullopt;
  return all;
}

/// Adds `r` to `kernels` when it runs and costs something; returns what
/// it adds to the function's totals.
static std::optional<OpCost> addKernel(const OpCostRecord &r,
                                       KernelCosts &kernels) {
  std::optional<OpCost> all = getRunTimeCost(r);
  if (all && (all->flops || all->bytesMoved()))
    kernels.push_back({r.op, *all});
  return all;
}

std::optional<uint64_t>
roof::getKvCacheStoredBytes(Type type, const RooflineOptions &options) {
  if (!options.kvDtype)
    return getDeployedBytes(type, options);
  auto shaped = dyn_cast<ShapedType>(type);
  if (!shaped || !shaped.hasStaticShape())
    return std::nullopt;
  return llvm::divideCeil(
      shaped.getNumElements() * getDtypeBits(*options.kvDtype), 8);
}

/// Whether `op` is a concatenation that extends a cache argument.
static bool appendsToCache(Operation *op, const llvm::DenseSet<Value> &cache) {
  return isConcatenation(op) &&
         llvm::any_of(op->getOperands(), [&](Value input) {
           return isa<BlockArgument>(input) && cache.contains(input);
         });
}

/// The KV cache as a deployment keeps it: the values `facts`'s kernel reads
/// whole (from outside, for a roof.kernel) and writes move at kv-dtype when
/// one is given (views of the cache read nothing and stay free), and a
/// concatenation that extends a cache argument appends in place: it moves
/// the new entries only, not the cache it was given.
static void applyKvCache(KernelFacts &facts, const llvm::DenseSet<Value> &cache,
                         const RooflineOptions &options) {
  llvm::SetVector<Value> inputs;
  if (auto kernel = dyn_cast<KernelOp>(facts.op))
    getUsedValuesDefinedAbove(kernel.getBody(), inputs);
  else
    inputs.insert(facts.op->getOperands().begin(),
                  facts.op->getOperands().end());
  auto resize = [&](Value value, uint64_t &bytes) {
    std::optional<uint64_t> deployed =
        getDeployedBytes(value.getType(), options);
    std::optional<uint64_t> stored =
        getKvCacheStoredBytes(value.getType(), options);
    if (cache.contains(value) && deployed && stored && bytes >= *deployed)
      bytes = bytes - *deployed + *stored;
  };
  for (Value input : inputs)
    resize(input, facts.cost.bytesRead);
  for (Value result : facts.op->getResults())
    resize(result, facts.cost.bytesWritten);
  if (!appendsToCache(facts.op, cache))
    return;
  for (Value input : facts.op->getOperands()) {
    std::optional<uint64_t> stored =
        isa<BlockArgument>(input) && cache.contains(input)
            ? getKvCacheStoredBytes(input.getType(), options)
            : std::nullopt;
    if (stored && facts.cost.bytesRead >= *stored &&
        facts.cost.bytesWritten >= *stored) {
      facts.cost.bytesRead -= *stored;
      facts.cost.bytesWritten -= *stored;
    }
  }
}

/// What the kernels `costs` of `fn`, with its `totals`, are before a target
/// is chosen: their facts, the intermediates between them, the weights.
static FunctionKernels buildKernels(FunctionOpInterface fn,
                                    const KernelCosts &costs,
                                    FunctionCost totals,
                                    const llvm::DenseSet<Value> &cache,
                                    const RooflineOptions &options) {
  FunctionKernels result;
  result.function = fn;
  result.totals = std::move(totals);
  result.kernels.reserve(costs.size());
  for (auto [kernel, role] : llvm::zip_equal(costs, getKernelRoles(costs))) {
    result.kernels.push_back(
        getKernelFacts(kernel.first, kernel.second, options, role));
    if (!cache.empty())
      applyKvCache(result.kernels.back(), cache, options);
  }

  // Deployed, the function's bytes are its kernels' deployed bytes.
  if (options.dtypePolicy == DtypePolicy::Deploy || options.weightDtype ||
      !cache.empty()) {
    OpCost &total = result.totals.total;
    total.bytesRead = total.bytesWritten = total.weightBytesRead = 0;
    for (const KernelFacts &kernel : result.kernels) {
      total.bytesRead = addCounts(total.bytesRead, kernel.cost.bytesRead);
      total.bytesWritten =
          addCounts(total.bytesWritten, kernel.cost.bytesWritten);
      total.weightBytesRead =
          addCounts(total.weightBytesRead, kernel.cost.weightBytesRead);
    }
  }

  if (options.residency) {
    result.intermediates = findIntermediates(fn, result.kernels, options);
    // The cache lives in off-chip memory from step to step: the entries a
    // kernel appends to it do not make it an on-chip intermediate.
    llvm::erase_if(result.intermediates, [&](const Intermediate &value) {
      return appendsToCache(result.kernels[value.producer].op, cache);
    });
  }

  result.weightBytes = result.totals.parameters.bytes;
  // Weights at their own dtype; or, deployed, no parameter is wider than
  // the deployment dtype (f32 weights shrink, narrower ones stay).
  if (options.weightDtype)
    result.weightBytes =
        getWeightDtypeBytes(result.totals.parameters.params, options);
  else if (options.dtypePolicy == DtypePolicy::Deploy)
    result.weightBytes = std::min<uint64_t>(
        result.weightBytes,
        llvm::divideCeil(result.totals.parameters.params *
                             getDtypeBits(*options.deployDtype),
                         8));
  return result;
}

FunctionKernels roof::analyzeKernels(FunctionOpInterface fn,
                                     const RooflineOptions &options) {
  WeightAnalysis weights(options.cost.weights);
  CostContext ctx(options.cost, weights);
  return analyzeKernels(fn, ctx, options);
}

FunctionKernels roof::analyzeKernels(FunctionOpInterface fn, CostContext &ctx,
                                     const RooflineOptions &options) {
  // One walk gives both views: the function as fused, and with each
  // roof.kernel's members run in its place (the members were costed for
  // their kernel already). A tiled kernel's members, inlined, would be
  // priced per tile (an operand re-read by every tile): it stays whole in
  // the unfused view too.
  KernelCosts fused, unfused;
  OpCost unfusedTotal;
  auto addUnfused = [&](const OpCostRecord &r) {
    if (std::optional<OpCost> all = addKernel(r, unfused))
      unfusedTotal += *all;
  };
  llvm::DenseMap<Operation *, uint64_t> writtenBytes;
  // An attention kernel's members' costs, summed: its cost when its tiles
  // do not fit on chip.
  llvm::DenseMap<Operation *, OpCost> spilled;
  unsigned kernels = 0, tiledKernels = 0;
  auto onOp = [&](const OpCostRecord &r) {
    if (r.cost && r.executions && !r.prepared)
      writtenBytes[r.op] = deploysF32(r.op, options)
                               ? toDeployBytes(r.cost->bytesWritten, options)
                               : r.cost->bytesWritten;
    (void)addKernel(r, fused);
    auto kernel = dyn_cast<KernelOp>(r.op);
    if (!kernel)
      return addUnfused(r);
    ++kernels;
    if (kernel.isTiled()) {
      ++tiledKernels;
      return addUnfused(r);
    }
    (void)analyzeRegion(kernel.getBody(), ctx, [&](const OpCostRecord &m) {
      OpCostRecord member = m;
      uint64_t runs = 0;
      if (!r.executions || !m.executions ||
          __builtin_mul_overflow(*r.executions, *m.executions, &runs))
        member.executions.reset();
      else
        member.executions = runs;
      if (kernel->hasAttr(kAttentionAttrName))
        if (std::optional<OpCost> all = getRunTimeCost(member))
          spilled[kernel] += *all;
      addUnfused(member);
    });
  };
  FunctionCost totals = analyzeFunction(fn, ctx, onOp);
  FunctionCost unfusedTotals = totals;
  unfusedTotals.total = unfusedTotal;

  // The KV cache (KvCache.h), the same in both views.
  llvm::DenseSet<Value> cache = findKvCache(fn);
  FunctionKernels result = buildKernels(fn, fused, totals, cache, options);
  for (KernelFacts &facts : result.kernels) {
    auto found = spilled.find(facts.op);
    if (found == spilled.end())
      continue;
    // The head dim is the output's last; the tiles are at the kernel's
    // element width as deployed.
    auto output = dyn_cast<ShapedType>(facts.op->getResult(0).getType());
    if (!output || !output.hasStaticShape() || !facts.elementBits)
      continue;
    facts.attentionTileBytes =
        getAttentionTileBytes(output.getShape().back(), *facts.elementBits);
    facts.spilledCost = getKernelFacts(facts.op, found->second, options).cost;
  }
  result.activations = std::make_shared<const ActivationTimeline>(
      getActivationTimeline(fn, ctx.getWeights(), writtenBytes, options));
  result.tiledKernels = tiledKernels;
  if (kernels) {
    result.unfused = std::make_shared<FunctionKernels>(
        buildKernels(fn, unfused, unfusedTotals, cache, options));
    // Fusion moves no parameter.
    result.unfused->weightBytes = result.weightBytes;
  }
  return result;
}

/// The parts of `r`'s summary its kernels and weights decide: the regime,
/// and the contractions that leave units or the MAC array idle.
static void summarize(FunctionRoofline &r) {
  const Target &target = *r.target;
  PricedSummary &summary = r.summary;
  summary.usableOnChipBytes = target.getUsableOnChipBytes();
  if (target.weightLink && r.streamedWeightBytes)
    summary.regime = WeightRegime::OverLink;
  else if (!target.getOnChipMemory())
    summary.regime = WeightRegime::NoOnChipMemory;
  else if (r.weightBytes <= summary.usableOnChipBytes)
    summary.regime = WeightRegime::OnChip;
  else
    summary.regime = WeightRegime::Streamed;
  for (const KernelTime &kernel : r.kernels) {
    if (kernel.parallelEfficiency < 1) {
      ++summary.underfilled;
      summary.lowestParallelEfficiency =
          std::min(summary.lowestParallelEfficiency, kernel.parallelEfficiency);
    }
    if (kernel.arrayEfficiency >= 1)
      continue;
    if (kernel.engine == Engine::Vector) {
      ++summary.movedToVector;
      continue;
    }
    ++summary.padded;
    summary.lowestArrayEfficiency =
        std::min(summary.lowestArrayEfficiency, kernel.arrayEfficiency);
  }
}

/// Gives each fused kernel of `fused` its members' time and bytes in
/// `unfused`, the same function priced with every kernel inlined.
static void attributeUnfused(const FunctionRoofline &unfused,
                             FunctionRoofline &fused) {
  // Each member of a fused kernel is a kernel of the unfused view, inside
  // the roof.kernel whose cost it adds to (a tiled kernel stays whole
  // there: it has no members to add).
  struct Members {
    double seconds = 0;
    uint64_t bytes = 0;
    bool timed = true;
  };
  llvm::DenseMap<Operation *, Members> members;
  for (const KernelTime &member : unfused.kernels) {
    Operation *parent = member.op->getParentOp();
    if (!isa_and_nonnull<KernelOp>(parent))
      continue;
    Members &sum = members[parent];
    sum.seconds += member.seconds;
    sum.bytes = addCounts(sum.bytes, member.cost.bytesMoved());
    sum.timed &= member.hasTime();
  }
  for (KernelTime &kernel : fused.kernels) {
    auto found = members.find(kernel.op);
    if (found == members.end() || !found->second.timed || !kernel.hasTime())
      continue;
    kernel.unfusedSeconds = found->second.seconds;
    kernel.unfusedBytes = found->second.bytes;
  }
}

FunctionRoofline roof::priceFunction(const FunctionKernels &analysis,
                                     const Target &target,
                                     const RooflineOptions &options) {
  FunctionRoofline result;
  FunctionOpInterface fn = analysis.function;
  result.function = fn.getName().str();
  result.target = &target;
  result.batch = options.batch;
  result.totals = analysis.totals;
  result.weightBytes = analysis.weightBytes;
  result.activations = analysis.activations;
  result.peakActivationBytes =
      analysis.activations ? analysis.activations->peakBytes : 0;
  OpCost &total = result.totals.total;
  for (const KernelFacts &facts : analysis.kernels) {
    result.kernels.push_back(priceKernel(facts, target, options));
    // An attention whose tiles do not fit moves its scores too.
    const OpCost &priced = result.kernels.back().cost;
    if (facts.attentionTileBytes &&
        priced.bytesMoved() != facts.cost.bytesMoved()) {
      ++result.spilledAttention;
      result.spilledAttentionTileBytes =
          std::max(result.spilledAttentionTileBytes, *facts.attentionTileBytes);
    }
    total.bytesRead = addCounts(
        subCounts(total.bytesRead, facts.cost.bytesRead), priced.bytesRead);
    total.bytesWritten =
        addCounts(subCounts(total.bytesWritten, facts.cost.bytesWritten),
                  priced.bytesWritten);
  }
  PricedSummary &summary = result.summary;
  for (const MemoryLevel &level : target.levels)
    summary.levels.push_back({&level});
  // The traffic of every kernel assigned to levels, then priced once.
  if (options.residency)
    applyOnChipResidency(analysis.intermediates, result);
  applyWeightStreaming(result);
  if (options.overlapCollectives)
    overlapCollectives(analysis, result);
  for (KernelTime &kernel : result.kernels) {
    setKernelEnergy(kernel, target);
    SmallVector<double, 2> levelSeconds = priceTraffic(kernel, target);
    for (auto [level, served] :
         llvm::zip_equal(summary.levels, kernel.levelBytes))
      level.bytes = addCounts(level.bytes, served.total());
    for (auto [level, seconds] : llvm::zip(summary.levels, levelSeconds))
      level.seconds += seconds;
    if (!kernel.hasTime()) {
      ++result.kernelsWithoutRate;
      continue;
    }
    // The re-read model raises off-chip traffic; a kernel it leaves alone
    // keeps the bytes it was served on chip.
    if (kernel.bytesWithRereads > kernel.cost.bytesMoved())
      ++result.kernelsWithRereads;
    else
      kernel.secondsWithRereads = kernel.seconds;
    result.latencySeconds += kernel.seconds;
    result.latencyWithRereadsSeconds += kernel.secondsWithRereads;
    result.latencyCompulsorySeconds += kernel.compulsorySeconds;
    result.onChipBytes = addCounts(result.onChipBytes, kernel.onChipBytes);
    if (kernel.role.principal)
      ++result.nodes;
  }
  if (result.kernels.size() > result.kernelsWithoutRate) {
    double perCall = target.callOverhead;
    if (target.calibration)
      perCall += result.nodes * target.calibration->nodeOverhead;
    result.callSeconds = perCall;
    result.latencySeconds += perCall;
    result.latencyWithRereadsSeconds += perCall;
    result.latencyCompulsorySeconds += perCall;
  }
  result.capacityBytes = target.getMainMemory().capacity;
  if (target.hasEnergyModel())
    result.energy = sumEnergy(result);
  result.devices = options.devices;
  result.dollarsPerSecond =
      getDollarsPerSecond(target, result.averagePower(), options.money);
  summarize(result);
  if (analysis.unfused) {
    FunctionRoofline plain = priceFunction(*analysis.unfused, target, options);
    result.unfusedLatencySeconds = plain.latencySeconds;
    result.unfusedBytes = plain.totals.total.bytesMoved();
    auto withoutRate = [](const FunctionRoofline &r) {
      llvm::SmallPtrSet<Operation *, 4> ops;
      for (const KernelTime &kernel : r.kernels)
        if (!kernel.hasTime())
          ops.insert(kernel.op);
      return ops;
    };
    result.unfusedComparable = withoutRate(result) == withoutRate(plain);
    result.tiledKernels = analysis.tiledKernels;
    attributeUnfused(plain, result);
  }
  return result;
}

FunctionRoofline roof::evaluateRoofline(FunctionOpInterface fn,
                                        const Target &target,
                                        const RooflineOptions &options) {
  return priceFunction(analyzeKernels(fn, options), target, options);
}

double FunctionRoofline::computeBoundShare() const {
  if (latencySeconds <= 0)
    return 0;
  double compute = 0;
  for (const KernelTime &kernel : kernels)
    if (kernel.hasTime() && kernel.isComputeBound())
      compute += kernel.seconds;
  return compute / latencySeconds;
}
