//===- WeightAnalysis.cpp - Which values are weights ----------------------===//

#include "roof/Analysis/WeightAnalysis.h"

#include "roof/Analysis/ElementSize.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MLProgram/IR/MLProgram.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/BuiltinAttributeInterfaces.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/ViewLikeInterface.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::roof;

bool WeightAnalysis::isParamArgument(BlockArgument arg) const {
  auto fn =
      dyn_cast_or_null<FunctionOpInterface>(arg.getOwner()->getParentOp());
  if (!fn || arg.getOwner() != &fn.getFunctionBody().front())
    return false;
  unsigned index = arg.getArgNumber();
  return fn.getArgAttr(index, kParamArgAttrName) ||
         llvm::is_contained(options.paramArgs, index);
}

/// A constant holding one repeated value (`dense<0.0>`) is a fill that a
/// compiler materializes, not stored parameters.
static bool isSplatConstant(Operation *op) {
  Attribute value;
  if (op->getNumResults() != 1 ||
      !matchPattern(op->getResult(0), m_Constant(&value)))
    return false;
  auto elements = dyn_cast<ElementsAttr>(value);
  return elements && elements.isSplat();
}

bool WeightAnalysis::isWeightRoot(Value value) const {
  if (auto arg = dyn_cast<BlockArgument>(value))
    return isParamArgument(arg);
  Operation *def = value.getDefiningOp();
  if (def->hasTrait<OpTrait::ConstantLike>())
    return isa<ShapedType>(value.getType()) && !isSplatConstant(def);
  return isa<ml_program::GlobalLoadOp, ml_program::GlobalLoadConstOp,
             memref::GetGlobalOp>(def);
}

Value WeightAnalysis::getForwardedSource(Operation *op) {
  if (auto view = dyn_cast<ViewLikeOpInterface>(op))
    return view.getViewSource();
  // Each of these forwards its operand #0 (the source or input).
  if (isa<tensor::ExtractSliceOp, tensor::ExpandShapeOp,
          tensor::CollapseShapeOp, tensor::ReshapeOp, tensor::CastOp,
          tensor::BitcastOp, bufferization::ToTensorOp,
          bufferization::ToBufferOp, tosa::ReshapeOp, tosa::TransposeOp,
          tosa::IdentityOp, tosa::SliceOp>(op))
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

bool WeightAnalysis::isWeight(Value value) const {
  auto it = cache.find(value);
  if (it != cache.end())
    return it->second;
  bool result = isWeightRoot(value);
  if (!result)
    if (Operation *def = value.getDefiningOp())
      if (Value source = getForwardedSource(def))
        result = isWeight(source);
  cache[value] = result;
  return result;
}

/// Adds the elements and bytes of a statically shaped value to `totals`.
static void addShaped(Type type, ParameterTotals &totals) {
  auto shaped = dyn_cast<ShapedType>(type);
  if (!shaped || !shaped.hasStaticShape())
    return;
  std::optional<uint64_t> bits = getElementBits(shaped.getElementType());
  if (!bits)
    return;
  uint64_t elements = shaped.getNumElements();
  totals.params += elements;
  totals.bytes += getBytes(elements, *bits);
}

ParameterTotals WeightAnalysis::countParameters(FunctionOpInterface fn) const {
  ParameterTotals totals;
  if (fn.isExternal())
    return totals;
  for (BlockArgument arg : fn.getFunctionBody().front().getArguments())
    if (isParamArgument(arg))
      addShaped(arg.getType(), totals);

  // A global loaded in several places holds its parameters once.
  llvm::StringSet<> globals;
  fn.getFunctionBody().walk([&](Operation *op) {
    StringRef global =
        llvm::TypeSwitch<Operation *, StringRef>(op)
            .Case<ml_program::GlobalLoadOp, ml_program::GlobalLoadConstOp>(
                [](auto o) {
                  return o.getGlobal().getLeafReference().getValue();
                })
            .Case([](memref::GetGlobalOp o) { return o.getName(); })
            .Default([](Operation *) { return StringRef(); });
    if (!global.empty()) {
      if (globals.insert(global).second)
        addShaped(op->getResult(0).getType(), totals);
      return;
    }
    if (op->hasTrait<OpTrait::ConstantLike>() && op->getNumResults() == 1 &&
        !isSplatConstant(op))
      addShaped(op->getResult(0).getType(), totals);
  });
  return totals;
}
