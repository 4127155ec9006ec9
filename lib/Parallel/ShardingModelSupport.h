//===- ShardingModelSupport.h - What Roof's sharding models share -*- C++
//-*-===//
//
// The ops Roof gives a ShardingInterface (ReshapeSharding.cpp,
// ConcatSharding.cpp) have one result: their models annotate operands and
// result alike, and each device's result is its part of the whole.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_LIB_PARALLEL_SHARDINGMODELSUPPORT_H
#define ROOF_LIB_PARALLEL_SHARDINGMODELSUPPORT_H

#include "mlir/Dialect/Shard/IR/ShardOps.h"
#include "mlir/Dialect/Shard/Interfaces/ShardingInterface.h"
#include "mlir/IR/IRMapping.h"

namespace mlir::roof {

/// A ShardingInterface model of a one-result op whose `Model` gives
/// getShardingAnnotations (one sharding per tensor operand, then the
/// result's): it annotates them. A reshape's sizes after its source are
/// not annotated.
template <typename Model, typename ConcreteOp>
struct OneResultShardingModel
    : public shard::ShardingInterface::ExternalModel<Model, ConcreteOp> {
  LogicalResult
  addShardingAnnotations(Operation *op, OpBuilder &b,
                         const shard::ShardingOption &option) const {
    FailureOr<std::vector<shard::Sharding>> shardings =
        static_cast<const Model *>(this)->getShardingAnnotations(op, option);
    if (failed(shardings))
      return failure();
    for (auto [sharding, operand] :
         llvm::zip(ArrayRef(*shardings).drop_back(), op->getOpOperands()))
      shard::maybeInsertSourceShardingAnnotation(sharding, operand, b);
    shard::maybeInsertTargetShardingAnnotation(shardings->back(),
                                               op->getResult(0), b);
    return success();
  }
};

/// The type of one device's part of `op`'s `type` split by `sharding` (the
/// whole without one).
inline Type getDevicePartType(Operation *op, Type type,
                              shard::Sharding sharding,
                              SymbolTableCollection &symbolTable) {
  if (!sharding)
    return type;
  shard::GridOp grid = shard::getGrid(op, sharding.getGridAttr(), symbolTable);
  return shard::shardType(type, grid, sharding);
}

/// Records `local` as the partitioned form of `op` (one result each).
inline void mapPartitioned(Operation *op, Operation *local,
                           IRMapping &partitionMap) {
  partitionMap.map(op->getResult(0), local->getResult(0));
  partitionMap.map(op, local);
}

} // namespace mlir::roof

#endif // ROOF_LIB_PARALLEL_SHARDINGMODELSUPPORT_H
