//===- NodeRoles.cpp - Which kernels of a node carry its costs ------------===//

#include "roof/Pricing/NodeRoles.h"

#include "roof/Analysis/OpClassification.h"
#include "roof/Pricing/Roofline.h"

#include "llvm/ADT/StringMap.h"

using namespace mlir;
using namespace mlir::roof;

StringRef roof::getNodeName(Operation *op) {
  Location loc = getKernelRoot(op)->getLoc();
  // The common leaves answer without the generic walk, the slow path.
  if (auto named = dyn_cast<NameLoc>(loc))
    return named.getName().getValue();
  if (isa<FileLineColLoc, UnknownLoc>(loc))
    return {};
  StringRef name;
  loc->walk([&](Location inner) {
    if (auto named = dyn_cast<NameLoc>(inner)) {
      name = named.getName().getValue();
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return name;
}

SmallVector<KernelRole>
roof::getKernelRoles(ArrayRef<std::pair<Operation *, OpCost>> kernels) {
  SmallVector<KernelRole> roles(kernels.size());
  // Per node: its principal kernel so far, and whether it is a contraction.
  llvm::StringMap<unsigned> principalOf;
  SmallVector<bool> contraction(kernels.size());
  SmallVector<StringRef> names(kernels.size());
  auto rank = [&](unsigned i) {
    const OpCost &cost = kernels[i].second;
    return std::make_tuple(contraction[i], cost.flops, cost.bytesMoved());
  };
  for (auto [i, kernel] : llvm::enumerate(kernels)) {
    contraction[i] = isContraction(getKernelRoot(kernel.first));
    names[i] = getNodeName(kernel.first);
    if (names[i].empty())
      continue;
    auto [it, inserted] = principalOf.try_emplace(names[i], i);
    if (!inserted && rank(i) > rank(it->second))
      it->second = i;
  }
  for (auto [i, kernel] : llvm::enumerate(kernels)) {
    if (names[i].empty())
      continue;
    unsigned principal = principalOf.lookup(names[i]);
    roles[i].principal = principal == i;
    roles[i].layoutOfContraction =
        principal != i && contraction[principal] && kernel.second.flops == 0;
  }
  return roles;
}
