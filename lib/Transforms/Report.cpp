//===- Report.cpp - The roof-report pass ----------------------------------===//
//
// Loads the targets, prices every function on each and writes the report.
//
//===----------------------------------------------------------------------===//

#include "roof/Transforms/Passes.h"

#include "roof/CostModels/CostModels.h"
#include "roof/Measure/MeasuredMatch.h"
#include "roof/Pricing/Collectives.h"
#include "roof/Pricing/Sweep.h"
#include "roof/Report/PlanComparison.h"
#include "roof/Report/ReportPrinter.h"
#include "roof/Support/OutputFile.h"
#include "roof/Target/TargetLoader.h"
#include "roof/Transforms/EpilogueFusion.h"
#include "roof/Transforms/SequenceSplit.h"
#include "roof/Transforms/SpecializeDims.h"

#include "mlir/Dialect/Shard/IR/ShardOps.h"
#include "mlir/Dialect/Shard/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <deque>
#include <set>

namespace mlir::roof {
#define GEN_PASS_DEF_ROOFREPORT
#include "roof/Transforms/Passes.h.inc"
} // namespace mlir::roof

using namespace mlir;
using namespace mlir::roof;

/// Whether a value of `module`'s functions has a dynamic dim.
static bool hasDynamicDim(ModuleOp module) {
  auto dynamic = [](Type type) {
    auto shaped = dyn_cast<ShapedType>(type);
    return shaped && shaped.hasRank() && !shaped.hasStaticShape();
  };
  WalkResult result = module.walk([&](Operation *op) {
    if (llvm::any_of(op->getResultTypes(), dynamic))
      return WalkResult::interrupt();
    for (Region &region : op->getRegions())
      for (Block &block : region)
        if (llvm::any_of(block.getArgumentTypes(), dynamic))
          return WalkResult::interrupt();
    return WalkResult::advance();
  });
  return result.wasInterrupted();
}

/// The devices of the grid `module`'s functions are split over, when it
/// has one: the product of its sizes (std::nullopt when it has none, and 0
/// when one is dynamic or there are several).
static std::optional<uint64_t> getSplitDevices(ModuleOp module) {
  std::optional<uint64_t> devices;
  module.walk([&](shard::GridOp grid) {
    uint64_t size = grid.getRank() ? 1 : 0;
    for (int64_t axis : grid.getShape())
      size = ShapedType::isDynamic(axis) ? 0 : size * axis;
    devices = devices ? 0 : size;
  });
  return devices;
}

/// Whether an argument of `fn` has `batch` as its first dim (a dynamic one
/// counts when dynamic dims are bound to `batch`, or when it is named batch
/// and takes it).
static bool takesBatch(FunctionOpInterface fn, uint64_t batch,
                       std::optional<int64_t> dynamicDim) {
  return llvm::any_of(llvm::enumerate(fn.getArgumentTypes()), [&](auto arg) {
    auto shaped = dyn_cast<ShapedType>(arg.value());
    if (!shaped || !shaped.hasRank() || shaped.getRank() == 0)
      return false;
    int64_t first = shaped.getDimSize(0);
    if (!ShapedType::isDynamic(first))
      return static_cast<uint64_t>(first) == batch;
    SmallVector<StringRef> names = getArgDimNames(fn, arg.index());
    return (dynamicDim && static_cast<uint64_t>(*dynamicDim) == batch) ||
           (!names.empty() && names.front() == "batch");
  });
}

/// The most plans plans= compares.
static constexpr size_t kMaxPlans = 64;

/// The longest context (prompt and generated tokens) generate= prices.
static constexpr uint64_t kMaxGeneratedContext = uint64_t(1) << 30;

namespace {
struct RoofReportPass : public roof::impl::RoofReportBase<RoofReportPass> {
  using Base::Base;

  void getDependentDialects(DialectRegistry &registry) const override {
    Base::getDependentDialects(registry);
    registerAllCostModels(registry);
  }

