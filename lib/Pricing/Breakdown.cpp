//===- Breakdown.cpp - Where a function's time goes, by group -------------===//

#include "roof/Pricing/Breakdown.h"

#include "roof/Analysis/OpClassification.h"
#include "roof/Pricing/NodeRoles.h"
#include "roof/Pricing/Roofline.h"

#include "llvm/ADT/StringMap.h"

using namespace mlir;
using namespace mlir::roof;

/// The kernels of `r` with a time grouped by `keyOf`, slowest first.
static SmallVector<TimeShare>
getTimeBy(const FunctionRoofline &r,
          llvm::function_ref<StringRef(const KernelTime &)> keyOf) {
  llvm::StringMap<TimeShare> groups;
  double total = 0;
  for (const KernelTime &kernel : r.kernels) {
    if (!kernel.hasTime())
      continue;
    StringRef key = keyOf(kernel);
    TimeShare &entry = groups[key];
    entry.key = key.str();
    ++entry.kernels;
    entry.seconds += kernel.seconds;
    entry.flops = addCounts(entry.flops, kernel.cost.flops);
    entry.bytes = addCounts(entry.bytes, kernel.cost.bytesMoved());
    entry.integer &= kernel.countsOps();
    total += kernel.seconds;
  }
  SmallVector<TimeShare> result;
  for (auto &entry : groups) {
    entry.second.share = total > 0 ? entry.second.seconds / total : 0;
    result.push_back(std::move(entry.second));
  }
  llvm::sort(result, [](const TimeShare &a, const TimeShare &b) {
    return a.seconds != b.seconds ? a.seconds > b.seconds : a.key < b.key;
  });
  return result;
}

SmallVector<TimeShare> roof::getTimeByOpType(const FunctionRoofline &r) {
  return getTimeBy(r, [](const KernelTime &kernel) {
    return getKernelRoot(kernel.op)->getName().getStringRef();
  });
}

SmallVector<TimeShare> roof::getTimeByClass(const FunctionRoofline &r) {
  return getTimeBy(r, [](const KernelTime &kernel) {
    return getKernelClassName(kernel.kernelClass);
  });
}

std::string roof::getScope(StringRef name, unsigned depth) {
  size_t end = 0;
  unsigned parts = 0;
  while (end < name.size() && parts < depth) {
    size_t start = name.find_first_not_of("/.", end);
    if (start == StringRef::npos)
      break;
    end = std::min(name.find_first_of("/.", start), name.size());
    ++parts;
  }
  size_t begin = std::min(name.find_first_not_of("/."), end);
  return name.slice(begin, end).str();
}

SmallVector<TimeShare> roof::getTimeByScope(const FunctionRoofline &r,
                                            unsigned depth) {
  // Keys must outlive the grouping: the scopes are made once.
  std::vector<std::string> scopes;
  scopes.reserve(r.kernels.size());
  for (const KernelTime &kernel : r.kernels) {
    StringRef name = getNodeName(kernel.op);
    scopes.push_back(name.empty() ? "(unnamed)" : getScope(name, depth));
  }
  return getTimeBy(r, [&](const KernelTime &kernel) -> StringRef {
    return scopes[&kernel - r.kernels.data()];
  });
}
