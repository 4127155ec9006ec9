//===- CommonCostModels.h - Cost models shared across dialects --*- C++ -*-===//
//
// Several dialects have ops that cost the same way: views and allocations are
// free, copies move their bytes once each way, element loads and stores move
// one element. Each shape of cost has one model here, attached by the
// dialects' register functions.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_COSTMODELS_COMMONCOSTMODELS_H
#define ROOF_COSTMODELS_COMMONCOSTMODELS_H

#include "roof/Analysis/CostOpInterface.h"
#include "roof/Analysis/ElementSize.h"
#include "roof/Analysis/ScalarArithmetic.h"

#include "mlir/IR/MLIRContext.h"

namespace mlir::roof {

/// Views, reshapes, allocations and metadata queries: no arithmetic, no data.
template <typename OpTy>
struct FreeOpCostModel
    : public CostOpInterface::ExternalModel<FreeOpCostModel<OpTy>, OpTy> {
  FailureOr<OpCost> getCost(Operation *, CostContext &) const {
    return OpCost();
  }
};

/// Attaches FreeOpCostModel to each of `OpTys`.
template <typename... OpTys> void attachFreeOpCostModels(MLIRContext &context) {
  (OpTys::template attachInterface<FreeOpCostModel<OpTys>>(context), ...);
}

/// Reads operand `Source` whole and writes operand `Dest` whole, or the
/// result when `Dest` is negative: copies and relayouts.
template <typename OpTy, unsigned Source, int Dest>
struct CopyCostModel
    : public CostOpInterface::ExternalModel<CopyCostModel<OpTy, Source, Dest>,
                                            OpTy> {
  FailureOr<OpCost> getCost(Operation *op, CostContext &ctx) const {
    OpCost cost;
    Value dest = Dest < 0 ? op->getResult(0) : op->getOperand(Dest);
    if (failed(ctx.addRead(cost, op->getOperand(Source), "the source")) ||
        failed(ctx.addWritten(cost, dest, "the destination")))
      return failure();
    return cost;
  }
};

/// Reads every operand once and writes every result once: ops that
/// materialize a new tensor from whole inputs (concat, pad, transpose, tile).
template <typename OpTy>
struct MaterializeCostModel
    : public CostOpInterface::ExternalModel<MaterializeCostModel<OpTy>, OpTy> {
  FailureOr<OpCost> getCost(Operation *op, CostContext &ctx) const {
    OpCost cost;
    if (failed(ctx.addOperandsRead(cost, op)) ||
        failed(ctx.addResultsWritten(cost, op)))
      return failure();
    return cost;
  }
};

/// Attaches MaterializeCostModel to each of `OpTys`.
template <typename... OpTys>
void attachMaterializeCostModels(MLIRContext &context) {
  (OpTys::template attachInterface<MaterializeCostModel<OpTys>>(context), ...);
}

/// The FLOPs of one element of an elementwise op, or std::nullopt.
using ElementCountFn = std::optional<ScalarOpCount> (*)(Operation *);

/// Elementwise ops (scalar, vector or tensor): FLOPs = result elements x
/// `Count(op)`; every operand read at its own size, every result written.
/// Constants are free: their bytes count where they are read, as weights.
template <typename OpTy, ElementCountFn Count>
struct ElementwiseCostModel
    : public CostOpInterface::ExternalModel<ElementwiseCostModel<OpTy, Count>,
                                            OpTy> {
  FailureOr<OpCost> getCost(Operation *op, CostContext &ctx) const {
    if (op->hasTrait<OpTrait::ConstantLike>())
      return OpCost();
    // Address arithmetic (on `index` values only) is free, inside payloads
    // and out (docs/cost-model.md).
    if (op->getNumOperands() != 0 &&
        llvm::all_of(op->getOperandTypes(),
                     [](Type type) { return type.isIndex(); }))
      return OpCost();
    std::optional<ScalarOpCount> count = Count(op);
    if (!count)
      return ctx.unknown("'" + op->getName().getStringRef() +
                         "' has no FLOP count");
    FailureOr<uint64_t> elements =
        ctx.resolveNumElements(op->getResult(0).getType(), "the result");
    if (failed(elements))
      return failure();
    OpCost cost;
    cost.flops = mulCounts(*elements, count->flops);
    cost.transcendentals = mulCounts(*elements, count->transcendentals);
    if (failed(ctx.addOperandsRead(cost, op)) ||
        failed(ctx.addResultsWritten(cost, op)))
      return failure();
    return cost;
  }
};

/// Attaches ElementwiseCostModel with `Count` to each of `OpTys`.
template <ElementCountFn Count, typename... OpTys>
void attachElementwiseCostModels(MLIRContext &context) {
  (OpTys::template attachInterface<ElementwiseCostModel<OpTys, Count>>(context),
   ...);
}

/// Copies a slice of operand 0 out: reads and writes the result's bytes
/// (and reads weights when the source is a weight).
template <typename OpTy>
struct SliceCostModel
    : public CostOpInterface::ExternalModel<SliceCostModel<OpTy>, OpTy> {
  FailureOr<OpCost> getCost(Operation *op, CostContext &ctx) const {
    FailureOr<uint64_t> bytes =
        ctx.resolveBytes(op->getResult(0).getType(), "the result");
    if (failed(bytes))
      return failure();
    OpCost cost;
    cost.bytesRead = cost.bytesWritten = *bytes;
    if (ctx.isWeight(op->getOperand(0)))
      cost.weightBytesRead = *bytes;
    return cost;
  }
};

/// Reads one element (the result) of the tensor or buffer in operand 0.
template <typename OpTy>
struct ElementReadCostModel
    : public CostOpInterface::ExternalModel<ElementReadCostModel<OpTy>, OpTy> {
  FailureOr<OpCost> getCost(Operation *op, CostContext &ctx) const {
    FailureOr<uint64_t> bits =
        ctx.resolveElementBits(op->getResult(0).getType(), "the element");
    if (failed(bits))
      return failure();
    OpCost cost;
    cost.bytesRead = getBytes(1, *bits);
    if (ctx.isWeight(op->getOperand(0)))
      cost.weightBytesRead = cost.bytesRead;
    return cost;
  }
};

/// Writes one element, the scalar in operand 0.
template <typename OpTy>
struct ElementWriteCostModel
    : public CostOpInterface::ExternalModel<ElementWriteCostModel<OpTy>, OpTy> {
  FailureOr<OpCost> getCost(Operation *op, CostContext &ctx) const {
    FailureOr<uint64_t> bits =
        ctx.resolveElementBits(op->getOperand(0).getType(), "the element");
    if (failed(bits))
      return failure();
    OpCost cost;
    cost.bytesWritten = getBytes(1, *bits);
    return cost;
  }
};

} // namespace mlir::roof

#endif // ROOF_COSTMODELS_COMMONCOSTMODELS_H
