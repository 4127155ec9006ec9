//===- ArithMathCostModels.cpp - Cost of arith, math and complex ops ------===//
//
// These ops are elementwise on scalars, vectors and tensors alike: FLOPs =
// result elements x the op's scalar count; bytes = shaped operands read and
// shaped results written (scalars live in registers and move no bytes).
// Constants are free: their bytes count where an op reads them, as weights.
//
//===----------------------------------------------------------------------===//

#include "roof/CostModels/CostModels.h"

#include "roof/Analysis/CostOpInterface.h"
#include "roof/Analysis/ScalarArithmetic.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/DialectRegistry.h"

using namespace mlir;
using namespace mlir::roof;

namespace {
template <typename OpTy>
struct ElementwiseCostModel
    : public CostOpInterface::ExternalModel<ElementwiseCostModel<OpTy>, OpTy> {
  FailureOr<OpCost> getCost(Operation *op, CostContext &ctx) const {
    if (op->hasTrait<OpTrait::ConstantLike>())
      return OpCost();
    std::optional<ScalarOpCount> count = getScalarOpCount(op);
    if (!count)
      return ctx.unknown("'" + op->getName().getStringRef() +
                         "' has no FLOP count");
    FailureOr<uint64_t> elements =
        ctx.resolveNumElements(op->getResult(0).getType(), "the result");
    if (failed(elements))
      return failure();
    OpCost cost;
    cost.flops = *elements * count->flops;
    cost.transcendentals = *elements * count->transcendentals;
    if (failed(ctx.addOperandsRead(cost, op)) ||
        failed(ctx.addResultsWritten(cost, op)))
      return failure();
    return cost;
  }
};
} // namespace

template <typename... OpTys>
static void attachElementwiseCostModels(MLIRContext &context) {
  (OpTys::template attachInterface<ElementwiseCostModel<OpTys>>(context), ...);
}

void roof::registerArithMathCostModels(DialectRegistry &registry) {
  registry.addExtension(+[](MLIRContext *context, arith::ArithDialect *) {
    attachElementwiseCostModels<
#define GET_OP_LIST
#include "mlir/Dialect/Arith/IR/ArithOps.cpp.inc"
        >(*context);
  });
  registry.addExtension(+[](MLIRContext *context, math::MathDialect *) {
    attachElementwiseCostModels<
#define GET_OP_LIST
#include "mlir/Dialect/Math/IR/MathOps.cpp.inc"
        >(*context);
  });
  registry.addExtension(+[](MLIRContext *context, complex::ComplexDialect *) {
    attachElementwiseCostModels<
        complex::ConstantOp, complex::AddOp, complex::SubOp, complex::NegOp,
        complex::MulOp, complex::CreateOp, complex::ReOp, complex::ImOp>(
        *context);
  });
}
