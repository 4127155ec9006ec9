//===- VectorCostModels.cpp - Cost of vector and affine ops ---------------===//
//
// Hand-written and lowered loop nests: `vector` arithmetic counts per lane,
// register shuffles are free, loads and stores move their elements; the
// `affine` dialect's loads and stores move one element and its index
// arithmetic is free (docs/cost-model.md).
//
//===----------------------------------------------------------------------===//

#include "roof/CostModels/CostModels.h"

#include "roof/CostModels/CommonCostModels.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/DialectRegistry.h"

using namespace mlir;
using namespace mlir::roof;

/// A fused multiply-add per lane: 2 FLOPs.
static std::optional<ScalarOpCount> countFma(Operation *) {
  return ScalarOpCount{2, 0};
}

namespace {
/// vector.reduction: combining N lanes takes N - 1 operations, and one more
/// with an accumulator; a register op, no memory traffic.
struct ReductionCostModel
    : public CostOpInterface::ExternalModel<ReductionCostModel,
                                            vector::ReductionOp> {
  FailureOr<OpCost> getCost(Operation *op, CostContext &ctx) const {
    auto reduction = cast<vector::ReductionOp>(op);
    FailureOr<uint64_t> lanes = ctx.resolveNumElements(
        reduction.getVector().getType(), "the reduced vector");
    if (failed(lanes))
      return failure();
    OpCost cost;
    cost.flops = *lanes == 0 ? 0 : *lanes - 1 + (reduction.getAcc() ? 1 : 0);
    return cost;
  }
};
} // namespace

void roof::registerVectorCostModels(DialectRegistry &registry) {
  registry.addExtension(+[](MLIRContext *context, vector::VectorDialect *) {
    attachElementwiseCostModels<countFma, vector::FMAOp>(*context);
    vector::ReductionOp::attachInterface<ReductionCostModel>(*context);
    // Moves between registers.
    attachFreeOpCostModels<
        vector::BroadcastOp, vector::ShuffleOp, vector::InterleaveOp,
        vector::DeinterleaveOp, vector::ExtractOp, vector::ToElementsOp,
        vector::FromElementsOp, vector::InsertOp, vector::InsertStridedSliceOp,
        vector::ExtractStridedSliceOp, vector::ShapeCastOp, vector::BitCastOp,
        vector::TypeCastOp, vector::ConstantMaskOp, vector::CreateMaskOp,
        vector::TransposeOp, vector::StepOp>(*context);
    vector::LoadOp::attachInterface<ElementReadCostModel<vector::LoadOp>>(
        *context);
    vector::StoreOp::attachInterface<ElementWriteCostModel<vector::StoreOp>>(
        *context);
  });
  registry.addExtension(+[](MLIRContext *context, affine::AffineDialect *) {
    attachFreeOpCostModels<affine::AffineApplyOp, affine::AffineMinOp,
                           affine::AffineMaxOp>(*context);
    affine::AffineLoadOp::attachInterface<
        ElementReadCostModel<affine::AffineLoadOp>>(*context);
    affine::AffineStoreOp::attachInterface<
        ElementWriteCostModel<affine::AffineStoreOp>>(*context);
  });
}
