//===- MatMulBuilder.cpp - ONNX matrix products as tosa.matmul ------------===//

#include "MatMulBuilder.h"
#include "OnnxTensor.h"

namespace mlir::roof::onnx_import {

// `value` ([..., R, C]) tiled to the batch dims `batch` and flattened to
// [prod(batch), R, C].
static Value toBatch(TosaEmitter &e, Value value,
                     llvm::ArrayRef<int64_t> batch) {
  int64_t rank = batch.size() + 2;
  value = e.toRank(value, rank);
  llvm::ArrayRef<int64_t> shape = TosaEmitter::typeOf(value).getShape();
  llvm::SmallVector<int64_t> multiples, tiled;
  bool tile = false;
  for (int64_t i = 0; i < rank; ++i) {
    int64_t m = i < rank - 2 ? batch[i] / shape[i] : 1;
    tile |= m != 1;
    multiples.push_back(m);
    tiled.push_back(shape[i] * m);
  }
  if (tile)
    value = e.create<tosa::TileOp>(
        e.tensorType(tiled, TosaEmitter::elementTypeOf(value)), value,
        e.shape(multiples));
  return e.reshape(value,
                   {elementCount(batch), tiled[rank - 2], tiled[rank - 1]});
}

Value buildMatMul(TosaEmitter &e, const MatMulOperands &operands,
                  llvm::ArrayRef<int64_t> resultShape) {
  Value lhs = operands.lhs, rhs = operands.rhs;
  if (TosaEmitter::typeOf(lhs).getRank() == 1)
    lhs = e.toRank(lhs, 2);
  if (TosaEmitter::typeOf(rhs).getRank() == 1)
    rhs = e.reshape(rhs, {TosaEmitter::typeOf(rhs).getDimSize(0), 1});
  llvm::ArrayRef<int64_t> lhsShape = TosaEmitter::typeOf(lhs).getShape();
  llvm::ArrayRef<int64_t> rhsShape = TosaEmitter::typeOf(rhs).getShape();
  int64_t m = lhsShape[lhsShape.size() - 2], k = lhsShape.back();
  int64_t n = rhsShape.back();
  llvm::ArrayRef<int64_t> lhsBatch = lhsShape.drop_back(2);
  llvm::ArrayRef<int64_t> rhsBatch = rhsShape.drop_back(2);

  Value a, b;
  if (elementCount(rhsBatch) == 1) {
    a = e.reshape(lhs, {1, elementCount(lhsBatch) * m, k});
    b = e.reshape(rhs, {1, k, n});
  } else {
    llvm::SmallVector<int64_t> batch =
        TosaEmitter::broadcastShape(lhsBatch, rhsBatch);
    a = toBatch(e, lhs, batch);
    b = toBatch(e, rhs, batch);
  }
  auto aType = TosaEmitter::typeOf(a);
  Value product = e.create<tosa::MatMulOp>(
      e.tensorType({aType.getDimSize(0), aType.getDimSize(1), n},
                   operands.accType),
      a, b, operands.lhsZp, operands.rhsZp);
  return e.reshape(product, resultShape);
}

} // namespace mlir::roof::onnx_import
