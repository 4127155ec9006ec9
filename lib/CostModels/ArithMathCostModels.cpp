//===- ArithMathCostModels.cpp - Cost of arith, math and complex ops ------===//
//
// These ops are elementwise on scalars, vectors and tensors alike: FLOPs =
// result elements x the op's scalar count; bytes = tensor and memref
// operands read and results written (scalars and vectors live in registers).
// Constants are free: their bytes count where an op reads them, as weights.
//
//===----------------------------------------------------------------------===//

#include "roof/CostModels/CostModels.h"

#include "roof/CostModels/CommonCostModels.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/DialectRegistry.h"

using namespace mlir;
using namespace mlir::roof;

void roof::registerArithMathCostModels(DialectRegistry &registry) {
  registry.addExtension(+[](MLIRContext *context, arith::ArithDialect *) {
    attachElementwiseCostModels<getScalarOpCount,
#define GET_OP_LIST
#include "mlir/Dialect/Arith/IR/ArithOps.cpp.inc"
                                >(*context);
  });
  registry.addExtension(+[](MLIRContext *context, math::MathDialect *) {
    attachElementwiseCostModels<getScalarOpCount,
#define GET_OP_LIST
#include "mlir/Dialect/Math/IR/MathOps.cpp.inc"
                                >(*context);
  });
  registry.addExtension(+[](MLIRContext *context, complex::ComplexDialect *) {
    attachElementwiseCostModels<getScalarOpCount, complex::ConstantOp,
                                complex::AddOp, complex::SubOp, complex::NegOp,
                                complex::MulOp, complex::CreateOp,
                                complex::ReOp, complex::ImOp>(*context);
  });
}