  void runOnOperation() override {
    markAllAnalysesPreserved();
    ModuleOp module = getOperation();
    if (failed(checkOptions(module)))
      return signalPassFailure();

    // Targets live in a deque: reports point at them.
    std::deque<Target> loaded;
    for (const std::string &name : targets) {
      std::string error;
      FailureOr<Target> target = lookupTarget(name, error);
      if (failed(target))
        return failOption(error);
      loaded.push_back(std::move(*target));
    }

    SmallVector<const Target *> targetList;
    for (const Target &target : loaded)
      targetList.push_back(&target);

    if (!plans.empty())
      return comparePlans(module, loaded, targetList);

    // A plan splits a copy of the module, which is priced instead.
    OwningOpRef<ModuleOp> planned;
    FailureOr<PricedModule> priced =
        priceUnderPlan(module, loaded, targetList, planned);
    if (failed(priced))
      return signalPassFailure();
    if (planned)
      module = *planned;
    std::vector<FunctionRoofline> &reports = priced->reports;

    ReportFormatOptions formatOptions = getFormatOptions(module);
    formatOptions.generation = priced->generation;
    formatOptions.training = priced->training;
    if (!measured.empty() &&
        failed(attachMeasurements(module, reports, formatOptions)))
      return signalPassFailure();
    std::string error = writeOutputFile(
        output,
        [&](llvm::raw_ostream &os) {
          printReport(format, reports, formatOptions, os);
        },
        getRunInput());
    if (!error.empty())
      return failOption(error);
  }

private:
  /// What this run reports on: the module, in its context (each chunk of
  /// --split-input-file is another), so that two reports of one module to
  /// one file are refused while each chunk's report is appended.
  std::string getRunInput() {
    std::string input;
    llvm::raw_string_ostream os(input);
    os << &getContext() << ' ' << getOperation().getLoc();
    return input;
  }

  /// `module` priced on the targets under parallel='s plan; with tensor
  /// parallelism the split copy it prices is `planned`.
  FailureOr<PricedModule> priceUnderPlan(ModuleOp module,
                                         const std::deque<Target> &loaded,
                                         ArrayRef<const Target *> targetList,
                                         OwningOpRef<ModuleOp> &planned) {
    std::optional<uint64_t> split = getSplitDevices(module);
    if (failed(checkPlan(module, split, loaded)))
      return failure();
    // Dims bound by name (generate=, sizes=) are bound before the plan
    // splits each copy, so that the sharding passes see static shapes.
    bool planEachBinding =
        plan.splitsIR() && !split && (!generate.empty() || !dimSweep.empty());
    if (plan.splitsIR() && !split && !planEachBinding) {
      planned = planModule(module);
      if (!planned)
        return failure();
      module = *planned;
    }
    RooflineOptions options = getRooflineOptions();
    if (training == Optimizer::None) {
      options.pipelineStages = plan.pp;
      options.stageStride = plan.group();
      // IR split before the report spans its grid's devices.
      options.devices = static_cast<unsigned>(
          std::max<uint64_t>(plan.group(), split.value_or(1)) * plan.pp);
    }
    if (failed(checkBatchedInputs(module, options)) ||
        failed(checkCollectives(module, targetList, options)))
      return failure();
    auto bind = [&](FunctionOpInterface fn, const DimSizes &dims,
                    FunctionOpInterface &bound) -> OwningOpRef<ModuleOp> {
      if (!planEachBinding)
        return bindDims(fn, dims, bound);
      FunctionOpInterface specialized;
      OwningOpRef<ModuleOp> copy = specializeDims(fn, dims, specialized);
      if (!copy)
        return nullptr;
      StringAttr name = SymbolTable::getSymbolName(specialized);
      returnStaticResults(specialized);
      copy = planModule(*copy);
      if (!copy || failed(checkCollectives(*copy, targetList, options)))
        return nullptr;
      bound =
          cast<FunctionOpInterface>(SymbolTable::lookupSymbolIn(*copy, name));
      return fuseAfterBinding(fn, std::move(copy));
    };
    if (generate.empty()) {
      SweepOptions sweep;
      sweep.batchSizes = *batchSizes;
      sweep.dimSweep = dimSweep;
      sweep.training = getTrainingOptions();
      FailureOr<PricedModule> priced =
          priceModule(module, targetList, options, sweep, bind);
      if (failed(priced) || failed(checkStages(module, *priced)))
        return failure();
      return priced;
    }
    SmallVector<int64_t> batches;
    for (const DimSizes &dims : dimSweep)
      batches.push_back(dims.at("batch"));
    return priceGeneration(module, targetList, options, generate[0],
                           generate[1], batches, bind);
  }

  /// Each chunk of parallel=pp:P's stages (vp:V chunks a stage) has a layer
  /// at least.
  LogicalResult checkStages(ModuleOp module, const PricedModule &priced) {
    auto check = [&](const PipelineStep &pipeline,
                     StringRef function) -> LogicalResult {
      uint64_t chunks =
          static_cast<uint64_t>(pipeline.stages) * pipeline.chunks;
      if (pipeline.layers >= chunks)
        return success();
      return emitError(module.getLoc())
             << "roof-report: parallel=pp:" << pipeline.stages
             << (pipeline.chunks > 1 ? ",vp:" + std::to_string(pipeline.chunks)
                                     : std::string())
             << " splits the repeated layers of @" << function << " into "
             << chunks << " pipeline "
             << (pipeline.chunks > 1 ? "chunks" : "stages") << ", and it has "
             << pipeline.layers
             << " (a layer is a run of kernels that repeats, "
                "docs/parallelism.md)";
    };
    for (const TrainingReport &step : priced.training)
      if (step.pipeline && failed(check(*step.pipeline, step.function)))
        return failure();
    for (const FunctionRoofline &report : priced.reports)
      if (report.pipeline && failed(check(*report.pipeline, report.function)))
        return failure();
    return success();
  }

