//===- OpClassification.cpp - What kind of work an op does ----------------===//

#include "roof/Analysis/OpClassification.h"

#include "roof/Dialect/RoofDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Utils/Utils.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/Interfaces/CastInterfaces.h"
#include "mlir/Interfaces/ViewLikeInterface.h"

using namespace mlir;
using namespace mlir::roof;

/// The input a payload value reads, looking through casts and the
/// subtraction of a zero point; -1 when it is not one input's element.
static int64_t getPayloadInput(Value value, unsigned numInputs) {
  while (Operation *def = value.getDefiningOp()) {
    if (isa<CastOpInterface>(def) ||
        isa<arith::ExtFOp, arith::ExtSIOp, arith::ExtUIOp, arith::SIToFPOp,
            arith::UIToFPOp, arith::TruncFOp>(def))
      value = def->getOperand(0);
    else if (isa<arith::SubIOp, arith::SubFOp>(def))
      value = def->getOperand(0);
    else
      return -1;
  }
  auto arg = dyn_cast<BlockArgument>(value);
  if (!arg || arg.getArgNumber() >= numInputs)
    return -1;
  return arg.getArgNumber();
}

bool roof::isContraction(Operation *op) {
  if (isa<tosa::Conv2DOp, tosa::Conv3DOp, tosa::DepthwiseConv2DOp,
          tosa::TransposeConv2DOp, tosa::MatMulOp, tosa::MatmulTBlockScaledOp>(
          op))
    return true;
  // Named matmuls (matmul, batch_matmul, matvec, …) are contractions by
  // definition; asking them first spares the payload walk.
  if (isa<linalg::ContractionOpInterface>(op))
    return true;
  auto linalgOp = dyn_cast<linalg::LinalgOp>(op);
  if (!linalgOp || linalgOp.getNumReductionLoops() == 0 || !linalgOp.getBlock())
    return false;
  unsigned numInputs = linalgOp.getNumDpsInputs();
  return llvm::any_of(*linalgOp.getBlock(), [&](Operation &payload) {
    if (!isa<arith::MulFOp, arith::MulIOp>(payload))
      return false;
    int64_t lhs = getPayloadInput(payload.getOperand(0), numInputs);
    int64_t rhs = getPayloadInput(payload.getOperand(1), numInputs);
    return lhs >= 0 && rhs >= 0 && lhs != rhs;
  });
}

bool roof::isElementwise(Operation *op) {
  if (auto linalgOp = dyn_cast<linalg::LinalgOp>(op))
    return linalg::isElementwise(linalgOp);
  return op->hasTrait<OpTrait::tosa::TosaElementwiseOperator>() ||
         isa<tosa::MulOp, tosa::CastOp, tosa::RescaleOp>(op);
}

Value roof::getViewSource(Operation *op) {
  if (auto view = dyn_cast<ViewLikeOpInterface>(op))
    return view.getViewSource();
  // Each of these forwards its operand #0 (the source or input); a tile
  // repeats it (grouped-query attention's K/V heads), as a broadcast does.
  if (isa<tensor::ExtractSliceOp, tensor::ExpandShapeOp,
          tensor::CollapseShapeOp, tensor::ReshapeOp, tensor::CastOp,
          tensor::BitcastOp, bufferization::ToTensorOp,
          bufferization::ToBufferOp, tosa::ReshapeOp, tosa::TransposeOp,
          tosa::IdentityOp, tosa::SliceOp, tosa::TileOp>(op))
    return op->getOperand(0);
  // A linalg op that only yields its one tensor input moves it unchanged: a
  // transpose, broadcast or copy, named or written as a generic (a fill
  // yields a scalar and is not one).
  auto linalgOp = dyn_cast<linalg::LinalgOp>(op);
  if (!linalgOp || linalgOp.getNumDpsInputs() != 1 ||
      linalgOp.getNumDpsInits() != 1 || !linalgOp.getBlock() ||
      !llvm::hasSingleElement(*linalgOp.getBlock()))
    return Value();
  Value input = linalgOp.getDpsInputOperand(0)->get();
  Block *body = linalgOp.getBlock();
  if (!isa<ShapedType>(input.getType()) ||
      body->getTerminator()->getOperand(0) != body->getArgument(0))
    return Value();
  return input;
}

/// Bits of an int or float element of a shaped type, or 0.
static unsigned getShapedElementBits(Type type) {
  auto shaped = dyn_cast<ShapedType>(type);
  if (!shaped || !shaped.getElementType().isIntOrFloat())
    return 0;
  return shaped.getElementType().getIntOrFloatBitWidth();
}

bool roof::widens(Operation *op, Value operand) {
  unsigned wide = 0;
  for (Type type : op->getResultTypes())
    wide = std::max(wide, getShapedElementBits(type));
  unsigned bits = getShapedElementBits(operand.getType());
  return bits > 1 && bits < wide;
}

bool roof::isAxisReduction(Operation *op) {
  return isa<tosa::ReduceMaxOp, tosa::ReduceSumOp, linalg::ReduceOp>(op);
}

