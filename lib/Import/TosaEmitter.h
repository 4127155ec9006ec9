//===- TosaEmitter.h - Building TOSA op sequences ---------------*- C++ -*-===//
//
// Small builders for the TOSA patterns the ONNX converters share: constants,
// zero points, reshapes that equalize ranks for broadcasting, transposes that
// skip identities, and elementwise ops whose result type follows ONNX's
// broadcasting rule. All ops are created at one location (the ONNX node's).
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_LIB_IMPORT_TOSAEMITTER_H
#define ROOF_LIB_IMPORT_TOSAEMITTER_H

#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/Builders.h"

namespace mlir::roof::onnx_import {

class TosaEmitter {
public:
  TosaEmitter(OpBuilder &builder, Location loc) : b(builder), loc(loc) {}

  OpBuilder &builder() { return b; }
  Location location() const { return loc; }

  static RankedTensorType typeOf(Value value) {
    return llvm::cast<RankedTensorType>(value.getType());
  }
  static Type elementTypeOf(Value value) {
    return typeOf(value).getElementType();
  }
  RankedTensorType tensorType(llvm::ArrayRef<int64_t> shape, Type element) {
    return RankedTensorType::get(shape, element);
  }

  /// A constant tensor of `shape` filled with `value`.
  Value splat(llvm::ArrayRef<int64_t> shape, double value, Type element);
  /// A splat constant `value` of `element` type with `rank` unit dims, the
  /// shape that broadcasts against any tensor of that rank.
  Value scalar(double value, Type element, int64_t rank);
  /// A `!tosa.shape` constant.
  Value shape(llvm::ArrayRef<int64_t> values);
  /// A zero point: tensor<1xelement>.
  Value zeroPoint(Type element, int64_t value = 0);

  Value reshape(Value input, llvm::ArrayRef<int64_t> shape);
  /// `input` reshaped to `rank` by prepending unit dims (ONNX broadcasting
  /// aligns trailing dims; TOSA needs equal ranks).
  Value toRank(Value input, int64_t rank);
  Value transpose(Value input, llvm::ArrayRef<int64_t> perm);
  Value slice(Value input, llvm::ArrayRef<int64_t> start,
              llvm::ArrayRef<int64_t> size);
  /// Pads with `padValue`; `padding` holds (before, after) per dim.
  Value pad(Value input, llvm::ArrayRef<int64_t> padding, double padValue);
  Value concat(llvm::ArrayRef<Value> inputs, int64_t axis);
  /// tosa.reduce_sum over `axis`, which stays as a unit dim.
  Value reduceSum(Value input, int64_t axis);
  Value reduceMax(Value input, int64_t axis);
  Value reduceMin(Value input, int64_t axis);
  /// tosa.cast, except that unsigned integers (which TOSA carries as
  /// storage with `unsigned` flags on tosa.rescale) convert through a
  /// rescale so their values survive.
  Value cast(Value input, Type element);
  /// tosa.rescale by exactly 1: out = in - inputZp + outputZp, saturated to
  /// `element`; unsigned flags follow the element types.
  Value rescaleByOne(Value input, Type element, int64_t inputZp = 0,
                     int64_t outputZp = 0);

  Value add(Value lhs, Value rhs);
  Value sub(Value lhs, Value rhs);
  Value mul(Value lhs, Value rhs);
  Value pow(Value lhs, Value rhs);
  Value maximum(Value lhs, Value rhs);
  Value minimum(Value lhs, Value rhs);
  /// Float division as a multiply by the reciprocal (TOSA has no float div).
  Value div(Value lhs, Value rhs);
  Value clamp(Value input, double lo, double hi);
  Value reciprocal(Value input);
  Value negate(Value input);

  /// The ONNX (numpy) broadcast of two shapes.
  static llvm::SmallVector<int64_t> broadcastShape(llvm::ArrayRef<int64_t> a,
                                                   llvm::ArrayRef<int64_t> b);

  template <typename OpTy, typename... Args>
  Value create(Type resultType, Args &&...args) {
    return OpTy::create(b, loc, resultType, std::forward<Args>(args)...);
  }

  /// A binary elementwise TOSA op on broadcast operands; its result has
  /// `lhs`'s element type unless `resultElement` is given (comparisons).
  template <typename OpTy>
  Value binary(Value lhs, Value rhs, Type resultElement = nullptr) {
    auto [l, r, type] = prepareBinary(lhs, rhs, resultElement);
    return OpTy::create(b, loc, type, l, r);
  }

private:
  std::tuple<Value, Value, RankedTensorType>
  prepareBinary(Value lhs, Value rhs, Type resultElement = nullptr);
  TypedAttr scalarAttr(double value, Type element);

  OpBuilder &b;
  Location loc;
};

} // namespace mlir::roof::onnx_import

#endif // ROOF_LIB_IMPORT_TOSAEMITTER_H