  /// plans=: each plan priced as parallel= would, and one table of them.
  void comparePlans(ModuleOp module, const std::deque<Target> &loaded,
                    ArrayRef<const Target *> targetList) {
    if (!parallel.empty() || !generate.empty() || !batchSizes.empty() ||
        !dimSweep.empty() || !measured.empty())
      return failOption("plans= compares plans of one evaluation: it cannot "
                        "be combined with parallel=, generate=, "
                        "batch-sizes=, sizes= or measured=");
    if (format != ReportFormat::Text && format != ReportFormat::Json)
      return failOption("plans= prints text or json");
    SmallVector<StringRef> specs;
    StringRef(plans).split(specs, ';', -1, /*KeepEmpty=*/false);
    // Each plan splits and prices the module again.
    if (specs.size() > kMaxPlans)
      return failOption("plans= lists " + Twine(specs.size()) +
                        " plans, more than the " + Twine(kMaxPlans) +
                        " it compares");
    std::vector<PlanResult> results;
    for (StringRef spec : specs) {
      parallel = spec.str();
      OwningOpRef<ModuleOp> planned;
      FailureOr<PricedModule> priced =
          priceUnderPlan(module, loaded, targetList, planned);
      parallel = "";
      if (failed(priced))
        return signalPassFailure();
      for (auto [i, report] : llvm::enumerate(priced->reports)) {
        PlanResult &result = results.emplace_back();
        result.plan = spec.str();
        result.function = report.function;
        result.target = report.target;
        result.incomplete =
            report.kernelsWithoutRate || report.totals.opsUnknown;
        if (priced->training.empty()) {
          result.seconds = report.latencySeconds;
          // Through pipeline stages, a request's sends between them too.
          result.communicationSeconds =
              report.communicationSeconds() +
              (report.pipeline ? report.pipeline->forwardSendSeconds() : 0);
          result.peakBytes = report.weightBytes + report.peakActivationBytes;
          result.capacityBytes = report.capacityBytes;
          continue;
        }
        const TrainingReport &step = priced->training[i];
        result.training = true;
        result.seconds = step.stepSeconds();
        result.communicationSeconds = step.exposedCommunicationSeconds();
        result.peakBytes = step.peakBytes();
        result.capacityBytes = step.capacityBytes;
        result.incomplete = result.incomplete || step.incomplete;
      }
    }
    std::string error = writeOutputFile(
        output,
        [&](llvm::raw_ostream &os) {
          printPlanComparison(results, format == ReportFormat::Json, wide, os);
        },
        getRunInput());
    if (!error.empty())
      return failOption(error);
  }

  /// The pricing the options ask for.
  RooflineOptions getRooflineOptions() {
    RooflineOptions options;
    if (dynamicDim >= 0)
      options.cost.dynamicDimSize = dynamicDim;
    options.cost.weights.paramArgs.assign(paramArgs.begin(), paramArgs.end());
    options.cost.weights.asWritten = asWritten;
    setDtypePolicy(options, dtypePolicy);
    if (!weightDtype.empty())
      options.weightDtype = parseDtype(weightDtype);
    if (!kvDtype.empty())
      options.kvDtype = parseDtype(kvDtype);
    options.weightGroup = weightGroup;
    options.batch = batch;
    options.money = money;
    options.residency = residency;
    options.overlapCollectives = overlapCollectives;
    return options;
  }

  /// batch= says how many inferences one call makes; a function whose
  /// inputs do not carry that many would have its throughput multiplied
  /// for nothing, which is an error.
  LogicalResult checkBatchedInputs(ModuleOp module,
                                   const RooflineOptions &options) {
    if (batch <= 1 || !batchSizes.empty() || !dimSweep.empty())
      return success();
    WalkResult walk = module.walk([&](FunctionOpInterface fn) {
      if (fn.isExternal() || takesBatch(fn, batch, options.cost.dynamicDimSize))
        return WalkResult::advance();
      emitError(fn.getLoc())
          << "roof-report: batch=" << batch.getValue() << " but no input of @"
          << fn.getName() << " has " << batch.getValue()
          << " as its first dim: its throughput would count "
          << batch.getValue()
          << " inferences per call of what is priced once (import or export "
             "the model at that batch, keep its batch dynamic and bind it "
             "with dynamic-dim= or sizes=batch:N)";
      return WalkResult::interrupt();
    });
    return failure(walk.wasInterrupted());
  }

