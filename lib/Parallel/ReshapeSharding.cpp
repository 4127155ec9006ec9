//===- ReshapeSharding.cpp - Reshapes in upstream's sharding passes -------===//

#include "roof/Parallel/ReshapeSharding.h"

#include "ShardingModelSupport.h"

#include "mlir/Dialect/Shard/IR/ShardOps.h"
#include "mlir/Dialect/Shard/Interfaces/ShardingInterface.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/IRMapping.h"

using namespace mlir;
using namespace mlir::roof;
using shard::GridAxesAttr;
using shard::GridAxis;
using shard::Sharding;
using shard::ShardingArray;
using shard::ShardingOption;

namespace {
/// The ShardingInterface of a reshape. Its loops are the dims of its
/// expanded side (the source of a collapse_shape, the result of an
/// expand_shape), all parallel; a dim of the collapsed side is a group of
/// them (the reassociation).
template <typename ReshapeOp>
struct ReshapeShardingModel
    : public OneResultShardingModel<ReshapeShardingModel<ReshapeOp>,
                                    ReshapeOp> {
  static constexpr bool kCollapses =
      std::is_same_v<ReshapeOp, tensor::CollapseShapeOp>;

  static RankedTensorType getExpandedType(ReshapeOp op) {
    return kCollapses ? op.getSrcType() : op.getResultType();
  }

  SmallVector<utils::IteratorType> getLoopIteratorTypes(Operation *op) const {
    return SmallVector<utils::IteratorType>(
        getExpandedType(cast<ReshapeOp>(op)).getRank(),
        utils::IteratorType::parallel);
  }

  /// The expanded side's identity; the collapsed side's dim of a group is
  /// its dims' linear index, row-major.
  SmallVector<AffineMap> getIndexingMaps(Operation *op) const {
    auto reshape = cast<ReshapeOp>(op);
    RankedTensorType expanded = getExpandedType(reshape);
    MLIRContext *context = op->getContext();
    SmallVector<AffineExpr> collapsed;
    for (const ReassociationIndices &group :
         reshape.getReassociationIndices()) {
      AffineExpr linear = getAffineConstantExpr(0, context);
      for (int64_t dim : group)
        linear =
            linear * expanded.getDimSize(dim) + getAffineDimExpr(dim, context);
      collapsed.push_back(linear);
    }
    AffineMap identity =
        AffineMap::getMultiDimIdentityMap(expanded.getRank(), context);
    AffineMap grouped =
        AffineMap::get(expanded.getRank(), 0, collapsed, context);
    if (kCollapses)
      return {identity, grouped};
    return {grouped, identity};
  }

  /// The expanded side's sharding when it has one; else each split of a
  /// collapsed dim moves to the first dim of its group that is not 1, when
  /// the split's devices divide that dim (else the group stays whole, and
  /// the collapsed side is sliced from it).
  FailureOr<ShardingOption>
  getShardingOption(Operation *op, ArrayRef<Sharding> operandShardings,
                    ArrayRef<Sharding> resultShardings) const {
    auto reshape = cast<ReshapeOp>(op);
    Sharding expanded =
        kCollapses ? operandShardings.front() : resultShardings.front();
    Sharding collapsed =
        kCollapses ? resultShardings.front() : operandShardings.front();
    RankedTensorType type = getExpandedType(reshape);
    ShardingArray loops(type.getRank());
    if (expanded) {
      for (auto [dim, axes] : llvm::enumerate(expanded.getSplitAxes()))
        if (dim < loops.size())
          loops[dim].assign(axes.asArrayRef().begin(), axes.asArrayRef().end());
      return ShardingOption(std::move(loops), expanded.getGridAttr());
    }
    if (!collapsed)
      return ShardingOption::makeEmpty();
    SymbolTableCollection symbols;
    shard::GridOp grid =
        shard::getGridOrNull(op, collapsed.getGridAttr(), symbols);
    SmallVector<ReassociationIndices> groups =
        reshape.getReassociationIndices();
    for (auto [group, axes] : llvm::zip(groups, collapsed.getSplitAxes())) {
      if (axes.empty())
        continue;
      const auto *first = llvm::find_if(
          group, [&](int64_t dim) { return type.getDimSize(dim) != 1; });
      int64_t dim = first == group.end() ? group.front() : *first;
      int64_t devices =
          grid ? shard::collectiveProcessGroupSize(axes.asArrayRef(), grid)
               : ShapedType::kDynamic;
      if (ShapedType::isDynamic(devices) || type.isDynamicDim(dim) ||
          type.getDimSize(dim) % devices != 0)
        continue;
      loops[dim].assign(axes.asArrayRef().begin(), axes.asArrayRef().end());
    }
    return ShardingOption(std::move(loops), collapsed.getGridAttr());
  }

  /// The two sides' shardings; failure when a group is split on a dim after
  /// one that is not 1 (its parts would not be contiguous).
  FailureOr<std::vector<Sharding>>
  getShardingAnnotations(Operation *op, const ShardingOption &option) const {
    auto reshape = cast<ReshapeOp>(op);
    RankedTensorType type = getExpandedType(reshape);
    MLIRContext *context = op->getContext();
    SmallVector<GridAxesAttr> expanded, collapsed;
    // One entry per loop, whatever the option holds.
    ShardingArray loops = option.shardingArray;
    loops.resize(type.getRank());
    for (const SmallVector<GridAxis> &axes : loops)
      expanded.push_back(GridAxesAttr::get(context, axes));
    for (const ReassociationIndices &group :
         reshape.getReassociationIndices()) {
      SmallVector<GridAxis> axes;
      // Whether a dim of the group before this one is not 1.
      bool afterWide = false;
      for (int64_t dim : group) {
        ArrayRef<GridAxis> split = loops[dim];
        if (!split.empty()) {
          if (afterWide || !axes.empty())
            return failure();
          axes.assign(split.begin(), split.end());
        }
        afterWide = afterWide || type.getDimSize(dim) != 1;
      }
      collapsed.push_back(GridAxesAttr::get(context, axes));
    }
    // As upstream writes them: without trailing unsplit dims (one stays).
    for (SmallVector<GridAxesAttr> *axes : {&expanded, &collapsed})
      while (axes->size() > 1 && axes->back().empty())
        axes->pop_back();
    Sharding expandedSharding = Sharding::get(option.grid, expanded);
    Sharding collapsedSharding = Sharding::get(option.grid, collapsed);
    if (kCollapses)
      return std::vector<Sharding>{expandedSharding, collapsedSharding};
    return std::vector<Sharding>{collapsedSharding, expandedSharding};
  }

  /// Each device reshapes its own part.
  LogicalResult partition(Operation *op, ArrayRef<Value> partitionedOperands,
                          ArrayRef<Sharding> operandShardings,
                          ArrayRef<Sharding> resultShardings,
                          IRMapping &partitionMap,
                          SymbolTableCollection &symbolTable,
                          OpBuilder &builder) const {
    auto reshape = cast<ReshapeOp>(op);
    Type resultType = getDevicePartType(op, reshape.getResultType(),
                                        resultShardings.front(), symbolTable);
    auto local = ReshapeOp::create(builder, op->getLoc(), resultType,
                                   partitionedOperands.front(),
                                   reshape.getReassociationIndices());
    mapPartitioned(op, local, partitionMap);
    return success();
  }
};
} // namespace

void roof::registerReshapeShardingModels(DialectRegistry &registry) {
  registry.addExtension(+[](MLIRContext *context, tensor::TensorDialect *) {
    tensor::ExpandShapeOp::attachInterface<
        ReshapeShardingModel<tensor::ExpandShapeOp>>(*context);
    tensor::CollapseShapeOp::attachInterface<
        ReshapeShardingModel<tensor::CollapseShapeOp>>(*context);
  });
}
