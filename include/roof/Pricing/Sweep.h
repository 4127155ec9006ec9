//===- Sweep.h - A module priced on targets, sizes and steps ----*- C++ -*-===//
//
// What roof-report prices: every function of a module on every target, once
// per evaluation of a sweep (batch-sizes= binds every dynamic dim, sizes=
// binds dims by name), or at the steps of generation (generate=: the
// prefill, a step with an empty cache and the decode points of
// Generation.h). Binding named dims is a transformation, which the caller
// supplies: pricing never rewrites IR itself.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_PRICING_SWEEP_H
#define ROOF_PRICING_SWEEP_H

#include "roof/Pricing/Generation.h"
#include "roof/Pricing/PricingTypes.h"
#include "roof/Pricing/TrainingStep.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

#include <vector>

namespace mlir::roof {

/// Binds `dims` of `fn` in a copy of its module: the copy, with the copy's
/// `fn` in `bound`; null after emitting errors at `fn`.
using DimBinder = llvm::function_ref<OwningOpRef<ModuleOp>(
    FunctionOpInterface fn, const DimSizes &dims, FunctionOpInterface &bound)>;

/// What a sweep asks for: without batchSizes and dimSweep, the module as it
/// is.
struct SweepOptions {
  /// Binds every dynamic dim to each size, which is also the batch.
  ArrayRef<int64_t> batchSizes;
  /// Binds dims by name, each combination in turn; a dim named batch is
  /// the batch.
  ArrayRef<DimSizes> dimSweep;
  /// With an optimizer: each evaluation is also priced as a training step.
  TrainingOptions training;
};

/// The reports of a module and what they point into.
struct PricedModule {
  /// One per function, evaluation and target (functions in walk order,
  /// then targets, then evaluations); with generation, one per step.
  std::vector<FunctionRoofline> reports;
  /// With generation: per function, batch and target, the summary.
  std::vector<GenerationReport> generation;
  /// With training: per report, its training step.
  std::vector<TrainingReport> training;
  /// The copies with named dims bound that reports point into.
  std::vector<OwningOpRef<ModuleOp>> boundModules;
};

/// Every function of `module` priced on every target of `targets`, once per
/// evaluation of `sweep`: each function is analyzed once per evaluation, in
/// one cost context per evaluation for the module, and priced on each
/// target. Fails when binding a function's dims fails.
FailureOr<PricedModule> priceModule(ModuleOp module,
                                    ArrayRef<const Target *> targets,
                                    const RooflineOptions &options,
                                    const SweepOptions &sweep, DimBinder bind);

/// generate=P,D: each function that names the dims seq and past, at each
/// batch of `batches` (none: as the function is, a named batch taking
/// options.batch), priced at a prompt of `prompt` tokens, a step with an
/// empty cache and the decode points of `tokens` generated. Fails, with an
/// error at the function, when one does not name seq and past.
FailureOr<PricedModule>
priceGeneration(ModuleOp module, ArrayRef<const Target *> targets,
                const RooflineOptions &options, uint64_t prompt,
                uint64_t tokens, ArrayRef<int64_t> batches, DimBinder bind);

} // namespace mlir::roof

#endif // ROOF_PRICING_SWEEP_H
