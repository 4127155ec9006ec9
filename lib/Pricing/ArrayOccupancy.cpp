//===- ArrayOccupancy.cpp - A contraction on a MAC array ------------------===//

#include "roof/Pricing/ArrayOccupancy.h"

#include "roof/Analysis/OpClassification.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/IR/LinalgInterfaces.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace mlir::roof;

namespace {
/// A contraction as the array sees it: `reduction` inputs summed into each
/// output, `columns` outputs that read the same inputs.
struct ArrayWork {
  int64_t reduction = 1;
  int64_t columns = 1;
};
} // namespace

/// The product of `sizes` at `dims`, dynamic sizes taking `dynamic`;
/// std::nullopt when one is dynamic and there is no size for it, or the
/// product overflows.
static std::optional<int64_t> getProduct(ArrayRef<int64_t> sizes,
                                         ArrayRef<unsigned> dims,
                                         std::optional<int64_t> dynamic) {
  int64_t product = 1;
  for (unsigned dim : dims) {
    int64_t size = sizes[dim];
    if (ShapedType::isDynamic(size)) {
      if (!dynamic)
        return std::nullopt;
      size = *dynamic;
    }
    if (llvm::MulOverflow(product, size, product))
      return std::nullopt;
  }
  return product;
}

/// The work of a contraction whose reduction and columns are the
/// products of `sizes` at those dims.
static std::optional<ArrayWork> getWork(ArrayRef<int64_t> sizes,
                                        ArrayRef<unsigned> reduction,
                                        ArrayRef<unsigned> columns,
                                        std::optional<int64_t> dynamic) {
  std::optional<int64_t> k = getProduct(sizes, reduction, dynamic);
  std::optional<int64_t> n = getProduct(sizes, columns, dynamic);
  if (!k || !n)
    return std::nullopt;
  return ArrayWork{*k, *n};
}

/// The dims [begin, end) of a shape.
static SmallVector<unsigned> getRange(unsigned begin, unsigned end) {
  return llvm::to_vector(llvm::seq<unsigned>(begin, end));
}

/// A TOSA contraction's work, from its weight's (or right operand's) shape.
static std::optional<ArrayWork> getTosaWork(Operation *op, bool taps,
                                            std::optional<int64_t> dynamic) {
  auto shapeOf = [](Value value) -> ArrayRef<int64_t> {
    auto type = dyn_cast<ShapedType>(value.getType());
    return type && type.hasRank() ? type.getShape() : ArrayRef<int64_t>();
  };
  return llvm::TypeSwitch<Operation *, std::optional<ArrayWork>>(op)
      // Weights [O, K..., I]: the window taps join the reduction or not.
      .Case<tosa::Conv2DOp, tosa::Conv3DOp, tosa::TransposeConv2DOp>(
          [&](Operation *conv) -> std::optional<ArrayWork> {
            ArrayRef<int64_t> weight = shapeOf(conv->getOperand(1));
            if (weight.size() < 3)
              return std::nullopt;
            unsigned rank = weight.size();
            SmallVector<unsigned> reduction = {rank - 1};
            if (taps)
              reduction.append(getRange(1, rank - 1));
            return getWork(weight, reduction, {0}, dynamic);
          })
      // Weights [KH, KW, C, M]: each output reads one channel; the M
      // outputs of a channel share it.
      .Case([&](tosa::DepthwiseConv2DOp conv) -> std::optional<ArrayWork> {
        ArrayRef<int64_t> weight = shapeOf(conv.getWeight());
        if (weight.size() != 4)
          return std::nullopt;
        return getWork(weight, taps ? getRange(0, 2) : SmallVector<unsigned>(),
                       {3}, dynamic);
      })
      // [B, H, C] x [B, C, W].
      .Case([&](tosa::MatMulOp matmul) -> std::optional<ArrayWork> {
        ArrayRef<int64_t> right = shapeOf(matmul.getB());
        if (right.size() != 3)
          return std::nullopt;
        return getWork(right, {1}, {2}, dynamic);
      })
      .Default([](Operation *) { return std::nullopt; });
}

/// A linalg contraction's work, from its loops.
static std::optional<ArrayWork> getLinalgWork(linalg::LinalgOp op, bool taps,
                                              std::optional<int64_t> dynamic) {
  SmallVector<int64_t> loops = op.getStaticLoopRanges();
  FailureOr<linalg::ConvolutionDimensions> conv =
      linalg::inferConvolutionDims(op);
  if (succeeded(conv) && !conv->outputImage.empty()) {
    SmallVector<unsigned> reduction = llvm::to_vector(conv->inputChannel);
    if (taps)
      reduction.append(conv->filterLoop);
    return getWork(loops, reduction, conv->outputChannel, dynamic);
  }
  FailureOr<linalg::ContractionDimensions> matmul =
      linalg::inferContractionDims(op);
  if (succeeded(matmul))
    return getWork(loops, matmul->k, matmul->n, dynamic);
  return std::nullopt;
}

/// The share of `size` left when it is padded to a multiple of `step`.
static double getFill(int64_t size, unsigned step) {
  if (size <= 0)
    return 1;
  // In doubles: the padded size may not fit in 64 bits.
  return static_cast<double>(size) / (static_cast<double>(llvm::divideCeil(
                                          static_cast<uint64_t>(size), step)) *
                                      step);
}

double roof::getArrayEfficiency(Operation *op, const Target &target,
                                const CostOptions &options) {
  if (!target.matrixArray || !isContraction(op))
    return 1;
  std::optional<ArrayWork> work;
  if (auto linalgOp = dyn_cast<linalg::LinalgOp>(op))
    work =
        getLinalgWork(linalgOp, target.tapsInReduction, options.dynamicDimSize);
  else
    work = getTosaWork(op, target.tapsInReduction, options.dynamicDimSize);
  if (!work)
    return 1;
  auto [depth, width] = *target.matrixArray;
  return getFill(work->reduction, depth) * getFill(work->columns, width);
}
