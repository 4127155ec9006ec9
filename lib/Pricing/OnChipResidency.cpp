//===- OnChipResidency.cpp - Intermediates kept in on-chip memory ---------===//

#include "roof/Pricing/OnChipResidency.h"

#include "roof/Analysis/OpClassification.h"
#include "roof/Dialect/RoofDialect.h"
#include "roof/Pricing/Roofline.h"

#include "llvm/ADT/DenseMap.h"

#include <algorithm>

using namespace mlir;
using namespace mlir::roof;

namespace {
/// The kernels of a function in run order, and the ops around them: the
/// body's ops, and in the unfused view the members of each fused kernel in
/// its place.
struct Schedule {
  explicit Schedule(Block &body) : body(body) {}

  Block &body;
  llvm::DenseMap<Operation *, unsigned> pos;

  /// Whether `op` runs as a step of the schedule (a kernel, or a view or
  /// terminator between kernels).
  bool isStep(Operation *op) const {
    if (op->getBlock() == &body)
      return true;
    auto kernel = dyn_cast_or_null<KernelOp>(op->getParentOp());
    return kernel && kernel->getBlock() == &body && !pos.count(kernel);
  }
};
} // namespace

/// Collects the kernels that read `value`, directly or through views that
/// are not kernels themselves. Returns false when the value must reach
/// off-chip memory anyway: the function returns it, or an op that is
/// neither a kernel nor a view reads it (a loop, an op without a cost).
static bool collectConsumers(Value value, unsigned producer,
                             const Schedule &schedule, Intermediate &out) {
  SmallVector<Value> pending{value};
  while (!pending.empty()) {
    Value current = pending.pop_back_val();
    for (OpOperand &use : current.getUses()) {
      Operation *user = use.getOwner();
      // The kernel or step that runs the use: the user or an op around it.
      Operation *top = user;
      while (top && !schedule.pos.count(top) && !schedule.isStep(top))
        top = top->getParentOp();
      if (!top)
        return false;
      auto it = schedule.pos.find(top);
      if (it != schedule.pos.end()) {
        if (it->second != producer)
          out.consumers.push_back(it->second);
        continue;
      }
      if (top != user)
        return false;
      // Unfused, a member's value leaves its kernel through the yield.
      if (isa<YieldOp>(user)) {
        pending.push_back(
            user->getParentOp()->getResult(use.getOperandNumber()));
        continue;
      }
      if (getViewSource(user) != current)
        return false;
      llvm::append_range(pending, user->getResults());
    }
  }
  llvm::sort(out.consumers);
  out.consumers.erase(llvm::unique(out.consumers), out.consumers.end());
  if (out.consumers.empty() || out.consumers.front() < producer)
    return false;
  out.last = out.consumers.back();
  return true;
}

SmallVector<Intermediate>
roof::findIntermediates(FunctionOpInterface fn, ArrayRef<KernelFacts> kernels,
                        const RooflineOptions &options) {
  SmallVector<Intermediate> found;
  if (fn.isExternal() || kernels.empty())
    return found;
  Schedule schedule(fn.getFunctionBody().front());
  for (auto [i, kernel] : llvm::enumerate(kernels))
    if (schedule.isStep(kernel.op))
      schedule.pos[kernel.op] = i;

  for (auto [op, producer] : schedule.pos) {
    for (Value result : op->getResults()) {
      std::optional<uint64_t> bytes =
          getDeployedBytes(result.getType(), options);
      Intermediate tensor;
      tensor.producer = producer;
      if (!bytes || *bytes == 0 ||
          !collectConsumers(result, producer, schedule, tensor))
        continue;
      tensor.bytes = *bytes;
      found.push_back(std::move(tensor));
    }
  }
  // Short lifetimes first: they hold on-chip memory for the fewest kernels.
  llvm::sort(found, [](const Intermediate &a, const Intermediate &b) {
    return std::make_pair(a.last - a.producer, a.producer) <
           std::make_pair(b.last - b.producer, b.producer);
  });
  return found;
}

void roof::applyOnChipResidency(ArrayRef<Intermediate> intermediates,
                                FunctionRoofline &r) {
  const Target &target = *r.target;
  ArrayRef<MemoryLevel> caches = target.getCacheLevels();
  if (caches.empty() || r.kernels.empty())
    return;
  unsigned main = target.levels.size() - 1;

  // Bytes each cache level holds while each kernel runs.
  SmallVector<SmallVector<uint64_t>> held(
      caches.size(), SmallVector<uint64_t>(r.kernels.size(), 0));
  // Bytes of each kernel's reads and writes still charged to main memory.
  SmallVector<uint64_t> reads, writes;
  for (const KernelTime &kernel : r.kernels) {
    reads.push_back(kernel.cost.bytesRead - kernel.cost.weightBytesRead);
    writes.push_back(kernel.cost.bytesWritten);
  }
  for (const Intermediate &tensor : intermediates) {
    // The innermost level with room for it over its whole life.
    std::optional<unsigned> chosen;
    for (auto [i, level] : llvm::enumerate(caches)) {
      double usable = level.getUsableBytes();
      auto span = ArrayRef(held[i]).slice(tensor.producer,
                                          tensor.last - tensor.producer + 1);
      if (tensor.bytes <= usable &&
          *llvm::max_element(span) + tensor.bytes <= usable) {
        chosen = i;
        break;
      }
    }
    if (!chosen)
      continue;
    for (unsigned i = tensor.producer; i <= tensor.last; ++i)
      held[*chosen][i] += tensor.bytes;
    auto serve = [&](unsigned kernel, uint64_t &remaining, bool write) {
      uint64_t bytes = std::min(tensor.bytes, remaining);
      remaining -= bytes;
      SmallVector<LevelBytes, 2> &levels = r.kernels[kernel].levelBytes;
      uint64_t LevelBytes::*side =
          write ? &LevelBytes::written : &LevelBytes::read;
      levels[*chosen].*side += bytes;
      levels[main].*side -= bytes;
    };
    serve(tensor.producer, writes[tensor.producer], /*write=*/true);
    for (unsigned consumer : tensor.consumers)
      serve(consumer, reads[consumer], /*write=*/false);
  }
  SmallVector<uint64_t> together(r.kernels.size(), 0);
  for (auto [i, levelHeld] : llvm::enumerate(held)) {
    r.summary.levels[i].peakHeldBytes = *llvm::max_element(levelHeld);
    for (auto [sum, bytes] : llvm::zip_equal(together, levelHeld))
      sum += bytes;
  }
  r.summary.peakOnChipBytes = *llvm::max_element(together);
}