  /// A copy of `module` split by parallel='s plan: roof-parallel-plan,
  /// then upstream's sharding-propagation and shard-partition; null after
  /// an error.
  OwningOpRef<ModuleOp> planModule(ModuleOp module) {
    if (module.walk([](KernelOp) { return WalkResult::interrupt(); })
            .wasInterrupted()) {
      emitError(module.getLoc())
          << "roof-report: parallel= splits the model's ops, and a "
             "roof.kernel cannot be split: fuse after the plan "
             "(--pass-pipeline='builtin.module(roof-parallel-plan{plan=...}, "
             "func.func(sharding-propagation,shard-partition,"
             "roof-fuse-epilogues),roof-report{...})', docs/parallelism.md)";
      return nullptr;
    }
    OwningOpRef<ModuleOp> copy = cast<ModuleOp>(module->clone());
    OpPassManager pm(ModuleOp::getOperationName());
    RoofParallelPlanOptions planOptions;
    planOptions.plan =
        plan.ep > 1
            ? "ep:" + std::to_string(plan.ep)
            : (plan.sequence ? "sp:" : "tp:") + std::to_string(plan.tp) +
                  (plan.cp > 1 ? ",cp:" + std::to_string(plan.cp) : "");
    planOptions.paramArgs.assign(paramArgs.begin(), paramArgs.end());
    pm.addPass(createRoofParallelPlan(planOptions));
    pm.addNestedPass<func::FuncOp>(shard::createShardingPropagation());
    pm.addNestedPass<func::FuncOp>(shard::createPartition());
    pm.addNestedPass<func::FuncOp>(createRoofCombineCollectives());
    OwningOpRef<ModuleOp> split = runOnCopy(pm, std::move(copy));
    if (!split && plan.cp > 1)
      emitError(module.getLoc())
          << "roof-report: parallel=cp:" << plan.cp
          << " splits each sequence by its tokens, and upstream's sharding "
             "passes could not (above): an op without a sharding model "
             "stops them, and so does a batch of several sequences folded "
             "into the rows with their tokens, where a device's tokens are "
             "not one block; price one sequence (batch 1), as context "
             "parallelism runs long ones (docs/parallelism.md, \"Context "
             "parallelism\")";
    return split;
  }

  /// Every collective of the shard dialect in `module` runs on each target:
  /// a system with enough devices (Collectives.h). One whose grid or data
  /// has a dynamic size cannot be priced on the links.
  LogicalResult checkCollectives(ModuleOp module,
                                 ArrayRef<const Target *> targetList,
                                 const RooflineOptions &options) {
    bool warnedUnpartitioned = false;
    WalkResult walk = module.walk([&](Operation *op) {
      if (isa<shard::ShardOp>(op) && !warnedUnpartitioned) {
        warnedUnpartitioned = true;
        op->emitWarning()
            << "roof-report: the IR carries shardings but is not partitioned: "
               "it is priced whole, on one device, without collectives (run "
               "sharding-propagation and shard-partition first, "
               "docs/parallelism.md)";
      }
      if (!isCollective(op))
        return WalkResult::advance();
      std::optional<CollectiveFacts> facts = getCollectiveFacts(op, options);
      if (!facts) {
        op->emitWarning()
            << "roof-report: " << op->getName()
            << " has a dynamic grid, a grid of more than 2^32 devices or a "
               "dynamically shaped tensor: priced "
               "as a copy in its device's memory, without its time on the "
               "links";
        return WalkResult::advance();
      }
      for (const Target *target : targetList) {
        std::string problem = checkCollective(*facts, *target);
        if (!problem.empty()) {
          op->emitError() << "roof-report: " << problem;
          return WalkResult::interrupt();
        }
      }
      return WalkResult::advance();
    });
    return failure(walk.wasInterrupted());
  }

  /// specializeDims, then fuseAfterBinding.
  OwningOpRef<ModuleOp> bindDims(FunctionOpInterface fn, const DimSizes &dims,
                                 FunctionOpInterface &priced) {
    OwningOpRef<ModuleOp> copy = specializeDims(fn, dims, priced);
    if (!copy)
      return nullptr;
    return fuseAfterBinding(fn, std::move(copy));
  }

