//===- CostContext.h - What a cost model may ask about its op ---*- C++ -*-===//
//
// Cost models see their op through this context: sizes of dynamic dims as the
// user bound them, which values are weights, and a place to say why a cost is
// unknown.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_ANALYSIS_COSTCONTEXT_H
#define ROOF_ANALYSIS_COSTCONTEXT_H

#include "roof/Analysis/OpCost.h"
#include "roof/Analysis/OpCostRecord.h"
#include "roof/Analysis/WeightAnalysis.h"

#include "mlir/IR/BuiltinTypeInterfaces.h"

#include "mlir/IR/Value.h"
#include "mlir/Support/LLVM.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/Twine.h"

#include <map>
#include <optional>
#include <string>

namespace mlir::roof {

/// Options shared by every cost query.
struct CostOptions {
  /// The size every dynamic dimension takes; unset means dynamic dims make
  /// the op's cost unknown.
  std::optional<int64_t> dynamicDimSize;
  /// Which function arguments hold parameters (weights).
  WeightOptions weights;
};

class CostContext {
public:
  CostContext(const CostOptions &options, const WeightAnalysis &weights)
      : options(options), weights(weights) {}

  /// The size of a dimension: itself when static, the bound size when
  /// dynamic, failure (with the reason recorded) when dynamic and unbound.
  FailureOr<uint64_t> resolveDim(int64_t size, const Twine &what);

  /// The sizes of `type`'s dims with dynamic ones resolved; failure for an
  /// unranked type or an unbound dynamic dim.
  FailureOr<SmallVector<uint64_t>> resolveShape(ShapedType type,
                                                const Twine &what);

  /// Bits of one element of `type`; failure for types without a size.
  FailureOr<uint64_t> resolveElementBits(Type type, const Twine &what);

  /// The number of elements of a shaped `type` (1 for a scalar).
  FailureOr<uint64_t> resolveNumElements(Type type, const Twine &what);

  /// Bytes a value of `type` occupies in memory: elements x bits / 8 for a
  /// tensor or memref, 0 for a scalar or vector (it lives in registers).
  FailureOr<uint64_t> resolveBytes(Type type, const Twine &what);

  /// Adds the bytes of `value` to `cost`'s reads (and weight reads when it is
  /// a weight).
  LogicalResult addRead(OpCost &cost, Value value, const Twine &what);
  /// Adds the bytes of `value` to `cost`'s writes.
  LogicalResult addWritten(OpCost &cost, Value value, const Twine &what);
  /// Adds every operand of `op` to the reads, every result to the writes.
  LogicalResult addOperandsRead(OpCost &cost, Operation *op);
  LogicalResult addResultsWritten(OpCost &cost, Operation *op);

  /// Whether `value` holds weights.
  bool isWeight(Value value) const { return weights.isWeight(value); }
  /// Whether a deployment runs `op` ahead of time.
  bool isPrepared(Operation *op) const { return weights.isPrepared(op); }

  /// Records why the cost is unknown and returns failure, so a model can
  /// `return ctx.unknown("…")`.
  LogicalResult unknown(const Twine &reason);

  /// The reason of the last `unknown` call.
  StringRef getUnknownReason() const { return reason; }

  const CostOptions &getOptions() const { return options; }
  const WeightAnalysis &getWeights() const { return weights; }

  /// What computeOpCost found for `op` with this context: a kernel's members
  /// are costed for the kernel and, in the unfused view, on their own.
  llvm::DenseMap<Operation *, OpCostRecord> &getRecords() { return records; }

  /// An op's signature for the cost models whose cost it decides (a named
  /// structured op's: its payload and maps follow from its name and
  /// attributes): opaque pointers of the name, attributes, properties,
  /// operand and result types, and a mask of the operands that are weights.
  using Signature = SmallVector<const void *, 8>;
  /// Costs found by signature with this context: repeated layers of a model
  /// cost the same and are computed once.
  std::map<Signature, OpCost> &getSignatureCosts() { return signatureCosts; }

private:
  const CostOptions &options;
  const WeightAnalysis &weights;
  std::string reason;
  llvm::DenseMap<Operation *, OpCostRecord> records;
  std::map<Signature, OpCost> signatureCosts;
};

} // namespace mlir::roof

#endif // ROOF_ANALYSIS_COSTCONTEXT_H
