//===- TosaEmitter.cpp - Building TOSA op sequences -----------------------===//

#include "TosaEmitter.h"

#include "mlir/IR/BuiltinAttributes.h"

#include <cmath>
#include <limits>

namespace mlir::roof::onnx_import {

TypedAttr TosaEmitter::scalarAttr(double value, Type element) {
  if (auto floatType = dyn_cast<FloatType>(element)) {
    if (std::isinf(value))
      return FloatAttr::get(
          floatType,
          llvm::APFloat::getInf(floatType.getFloatSemantics(), value < 0));
    return FloatAttr::get(floatType, value);
  }
  auto intType = llvm::cast<IntegerType>(element);
  unsigned width = intType.getWidth();
  // Clamp bounds of +-inf on integers mean the type's own range.
  if (std::isinf(value) || std::abs(value) >= std::ldexp(1.0, width)) {
    llvm::APInt bound =
        intType.isUnsigned()
            ? (value < 0 ? llvm::APInt::getMinValue(width)
                         : llvm::APInt::getMaxValue(width))
            : (value < 0 ? llvm::APInt::getSignedMinValue(width)
                         : llvm::APInt::getSignedMaxValue(width));
    return IntegerAttr::get(intType, bound);
  }
  return IntegerAttr::get(intType,
                          llvm::APInt(width, static_cast<int64_t>(value),
                                      /*isSigned=*/!intType.isUnsigned(),
                                      /*implicitTrunc=*/true));
}

Value TosaEmitter::splat(llvm::ArrayRef<int64_t> shape, double value,
                         Type element) {
  auto type = tensorType(shape, element);
  return tosa::ConstOp::create(
      b, loc, type, DenseElementsAttr::get(type, scalarAttr(value, element)));
}

Value TosaEmitter::scalar(double value, Type element, int64_t rank) {
  return splat(llvm::SmallVector<int64_t>(rank, 1), value, element);
}

Value TosaEmitter::shape(llvm::ArrayRef<int64_t> values) {
  auto attr = DenseIntElementsAttr::get(
      RankedTensorType::get({static_cast<int64_t>(values.size())},
                            b.getIndexType()),
      values);
  return tosa::ConstShapeOp::create(
      b, loc, tosa::shapeType::get(b.getContext(), values.size()), attr);
}

Value TosaEmitter::zeroPoint(Type element, int64_t value) {
  return splat({1}, static_cast<double>(value), element);
}

Value TosaEmitter::reshape(Value input, llvm::ArrayRef<int64_t> newShape) {
  if (typeOf(input).getShape() == newShape)
    return input;
  return tosa::ReshapeOp::create(b, loc,
                                 tensorType(newShape, elementTypeOf(input)),
                                 input, shape(newShape));
}

Value TosaEmitter::toRank(Value input, int64_t rank) {
  llvm::ArrayRef<int64_t> dims = typeOf(input).getShape();
  if (static_cast<int64_t>(dims.size()) >= rank)
    return input;
  llvm::SmallVector<int64_t> newShape(rank - dims.size(), 1);
  newShape.append(dims.begin(), dims.end());
  return reshape(input, newShape);
}

Value TosaEmitter::transpose(Value input, llvm::ArrayRef<int64_t> perm) {
  bool identity = true;
  for (auto [i, p] : llvm::enumerate(perm))
    identity &= static_cast<int64_t>(i) == p;
  if (identity)
    return input;
  llvm::ArrayRef<int64_t> dims = typeOf(input).getShape();
  llvm::SmallVector<int64_t> outShape;
  llvm::SmallVector<int32_t> perms;
  for (int64_t p : perm) {
    outShape.push_back(dims[p]);
    perms.push_back(static_cast<int32_t>(p));
  }
  // A permutation that only moves unit dims is a reshape: free, and the
  // cost model sees a view instead of a copy.
  llvm::SmallVector<int64_t> order;
  for (int64_t p : perm)
    if (dims[p] != 1)
      order.push_back(p);
  if (llvm::is_sorted(order))
    return reshape(input, outShape);
  return tosa::TransposeOp::create(b, loc,
                                   tensorType(outShape, elementTypeOf(input)),
                                   input, b.getDenseI32ArrayAttr(perms));
}

Value TosaEmitter::slice(Value input, llvm::ArrayRef<int64_t> start,
                         llvm::ArrayRef<int64_t> size) {
  if (llvm::all_of(start, [](int64_t s) { return s == 0; }) &&
      typeOf(input).getShape() == size)
    return input;
  return tosa::SliceOp::create(b, loc, tensorType(size, elementTypeOf(input)),
                               input, shape(start), shape(size));
}

Value TosaEmitter::pad(Value input, llvm::ArrayRef<int64_t> padding,
                       double padValue) {
  if (llvm::all_of(padding, [](int64_t p) { return p == 0; }))
    return input;
  llvm::SmallVector<int64_t> outShape(typeOf(input).getShape());
  for (auto [i, d] : llvm::enumerate(outShape))
    d += padding[2 * i] + padding[2 * i + 1];
  Type element = elementTypeOf(input);
  return tosa::PadOp::create(b, loc, tensorType(outShape, element), input,
                             shape(padding), splat({1}, padValue, element));
}

Value TosaEmitter::concat(llvm::ArrayRef<Value> inputs, int64_t axis) {
  if (inputs.size() == 1)
    return inputs.front();
  llvm::SmallVector<int64_t> outShape(typeOf(inputs.front()).getShape());
  outShape[axis] = 0;
  for (Value v : inputs)
    outShape[axis] += typeOf(v).getDimSize(axis);
  return tosa::ConcatOp::create(
      b, loc, tensorType(outShape, elementTypeOf(inputs.front())), inputs,
      b.getI32IntegerAttr(axis));
}

template <typename OpTy>
static Value reduce(OpBuilder &b, Location loc, Value input, int64_t axis) {
  auto type = llvm::cast<RankedTensorType>(input.getType());
  llvm::SmallVector<int64_t> outShape(type.getShape());
  outShape[axis] = 1;
  return OpTy::create(b, loc,
                      RankedTensorType::get(outShape, type.getElementType()),
                      input, b.getI32IntegerAttr(axis));
}

Value TosaEmitter::reduceSum(Value input, int64_t axis) {
  return reduce<tosa::ReduceSumOp>(b, loc, input, axis);
}

Value TosaEmitter::reduceMax(Value input, int64_t axis) {
  return reduce<tosa::ReduceMaxOp>(b, loc, input, axis);
}

Value TosaEmitter::reduceMin(Value input, int64_t axis) {
  return reduce<tosa::ReduceMinOp>(b, loc, input, axis);
}

Value TosaEmitter::rescaleByOne(Value input, Type element, int64_t inputZp,
                                int64_t outputZp) {
  Type from = elementTypeOf(input);
  Value multiplier = splat({1}, 1 << 30, b.getI32Type());
  Value shift = splat({1}, 30, b.getI8Type());
  return tosa::RescaleOp::create(
      b, loc, tensorType(typeOf(input).getShape(), element), input, multiplier,
      shift, zeroPoint(from, inputZp), zeroPoint(element, outputZp),
      /*scale32=*/true, tosa::RoundingMode::SINGLE_ROUND,
      /*per_channel=*/false, /*input_unsigned=*/from.isUnsignedInteger(),
      /*output_unsigned=*/element.isUnsignedInteger());
}

Value TosaEmitter::cast(Value input, Type element) {
  Type from = elementTypeOf(input);
  if (from == element)
    return input;
  auto to = [&](Value v, Type t) -> Value {
    if (elementTypeOf(v) == t)
      return v;
    return tosa::CastOp::create(b, loc, tensorType(typeOf(v).getShape(), t), v);
  };
  Type i32 = b.getI32Type();
  if (from.isUnsignedInteger())
    return to(rescaleByOne(input, i32), element);
  if (element.isUnsignedInteger())
    return rescaleByOne(to(input, i32), element);
  return to(input, element);
}

llvm::SmallVector<int64_t>
TosaEmitter::broadcastShape(llvm::ArrayRef<int64_t> a,
                            llvm::ArrayRef<int64_t> b) {
  size_t rank = std::max(a.size(), b.size());
  llvm::SmallVector<int64_t> out(rank, 1);
  for (size_t i = 0; i < rank; ++i) {
    int64_t da = i < rank - a.size() ? 1 : a[i - (rank - a.size())];
    int64_t db = i < rank - b.size() ? 1 : b[i - (rank - b.size())];
    out[i] = da == 1 ? db : da;
  }
  return out;
}

std::tuple<Value, Value, RankedTensorType>
TosaEmitter::prepareBinary(Value lhs, Value rhs, Type resultElement) {
  int64_t rank = std::max(typeOf(lhs).getRank(), typeOf(rhs).getRank());
  Value l = toRank(lhs, rank), r = toRank(rhs, rank);
  auto type =
      tensorType(broadcastShape(typeOf(l).getShape(), typeOf(r).getShape()),
                 resultElement ? resultElement : elementTypeOf(lhs));
  return {l, r, type};
}

Value TosaEmitter::add(Value lhs, Value rhs) {
  return binary<tosa::AddOp>(lhs, rhs);
}
Value TosaEmitter::sub(Value lhs, Value rhs) {
  return binary<tosa::SubOp>(lhs, rhs);
}
Value TosaEmitter::pow(Value lhs, Value rhs) {
  return binary<tosa::PowOp>(lhs, rhs);
}
Value TosaEmitter::maximum(Value lhs, Value rhs) {
  return binary<tosa::MaximumOp>(lhs, rhs);
}
Value TosaEmitter::minimum(Value lhs, Value rhs) {
  return binary<tosa::MinimumOp>(lhs, rhs);
}

Value TosaEmitter::mul(Value lhs, Value rhs) {
  auto [l, r, type] = prepareBinary(lhs, rhs);
  return tosa::MulOp::create(b, loc, type, l, r, splat({1}, 0, b.getI8Type()));
}

Value TosaEmitter::div(Value lhs, Value rhs) {
  Type element = elementTypeOf(lhs);
  if (!isa<IntegerType>(element))
    return mul(lhs, reciprocal(rhs));
  // tosa.intdiv takes 32- and 64-bit integers; narrower ones divide in i32.
  if (element.isSignlessInteger(32) || element.isSignlessInteger(64))
    return binary<tosa::IntDivOp>(lhs, rhs);
  Type i32 = b.getI32Type();
  return cast(binary<tosa::IntDivOp>(cast(lhs, i32), cast(rhs, i32)), element);
}

Value TosaEmitter::clamp(Value input, double lo, double hi) {
  Type element = elementTypeOf(input);
  return tosa::ClampOp::create(b, loc, typeOf(input), input,
                               scalarAttr(lo, element),
                               scalarAttr(hi, element));
}

Value TosaEmitter::reciprocal(Value input) {
  return tosa::ReciprocalOp::create(b, loc, typeOf(input), input);
}

Value TosaEmitter::negate(Value input) {
  Type element = elementTypeOf(input);
  return tosa::NegateOp::create(b, loc, typeOf(input), input,
                                zeroPoint(element), zeroPoint(element));
}

} // namespace mlir::roof::onnx_import