  /// `copy` (of `fn`'s module, its dims bound) after the epilogue fusion
  /// roof-fuse-epilogues could not do on dynamic shapes when it ran on `fn`
  /// (kFuseAfterBindingAttrName).
  OwningOpRef<ModuleOp> fuseAfterBinding(FunctionOpInterface fn,
                                         OwningOpRef<ModuleOp> copy) {
    auto fused = fn->getAttrOfType<DictionaryAttr>(kFuseAfterBindingAttrName);
    if (!fused)
      return copy;
    OpPassManager pm(ModuleOp::getOperationName());
    RoofFuseEpiloguesOptions fuseOptions;
    fuseOptions.paramArgs.assign(paramArgs.begin(), paramArgs.end());
    if (auto attention = fused.getAs<BoolAttr>("attention"))
      fuseOptions.attention = attention.getValue();
    if (auto normalizations = fused.getAs<BoolAttr>("normalizations"))
      fuseOptions.normalizations = normalizations.getValue();
    pm.addNestedPass<func::FuncOp>(createRoofFuseEpilogues(fuseOptions));
    return runOnCopy(pm, std::move(copy));
  }

  /// Runs `pm` on `copy` as a part of this pipeline, so that its verifier,
  /// timing, IR printing and crash reproducers cover it too; a pass may
  /// only run a pipeline on ops inside its own, so the copy is nested for
  /// that time. Null when the pipeline fails.
  OwningOpRef<ModuleOp> runOnCopy(OpPassManager &pm,
                                  OwningOpRef<ModuleOp> copy) {
    ModuleOp nested = copy.release();
    getOperation().push_back(nested);
    LogicalResult result = runPipeline(pm, nested);
    nested->remove();
    copy = nested;
    if (failed(result))
      return nullptr;
    return copy;
  }

  /// The measured= profile matched to the reports. The profile is of one
  /// model: it names the ops of the function that model became; other
  /// functions go without. Fails (with a message) when it names none.
  LogicalResult attachMeasurements(ModuleOp module,
                                   ArrayRef<FunctionRoofline> reports,
                                   ReportFormatOptions &formatOptions) {
    std::string error;
    FailureOr<MeasuredProfile> profile = loadMeasuredProfile(measured, error);
    if (failed(profile))
      return optionError(error);
    bool matched = false;
    for (const FunctionRoofline &report : reports) {
      FailureOr<std::optional<FunctionMeasurement>> measurement =
          matchMeasurements(report, *profile, error);
      if (failed(measurement))
        return emitError(module.getLoc()) << "roof-report: " << error;
      if (!*measurement)
        continue;
      formatOptions.measured.try_emplace(&report, std::move(**measurement));
      matched = true;
    }
    if (!matched)
      return emitError(module.getLoc())
             << "roof-report: " << measured.getValue()
             << ": no node of the profile names an op of this module (ONNX "
                "node names become op locations on import): is it a profile "
                "of another model?";
    return success();
  }

  /// training=, master-dtype= and grad-accum=.
  LogicalResult checkTrainingOptions() {
    auto fail = [&](const Twine &message) { return optionError(message); };
    if (training == Optimizer::None) {
      if (!masterDtype.empty() || gradAccum != 1 ||
          recompute != Recompute::None)
        return fail("master-dtype=, grad-accum= and recompute= describe a "
                    "training step; name the optimizer too (training=adam)");
      return success();
    }
    if (!generate.empty())
      return fail("training= prices a step of training the function; "
                  "generate= prices inference, token by token: give one");
    if (format == ReportFormat::Csv || format == ReportFormat::Svg)
      return fail("training= prints text, json or html (a step is not one "
                  "function's kernels to chart or list)");
    if (!masterDtype.empty()) {
      std::optional<Dtype> dtype = parseDtype(masterDtype);
      if (!dtype || isIntegerDtype(*dtype) || *dtype == Dtype::TF32 ||
          *dtype == Dtype::F8)
        return fail("master-dtype must be f64, f32, bf16 or f16; got '" +
                    masterDtype.getValue() + "'");
    }
    if (gradAccum < 1)
      return fail("grad-accum must be at least 1");
    return success();
  }

  /// What training= and its options ask for.
  TrainingOptions getTrainingOptions() {
    TrainingOptions options;
    options.optimizer = training;
    if (!masterDtype.empty())
      options.masterDtype = parseDtype(masterDtype);
    options.gradAccum = gradAccum;
    options.recompute = recompute;
    options.scopeDepth = scopeDepth;
    // A replica is its stages' tensor-parallel groups, one after another.
    // Context parallelism's devices hold the same weights as the replicas
    // and reduce their gradients with them: cp x dp devices, tp apart.
    // Expert parallelism's hold the same dense weights: ep x dp devices,
    // each stage's ep consecutive, and the expert weights dp of them.
    options.dataParallel = {plan.dp * plan.cp * plan.ep, plan.tp * plan.pp,
                            zero, plan.cp, plan.ep};
    options.pipelineStages = plan.pp;
    options.pipelineChunks = plan.vp;
    options.steps = steps;
    return options;
  }

