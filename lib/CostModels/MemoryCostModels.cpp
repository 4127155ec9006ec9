//===- MemoryCostModels.cpp - Cost of memref, bufferization, ml_program ---===//
//
// Buffers and handles cost nothing to create or view; copies move their
// bytes once each way; element loads and stores move one element.
//
//===----------------------------------------------------------------------===//

#include "roof/CostModels/CostModels.h"

#include "roof/Analysis/CostOpInterface.h"
#include "roof/Analysis/ElementSize.h"
#include "roof/CostModels/FreeOpCostModel.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/MLProgram/IR/MLProgram.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/DialectRegistry.h"

using namespace mlir;
using namespace mlir::roof;

namespace {
/// Reads operand `Source` whole and writes operand `Dest` (or, with
/// Dest < 0, the result) whole.
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

struct LoadCostModel
    : public CostOpInterface::ExternalModel<LoadCostModel, memref::LoadOp> {
  FailureOr<OpCost> getCost(Operation *op, CostContext &ctx) const {
    auto load = cast<memref::LoadOp>(op);
    FailureOr<uint64_t> bits =
        ctx.resolveElementBits(load.getType(), "the element");
    if (failed(bits))
      return failure();
    OpCost cost;
    cost.bytesRead = getBytes(1, *bits);
    if (ctx.isWeight(load.getMemRef()))
      cost.weightBytesRead = cost.bytesRead;
    return cost;
  }
};

struct StoreCostModel
    : public CostOpInterface::ExternalModel<StoreCostModel, memref::StoreOp> {
  FailureOr<OpCost> getCost(Operation *op, CostContext &ctx) const {
    auto store = cast<memref::StoreOp>(op);
    FailureOr<uint64_t> bits = ctx.resolveElementBits(
        store.getValueToStore().getType(), "the element");
    if (failed(bits))
      return failure();
    OpCost cost;
    cost.bytesWritten = getBytes(1, *bits);
    return cost;
  }
};
} // namespace

void roof::registerMemoryCostModels(DialectRegistry &registry) {
  registry.addExtension(+[](MLIRContext *context, memref::MemRefDialect *) {
    attachFreeOpCostModels<
        memref::AssumeAlignmentOp, memref::AllocOp, memref::AllocaOp,
        memref::CastOp, memref::CollapseShapeOp, memref::DeallocOp,
        memref::DimOp, memref::ExpandShapeOp,
        memref::ExtractAlignedPointerAsIndexOp,
        memref::ExtractStridedMetadataOp, memref::GetGlobalOp,
        memref::MemorySpaceCastOp, memref::RankOp, memref::ReinterpretCastOp,
        memref::ReshapeOp, memref::TransposeOp, memref::ViewOp,
        memref::SubViewOp>(*context);
    memref::CopyOp::attachInterface<CopyCostModel<memref::CopyOp, 0, 1>>(
        *context);
    memref::LoadOp::attachInterface<LoadCostModel>(*context);
    memref::StoreOp::attachInterface<StoreCostModel>(*context);
  });
  registry.addExtension(+[](MLIRContext *context,
                            bufferization::BufferizationDialect *) {
    attachFreeOpCostModels<bufferization::AllocTensorOp,
                           bufferization::DeallocTensorOp,
                           bufferization::DeallocOp, bufferization::ToBufferOp,
                           bufferization::ToTensorOp>(*context);
    bufferization::CloneOp::attachInterface<
        CopyCostModel<bufferization::CloneOp, 0, -1>>(*context);
    bufferization::MaterializeInDestinationOp::attachInterface<
        CopyCostModel<bufferization::MaterializeInDestinationOp, 0, 1>>(
        *context);
  });
  registry.addExtension(+[](MLIRContext *context,
                            ml_program::MLProgramDialect *) {
    attachFreeOpCostModels<ml_program::GlobalLoadOp,
                           ml_program::GlobalLoadConstOp>(*context);
  });
}
