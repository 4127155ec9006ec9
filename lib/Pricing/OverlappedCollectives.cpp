//===- OverlappedCollectives.cpp - Collectives behind a matmul ------------===//

#include "roof/Pricing/OverlappedCollectives.h"

#include "roof/Pricing/Collectives.h"

#include <algorithm>

using namespace mlir;
using namespace mlir::roof;

/// Whether a collective of `kind` reduces or scatters what a matmul made
/// (and so runs behind that matmul) rather than gathers what one reads.
static bool followsItsProducer(CollectiveKind kind) {
  switch (kind) {
  case CollectiveKind::AllReduce:
  case CollectiveKind::ReduceScatter:
  case CollectiveKind::Reduce:
  case CollectiveKind::Scatter:
  case CollectiveKind::Send:
  case CollectiveKind::Shift:
    return true;
  default:
    return false;
  }
}

void roof::overlapCollectives(const FunctionKernels &analysis,
                              FunctionRoofline &priced) {
  // The kernel each op belongs to (the first, for a forward op that
  // several backward kernels are priced as).
  llvm::DenseMap<Operation *, unsigned> kernelOf;
  for (auto [i, facts] : llvm::enumerate(analysis.kernels))
    facts.op->walk([&, i = i](Operation *op) { kernelOf.try_emplace(op, i); });
  auto find = [&](Operation *op) -> KernelTime * {
    for (; op; op = op->getParentOp()) {
      auto found = kernelOf.find(op);
      if (found != kernelOf.end())
        return &priced.kernels[found->second];
    }
    return nullptr;
  };
  for (auto [facts, kernel] :
       llvm::zip_equal(analysis.kernels, priced.kernels)) {
    if (!facts.collective || !kernel.collective)
      continue;
    Operation *op = facts.op;
    KernelTime *neighbour = nullptr;
    if (followsItsProducer(facts.collective->kind)) {
      neighbour = op->getNumOperands() ? find(op->getOperand(0).getDefiningOp())
                                       : nullptr;
    } else if (op->getNumResults()) {
      for (Operation *user : op->getResult(0).getUsers())
        if ((neighbour = find(user)))
          break;
    }
    if (!neighbour || neighbour == &kernel ||
        neighbour->engine != Engine::Matrix)
      continue;
    kernel.overlappedSeconds =
        std::min(kernel.collective->seconds, neighbour->computeSeconds);
  }
}
