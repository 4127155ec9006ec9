//===- ShardCostModels.cpp - Cost of shard ops ----------------------------===//
//
// The shard dialect's annotations, grid queries and process indices do no
// work. A collective's own cost is what it does in its device's memory: it
// reads its input and writes its result; what it sends between devices is
// priced over a system's links (Pricing/Collectives.h), not as FLOPs or
// bytes here. A reduction's additions are not counted: fewer than one per
// byte the collective sends.
//
//===----------------------------------------------------------------------===//

#include "roof/CostModels/CostModels.h"

#include "roof/CostModels/CommonCostModels.h"

#include "mlir/Dialect/Shard/IR/ShardDialect.h"
#include "mlir/Dialect/Shard/IR/ShardOps.h"
#include "mlir/IR/DialectRegistry.h"

using namespace mlir;
using namespace mlir::roof;

void roof::registerShardCostModels(DialectRegistry &registry) {
  registry.addExtension(+[](MLIRContext *context, shard::ShardDialect *) {
    attachFreeOpCostModels<
        shard::ShardingOp, shard::ShardOp, shard::GetShardingOp,
        shard::ShardShapeOp, shard::GridShapeOp, shard::ProcessMultiIndexOp,
        shard::ProcessLinearIndexOp, shard::NeighborsLinearIndicesOp>(*context);
    attachMaterializeCostModels<
        shard::AllReduceOp, shard::AllGatherOp, shard::ReduceScatterOp,
        shard::AllToAllOp, shard::AllSliceOp, shard::BroadcastOp,
        shard::GatherOp, shard::ScatterOp, shard::ReduceOp, shard::SendOp,
        shard::RecvOp, shard::ShiftOp>(*context);
  });
}
