//===- Footprint.cpp - Distinct elements an indexing map touches ----------===//
//
// An operand's footprint is a product of per-dimension counts when each loop
// dim feeds one result of the map (the common case: matmul, conv,
// broadcast). Per dimension, `c0*d0 + c1*d1 + k` takes as many distinct
// values as the set {c0*i + c1*j} has members, which a small bitset walk
// counts exactly (a stride-2 conv with a 1x1 window touches every other row).
//
//===----------------------------------------------------------------------===//

#include "roof/Analysis/Footprint.h"

#include "roof/Analysis/OpCost.h"

#include "mlir/IR/AffineExpr.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/SmallBitVector.h"

#include <algorithm>
#include <cstdlib>
#include <optional>

using namespace mlir;
using namespace mlir::roof;

namespace {
/// `sum(coefficients[i] * d_i) + constant`.
struct LinearForm {
  SmallVector<int64_t> coefficients;
  int64_t constant = 0;
};
} // namespace

/// Writes `expr` as a linear form over `numDims` dims, or std::nullopt when it
/// is not one (mod, floordiv, symbols, products of dims).
static std::optional<LinearForm> linearize(AffineExpr expr, unsigned numDims) {
  LinearForm form;
  form.coefficients.assign(numDims, 0);
  if (auto dim = dyn_cast<AffineDimExpr>(expr)) {
    form.coefficients[dim.getPosition()] = 1;
    return form;
  }
  if (auto cst = dyn_cast<AffineConstantExpr>(expr)) {
    form.constant = cst.getValue();
    return form;
  }
  auto binary = dyn_cast<AffineBinaryOpExpr>(expr);
  if (!binary)
    return std::nullopt;
  std::optional<LinearForm> lhs = linearize(binary.getLHS(), numDims);
  std::optional<LinearForm> rhs = linearize(binary.getRHS(), numDims);
  if (!lhs || !rhs)
    return std::nullopt;
  // A coefficient past int64 is no linear form Roof can count with.
  if (binary.getKind() == AffineExprKind::Add) {
    for (unsigned i = 0; i < numDims; ++i)
      if (llvm::AddOverflow(lhs->coefficients[i], rhs->coefficients[i],
                            lhs->coefficients[i]))
        return std::nullopt;
    if (llvm::AddOverflow(lhs->constant, rhs->constant, lhs->constant))
      return std::nullopt;
    return lhs;
  }
  if (binary.getKind() != AffineExprKind::Mul)
    return std::nullopt;
  // Affine products have a constant on one side.
  bool rhsIsConstant =
      llvm::all_of(rhs->coefficients, [](int64_t c) { return c == 0; });
  LinearForm &scaled = rhsIsConstant ? *lhs : *rhs;
  int64_t factor = rhsIsConstant ? rhs->constant : lhs->constant;
  for (int64_t &c : scaled.coefficients)
    if (llvm::MulOverflow(c, factor, c))
      return std::nullopt;
  if (llvm::MulOverflow(scaled.constant, factor, scaled.constant))
    return std::nullopt;
  return scaled;
}

/// Largest span of values the exact bitset walk handles; beyond it the count
/// is bounded by the span and the product of ranges instead.
static constexpr uint64_t kMaxExactSpan = 1u << 22;

uint64_t roof::countDistinctValues(AffineExpr expr,
                                   ArrayRef<uint64_t> loopRanges,
                                   uint64_t limit) {
  std::optional<LinearForm> form = linearize(expr, loopRanges.size());
  if (!form)
    return limit;

  // Terms that move: nonzero coefficient over a range of more than one value.
  SmallVector<std::pair<uint64_t, uint64_t>> terms; // (|coefficient|, range)
  for (auto [coefficient, range] : llvm::zip(form->coefficients, loopRanges)) {
    if (range == 0)
      return 0;
    if (coefficient == INT64_MIN)
      return limit;
    if (coefficient != 0 && range > 1)
      terms.push_back({static_cast<uint64_t>(std::llabs(coefficient)), range});
  }
  if (terms.empty())
    return std::min<uint64_t>(1, limit);
  if (terms.size() == 1)
    return std::min(terms.front().second, limit);

  uint64_t span = 1, product = 1;
  for (auto [coefficient, range] : terms) {
    span = addCounts(span, mulCounts(coefficient, range - 1));
    product = product > limit ? product : mulCounts(product, range);
  }
  uint64_t bound = std::min({span, product, limit});
  if (span > kMaxExactSpan)
    return bound;

  // Reachable offsets from the smallest value, one term at a time.
  llvm::BitVector reached(span), next(span);
  reached.set(0);
  for (auto [coefficient, range] : terms) {
    next.reset();
    for (int offset = reached.find_first(); offset != -1;
         offset = reached.find_next(offset))
      for (uint64_t k = 0; k < range; ++k)
        next.set(offset + k * coefficient);
    std::swap(reached, next);
  }
  return std::min<uint64_t>(reached.count(), limit);
}

uint64_t roof::countTouchedElements(AffineMap map,
                                    ArrayRef<uint64_t> loopRanges,
                                    ArrayRef<uint64_t> operandShape) {
  uint64_t operandElements = 1;
  for (uint64_t size : operandShape)
    operandElements = mulCounts(operandElements, size);
  if (operandElements == 0)
    return 0;

  // The per-result counts multiply only when no loop dim feeds two results
  // (A[i, i] touches a diagonal, not a square); otherwise the dims used
  // bound the count.
  uint64_t product = 1;
  llvm::SmallBitVector used(loopRanges.size());
  bool disjoint = true;
  for (auto [result, size] : llvm::zip(map.getResults(), operandShape)) {
    product = mulCounts(product, countDistinctValues(result, loopRanges, size));
    if (product > operandElements)
      product = operandElements;
    for (unsigned d = 0; d < loopRanges.size(); ++d) {
      if (!result.isFunctionOfDim(d))
        continue;
      disjoint &= !used.test(d);
      used.set(d);
    }
  }
  if (!disjoint) {
    uint64_t domain = 1;
    for (int d = used.find_first(); d != -1; d = used.find_next(d))
      domain = std::min(mulCounts(domain, loopRanges[d]), operandElements);
    product = std::min(product, domain);
  }
  return std::min(product, operandElements);
}
