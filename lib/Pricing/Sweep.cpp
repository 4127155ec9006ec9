//===- Sweep.cpp - A module priced on targets, sizes and steps ------------===//

#include "roof/Pricing/Sweep.h"

#include "roof/Analysis/CostContext.h"
#include "roof/Analysis/WeightAnalysis.h"
#include "roof/Pricing/PipelineParallel.h"
#include "roof/Pricing/Roofline.h"

#include <deque>
#include <set>

using namespace mlir;
using namespace mlir::roof;

namespace {
/// One evaluation of the module: the pricing, and the named dims' sizes
/// when sweeping them.
struct Evaluation {
  RooflineOptions options;
  std::optional<DimSizes> dims;
};
} // namespace

/// The evaluations `sweep` asks for (one without a sweep).
static SmallVector<Evaluation> getEvaluations(const RooflineOptions &options,
                                              const SweepOptions &sweep) {
  SmallVector<Evaluation> evaluations;
  for (int64_t size : sweep.batchSizes) {
    evaluations.push_back({options, std::nullopt});
    evaluations.back().options.cost.dynamicDimSize = size;
    evaluations.back().options.batch = size;
  }
  for (const DimSizes &dims : sweep.dimSweep) {
    evaluations.push_back({options, dims});
    auto batchDim = dims.find("batch");
    if (batchDim != dims.end())
      evaluations.back().options.batch = std::max<int64_t>(batchDim->second, 1);
  }
  if (evaluations.empty())
    evaluations.push_back({options, std::nullopt});
  return evaluations;
}

/// The stages `analysis` runs through as inferences under `options`
/// (parallel=pp:P without training), with each stage's weights; none
/// without a pipeline. One split serves every target.
static std::optional<PipelineStages>
splitInference(const FunctionKernels &analysis,
               const RooflineOptions &options) {
  if (options.pipelineStages < 2)
    return std::nullopt;
  PipelineStages split = splitForward(analysis, mapProducers(analysis),
                                      options.pipelineStages, 1, options);
  split.weightBytes = getStageWeightBytes(analysis, split, options);
  return split;
}

/// `report` through the stages of `split`, on a system target.
static void throughStages(FunctionRoofline &report,
                          const std::optional<PipelineStages> &split,
                          const RooflineOptions &options) {
  if (split && report.target->system)
    pipelineInference(report, *split, options.stageStride,
                      *report.target->system);
}

FailureOr<PricedModule> roof::priceModule(ModuleOp module,
                                          ArrayRef<const Target *> targets,
                                          const RooflineOptions &options,
                                          const SweepOptions &sweep,
                                          DimBinder bind) {
  SmallVector<Evaluation> evaluations = getEvaluations(options, sweep);
  std::deque<WeightAnalysis> weights;
  std::deque<CostContext> contexts;
  for (const Evaluation &evaluation : evaluations)
    contexts.emplace_back(
        evaluation.options.cost,
        weights.emplace_back(evaluation.options.cost.weights));
  PricedModule priced;
  WalkResult walk = module.walk([&](FunctionOpInterface fn) {
    if (fn.isExternal())
      return WalkResult::advance();
    // A sweep over named dims evaluates each function once per
    // combination of the dims it names.
    std::vector<std::string> names = getDimNames(fn);
    std::set<DimSizes> seen;
    std::vector<std::pair<Evaluation, FunctionKernels>> kernels;
    std::vector<TrainingKernels> steps;
    std::vector<std::optional<PipelineStages>> stages;
    for (auto [evaluation, ctx] : llvm::zip(evaluations, contexts)) {
      Evaluation own = evaluation;
      FunctionOpInterface bound = fn;
      if (own.dims) {
        own.dims->clear();
        for (const auto &[name, size] : *evaluation.dims)
          if (llvm::is_contained(names, name))
            (*own.dims)[name] = size;
        if (!seen.insert(*own.dims).second)
          continue;
        if (!own.dims->count("batch"))
          own.options.batch = options.batch;
        OwningOpRef<ModuleOp> copy = bind(fn, *own.dims, bound);
        if (!copy)
          return WalkResult::interrupt();
        priced.boundModules.push_back(std::move(copy));
      }
      kernels.emplace_back(own, analyzeKernels(bound, ctx, own.options));
      stages.push_back(splitInference(kernels.back().second, own.options));
      if (sweep.training.optimizer != Optimizer::None)
        steps.push_back(analyzeTraining(kernels.back().second, ctx, own.options,
                                        sweep.training));
    }
    for (const Target *target : targets)
      for (auto [i, evaluated] : llvm::enumerate(kernels)) {
        const auto &[evaluation, analyzed] = evaluated;
        priced.reports.push_back(
            priceFunction(analyzed, *target, evaluation.options));
        if (evaluation.dims)
          priced.reports.back().dimSizes = *evaluation.dims;
        throughStages(priced.reports.back(), stages[i], evaluation.options);
        if (!steps.empty())
          priced.training.push_back(priceTraining(
              steps[i], priced.reports.back(), *target, evaluation.options));
      }
    return WalkResult::advance();
  });
  if (walk.wasInterrupted())
    return failure();
  return priced;
}

