//===- ConcatSharding.cpp - Concatenation in upstream's sharding passes ---===//

#include "roof/Parallel/ConcatSharding.h"

#include "ShardingModelSupport.h"

#include "mlir/Dialect/Shard/IR/ShardOps.h"
#include "mlir/Dialect/Shard/Interfaces/ShardingInterface.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/IRMapping.h"

using namespace mlir;
using namespace mlir::roof;
using shard::GridAxesAttr;
using shard::Sharding;
using shard::ShardingArray;
using shard::ShardingOption;

namespace {
/// The ShardingInterface of a tensor.concat. Its loops are its result's
/// dims, all parallel; each input is read with the identity, the
/// concatenated dim at an offset the sharding passes need not know, since
/// that dim is never split.
struct ConcatShardingModel
    : public OneResultShardingModel<ConcatShardingModel, tensor::ConcatOp> {
  SmallVector<utils::IteratorType> getLoopIteratorTypes(Operation *op) const {
    return SmallVector<utils::IteratorType>(
        cast<tensor::ConcatOp>(op).getResultType().getRank(),
        utils::IteratorType::parallel);
  }

  SmallVector<AffineMap> getIndexingMaps(Operation *op) const {
    auto concat = cast<tensor::ConcatOp>(op);
    return SmallVector<AffineMap>(
        op->getNumOperands() + 1,
        AffineMap::getMultiDimIdentityMap(concat.getResultType().getRank(),
                                          op->getContext()));
  }

  /// The result's sharding when it has one, else the first split input's,
  /// without a split of the concatenated dim: each device would hold a part
  /// of some inputs and none of others, so such an input is gathered first.
  FailureOr<ShardingOption>
  getShardingOption(Operation *op, ArrayRef<Sharding> operandShardings,
                    ArrayRef<Sharding> resultShardings) const {
    auto concat = cast<tensor::ConcatOp>(op);
    Sharding given = resultShardings.front();
    for (Sharding operand : operandShardings)
      if (!given && operand)
        given = operand;
    if (!given)
      return ShardingOption::makeEmpty();
    ShardingArray loops(concat.getResultType().getRank());
    for (auto [dim, axes] : llvm::enumerate(given.getSplitAxes())) {
      if (dim >= loops.size() || axes.empty() || dim == concat.getDim())
        continue;
      loops[dim].assign(axes.asArrayRef().begin(), axes.asArrayRef().end());
    }
    return ShardingOption(std::move(loops), given.getGridAttr());
  }

  /// Every input and the result split as the loops are, but never on the
  /// concatenated dim.
  FailureOr<std::vector<Sharding>>
  getShardingAnnotations(Operation *op, const ShardingOption &option) const {
    auto concat = cast<tensor::ConcatOp>(op);
    ShardingArray loops = option.shardingArray;
    loops.resize(concat.getResultType().getRank());
    loops[concat.getDim()].clear();
    SmallVector<GridAxesAttr> axes;
    for (const auto &split : loops)
      axes.push_back(GridAxesAttr::get(op->getContext(), split));
    // As upstream writes them: without trailing unsplit dims (one stays).
    while (axes.size() > 1 && axes.back().empty())
      axes.pop_back();
    return std::vector<Sharding>(op->getNumOperands() + 1,
                                 Sharding::get(option.grid, axes));
  }

  /// Each device concatenates its own parts; failure when they are not
  /// parts of its result (IR split by hand on the concatenated dim).
  LogicalResult partition(Operation *op, ArrayRef<Value> partitionedOperands,
                          ArrayRef<Sharding> operandShardings,
                          ArrayRef<Sharding> resultShardings,
                          IRMapping &partitionMap,
                          SymbolTableCollection &symbolTable,
                          OpBuilder &builder) const {
    auto concat = cast<tensor::ConcatOp>(op);
    Type resultType = getDevicePartType(op, concat.getResultType(),
                                        resultShardings.front(), symbolTable);
    if (resultType !=
        tensor::ConcatOp::inferResultType(
            concat.getDim(), ValueRange(partitionedOperands).getTypes()))
      return op->emitOpError()
             << "cannot be partitioned: its inputs are not split as its "
                "result is (a split of the concatenated dim "
             << concat.getDim() << " is not supported)";
    auto local = tensor::ConcatOp::create(builder, op->getLoc(),
                                          concat.getDim(), partitionedOperands);
    mapPartitioned(op, local, partitionMap);
    return success();
  }
};
} // namespace

void roof::registerConcatShardingModel(DialectRegistry &registry) {
  registry.addExtension(+[](MLIRContext *context, tensor::TensorDialect *) {
    tensor::ConcatOp::attachInterface<ConcatShardingModel>(*context);
  });
}
