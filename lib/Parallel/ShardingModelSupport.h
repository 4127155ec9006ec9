//===- ShardingModelSupport.h - What Roof's sharding models share -*- C++
//-*-===//
//
// The ops Roof gives a ShardingInterface (ReshapeSharding.cpp,
// ConcatSharding.cpp, SoftmaxSharding.cpp) have one result: their models
// annotate operands and result alike, and each device's result is its part
// of the whole.
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

/// A ShardingInterface model of a one-result op that reads each operand
/// with the identity, over loops that are its result's dims, all parallel,
/// and needs one dim whole on every device (a concatenation's, a softmax's
/// reduced dim). `Model` gives getRank(op), getWholeDim(op) and partition.
template <typename Model, typename ConcreteOp>
struct WholeDimShardingModel
    : public OneResultShardingModel<Model, ConcreteOp> {
  SmallVector<utils::IteratorType> getLoopIteratorTypes(Operation *op) const {
    return SmallVector<utils::IteratorType>(
        Model::getRank(cast<ConcreteOp>(op)), utils::IteratorType::parallel);
  }

  SmallVector<AffineMap> getIndexingMaps(Operation *op) const {
    return SmallVector<AffineMap>(
        op->getNumOperands() + 1,
        AffineMap::getMultiDimIdentityMap(Model::getRank(cast<ConcreteOp>(op)),
                                          op->getContext()));
  }

  /// The result's sharding when it has one, else the first split
  /// operand's, without a split of the whole dim: an operand split there is
  /// gathered first.
  FailureOr<shard::ShardingOption>
  getShardingOption(Operation *op, ArrayRef<shard::Sharding> operandShardings,
                    ArrayRef<shard::Sharding> resultShardings) const {
    auto concrete = cast<ConcreteOp>(op);
    shard::Sharding given = resultShardings.front();
    for (shard::Sharding operand : operandShardings)
      if (!given && operand)
        given = operand;
    if (!given)
      return shard::ShardingOption::makeEmpty();
    shard::ShardingArray loops(Model::getRank(concrete));
    for (auto [dim, axes] : llvm::enumerate(given.getSplitAxes())) {
      if (dim >= loops.size() || axes.empty() ||
          static_cast<int64_t>(dim) == Model::getWholeDim(concrete))
        continue;
      loops[dim].assign(axes.asArrayRef().begin(), axes.asArrayRef().end());
    }
    return shard::ShardingOption(std::move(loops), given.getGridAttr());
  }

  /// Every operand and the result split as the loops are, but never on the
  /// whole dim.
  FailureOr<std::vector<shard::Sharding>>
  getShardingAnnotations(Operation *op,
                         const shard::ShardingOption &option) const {
    auto concrete = cast<ConcreteOp>(op);
    shard::ShardingArray loops = option.shardingArray;
    loops.resize(Model::getRank(concrete));
    loops[Model::getWholeDim(concrete)].clear();
    SmallVector<shard::GridAxesAttr> axes;
    for (const auto &split : loops)
      axes.push_back(shard::GridAxesAttr::get(op->getContext(), split));
    // As upstream writes them: without trailing unsplit dims (one stays).
    while (axes.size() > 1 && axes.back().empty())
      axes.pop_back();
    return std::vector<shard::Sharding>(
        op->getNumOperands() + 1, shard::Sharding::get(option.grid, axes));
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
