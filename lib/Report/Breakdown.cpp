//===- Breakdown.cpp - Where a function's time goes, by op type -----------===//

#include "roof/Report/Breakdown.h"

#include "llvm/ADT/StringMap.h"

using namespace mlir;
using namespace mlir::roof;

SmallVector<OpTypeShare> roof::getTimeByOpType(const FunctionRoofline &r) {
  llvm::StringMap<OpTypeShare> byOp;
  double total = 0;
  for (const KernelTime &kernel : r.kernels) {
    if (!kernel.hasTime())
      continue;
    StringRef name = getKernelRoot(kernel.op)->getName().getStringRef();
    OpTypeShare &entry = byOp[name];
    entry.op = name.str();
    ++entry.kernels;
    entry.seconds += kernel.seconds;
    entry.flops = addCounts(entry.flops, kernel.cost.flops);
    entry.bytes = addCounts(entry.bytes, kernel.cost.bytesMoved());
    total += kernel.seconds;
  }
  SmallVector<OpTypeShare> result;
  for (auto &entry : byOp) {
    entry.second.share = total > 0 ? entry.second.seconds / total : 0;
    result.push_back(std::move(entry.second));
  }
  llvm::sort(result, [](const OpTypeShare &a, const OpTypeShare &b) {
    return a.seconds != b.seconds ? a.seconds > b.seconds : a.op < b.op;
  });
  return result;
}
