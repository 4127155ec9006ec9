//===- PlanComparison.h - Parallel plans side by side -----------*- C++ -*-===//
//
// roof-report's plans= prices a model under several parallel plans
// (docs/parallelism.md, "Plans"); this prints them side by side, per
// function and target, and names the fastest plan that fits.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_REPORT_PLANCOMPARISON_H
#define ROOF_REPORT_PLANCOMPARISON_H

#include "roof/Target/Target.h"

#include "mlir/Support/LLVM.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace mlir::roof {

/// One function under one plan on one target.
struct PlanResult {
  std::string plan;
  std::string function;
  const Target *target = nullptr;
  /// The latency of one inference, or with training the step.
  double seconds = 0;
  /// Of it, the collectives' time (not hidden behind the passes).
  double communicationSeconds = 0;
  /// One device's peak memory and its capacity.
  double peakBytes = 0;
  double capacityBytes = 0;
  bool training = false;
  /// Kernels without a rate or ops without a cost, which the times leave
  /// out.
  bool incomplete = false;

  bool fits() const { return peakBytes <= capacityBytes; }
};

/// The plans side by side, as text (a table per function and target,
/// scaled, or exact when `wide`) or JSON (`{"plans": [...]}`).
void printPlanComparison(llvm::ArrayRef<PlanResult> results, bool json,
                         bool wide, llvm::raw_ostream &os);

} // namespace mlir::roof

#endif // ROOF_REPORT_PLANCOMPARISON_H