FailureOr<PricedModule> roof::priceGeneration(ModuleOp module,
                                              ArrayRef<const Target *> targets,
                                              const RooflineOptions &options,
                                              uint64_t prompt, uint64_t tokens,
                                              ArrayRef<int64_t> batches,
                                              DimBinder bind) {
  SmallVector<uint64_t> points = getDecodePoints(prompt, tokens);
  SmallVector<std::optional<int64_t>> batchSizes(batches.begin(),
                                                 batches.end());
  if (batchSizes.empty())
    batchSizes.push_back(std::nullopt);
  WeightAnalysis weights(options.cost.weights);
  CostContext ctx(options.cost, weights);
  PricedModule priced;
  WalkResult walk = module.walk([&](FunctionOpInterface fn) {
    if (fn.isExternal())
      return WalkResult::advance();
    std::vector<std::string> names = getDimNames(fn);
    auto named = [&](StringRef name) {
      return llvm::is_contained(names, name);
    };
    if (!named("seq") || !named("past")) {
      emitError(fn.getLoc())
          << "roof-report: generate= prices @" << fn.getName()
          << " at a prompt and at each step of a growing cache, but its "
             "arguments do not name the dims seq and past (roof-import-onnx "
             "--keep-dynamic seq,past,total --input-shape total=past+seq)";
      return WalkResult::interrupt();
    }
    for (std::optional<int64_t> batchSize : batchSizes) {
      auto step = [&](uint64_t seq, uint64_t past) {
        DimSizes dims = {{"seq", seq}, {"past", past}};
        if (named("total"))
          dims["total"] = seq + past;
        // A named batch without a batch size takes the options' batch.
        if (named("batch"))
          dims["batch"] = batchSize ? *batchSize : int64_t(options.batch);
        return dims;
      };
      // The prefill, a step with an empty cache (what a step holds
      // besides the cache), then the decode points.
      SmallVector<DimSizes> steps = {step(prompt, 0), step(1, 0)};
      for (uint64_t past : points)
        steps.push_back(step(1, past));
      RooflineOptions own = options;
      if (batchSize)
        own.batch = *batchSize;
      std::vector<FunctionKernels> analyses;
      std::vector<std::optional<PipelineStages>> stages;
      for (const DimSizes &dims : steps) {
        FunctionOpInterface bound;
        OwningOpRef<ModuleOp> copy = bind(fn, dims, bound);
        if (!copy)
          return WalkResult::interrupt();
        analyses.push_back(analyzeKernels(bound, ctx, own));
        stages.push_back(splitInference(analyses.back(), own));
        priced.boundModules.push_back(std::move(copy));
      }
      // The last step's cache, over its tokens.
      uint64_t perToken = getKvCacheBytes(analyses.back().function, own) /
                          (own.batch * points.back());
      std::vector<FunctionRoofline> &reports = priced.reports;
      for (const Target *target : targets) {
        size_t first = reports.size();
        for (auto [dims, analysis, split] :
             llvm::zip(steps, analyses, stages)) {
          reports.push_back(priceFunction(analysis, *target, own));
          reports.back().dimSizes = dims;
          throughStages(reports.back(), split, own);
        }
        SmallVector<std::pair<uint64_t, const FunctionRoofline *>> decode;
        for (auto [i, past] : llvm::enumerate(points))
          decode.emplace_back(past, &reports[first + 2 + i]);
        priced.generation.push_back(
            summarizeGeneration(reports[first], reports[first + 1], decode,
                                own.batch, prompt, tokens, perToken));
      }
    }
    return WalkResult::advance();
  });
  if (walk.wasInterrupted())
    return failure();
  return priced;
}
