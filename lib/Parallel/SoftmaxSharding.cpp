//===- SoftmaxSharding.cpp - linalg.softmax in upstream's sharding passes -===//

#include "roof/Parallel/SoftmaxSharding.h"

#include "ShardingModelSupport.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/DialectRegistry.h"

using namespace mlir;
using namespace mlir::roof;

namespace {
/// The ShardingInterface of a linalg.softmax. Its loops are its result's
/// dims, all parallel for the sharding passes: the dim it normalizes over
/// is never split, since each row's max and sum need the whole row.
struct SoftmaxShardingModel
    : public WholeDimShardingModel<SoftmaxShardingModel, linalg::SoftmaxOp> {
  static int64_t getRank(linalg::SoftmaxOp softmax) {
    return softmax.getOutputOperandType().getRank();
  }
  static int64_t getWholeDim(linalg::SoftmaxOp softmax) {
    return softmax.getDimension();
  }

  /// Each device normalizes its own rows into its own part of the output.
  LogicalResult partition(Operation *op, ArrayRef<Value> partitionedOperands,
                          ArrayRef<shard::Sharding> operandShardings,
                          ArrayRef<shard::Sharding> resultShardings,
                          IRMapping &partitionMap,
                          SymbolTableCollection &symbolTable,
                          OpBuilder &builder) const {
    auto softmax = cast<linalg::SoftmaxOp>(op);
    auto local = linalg::SoftmaxOp::create(
        builder, op->getLoc(), partitionedOperands[1].getType(),
        partitionedOperands[0], partitionedOperands[1], softmax.getDimension());
    mapPartitioned(op, local, partitionMap);
    return success();
  }
};
} // namespace

void roof::registerSoftmaxShardingModel(DialectRegistry &registry) {
  registry.addExtension(+[](MLIRContext *context, linalg::LinalgDialect *) {
    linalg::SoftmaxOp::attachInterface<SoftmaxShardingModel>(*context);
  });
}