  /// How the printers lay the reports out, and what made them.
  ReportFormatOptions getFormatOptions(ModuleOp module) {
    ReportFormatOptions formatOptions;
    formatOptions.top = top;
    formatOptions.wide = wide;
    formatOptions.scopeDepth = scopeDepth;
    formatOptions.batch = batch;
    formatOptions.sweep = !batchSizes.empty() || !dimSweep.empty();
    formatOptions.version = ROOF_VERSION;
    if (auto file = dyn_cast<FileLineColLoc>(module.getLoc()))
      formatOptions.input = file.getFilename().str();
    llvm::raw_string_ostream pipeline(formatOptions.pipeline);
    printAsTextualPipeline(pipeline);
    formatOptions.dtypePolicy = getDtypePolicyName(dtypePolicy).str();
    return formatOptions;
  }

  /// Reports an error in the pass's options or the files they name (not in
  /// the module, whose location would blame the model); failOption also
  /// fails the pass.
  LogicalResult optionError(const Twine &message) {
    llvm::errs() << "error: roof-report: " << message << "\n";
    return failure();
  }
  void failOption(const Twine &message) {
    (void)optionError(message);
    signalPassFailure();
  }

  LogicalResult checkOptions(ModuleOp module) {
    auto fail = [&](const Twine &message) { return optionError(message); };
    if (targets.empty()) {
      return fail("name at least one target, e.g. targets=h100-sxm (shipped: " +
                  llvm::join(listBuiltinTargets(), ", ") + ")");
    }
    // Deployment dtypes: those narrower than f32.
    auto isDeployable = [](StringRef name) {
      std::optional<Dtype> dtype = parseDtype(name);
      return dtype && getDtypeBits(*dtype) < 32;
    };
    if (!weightDtype.empty() && !isDeployable(weightDtype))
      return fail("weight-dtype must be f16, bf16, f8, i8 or i4; got '" +
                  weightDtype.getValue() + "'");
    if (!kvDtype.empty() && !isDeployable(kvDtype))
      return fail("kv-dtype must be f16, bf16, f8, i8 or i4; got '" +
                  kvDtype.getValue() + "'");
    if (weightGroup && weightDtype.empty())
      return fail("weight-group sizes the scales of weight-dtype's groups; "
                  "give weight-dtype too");
    if (batch == 0)
      return fail("batch must be at least 1");
    money = {};
    if (!(years == 0 || (years >= 1.0 / 365 && years <= 100)))
      return fail("years= is how long a bought device serves, from a day "
                  "(0.0028) to 100 years (0: rented at its price per hour)");
    if (!(utilization >= 1e-3 && utilization <= 1))
      return fail("utilization= is the share of its hours a device works, "
                  "in [0.001, 1]");
    if (!(pue >= 1) || !std::isfinite(pue))
      return fail("pue= is the data center's power over its devices', >= 1");
    if (!(kwh >= 0) || !std::isfinite(kwh))
      return fail("kwh= is the price of a kWh in USD, >= 0");
    if (steps && training == Optimizer::None)
      return fail("steps= counts a training run's steps, for its cost; give "
                  "training= too");
    if (years == 0 && (kwh > 0 || pue != 1))
      return fail("kwh= and pue= price a bought device's electricity; give "
                  "years= too (a rented one's is in its price per hour)");
    money.years = years;
    money.kwhPrice = kwh;
    money.pue = pue;
    money.utilization = utilization;
    if (std::string problem = parsePriceOverrides(price, money);
        !problem.empty())
      return fail(problem);
    if (dynamicDim < -1)
      return fail("dynamic-dim must be a size >= 0, or -1");
    for (int64_t size : batchSizes)
      if (size < 1)
        return fail("batch-sizes must be sizes >= 1; got " + Twine(size));
    if (batchSizes.size() > kMaxSweepCombinations)
      return fail("batch-sizes has " + Twine(batchSizes.size()) +
                  " sizes, more than the " + Twine(kMaxSweepCombinations) +
                  " a sweep prices");
    // Neither the profile nor the module's file (when it came from one) is
    // the report's.
    SmallVector<StringRef> inputs = {measured.getValue()};
    if (auto file = dyn_cast<FileLineColLoc>(module.getLoc()))
      inputs.push_back(file.getFilename().getValue());
    for (StringRef input : inputs)
      if (isSameFile(output, input))
        return fail("output='" + output.getValue() +
                    "' is an input of this run ('" + input +
                    "'); writing the report would overwrite it");
    if (isReservedOutputFile(output))
      return fail("output='" + output.getValue() +
                  "' is also the module's output (-o): the module would "
                  "overwrite the report; write the report elsewhere");
    dimSweep.clear();
    if (!sizes.empty()) {
      std::string error = parseDimSweep(sizes, dimSweep);
      if (!error.empty())
        return fail("sizes: " + error);
    }
    if (!batchSizes.empty() && !dimSweep.empty())
      return fail("batch-sizes binds every dynamic dim and sizes binds them "
                  "by name: give one of the two");
    if (!measured.empty() && (!batchSizes.empty() || !dimSweep.empty()))
      return fail("measured= compares one profile at one shape; it cannot "
                  "be combined with a sweep (batch-sizes=, sizes=)");
    if (!dimSweep.empty() && failed(checkDimNames(module)))
      return failure();
    if (!generate.empty()) {
      if (generate.size() != 2 || generate[0] < 1 || generate[1] < 2)
        return fail("generate= takes P,D: a prompt of P >= 1 tokens and D >= "
                    "2 tokens generated");
      // Past 2^30 tokens of context the sizes no model has are all that is
      // priced, and a step's tensors near 2^64 bytes.
      if (generate[0] > kMaxGeneratedContext ||
          generate[1] > kMaxGeneratedContext - generate[0])
        return fail("generate=" + Twine(generate[0]) + "," +
                    Twine(generate[1]) + " is a context of more than the " +
                    Twine(kMaxGeneratedContext) + " tokens generate= prices");
      if (!batchSizes.empty() || !measured.empty())
        return fail("generate= sets the dims of each step itself; it cannot "
                    "be combined with batch-sizes= or measured=");
      if (!dimSweep.empty() &&
          (dimSweep.front().size() != 1 || !dimSweep.front().count("batch")))
        return fail("generate= sets seq, past and total itself; with it "
                    "sizes= may only sweep batch (sizes=batch:1,8)");
      if (format == ReportFormat::Csv || format == ReportFormat::Svg)
        return fail("generate= prints text, json or html (its steps are "
                    "not kernels of one function to chart or list)");
    }
    if (failed(checkTrainingOptions()))
      return failure();
    // A sweep binds dynamic dims; without any, every size would repeat the
    // same numbers under a different label.
    if (!batchSizes.empty() && !hasDynamicDim(module))
      return emitError(module.getLoc())
             << "roof-report: batch-sizes sweeps the module's dynamic dims, "
                "and it has none: every size would give the same numbers "
                "(keep the batch dim symbolic: roof-import-onnx "
                "--keep-dynamic batch, or tensor<?x…> when exporting)";
    return success();
  }

