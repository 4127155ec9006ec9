//===- GatherSharding.cpp - An embedding's gather in the sharding passes --===//

#include "roof/Parallel/GatherSharding.h"

#include "mlir/Dialect/Shard/IR/ShardOps.h"
#include "mlir/Dialect/Shard/Interfaces/ShardingInterface.h"
#include "mlir/Dialect/Shard/Interfaces/ShardingInterfaceImpl.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/IRMapping.h"

using namespace mlir;
using namespace mlir::roof;

namespace {
/// The ShardingInterface of tosa.gather(values [N, K, C], indices [N, W])
/// -> [N, W, C]. Loops (n, w, c, k): the first three parallel, k a sum over
/// the table's rows, since the row an index names is on one device and the
/// others contribute nothing. The default propagation works from these.
struct GatherShardingModel
    : public shard::ShardingInterface::ExternalModel<GatherShardingModel,
                                                     tosa::GatherOp> {
  SmallVector<utils::IteratorType> getLoopIteratorTypes(Operation *) const {
    return {utils::IteratorType::parallel, utils::IteratorType::parallel,
            utils::IteratorType::parallel, utils::IteratorType::reduction};
  }

  SmallVector<shard::ReductionKind>
  getReductionLoopIteratorKinds(Operation *) const {
    return {shard::ReductionKind::Sum};
  }

  SmallVector<AffineMap> getIndexingMaps(Operation *op) const {
    MLIRContext *context = op->getContext();
    auto map = [&](ArrayRef<unsigned> loops) {
      return AffineMap::getMultiDimMapWithTargets(4, loops, context);
    };
    return {map({0, 3, 2}), map({0, 1}), map({0, 1, 2})};
  }

  /// Each device looks the indices up in its part of the table; when the
  /// table's rows are split, the parts are summed over those grid axes.
  /// (A runtime offsets the indices and zeroes the rows it does not hold,
  /// which costs no more than the lookup.)
  LogicalResult partition(Operation *op, ArrayRef<Value> partitionedOperands,
                          ArrayRef<shard::Sharding> operandShardings,
                          ArrayRef<shard::Sharding> resultShardings,
                          IRMapping &partitionMap,
                          SymbolTableCollection &symbolTable,
                          OpBuilder &builder) const {
    SmallVector<utils::IteratorType> loops = getLoopIteratorTypes(op);
    shard::ShardingArray assignment =
        shard::getGridAxisAssignmentForLoopIterators(
            operandShardings, resultShardings, loops, getIndexingMaps(op));
    shard::partitionTriviallyShardableOperation(
        *op, partitionedOperands, operandShardings, resultShardings,
        partitionMap, symbolTable, builder);
    if (!shard::isAtLeastOneReductionIteratorSharded(loops, assignment))
      return success();
    Value local = partitionMap.lookup(op->getResult(0));
    auto sum = shard::AllReduceOp::create(
        builder, op->getLoc(), local,
        operandShardings.front().getGridAttr().getValue(),
        shard::getReductionGridAxes(loops, assignment),
        shard::ReductionKind::Sum);
    partitionMap.map(op->getResult(0), sum.getResult());
    return success();
  }
};
} // namespace

void roof::registerGatherShardingModel(DialectRegistry &registry) {
  registry.addExtension(+[](MLIRContext *context, tosa::TosaDialect *) {
    tosa::GatherOp::attachInterface<GatherShardingModel>(*context);
  });
}
