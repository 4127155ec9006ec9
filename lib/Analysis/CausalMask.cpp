//===- CausalMask.cpp - The share of a fused attention a causal mask keeps ===//

#include "roof/Analysis/CausalMask.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Shard/IR/ShardOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Transforms/RegionUtils.h"

using namespace mlir;
using namespace mlir::roof;

namespace {
/// A loop index plus a constant, as a mask's comparison reads it.
struct IndexTerm {
  unsigned loop;
  int64_t offset;
};

/// The causal comparison of a mask: loop `key` <= loop `query` + `offset`.
struct CausalCompare {
  unsigned key;
  unsigned query;
  int64_t offset;
};
} // namespace

/// `value` as `linalg.index` plus or minus a constant.
static std::optional<IndexTerm> matchIndexTerm(Value value) {
  if (auto index = value.getDefiningOp<linalg::IndexOp>())
    return IndexTerm{static_cast<unsigned>(index.getDim()), 0};
  Operation *op = value.getDefiningOp();
  if (!isa_and_nonnull<arith::AddIOp, arith::SubIOp>(op))
    return std::nullopt;
  APInt constant;
  for (unsigned side = 0; side < 2; ++side) {
    auto index = op->getOperand(side).getDefiningOp<linalg::IndexOp>();
    if (!index ||
        !matchPattern(op->getOperand(1 - side), m_ConstantInt(&constant)))
      continue;
    int64_t c = constant.getSExtValue();
    if (isa<arith::SubIOp>(op) && side == 1)
      return std::nullopt; // c - index counts down: not a causal mask.
    return IndexTerm{static_cast<unsigned>(index.getDim()),
                     isa<arith::SubIOp>(op) ? -c : c};
  }
  return std::nullopt;
}

/// `compare` as key <= query + offset, when it compares two loop indices
/// and a select reads it.
static std::optional<CausalCompare> matchCausal(arith::CmpIOp compare) {
  if (llvm::none_of(compare->getUsers(),
                    [](Operation *user) { return isa<arith::SelectOp>(user); }))
    return std::nullopt;
  std::optional<IndexTerm> lhs = matchIndexTerm(compare.getLhs());
  std::optional<IndexTerm> rhs = matchIndexTerm(compare.getRhs());
  if (!lhs || !rhs || lhs->loop == rhs->loop)
    return std::nullopt;
  using P = arith::CmpIPredicate;
  P predicate = compare.getPredicate();
  // lhs <= rhs + strict? -1 : 0, after swapping a >= or > comparison.
  bool swap = predicate == P::uge || predicate == P::sge ||
              predicate == P::ugt || predicate == P::sgt;
  bool strict = predicate == P::ult || predicate == P::slt ||
                predicate == P::ugt || predicate == P::sgt;
  if (predicate == P::eq || predicate == P::ne)
    return std::nullopt;
  if (swap)
    std::swap(lhs, rhs);
  return CausalCompare{lhs->loop, rhs->loop,
                       rhs->offset - lhs->offset - (strict ? 1 : 0)};
}

/// How many devices the kernel's K or V is all-gathered over, through
/// reshapes: 1 when neither is.
static uint64_t getGatheredDevices(KernelOp kernel) {
  llvm::SetVector<Value> inputs;
  getUsedValuesDefinedAbove(kernel.getBody(), inputs);
  for (Value input : inputs) {
    Value value = input;
    while (Operation *def = value.getDefiningOp()) {
      if (!isa<tensor::CollapseShapeOp, tensor::ExpandShapeOp>(def))
        break;
      value = def->getOperand(0);
    }
    auto gather = value.getDefiningOp<shard::AllGatherOp>();
    if (!gather)
      continue;
    auto grid = SymbolTable::lookupNearestSymbolFrom<shard::GridOp>(
        gather, gather.getGridAttr());
    if (!grid)
      continue;
    uint64_t devices = 1;
    for (shard::GridAxis axis : gather.getGridAxes())
      if (axis >= 0 && static_cast<size_t>(axis) < grid.getShape().size() &&
          grid.getShape()[axis] > 0)
        devices *= grid.getShape()[axis];
    return devices;
  }
  return 1;
}

std::optional<double> roof::getCausalShare(KernelOp kernel) {
  if (!kernel->hasAttr(kAttentionAttrName))
    return std::nullopt;
  std::optional<double> share;
  kernel.getBody().walk([&](linalg::GenericOp generic) {
    std::optional<CausalCompare> causal;
    generic.getRegion().walk([&](arith::CmpIOp compare) {
      if (!causal)
        causal = matchCausal(compare);
    });
    if (!causal)
      return WalkResult::advance();
    SmallVector<int64_t> loops = generic.getStaticLoopRanges();
    int64_t keys = loops[causal->key], queries = loops[causal->query];
    if (ShapedType::isDynamic(keys) || ShapedType::isDynamic(queries) ||
        keys < 1 || queries < 1)
      return WalkResult::advance();
    // Each device's queries are 1/G of the attention's, in balanced chunks:
    // its share is the whole attention's.
    uint64_t all = queries * getGatheredDevices(kernel);
    // Query q keeps keys 0 .. q + offset, at most all of them.
    double kept = 0;
    int64_t offset = causal->offset;
    // Whole rows from the query whose keys all pass; before that the kept
    // count grows by one a query (an arithmetic series).
    auto keptOf = [&](int64_t q) {
      return std::clamp<int64_t>(q + offset + 1, 0, keys);
    };
    int64_t firstFull = std::clamp<int64_t>(keys - 1 - offset, 0, all);
    int64_t firstSome = std::clamp<int64_t>(-offset, 0, firstFull);
    // Queries firstSome .. firstFull - 1 keep 1 + q + offset keys each.
    int64_t n = firstFull - firstSome;
    if (n > 0)
      kept +=
          0.5 * double(n) * double(keptOf(firstSome) + keptOf(firstFull - 1));
    kept += double(all - firstFull) * double(keys);
    share = kept / (double(all) * double(keys));
    return WalkResult::interrupt();
  });
  return share;
}
