//===- MemoryCostModels.cpp - Cost of memref, bufferization, ml_program ---===//
//
// Buffers and handles cost nothing to create or view; copies move their
// bytes once each way; element loads and stores move one element.
//
//===----------------------------------------------------------------------===//

#include "roof/CostModels/CostModels.h"

#include "roof/CostModels/CommonCostModels.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/MLProgram/IR/MLProgram.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/DialectRegistry.h"

using namespace mlir;
using namespace mlir::roof;

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
    memref::LoadOp::attachInterface<ElementReadCostModel<memref::LoadOp>>(
        *context);
    memref::StoreOp::attachInterface<ElementWriteCostModel<memref::StoreOp>>(
        *context);
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
  registry.addExtension(
      +[](MLIRContext *context, ml_program::MLProgramDialect *) {
        attachFreeOpCostModels<ml_program::GlobalLoadOp,
                               ml_program::GlobalLoadConstOp>(*context);
      });
}
