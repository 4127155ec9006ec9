//===- ConvertElementwise.cpp - ONNX elementwise ops to TOSA --------------===//
//
// Arithmetic, activations, comparisons and casts. All of them work in either
// layout, so a chain after a convolution stays NHWC.
//
//===----------------------------------------------------------------------===//

#include "OnnxAttributes.h"
#include "OnnxGraphImporter.h"

#include <cmath>
#include <limits>

namespace mlir::roof::onnx_import {

using onnx::NodeProto;

namespace {
using Body = std::function<Value(TosaEmitter &, llvm::ArrayRef<Value>)>;

/// A converter that applies `body` to the inputs in any layout.
ConverterEntry elementwise(Body body, bool shapePreserving = false) {
  return {[body](GraphImporter &im, const NodeProto &node) {
            return im.convertInAnyLayout(node, [&](llvm::ArrayRef<Value> in) {
              return body(im.emit(), in);
            });
          },
          shapePreserving};
}

template <typename OpTy> ConverterEntry unary() {
  return elementwise([](TosaEmitter &e, llvm::ArrayRef<Value> in) {
    return e.create<OpTy>(TosaEmitter::typeOf(in[0]), in[0]);
  });
}

/// Variadic ops (Sum, Max, Min) fold their inputs left to right.
ConverterEntry variadic(Value (TosaEmitter::*op)(Value, Value)) {
  return elementwise([op](TosaEmitter &e, llvm::ArrayRef<Value> in) {
    Value acc = in[0];
    for (Value v : in.drop_front())
      acc = (e.*op)(acc, v);
    return acc;
  });
}

template <typename OpTy> ConverterEntry comparison(bool swap = false) {
  return elementwise([swap](TosaEmitter &e, llvm::ArrayRef<Value> in) {
    return e.binary<OpTy>(in[swap ? 1 : 0], in[swap ? 0 : 1],
                          e.builder().getI1Type());
  });
}

Type elementOf(Value v) { return TosaEmitter::elementTypeOf(v); }
int64_t rankOf(Value v) { return TosaEmitter::typeOf(v).getRank(); }

/// alpha * x + beta, clamped to [0, 1].
Value hardSigmoid(TosaEmitter &e, Value x, double alpha, double beta) {
  Value scaled = e.mul(x, e.scalar(alpha, elementOf(x), rankOf(x)));
  return e.clamp(e.add(scaled, e.scalar(beta, elementOf(x), rankOf(x))), 0.0,
                 1.0);
}

Value gelu(TosaEmitter &e, Value x, bool tanhApproximation) {
  Type t = elementOf(x);
  int64_t r = rankOf(x);
  Value inner;
  if (tanhApproximation) {
    // tanh(sqrt(2/pi) * (x + 0.044715 x^3))
    Value cube = e.mul(e.mul(x, x), x);
    Value poly = e.add(x, e.mul(cube, e.scalar(0.044715, t, r)));
    Value arg = e.mul(poly, e.scalar(std::sqrt(2.0 / M_PI), t, r));
    inner = e.create<tosa::TanhOp>(TosaEmitter::typeOf(arg), arg);
  } else {
    Value arg = e.mul(x, e.scalar(M_SQRT1_2, t, r));
    inner = e.create<tosa::ErfOp>(TosaEmitter::typeOf(arg), arg);
  }
  Value onePlus = e.add(inner, e.scalar(1.0, t, r));
  return e.mul(e.mul(x, onePlus), e.scalar(0.5, t, r));
}

LogicalResult convertClip(GraphImporter &im, const NodeProto &node) {
  double lo = -std::numeric_limits<double>::infinity();
  double hi = std::numeric_limits<double>::infinity();
  bool runtimeBounds = false;
  if (im.opset() < 11) {
    lo = floatAttr(node, "min", lo);
    hi = floatAttr(node, "max", hi);
  } else {
    for (int i : {1, 2}) {
      if (!im.hasInput(node, i))
        continue;
      const HostTensor *bound = im.constantInput(node, i);
      if (bound && bound->size() == 1)
        (i == 1 ? lo : hi) = bound->asDouble(0);
      else
        runtimeBounds = true;
    }
  }
  return im.convertInAnyLayout(node, [&](llvm::ArrayRef<Value> in) {
    TosaEmitter &e = im.emit();
    if (!runtimeBounds)
      return e.clamp(in[0], lo, hi);
    // Bounds computed at run time: max(min(x, hi), lo) as ONNX defines it.
    Value x = in[0];
    if (in.size() > 2 && in[2])
      x = e.minimum(x, in[2]);
    if (in.size() > 1 && in[1])
      x = e.maximum(x, in[1]);
    return x;
  });
}

LogicalResult convertCast(GraphImporter &im, const NodeProto &node) {
  Type to = im.elementType(intAttr(node, "to", 0));
  if (!to)
    return im.unsupported(node, "casts to this data type are not supported");
  return im.convertInAnyLayout(node, [&](llvm::ArrayRef<Value> in) -> Value {
    TosaEmitter &e = im.emit();
    Value x = in[0];
    // ONNX truncates floats toward zero; tosa.cast rounds to nearest.
    if (isa<FloatType>(elementOf(x)) && isa<IntegerType>(to) &&
        !to.isInteger(1)) {
      auto type = TosaEmitter::typeOf(x);
      Value negative = e.binary<tosa::GreaterOp>(
          e.scalar(0.0, elementOf(x), rankOf(x)), x, e.builder().getI1Type());
      x = e.create<tosa::SelectOp>(type, negative,
                                   e.create<tosa::CeilOp>(type, x),
                                   e.create<tosa::FloorOp>(type, x));
    }
    return e.cast(x, to);
  });
}

LogicalResult convertLeakyRelu(GraphImporter &im, const NodeProto &node) {
  double alpha = floatAttr(node, "alpha", 0.01f);
  return im.convertInAnyLayout(node, [&](llvm::ArrayRef<Value> in) {
    TosaEmitter &e = im.emit();
    Value x = in[0];
    auto type = TosaEmitter::typeOf(x);
    Value zero = e.scalar(0.0, elementOf(x), rankOf(x));
    Value positive =
        e.binary<tosa::GreaterEqualOp>(x, zero, e.builder().getI1Type());
    Value scaled = e.mul(x, e.scalar(alpha, elementOf(x), rankOf(x)));
    return e.create<tosa::SelectOp>(type, positive, x, scaled);
  });
}

LogicalResult convertPow(GraphImporter &im, const NodeProto &node) {
  // x^2 (variance in hand-written layer norms) is a multiply, not a
  // transcendental.
  if (!isa<FloatType>(im.inputType(node, 0).getElementType()))
    return im.unsupported(node, "integer bases are not supported (tosa.pow "
                                "is floating-point only)");
  const HostTensor *exponent = im.constantInput(node, 1);
  bool square = exponent && exponent->size() == 1 && exponent->asDouble(0) == 2;
  return im.convertInAnyLayout(node, [&](llvm::ArrayRef<Value> in) {
    TosaEmitter &e = im.emit();
    if (square)
      return e.mul(in[0], in[0]);
    return e.pow(in[0], e.cast(in[1], elementOf(in[0])));
  });
}
} // namespace

void registerElementwiseConverters(ConverterTable &table) {
  table["Add"] = variadic(&TosaEmitter::add);
  table["Sum"] = variadic(&TosaEmitter::add);
  table["Sub"] = variadic(&TosaEmitter::sub);
  table["Mul"] = variadic(&TosaEmitter::mul);
  table["Div"] = variadic(&TosaEmitter::div);
  table["Max"] = variadic(&TosaEmitter::maximum);
  table["Min"] = variadic(&TosaEmitter::minimum);
  table["Pow"] = {convertPow};
  table["Equal"] = comparison<tosa::EqualOp>();
  table["Greater"] = comparison<tosa::GreaterOp>();
  table["GreaterOrEqual"] = comparison<tosa::GreaterEqualOp>();
  table["Less"] = comparison<tosa::GreaterOp>(/*swap=*/true);
  table["LessOrEqual"] = comparison<tosa::GreaterEqualOp>(/*swap=*/true);
  table["Where"] = elementwise([](TosaEmitter &e, llvm::ArrayRef<Value> in) {
    int64_t rank = std::max({rankOf(in[0]), rankOf(in[1]), rankOf(in[2])});
    Value c = e.toRank(in[0], rank), x = e.toRank(in[1], rank),
          y = e.toRank(in[2], rank);
    auto shape = TosaEmitter::broadcastShape(
        TosaEmitter::broadcastShape(TosaEmitter::typeOf(c).getShape(),
                                    TosaEmitter::typeOf(x).getShape()),
        TosaEmitter::typeOf(y).getShape());
    return e.create<tosa::SelectOp>(e.tensorType(shape, elementOf(x)), c, x, y);
  });

  table["Relu"] = elementwise([](TosaEmitter &e, llvm::ArrayRef<Value> in) {
    return e.clamp(in[0], 0.0, std::numeric_limits<double>::infinity());
  });
  table["LeakyRelu"] = {convertLeakyRelu};
  table["Sigmoid"] = unary<tosa::SigmoidOp>();
  table["Tanh"] = unary<tosa::TanhOp>();
  table["Erf"] = unary<tosa::ErfOp>();
  table["Exp"] = unary<tosa::ExpOp>();
  table["Log"] = unary<tosa::LogOp>();
  table["Abs"] = unary<tosa::AbsOp>();
  table["Floor"] = unary<tosa::FloorOp>();
  table["Ceil"] = unary<tosa::CeilOp>();
  table["Reciprocal"] = unary<tosa::ReciprocalOp>();
  table["Not"] = unary<tosa::LogicalNotOp>();
  table["Neg"] = elementwise(
      [](TosaEmitter &e, llvm::ArrayRef<Value> in) { return e.negate(in[0]); });
  table["Sqrt"] = elementwise([](TosaEmitter &e, llvm::ArrayRef<Value> in) {
    return e.pow(in[0], e.scalar(0.5, elementOf(in[0]), rankOf(in[0])));
  });
  table["Clip"] = {convertClip};
  table["Cast"] = {convertCast};
  table["HardSigmoid"] = {[](GraphImporter &im, const NodeProto &node) {
    double alpha = floatAttr(node, "alpha", 0.2f);
    double beta = floatAttr(node, "beta", 0.5f);
    return im.convertInAnyLayout(node, [&](llvm::ArrayRef<Value> in) {
      return hardSigmoid(im.emit(), in[0], alpha, beta);
    });
  }};
  table["HardSwish"] =
      elementwise([](TosaEmitter &e, llvm::ArrayRef<Value> in) {
        return e.mul(in[0], hardSigmoid(e, in[0], 1.0 / 6.0, 0.5));
      });
  ConverterEntry geluEntry = {
      [](GraphImporter &im, const NodeProto &node) -> LogicalResult {
        std::string approximate = stringAttr(node, "approximate", "none");
        if (approximate != "none" && approximate != "tanh")
          return im.unsupported(node, "approximate='" + approximate +
                                          "' is not 'none' or 'tanh'");
        return im.convertInAnyLayout(node, [&](llvm::ArrayRef<Value> in) {
          return gelu(im.emit(), in[0], approximate == "tanh");
        });
      },
      /*shapePreserving=*/true};
  table["Gelu"] = geluEntry;
  table["com.microsoft:Gelu"] = geluEntry;
}

} // namespace mlir::roof::onnx_import