bool roof::isExponential(Operation *op) {
  if (isa<tosa::ExpOp, math::ExpOp>(op))
    return true;
  auto linalgOp = dyn_cast<linalg::LinalgOp>(op);
  return linalgOp &&
         llvm::any_of(linalgOp.getBlock()->getOperations(),
                      [](Operation &inner) { return isa<math::ExpOp>(inner); });
}

SmallVector<Value> roof::getDataInputs(Operation *op) {
  if (auto dps = dyn_cast<DestinationStyleOpInterface>(op))
    return SmallVector<Value>(dps.getDpsInputs());
  return SmallVector<Value>(op->getOperands());
}

bool roof::isMadeFromScalars(Operation *op) {
  if (op->hasTrait<OpTrait::ConstantLike>() || op->getNumResults() != 1)
    return false;
  auto type = dyn_cast<ShapedType>(op->getResult(0).getType());
  if (!type || !type.hasStaticShape() || type.getNumElements() <= 1)
    return false;
  return llvm::all_of(getDataInputs(op), [](Value v) {
    auto shaped = dyn_cast<ShapedType>(v.getType());
    return !shaped || (shaped.hasStaticShape() && shaped.getNumElements() <= 1);
  });
}

bool roof::movesData(Operation *op) {
  return isa<tosa::ConcatOp, tosa::ReshapeOp, tosa::TransposeOp, tosa::TileOp,
             tosa::SliceOp, tensor::ConcatOp, tensor::ExpandShapeOp,
             tensor::CollapseShapeOp, tensor::ExtractSliceOp,
             tensor::InsertSliceOp>(op);
}

bool roof::isConcatenation(Operation *op) {
  return isa<tosa::ConcatOp, tensor::ConcatOp>(op);
}

Operation *roof::getKernelRoot(Operation *op) {
  auto kernel = dyn_cast<KernelOp>(op);
  if (!kernel)
    return op;
  Block &body = kernel.getBody().front();
  for (Operation &member : body.without_terminator())
    if (isContraction(&member))
      return &member;
  // Else its first op that does more than start an accumulator (a
  // reduction after its fill).
  if (!kernel.isTiled()) {
    for (Operation &member : body.without_terminator())
      if (!isa<linalg::FillOp>(member) &&
          !member.hasTrait<OpTrait::ConstantLike>())
        return &member;
    return &body.front();
  }
  // A tiled kernel's members sit in its loops: its contraction, or its
  // first linalg op.
  Operation *root = nullptr;
  kernel.getBody().walk([&](Operation *member) {
    if (isa<linalg::LinalgOp>(member) && !root)
      root = member;
    if (!isContraction(member))
      return WalkResult::advance();
    root = member;
    return WalkResult::interrupt();
  });
  return root ? root : &body.front();
}

KernelClass roof::getKernelClass(Operation *op, bool movesOnly) {
  auto linalgOp = dyn_cast<linalg::LinalgOp>(op);
  if (isContraction(op)) {
    if (isa<tosa::DepthwiseConv2DOp>(op))
      return KernelClass::DepthwiseConv;
    if (isa<tosa::Conv2DOp, tosa::Conv3DOp, tosa::TransposeConv2DOp>(op))
      return KernelClass::Conv;
    // Named matmuls say what they are; inferring a generic's dimensions is
    // the slow path.
    if (isa<linalg::ContractionOpInterface>(op))
      return KernelClass::Matmul;
    if (linalgOp) {
      FailureOr<linalg::ConvolutionDimensions> dims =
          linalg::inferConvolutionDims(linalgOp);
      if (succeeded(dims) && !dims->outputImage.empty())
        return dims->depth.empty() ? KernelClass::Conv
                                   : KernelClass::DepthwiseConv;
    }
    return KernelClass::Matmul;
  }
  if (movesOnly || isa<tosa::ResizeOp>(op))
    return KernelClass::Movement;
  auto isPow = [](Operation *inner) {
    return isa<tosa::PowOp, math::PowFOp, math::FPowIOp, math::IPowIOp>(inner);
  };
  if (isPow(op) || (linalgOp && linalgOp.getBlock() &&
                    llvm::any_of(*linalgOp.getBlock(), [&](Operation &inner) {
                      return isPow(&inner);
                    })))
    return KernelClass::Pow;
  // A linalg op is a reduction exactly when it has a reduction loop (its
  // elementwise test, the slow path, would say no more).
  if (linalgOp)
    return linalgOp.getNumReductionLoops() > 0 ? KernelClass::Reduction
                                               : KernelClass::Elementwise;
  if (isElementwise(op))
    return KernelClass::Elementwise;
  if (isa<tosa::AvgPool2dOp, tosa::MaxPool2dOp, tosa::ReduceSumOp,
          tosa::ReduceMaxOp, tosa::ReduceMinOp, tosa::ReduceProductOp,
          tosa::ReduceAllOp, tosa::ReduceAnyOp, tosa::ArgMaxOp,
          linalg::SoftmaxOp>(op))
    return KernelClass::Reduction;
  return KernelClass::Elementwise;
}
