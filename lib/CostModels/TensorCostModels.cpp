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

void roof::registerTensorCostModels(DialectRegistry &registry) {
  registry.addExtension(+[](MLIRContext *context, tensor::TensorDialect *) {
    attachFreeOpCostModels<tensor::EmptyOp, tensor::ExpandShapeOp,
                           tensor::CollapseShapeOp, tensor::ReshapeOp,
                           tensor::CastOp, tensor::BitcastOp, tensor::DimOp,
                           tensor::RankOp>(*context);
    attachMaterializeCostModels<tensor::PadOp, tensor::ConcatOp,
                                tensor::FromElementsOp, tensor::SplatOp>(
        *context);
    tensor::ExtractSliceOp::attachInterface<
        SliceCostModel<tensor::ExtractSliceOp>>(*context);
    tensor::InsertSliceOp::attachInterface<InsertSliceCostModel>(*context);
    tensor::ExtractOp::attachInterface<ElementReadCostModel<tensor::ExtractOp>>(
        *context);
    tensor::InsertOp::attachInterface<ElementWriteCostModel<tensor::InsertOp>>(
        *context);
  });
}
