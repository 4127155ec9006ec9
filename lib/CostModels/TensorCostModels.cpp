//===- TensorCostModels.cpp - Cost of tensor ops --------------------------===//
//
// Reshapes, casts and `tensor.empty` are views or allocations: free. Ops that
// materialize data move the bytes of what they copy: pad and concat write
// their whole result; slices move only the slice.
//
//===----------------------------------------------------------------------===//

#include "roof/CostModels/CostModels.h"

#include "roof/CostModels/CommonCostModels.h"

#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/DialectRegistry.h"

using namespace mlir;
using namespace mlir::roof;

namespace {
/// Reads every tensor operand once and writes the result once: pad, concat,
/// from_elements, splat.
template <typename OpTy>
struct MaterializeCostModel
    : public CostOpInterface::ExternalModel<MaterializeCostModel<OpTy>, OpTy> {
  FailureOr<OpCost> getCost(Operation *op, CostContext &ctx) const {
    OpCost cost;
    for (OpOperand &operand : op->getOpOperands())
      if (failed(ctx.addRead(cost, operand.get(),
                             "operand " + Twine(operand.getOperandNumber()))))
        return failure();
    if (failed(ctx.addWritten(cost, op->getResult(0), "the result")))
      return failure();
    return cost;
  }
};

/// extract_slice copies the slice out: it reads and writes the result's
/// bytes (and reads weights when its source is a weight).
struct ExtractSliceCostModel
    : public CostOpInterface::ExternalModel<ExtractSliceCostModel,
                                            tensor::ExtractSliceOp> {
  FailureOr<OpCost> getCost(Operation *op, CostContext &ctx) const {
    auto slice = cast<tensor::ExtractSliceOp>(op);
    FailureOr<uint64_t> bytes = ctx.resolveBytes(slice.getType(), "the result");
    if (failed(bytes))
      return failure();
    OpCost cost;
    cost.bytesRead = cost.bytesWritten = *bytes;
    if (ctx.isWeight(slice.getSource()))
      cost.weightBytesRead = *bytes;
    return cost;
  }
};

/// insert_slice writes its source into the destination in place: it reads
/// and writes the source's bytes; the rest of the destination is untouched.
struct InsertSliceCostModel
    : public CostOpInterface::ExternalModel<InsertSliceCostModel,
                                            tensor::InsertSliceOp> {
  FailureOr<OpCost> getCost(Operation *op, CostContext &ctx) const {
    auto insert = cast<tensor::InsertSliceOp>(op);
    OpCost cost;
    if (failed(ctx.addRead(cost, insert.getSource(), "the source")) ||
        failed(ctx.addWritten(cost, insert.getSource(), "the source")))
      return failure();
    return cost;
  }
};

} // namespace

template <typename... OpTys>
static void attachMaterializeCostModels(MLIRContext &context) {
  (OpTys::template attachInterface<MaterializeCostModel<OpTys>>(context), ...);
}

void roof::registerTensorCostModels(DialectRegistry &registry) {
  registry.addExtension(+[](MLIRContext *context, tensor::TensorDialect *) {
    attachFreeOpCostModels<tensor::EmptyOp, tensor::ExpandShapeOp,
                           tensor::CollapseShapeOp, tensor::ReshapeOp,
                           tensor::CastOp, tensor::BitcastOp, tensor::DimOp,
                           tensor::RankOp>(*context);
    attachMaterializeCostModels<tensor::PadOp, tensor::ConcatOp,
                                tensor::FromElementsOp, tensor::SplatOp>(
        *context);
    tensor::ExtractSliceOp::attachInterface<ExtractSliceCostModel>(*context);
    tensor::InsertSliceOp::attachInterface<InsertSliceCostModel>(*context);
    tensor::ExtractOp::attachInterface<ElementReadCostModel<tensor::ExtractOp>>(
        *context);
    tensor::InsertOp::attachInterface<ElementWriteCostModel<tensor::InsertOp>>(
        *context);
  });
}
