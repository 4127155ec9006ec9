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
using shard::Sharding;

namespace {
/// The ShardingInterface of a tensor.concat. Its loops are its result's
/// dims, all parallel; each input is read with the identity, the
/// concatenated dim at an offset the sharding passes need not know, since
/// that dim is never split: each device would hold a part of some inputs
/// and none of others.
struct ConcatShardingModel
    : public WholeDimShardingModel<ConcatShardingModel, tensor::ConcatOp> {
  static int64_t getRank(tensor::ConcatOp concat) {
    return concat.getResultType().getRank();
  }
  static int64_t getWholeDim(tensor::ConcatOp concat) {
    return concat.getDim();
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