  /// Every dim sizes= sweeps is named by some function of `module`.
  LogicalResult checkDimNames(ModuleOp module) {
    std::set<std::string> named;
    module.walk([&](FunctionOpInterface fn) {
      for (std::string &name : getDimNames(fn))
        named.insert(std::move(name));
    });
    for (const auto &[name, size] : dimSweep.front())
      if (!named.count(name))
        return emitError(module.getLoc())
               << "roof-report: sizes= sweeps dim '" << name
               << "', which no function's arguments name ("
               << (named.empty() ? std::string("none names a dim")
                                 : "named: " + llvm::join(named, ", "))
               << "; roof-import-onnx --keep-dynamic " << name
               << " keeps an ONNX model's dim by name)";
    return success();
  }

  /// parallel= and zero=, then that every target can run them: a system
  /// with enough devices. A module already split over `split` devices is
  /// priced as given: its pipeline stages and replicas are that many
  /// devices apart.
  LogicalResult checkPlan(ModuleOp module, std::optional<uint64_t> split,
                          const std::deque<Target> &loaded) {
    plan = {};
    unsigned tp = 0, sp = 0;
    SmallVector<StringRef> parts;
    StringRef(parallel).split(parts, ',', -1, /*KeepEmpty=*/false);
    for (StringRef part : parts) {
      auto [kind, size] = part.split(':');
      unsigned devices = 0;
      unsigned *slot = kind == "tp"   ? &tp
                       : kind == "sp" ? &sp
                       : kind == "pp" ? &plan.pp
                       : kind == "vp" ? &plan.vp
                       : kind == "dp" ? &plan.dp
                       : kind == "cp" ? &plan.cp
                       : kind == "ep" ? &plan.ep
                                      : nullptr;
      if (!slot || size.getAsInteger(10, devices) || devices < 1)
        return optionError("parallel= takes tp:N, sp:N, cp:C, pp:P, vp:V and "
                           "dp:M (tp:8,sp:8,pp:4,vp:2,dp:4), or ep:E, each "
                           ">= 1; got '" +
                           part + "'");
      *slot = devices;
    }
    std::string problem = resolveSequenceSplit(tp, sp, plan.tp, plan.sequence);
    if (!problem.empty())
      return optionError("parallel=: " + problem + "; got '" + parallel + "'");
    bool tpGiven = tp || sp;
    if (plan.ep > 1 && (tpGiven || plan.cp > 1))
      return optionError(
          "parallel=ep:E splits the sequences and the experts over its own "
          "devices: with tp:, sp: or cp: it is not priced yet "
          "(docs/parallelism.md, \"Expert parallelism\"); got '" +
          parallel + "'");
    if (split && *split) {
      if ((tpGiven && plan.tp * plan.cp != *split) || *split % plan.cp ||
          (plan.ep > 1 && plan.ep != *split))
        return emitError(module.getLoc())
               << "roof-report: the module is already split over " << *split
               << " devices (its shard.grid), and parallel= says "
               << (plan.ep > 1   ? "ep:" + std::to_string(plan.ep)
                   : plan.cp > 1 ? "tp:" + std::to_string(plan.tp) +
                                       ",cp:" + std::to_string(plan.cp)
                                 : "tp:" + std::to_string(plan.tp))
               << " (split IR is priced as given: give its device count as "
                  "tp:N, tp:N,cp:C or ep:E, docs/parallelism.md)";
      if ((plan.dp > 1 || plan.pp > 1 || plan.cp > 1) && plan.ep == 1)
        plan.tp = *split / plan.cp;
    }
    if (plan.cp > 1 && (plan.pp > 1 || plan.sequence))
      return optionError("parallel=cp:C is priced with tp:N and dp:M; with "
                         "pp: or sp: it is not yet (docs/parallelism.md, "
                         "\"Context parallelism\"); got '" +
                         parallel + "'");
    if (plan.dp > 1 && training == Optimizer::None)
      return optionError("parallel=dp:M reduces a training step's gradients "
                         "over M replicas; name the optimizer too "
                         "(training=adam)");
    if (plan.vp > 1 && (plan.pp < 2 || gradAccum % plan.pp != 0))
      return optionError(
          "parallel=vp:V interleaves V chunks of layers on each of pp:P's "
          "stages (P >= 2), and like Megatron-LM's interleaved schedule runs "
          "a multiple of P microbatches (grad-accum=); got '" +
          parallel + "' with grad-accum=" + Twine(gradAccum));
    if (zero > 3 || (zero && plan.dp < 2))
      return optionError("zero= is ZeRO's stage, 1 to 3, over the replicas "
                         "of parallel=dp:M with M >= 2");
    uint64_t devices = static_cast<uint64_t>(plan.group()) * plan.pp * plan.dp;
    if (devices < 2)
      return success();
    for (const Target &target : loaded)
      if (!target.system || target.system->getDevices() < devices)
        return optionError(
            "parallel=" + parallel + " needs " + Twine(devices) +
            " devices, and '" + target.name + "' has " +
            Twine(target.system ? target.system->getDevices() : 1) +
            " (system targets: h100-node, a100-node, h100-cluster-4, ...; "
            "docs/parallelism.md)");
    return success();
  }

  /// The devices parallel= splits the model over, its pipeline stages
  /// and its replicas.
  struct Plan {
    unsigned tp = 1;
    unsigned pp = 1;
    unsigned dp = 1;
    /// Chunks of layers each pipeline stage holds (vp:V, interleaved).
    unsigned vp = 1;
    /// Whether the tensor-parallel devices also split the tokens between
    /// the splits (sp:N).
    bool sequence = false;
    /// Groups of tp devices that split the tokens (context parallelism).
    unsigned cp = 1;
    /// Devices that split the sequences and the experts (expert
    /// parallelism, alone).
    unsigned ep = 1;

    /// Whether roof-parallel-plan splits the IR.
    bool splitsIR() const { return group() > 1; }
    /// The devices one copy of the split IR spans.
    unsigned group() const { return tp * cp * ep; }
  } plan;

  /// The combinations sizes= sweeps (empty without it).
  std::vector<DimSizes> dimSweep;
  /// How a device's time is paid for (years=, kwh=, pue=, utilization=,
  /// price=).
  MoneyOptions money;
};
} // namespace
