//===- TosaCostModels.cpp - Cost of TOSA 1.0 ops --------------------------===//
//
// Per-op formulas for every TOSA op of MLIR 22, with the conventions of the
// linalg rule: a MAC is 2 FLOPs, every tensor operand is read once at its own
// size (a broadcast input reads its own elements, zero points their one
// element), every result is written once. Convolutions count every kernel
// position, those on padding too (the dense convention).
//
//===----------------------------------------------------------------------===//

#include "roof/CostModels/CostModels.h"

#include "roof/Analysis/ScalarArithmetic.h"
#include "roof/CostModels/CommonCostModels.h"

#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/Matchers.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace mlir::roof;

//===----------------------------------------------------------------------===//
// Elementwise
//===----------------------------------------------------------------------===//

/// FLOPs per output element of an elementwise TOSA op; std::nullopt for ops
/// that are not elementwise.
static std::optional<ScalarOpCount> getElementwiseCount(Operation *op) {
  // Conversions and lookups.
  if (isa<tosa::CastOp, tosa::TableOp>(op))
    return ScalarOpCount{0, 0};
  if (isa<tosa::ExpOp, tosa::LogOp, tosa::SinOp, tosa::CosOp, tosa::TanhOp,
          tosa::ErfOp, tosa::RsqrtOp, tosa::PowOp>(op))
    return ScalarOpCount{1, 1};
  // 1 / (1 + exp(-x)): negate, exp, add, divide.
  if (isa<tosa::SigmoidOp>(op))
    return ScalarOpCount{4, 1};
  // max and min.
  if (isa<tosa::ClampOp>(op))
    return ScalarOpCount{2, 0};
  // Subtract the input zero point, apply_scale (3), add the output zero
  // point, clamp to the output range (2).
  if (isa<tosa::RescaleOp>(op))
    return ScalarOpCount{7, 0};
  if (isa<tosa::ApplyScaleOp>(op))
    return getScalarOpCount(op);
  // Multiply by the block's scale.
  if (isa<tosa::CastFromBlockScaledOp>(op))
    return ScalarOpCount{1, 0};
  // Per element (the data result has the input's elements): its share of
  // the block's max-abs and the divide by the block's scale.
  if (isa<tosa::CastToBlockScaledOp>(op))
    return ScalarOpCount{2, 0};
  if (isa<tosa::AddOp, tosa::SubOp, tosa::MulOp, tosa::IntDivOp,
          tosa::MaximumOp, tosa::MinimumOp, tosa::ArithmeticRightShiftOp,
          tosa::BitwiseAndOp, tosa::BitwiseOrOp, tosa::BitwiseXorOp,
          tosa::BitwiseNotOp, tosa::LogicalAndOp, tosa::LogicalOrOp,
          tosa::LogicalXorOp, tosa::LogicalNotOp, tosa::LogicalLeftShiftOp,
          tosa::LogicalRightShiftOp, tosa::EqualOp, tosa::GreaterOp,
          tosa::GreaterEqualOp, tosa::SelectOp, tosa::AbsOp, tosa::NegateOp,
          tosa::CeilOp, tosa::FloorOp, tosa::ClzOp, tosa::ReciprocalOp>(op))
    return ScalarOpCount{1, 0};
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// Contractions, pooling, reductions, FFTs: FLOPs from shapes, bytes of all
// operands and results
//===----------------------------------------------------------------------===//

namespace {
/// Elements of operand or result values, resolved through the context.
struct Shapes {
  CostContext &ctx;

  FailureOr<uint64_t> elements(Value value, const Twine &what) {
    return ctx.resolveNumElements(value.getType(), what);
  }
  FailureOr<uint64_t> dim(Value value, unsigned index, const Twine &what) {
    auto type = cast<ShapedType>(value.getType());
    if (!type.hasRank())
      return ctx.unknown(what + " is unranked");
    return ctx.resolveDim(type.getDimSize(index),
                          "dimension " + Twine(index) + " of " + what);
  }
};

/// One add per output element, unless the bias is a zero constant (importers
/// emit one where the source convolution has no bias): then none.
static uint64_t biasAdds(Value bias, uint64_t outputs) {
  return matchPattern(bias, m_AnyZeroFloat()) || matchPattern(bias, m_Zero())
             ? 0
             : outputs;
}

/// The FLOPs of an op whose bytes are all its operands and results.
static FailureOr<OpCost> getShapedOpFlops(Operation *op, Shapes &shapes) {
  using Result = FailureOr<OpCost>;
  auto withFlops = [](uint64_t flops, uint64_t transcendentals = 0) {
    OpCost cost;
    cost.flops = flops;
    cost.transcendentals = transcendentals;
    return Result(cost);
  };
  return llvm::TypeSwitch<Operation *, Result>(op)
      // conv2d/conv3d: weight [OC, K..., IC]; MACs = output elements x the
      // weight elements per output channel; plus one bias add per output.
      .Case<tosa::Conv2DOp, tosa::Conv3DOp>([&](auto conv) -> Result {
        FailureOr<uint64_t> out =
            shapes.elements(conv.getOutput(), "the output");
        FailureOr<uint64_t> weight =
            shapes.elements(conv.getWeight(), "the weight");
        FailureOr<uint64_t> oc = shapes.dim(conv.getWeight(), 0, "the weight");
        if (failed(out) || failed(weight) || failed(oc))
          return failure();
        uint64_t macs = *oc == 0 ? 0 : mulCounts(*out, *weight / *oc);
        return withFlops(
            addCounts(mulCounts(2, macs), biasAdds(conv.getBias(), *out)));
      })
      // depthwise: weight [KH, KW, C, M], output channels C x M; MACs =
      // output elements x KH x KW; plus the bias adds.
      .Case([&](tosa::DepthwiseConv2DOp conv) -> Result {
        FailureOr<uint64_t> out =
            shapes.elements(conv.getOutput(), "the output");
        FailureOr<uint64_t> kh = shapes.dim(conv.getWeight(), 0, "the weight");
        FailureOr<uint64_t> kw = shapes.dim(conv.getWeight(), 1, "the weight");
        if (failed(out) || failed(kh) || failed(kw))
          return failure();
        return withFlops(addCounts(mulCounts(2, *out, *kh, *kw),
                                   biasAdds(conv.getBias(), *out)));
      })
      // transpose conv: every input element is scattered through the whole
      // kernel: MACs = input elements x KH x KW x OC (weight [OC, KH, KW,
      // IC]); plus the bias adds.
      .Case([&](tosa::TransposeConv2DOp conv) -> Result {
        FailureOr<uint64_t> in = shapes.elements(conv.getInput(), "the input");
        FailureOr<uint64_t> out =
            shapes.elements(conv.getOutput(), "the output");
        FailureOr<uint64_t> weight =
            shapes.elements(conv.getWeight(), "the weight");
        FailureOr<uint64_t> ic = shapes.dim(conv.getWeight(), 3, "the weight");
        if (failed(in) || failed(out) || failed(weight) || failed(ic))
          return failure();
        uint64_t macs = *ic == 0 ? 0 : mulCounts(*in, *weight / *ic);
        return withFlops(
            addCounts(mulCounts(2, macs), biasAdds(conv.getBias(), *out)));
      })
      // matmul [N, H, C] x [N, C, W]: MACs = output elements x C.
      .Case([&](tosa::MatMulOp matmul) -> Result {
        FailureOr<uint64_t> out =
            shapes.elements(matmul.getOutput(), "the output");
        FailureOr<uint64_t> c = shapes.dim(matmul.getA(), 2, "A");
        if (failed(out) || failed(c))
          return failure();
        return withFlops(mulCounts(2, *out, *c));
      })
      // Block-scaled matmul: the MACs, and per output element and block the
      // product of the two scales and its multiply into the partial sum.
      .Case([&](tosa::MatmulTBlockScaledOp matmul) -> Result {
        FailureOr<uint64_t> out =
            shapes.elements(matmul.getOutputData(), "the output");
        FailureOr<uint64_t> c = shapes.dim(matmul.getAData(), 2, "A");
        FailureOr<uint64_t> blocks =
            shapes.dim(matmul.getAScale(), 2, "A's scale");
        if (failed(out) || failed(c) || failed(blocks))
          return failure();
        return withFlops(
            addCounts(mulCounts(2, *out, *c), mulCounts(2, *out, *blocks)));
      })
      // Pooling: one max (or add) per window position; avg adds a divide.
      .Case([&](tosa::MaxPool2dOp pool) -> Result {
        FailureOr<uint64_t> out =
            shapes.elements(pool.getOutput(), "the output");
        if (failed(out))
          return failure();
        return withFlops(
            mulCounts(*out, pool.getKernel()[0], pool.getKernel()[1]));
      })
      .Case([&](tosa::AvgPool2dOp pool) -> Result {
        FailureOr<uint64_t> out =
            shapes.elements(pool.getOutput(), "the output");
        if (failed(out))
          return failure();
        return withFlops(mulCounts(
            *out,
            addCounts(mulCounts(pool.getKernel()[0], pool.getKernel()[1]), 1)));
      })
      // Reductions: one op per input element.
      .Case<tosa::ReduceSumOp, tosa::ReduceMaxOp, tosa::ReduceMinOp,
            tosa::ReduceProductOp, tosa::ReduceAllOp, tosa::ReduceAnyOp>(
          [&](Operation *reduce) -> Result {
            FailureOr<uint64_t> in =
                shapes.elements(reduce->getOperand(0), "the input");
            if (failed(in))
              return failure();
            return withFlops(*in);
          })
      // argmax: compare, select the value, select the index.
      .Case([&](tosa::ArgMaxOp argmax) -> Result {
        FailureOr<uint64_t> in =
            shapes.elements(argmax.getInput(), "the input");
        if (failed(in))
          return failure();
        return withFlops(mulCounts(3, *in));
      })
      // FFT of M = H x W points per batch: 5 M log2 M for a complex
      // transform, half of it for a real one.
      .Case<tosa::FFT2dOp, tosa::RFFT2dOp>([&](auto fft) -> Result {
        Value in = fft.getInputReal();
        FailureOr<uint64_t> n = shapes.dim(in, 0, "the input");
        FailureOr<uint64_t> h = shapes.dim(in, 1, "the input");
        FailureOr<uint64_t> w = shapes.dim(in, 2, "the input");
        if (failed(n) || failed(h) || failed(w))
          return failure();
        uint64_t points = mulCounts(*h, *w);
        uint64_t flops = mulCounts(5, *n, points, llvm::Log2_64_Ceil(points));
        if (isa<tosa::RFFT2dOp>(fft.getOperation()))
          flops /= 2;
        return withFlops(flops);
      })
      // Resize: nearest copies; bilinear blends four inputs with three lerps
      // (a + t (b - a): 3 FLOPs each) per output element.
      .Case([&](tosa::ResizeOp resize) -> Result {
        FailureOr<uint64_t> out =
            shapes.elements(resize.getOutput(), "the output");
        if (failed(out))
          return failure();
        bool bilinear = resize.getMode() == tosa::ResizeMode::BILINEAR;
        return withFlops(bilinear ? mulCounts(9, *out) : 0);
      })
      .Default([](Operation *) -> Result { return OpCost(); });
}

/// An op that reads all its operands and writes all its results, with the
/// FLOPs of getShapedOpFlops.
template <typename OpTy>
struct ShapedOpCostModel
    : public CostOpInterface::ExternalModel<ShapedOpCostModel<OpTy>, OpTy> {
  FailureOr<OpCost> getCost(Operation *op, CostContext &ctx) const {
    Shapes shapes{ctx};
    FailureOr<OpCost> cost = getShapedOpFlops(op, shapes);
    if (failed(cost) || failed(ctx.addOperandsRead(*cost, op)) ||
        failed(ctx.addResultsWritten(*cost, op)))
      return failure();
    return cost;
  }
};
} // namespace

//===----------------------------------------------------------------------===//
// Transposes, gathers, scatters, variables
//===----------------------------------------------------------------------===//

namespace {
/// gather: reads the indices and the gathered rows (the output's size, not
/// the whole values tensor), writes the output.
struct GatherCostModel
    : public CostOpInterface::ExternalModel<GatherCostModel, tosa::GatherOp> {
  FailureOr<OpCost> getCost(Operation *op, CostContext &ctx) const {
    auto gather = cast<tosa::GatherOp>(op);
    OpCost cost;
    FailureOr<uint64_t> rows =
        ctx.resolveBytes(gather.getOutput().getType(), "the output");
    if (failed(rows) ||
        failed(ctx.addRead(cost, gather.getIndices(), "the indices")) ||
        failed(ctx.addWritten(cost, gather.getOutput(), "the output")))
      return failure();
    cost.bytesRead = addCounts(cost.bytesRead, *rows);
    if (ctx.isWeight(gather.getValues()))
      cost.weightBytesRead = addCounts(cost.weightBytesRead, *rows);
    return cost;
  }
};

/// scatter: writes the input rows into values_in in place: reads the
/// indices and the input, writes the input's size.
struct ScatterCostModel
    : public CostOpInterface::ExternalModel<ScatterCostModel, tosa::ScatterOp> {
  FailureOr<OpCost> getCost(Operation *op, CostContext &ctx) const {
    auto scatter = cast<tosa::ScatterOp>(op);
    OpCost cost;
    if (failed(ctx.addRead(cost, scatter.getIndices(), "the indices")) ||
        failed(ctx.addRead(cost, scatter.getInput(), "the input")) ||
        failed(ctx.addWritten(cost, scatter.getInput(), "the input")))
      return failure();
    return cost;
  }
};

/// transpose: a relayout that reads and writes the whole tensor, except one
/// that keeps the order of the dims larger than 1, which moves nothing in a
/// row-major layout: it is a reshape (the importer emits one when the
/// sizes are known; a module that keeps a dim dynamic has the transpose).
struct TransposeCostModel
    : public CostOpInterface::ExternalModel<TransposeCostModel,
                                            tosa::TransposeOp> {
  FailureOr<OpCost> getCost(Operation *op, CostContext &ctx) const {
    auto transpose = cast<tosa::TransposeOp>(op);
    FailureOr<SmallVector<uint64_t>> dims =
        ctx.resolveShape(transpose.getInput1().getType(), "the input");
    if (failed(dims))
      return failure();
    SmallVector<int32_t> moved;
    for (int32_t dim : transpose.getPerms())
      if ((*dims)[dim] != 1)
        moved.push_back(dim);
    OpCost cost;
    if (llvm::is_sorted(moved))
      return cost;
    if (failed(ctx.addOperandsRead(cost, op)) ||
        failed(ctx.addResultsWritten(cost, op)))
      return failure();
    return cost;
  }
};

/// variable_read reads the variable's value (its result).
struct VariableReadCostModel
    : public CostOpInterface::ExternalModel<VariableReadCostModel,
                                            tosa::VariableReadOp> {
  FailureOr<OpCost> getCost(Operation *op, CostContext &ctx) const {
    OpCost cost;
    if (failed(ctx.addRead(cost, op->getResult(0), "the value")))
      return failure();
    return cost;
  }
};

/// variable_write writes its input into the variable.
struct VariableWriteCostModel
    : public CostOpInterface::ExternalModel<VariableWriteCostModel,
                                            tosa::VariableWriteOp> {
  FailureOr<OpCost> getCost(Operation *op, CostContext &ctx) const {
    OpCost cost;
    if (failed(ctx.addWritten(cost, op->getOperand(0), "the value")))
      return failure();
    return cost;
  }
};
} // namespace

template <typename... OpTys>
static void attachShapedOpCostModels(MLIRContext &context) {
  (OpTys::template attachInterface<ShapedOpCostModel<OpTys>>(context), ...);
}

void roof::registerTosaCostModels(DialectRegistry &registry) {
  registry.addExtension(+[](MLIRContext *context, tosa::TosaDialect *) {
    attachElementwiseCostModels<
        getElementwiseCount, tosa::AbsOp, tosa::AddOp, tosa::ApplyScaleOp,
        tosa::ArithmeticRightShiftOp, tosa::BitwiseAndOp, tosa::BitwiseNotOp,
        tosa::BitwiseOrOp, tosa::BitwiseXorOp, tosa::CastFromBlockScaledOp,
        tosa::CastToBlockScaledOp, tosa::CastOp, tosa::CeilOp, tosa::ClampOp,
        tosa::ClzOp, tosa::CosOp, tosa::EqualOp, tosa::ErfOp, tosa::ExpOp,
        tosa::FloorOp, tosa::GreaterEqualOp, tosa::GreaterOp, tosa::IntDivOp,
        tosa::LogOp, tosa::LogicalAndOp, tosa::LogicalLeftShiftOp,
        tosa::LogicalNotOp, tosa::LogicalOrOp, tosa::LogicalRightShiftOp,
        tosa::LogicalXorOp, tosa::MaximumOp, tosa::MinimumOp, tosa::MulOp,
        tosa::NegateOp, tosa::PowOp, tosa::ReciprocalOp, tosa::RescaleOp,
        tosa::RsqrtOp, tosa::SelectOp, tosa::SigmoidOp, tosa::SinOp,
        tosa::SubOp, tosa::TableOp, tosa::TanhOp>(*context);
    attachShapedOpCostModels<
        tosa::Conv2DOp, tosa::Conv3DOp, tosa::DepthwiseConv2DOp,
        tosa::TransposeConv2DOp, tosa::MatMulOp, tosa::MatmulTBlockScaledOp,
        tosa::MaxPool2dOp, tosa::AvgPool2dOp, tosa::ReduceSumOp,
        tosa::ReduceMaxOp, tosa::ReduceMinOp, tosa::ReduceProductOp,
        tosa::ReduceAllOp, tosa::ReduceAnyOp, tosa::ArgMaxOp, tosa::FFT2dOp,
        tosa::RFFT2dOp, tosa::ResizeOp>(*context);
    // Whole-tensor data movement.
    attachMaterializeCostModels<tosa::ConcatOp, tosa::PadOp, tosa::ReverseOp,
                                tosa::TileOp>(*context);
    tosa::TransposeOp::attachInterface<TransposeCostModel>(*context);
    tosa::SliceOp::attachInterface<SliceCostModel<tosa::SliceOp>>(*context);
    tosa::GatherOp::attachInterface<GatherCostModel>(*context);
    tosa::ScatterOp::attachInterface<ScatterCostModel>(*context);
    tosa::VariableReadOp::attachInterface<VariableReadCostModel>(*context);
    tosa::VariableWriteOp::attachInterface<VariableWriteCostModel>(*context);
    // Views, constants (their bytes count where they are read, as weights),
    // declarations and shape arithmetic on !tosa.shape values.
    attachFreeOpCostModels<
        tosa::ReshapeOp, tosa::IdentityOp, tosa::ConstOp, tosa::ConstShapeOp,
        tosa::VariableOp, tosa::AddShapeOp, tosa::ConcatShapeOp, tosa::DimOp,
        tosa::DivCeilShapeOp, tosa::DivFloorShapeOp, tosa::Exp2ShapeOp,
        tosa::Log2CeilShapeOp, tosa::Log2FloorShapeOp, tosa::MaxShapeOp,
        tosa::MinShapeOp, tosa::ModShapeOp, tosa::MulShapeOp,
        tosa::SliceShapeOp, tosa::SubShapeOp>(*context);
  });
}
