//===- MatMulBuilder.h - ONNX matrix products as tosa.matmul ----*- C++ -*-===//
//
// ONNX's MatMul follows numpy: 1-D operands gain a dim, batch dims broadcast.
// tosa.matmul takes rank-3 [B, M, K] x [B, K, N]; this reshapes (and tiles
// broadcast batches) onto that form. A batched activation times a 2-D weight
// folds its batch into M, so the weight is not copied per batch.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_LIB_IMPORT_MATMULBUILDER_H
#define ROOF_LIB_IMPORT_MATMULBUILDER_H

#include "TosaEmitter.h"

namespace mlir::roof::onnx_import {

struct MatMulOperands {
  Value lhs, rhs;
  Value lhsZp, rhsZp;
  Type accType;
};

/// The product reshaped to `resultShape` (ONNX's output shape), with the
/// accumulator element type.
Value buildMatMul(TosaEmitter &e, const MatMulOperands &operands,
                  llvm::ArrayRef<int64_t> resultShape);

} // namespace mlir::roof::onnx_import

#endif // ROOF_LIB_IMPORT_MATMULBUILDER_H
