//===- MeasuredMatch.cpp - Predicted kernels against measured nodes -------===//

#include "roof/Measure/MeasuredMatch.h"

#include "llvm/ADT/EquivalenceClasses.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringSet.h"

using namespace mlir;
using namespace mlir::roof;

/// The names in `loc` (a fused kernel's location holds its members').
static SmallVector<std::string> getLocationNames(Location loc) {
  llvm::SetVector<StringRef> names;
  loc->walk([&](Location inner) {
    if (auto name = dyn_cast<NameLoc>(inner))
      names.insert(name.getName().getValue());
    return WalkResult::advance();
  });
  SmallVector<std::string> result;
  for (StringRef name : names)
    result.push_back(name.str());
  return result;
}

/// Element counts of every tensor or buffer `op` and the ops in it produce.
static void collectResultElements(Operation *op,
                                  llvm::DenseSet<int64_t> &elements) {
  op->walk([&](Operation *inner) {
    for (Type type : inner->getResultTypes())
      if (auto shaped = dyn_cast<ShapedType>(type);
          shaped && shaped.hasStaticShape())
        elements.insert(shaped.getNumElements());
  });
}

FailureOr<std::optional<FunctionMeasurement>>
roof::matchMeasurements(const FunctionRoofline &r,
                        const MeasuredProfile &profile, std::string &error) {
  FunctionMeasurement result;
  result.file = profile.file;
  result.setup = profile.setup;
  result.runs = profile.runs;

  // Kernels that share a profile node are one group.
  SmallVector<SmallVector<std::string>> names;
  llvm::StringMap<unsigned> firstKernelOf;
  llvm::EquivalenceClasses<unsigned> classes;
  for (auto [i, kernel] : llvm::enumerate(r.kernels)) {
    names.push_back({});
    for (std::string &name : getLocationNames(kernel.op->getLoc())) {
      if (!profile.nodes.count(name))
        continue;
      auto [it, inserted] = firstKernelOf.try_emplace(name, i);
      classes.insert(i);
      if (!inserted)
        classes.unionSets(it->second, i);
      names.back().push_back(std::move(name));
    }
  }
  if (firstKernelOf.empty())
    return std::optional<FunctionMeasurement>();

  llvm::DenseMap<unsigned, unsigned> groupOf;
  for (unsigned i = 0; i < r.kernels.size(); ++i) {
    if (!classes.contains(i))
      continue;
    unsigned leader = classes.getLeaderValue(i);
    auto [it, inserted] = groupOf.try_emplace(leader, result.groups.size());
    if (inserted)
      result.groups.emplace_back();
    MeasuredGroup &group = result.groups[it->second];
    group.kernels.push_back(i);
    for (const std::string &name : names[i])
      if (!llvm::is_contained(group.nodes, name))
        group.nodes.push_back(name);
  }

  unsigned checked = 0, disagreeing = 0;
  std::string firstDisagreement;
  for (MeasuredGroup &group : result.groups) {
    llvm::DenseSet<int64_t> elements;
    for (unsigned i : group.kernels) {
      const KernelTime &kernel = r.kernels[i];
      group.flops = addCounts(group.flops, kernel.cost.flops);
      group.bytes = addCounts(group.bytes, kernel.cost.bytesMoved());
      if (kernel.hasTime()) {
        group.predictedSeconds += kernel.seconds;
        group.roofSeconds +=
            std::max(kernel.computeSeconds, kernel.memorySeconds);
        if (!kernel.role.layoutOfContraction) {
          ClassTerms &terms =
              group.terms[getKernelClassName(kernel.kernelClass).str()];
          terms.overheads += kernel.role.principal;
          terms.compute += kernel.computeSeconds;
          terms.memory += kernel.memorySeconds;
          terms.output += kernel.outputSeconds;
        }
      }
      collectResultElements(kernel.op, elements);
    }
    llvm::stable_sort(group.kernels, [&](unsigned a, unsigned b) {
      return r.kernels[a].seconds > r.kernels[b].seconds;
    });
    for (const std::string &name : group.nodes) {
      const MeasuredNode &node = profile.nodes.find(name)->second;
      group.measuredSeconds += node.seconds;
      if (!node.outputElements)
        continue;
      ++checked;
      if (elements.contains(*node.outputElements))
        continue;
      if (!disagreeing++)
        firstDisagreement = "node '" + name + "' (" + node.opType + ") wrote " +
                            std::to_string(*node.outputElements) + " elements";
    }
    result.matchedSeconds += group.measuredSeconds;
  }
  if (checked && 2 * disagreeing > checked) {
    error = profile.file + ": " + firstDisagreement + ", a size no op of @" +
            r.function + " writes; " + std::to_string(disagreeing) + " of " +
            std::to_string(checked) +
            " matched nodes disagree: is it a profile of other input shapes?";
    return failure();
  }
  llvm::stable_sort(result.groups,
                    [](const MeasuredGroup &a, const MeasuredGroup &b) {
                      return a.measuredSeconds > b.measuredSeconds;
                    });

  for (const auto &[name, node] : profile.nodes) {
    result.nodeSeconds += node.seconds;
    if (!firstKernelOf.count(name))
      result.unmatched.emplace_back(name, node);
  }
  result.latencySeconds = profile.runSeconds.value_or(result.nodeSeconds);
  return std::optional<FunctionMeasurement>(std::move(result));
}
