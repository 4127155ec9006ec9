//===- PlanComparison.cpp - Parallel plans side by side -------------------===//

#include "roof/Report/PlanComparison.h"

#include "roof/Support/Units.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/JSON.h"

#include <map>
#include <utility>

using namespace mlir;
using namespace mlir::roof;

/// The fastest result that fits among `group`, or null.
static const PlanResult *getFastestFitting(ArrayRef<const PlanResult *> group) {
  const PlanResult *fastest = nullptr;
  for (const PlanResult *result : group)
    if (result->fits() && (!fastest || result->seconds < fastest->seconds))
      fastest = result;
  return fastest;
}

void roof::printPlanComparison(ArrayRef<PlanResult> results, bool json,
                               bool wide, llvm::raw_ostream &os) {
  // Grouped by function and target, in the order they came.
  std::vector<std::pair<std::string, const Target *>> order;
  std::map<std::pair<std::string, const Target *>,
           SmallVector<const PlanResult *>>
      groups;
  for (const PlanResult &result : results) {
    auto key = std::make_pair(result.function, result.target);
    if (!groups.count(key))
      order.push_back(key);
    groups[key].push_back(&result);
  }
  if (json) {
    llvm::json::OStream out(os, 2);
    out.object([&] {
      out.attribute("schema", "roof-plans/1");
      out.attributeArray("plans", [&] {
        for (const auto &key : order) {
          const PlanResult *fastest = getFastestFitting(groups[key]);
          for (const PlanResult *result : groups[key])
            out.object([&] {
              out.attribute("function", result->function);
              out.attribute("target", result->target->name);
              out.attribute("plan", result->plan);
              out.attribute(result->training ? "step_s" : "latency_s",
                            result->seconds);
              out.attribute("communication_s", result->communicationSeconds);
              out.attribute("peak_bytes", result->peakBytes);
              out.attribute("capacity_bytes", result->capacityBytes);
              out.attribute("fits", result->fits());
              out.attribute("fastest_that_fits", result == fastest);
              out.attribute("incomplete", result->incomplete);
            });
        }
      });
    });
    os << "\n";
    return;
  }
  for (const auto &key : order) {
    ArrayRef<const PlanResult *> group = groups[key];
    const PlanResult *fastest = getFastestFitting(group);
    os << "== @" << key.first << " on " << key.second->name << ": "
       << group.size() << " plans, one device each\n";
    const char *time = group.front()->training ? "step" : "latency";
    if (wide)
      os << llvm::format("  %-12s %14s %16s %16s %-14s\n", "plan",
                         (time + std::string("(us)")).c_str(),
                         "communication(us)", "memory(MB)", "fits");
    else
      os << llvm::format("  %-12s %9s %13s %9s %-14s\n", "plan", time,
                         "communication", "memory", "fits");
    for (const PlanResult *result : group) {
      if (wide)
        os << llvm::format(
            "  %-12s %14.3f %16.3f %16.3f %-14s", result->plan.c_str(),
            result->seconds * 1e6, result->communicationSeconds * 1e6,
            result->peakBytes / 1e6, result->fits() ? "fits" : "does not fit");
      else
        os << llvm::format(
            "  %-12s %9s %13s %9s %-14s", result->plan.c_str(),
            formatQuantity(result->seconds, "s").c_str(),
            formatQuantity(result->communicationSeconds, "s").c_str(),
            formatQuantity(result->peakBytes, "B").c_str(),
            result->fits() ? "fits" : "does not fit");
      os << (result == fastest ? " fastest that fits" : "")
         << (result->incomplete ? " (incomplete)" : "") << "\n";
    }
    if (!fastest)
      os << "  no plan fits\n";
    os << "\n";
  }
}
