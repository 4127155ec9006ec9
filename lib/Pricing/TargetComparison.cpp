//===- TargetComparison.cpp - One function on several targets -------------===//

#include "roof/Pricing/TargetComparison.h"

#include "llvm/ADT/StringMap.h"

using namespace mlir;
using namespace mlir::roof;

std::string TargetComparison::getNotes(const FunctionRoofline *r) const {
  std::string notes;
  if (r == fastest)
    notes += " fastest";
  if (r == leanest)
    notes += " most-energy-efficient";
  if (r == cheapest)
    notes += " cheapest";
  if (r->kernelsWithoutRate)
    notes += " incomplete(no-rate)";
  return notes;
}

SmallVector<TargetComparison>
roof::compareTargets(ArrayRef<FunctionRoofline> reports) {
  llvm::StringMap<unsigned> index;
  SmallVector<TargetComparison> all;
  for (const FunctionRoofline &r : reports) {
    auto [it, inserted] = index.try_emplace(r.function, all.size());
    if (inserted) {
      all.emplace_back();
      all.back().function = r.function;
    }
    all[it->second].reports.push_back(&r);
  }
  SmallVector<TargetComparison> result;
  for (TargetComparison &comparison : all) {
    if (comparison.reports.size() < 2)
      continue;
    // Only targets that priced every kernel compete.
    unsigned priced = 0;
    for (const FunctionRoofline *r : comparison.reports) {
      if (r->kernelsWithoutRate)
        continue;
      if (!comparison.fastest ||
          r->latencySeconds < comparison.fastest->latencySeconds)
        comparison.fastest = r;
      if (!comparison.leanest ||
          r->energyJoules() < comparison.leanest->energyJoules())
        comparison.leanest = r;
      std::optional<double> cost = r->costPerInference();
      if (!cost)
        continue;
      ++priced;
      if (!comparison.cheapest ||
          *cost < *comparison.cheapest->costPerInference())
        comparison.cheapest = r;
    }
    if (priced < 2)
      comparison.cheapest = nullptr;
    result.push_back(std::move(comparison));
  }
  return result;
}
