//===- LinalgCostModels.cpp - Cost of linalg ops --------------------------===//
//
// One rule covers every structured op, named or generic:
//   FLOPs = iterations x payload arithmetic (a mul + add pair is a MAC = 2),
//   read  = distinct elements each input's indexing map touches x bits / 8,
//           plus the init when the payload reads it,
//   written = the init's footprint, once.
// Inputs the payload never reads (a pooling window's shape operand) and
// scalar inputs (a fill value, in a register) move no bytes.
//
//===----------------------------------------------------------------------===//

#include "roof/CostModels/CostModels.h"

#include "roof/Analysis/CostOpInterface.h"
#include "roof/Analysis/ElementSize.h"
#include "roof/Analysis/Footprint.h"
#include "roof/Analysis/ScalarArithmetic.h"
#include "roof/CostModels/CommonCostModels.h"

#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/DialectRegistry.h"

using namespace mlir;
using namespace mlir::roof;

/// The bytes of the elements of `operand` that its indexing map `map`
/// touches.
static FailureOr<uint64_t> getFootprintBytes(OpOperand *operand, AffineMap map,
                                             ArrayRef<uint64_t> loopRanges,
                                             CostContext &ctx) {
  unsigned number = operand->getOperandNumber();
  auto type = cast<ShapedType>(operand->get().getType());
  FailureOr<SmallVector<uint64_t>> shape =
      ctx.resolveShape(type, "operand " + Twine(number));
  if (failed(shape))
    return failure();
  FailureOr<uint64_t> bits =
      ctx.resolveElementBits(type.getElementType(), "operand " + Twine(number));
  if (failed(bits))
    return failure();
  uint64_t elements = countTouchedElements(map, loopRanges, *shape);
  return getBytes(elements, *bits);
}

/// FLOPs of one iteration of the payload, and the bytes it gathers with
/// `tensor.extract` from tensors that are not operands (an embedding lookup).
static LogicalResult countPayload(linalg::LinalgOp op, uint64_t iterations,
                                  CostContext &ctx, OpCost &cost) {
  for (Operation &nested : *op.getBlock()) {
    // Index queries, the terminator and runtime checks do no arithmetic, nor
    // does address arithmetic (ops on `index` values only).
    if (isa<linalg::YieldOp, linalg::IndexOp, cf::AssertOp>(nested) ||
        (nested.getNumOperands() != 0 &&
         llvm::all_of(nested.getOperandTypes(),
                      [](Type type) { return type.isIndex(); })))
      continue;
    if (auto extract = dyn_cast<tensor::ExtractOp>(nested)) {
      // One element per iteration; distinct elements are not worked out.
      FailureOr<uint64_t> bits = ctx.resolveElementBits(
          extract.getType(), "the payload's tensor.extract");
      if (failed(bits))
        return failure();
      uint64_t bytes = getBytes(iterations, *bits);
      cost.bytesRead = addCounts(cost.bytesRead, bytes);
      if (ctx.isWeight(extract.getTensor()))
        cost.weightBytesRead = addCounts(cost.weightBytesRead, bytes);
      continue;
    }
    std::optional<ScalarOpCount> count = getScalarOpCount(&nested);
    if (!count)
      return ctx.unknown("the payload op '" + nested.getName().getStringRef() +
                         "' has no FLOP count");
    // A payload on vector elements does its arithmetic once per lane.
    uint64_t lanes = 1;
    if (nested.getNumResults() == 1) {
      FailureOr<uint64_t> elements = ctx.resolveNumElements(
          nested.getResult(0).getType(), "the payload op's result");
      if (failed(elements))
        return failure();
      lanes = *elements;
    }
    uint64_t perIteration = mulCounts(iterations, lanes);
    cost.flops = addCounts(cost.flops, mulCounts(perIteration, count->flops));
    cost.transcendentals = addCounts(
        cost.transcendentals, mulCounts(perIteration, count->transcendentals));
  }
  return success();
}

static FailureOr<OpCost> computeStructuredOpCost(linalg::LinalgOp op,
                                                 CostContext &ctx) {
  for (OpOperand &operand : op->getOpOperands())
    if (auto shaped = dyn_cast<ShapedType>(operand.get().getType());
        shaped && !shaped.hasRank())
      return ctx.unknown("operand " + Twine(operand.getOperandNumber()) +
                         " is unranked");

  SmallVector<uint64_t> loopRanges;
  uint64_t iterations = 1;
  for (auto [i, range] : llvm::enumerate(op.getStaticLoopRanges())) {
    FailureOr<uint64_t> resolved =
        ctx.resolveDim(range, "loop dimension " + Twine(i));
    if (failed(resolved))
      return failure();
    loopRanges.push_back(*resolved);
    iterations = mulCounts(iterations, *resolved);
  }

  OpCost cost;
  if (failed(countPayload(op, iterations, ctx, cost)))
    return failure();

  // Named ops build their maps on every query: build them once.
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();
  auto footprint = [&](OpOperand *operand) {
    return getFootprintBytes(operand, maps[operand->getOperandNumber()],
                             loopRanges, ctx);
  };
  for (OpOperand *input : op.getDpsInputOperands()) {
    if (!isa<ShapedType>(input->get().getType()) ||
        !op.payloadUsesValueFromOperand(input))
      continue;
    FailureOr<uint64_t> bytes = footprint(input);
    if (failed(bytes))
      return failure();
    cost.bytesRead = addCounts(cost.bytesRead, *bytes);
    if (ctx.isWeight(input->get()))
      cost.weightBytesRead = addCounts(cost.weightBytesRead, *bytes);
  }
  for (OpOperand &init : op.getDpsInitsMutable()) {
    FailureOr<uint64_t> bytes = footprint(&init);
    if (failed(bytes))
      return failure();
    cost.bytesWritten = addCounts(cost.bytesWritten, *bytes);
    if (op.payloadUsesValueFromOperand(&init)) {
      cost.bytesRead = addCounts(cost.bytesRead, *bytes);
      if (ctx.isWeight(init.get()))
        cost.weightBytesRead = addCounts(cost.weightBytesRead, *bytes);
    }
  }
  return cost;
}

/// The signature that decides a named structured op's cost
/// (CostContext::Signature); std::nullopt for a generic, whose payload is
/// its own, or an op with more operands than the weight mask holds.
static std::optional<CostContext::Signature>
getNamedOpSignature(linalg::LinalgOp op, CostContext &ctx) {
  if (isa<linalg::GenericOp>(op) || op->getNumOperands() > 64)
    return std::nullopt;
  CostContext::Signature signature;
  signature.push_back(op->getName().getAsOpaquePointer());
  signature.push_back(op->getRawDictionaryAttrs().getAsOpaquePointer());
  // Inherent attributes one by one (a properties dictionary would be built
  // on every query); operand segment sizes follow from the types below.
  for (StringAttr name : op->getName().getAttributeNames())
    if (name.getValue() != "operandSegmentSizes")
      signature.push_back(op->getInherentAttr(name.getValue())
                              .value_or(Attribute())
                              .getAsOpaquePointer());
  uint64_t weights = 0;
  for (OpOperand &operand : op->getOpOperands()) {
    signature.push_back(operand.get().getType().getAsOpaquePointer());
    if (ctx.isWeight(operand.get()))
      weights |= uint64_t(1) << operand.getOperandNumber();
  }
  for (Type type : op->getResultTypes())
    signature.push_back(type.getAsOpaquePointer());
  signature.push_back(reinterpret_cast<const void *>(weights));
  return signature;
}

namespace {
template <typename OpTy>
struct StructuredOpCostModel
    : public CostOpInterface::ExternalModel<StructuredOpCostModel<OpTy>, OpTy> {
  FailureOr<OpCost> getCost(Operation *op, CostContext &ctx) const {
    auto linalgOp = cast<linalg::LinalgOp>(op);
    std::optional<CostContext::Signature> signature =
        getNamedOpSignature(linalgOp, ctx);
    if (!signature)
      return computeStructuredOpCost(linalgOp, ctx);
    auto &known = ctx.getSignatureCosts();
    if (auto it = known.find(*signature); it != known.end())
      return it->second;
    // Only successes are kept: an op whose cost is unknown says why itself.
    FailureOr<OpCost> cost = computeStructuredOpCost(linalgOp, ctx);
    if (succeeded(cost))
      known.emplace(std::move(*signature), *cost);
    return cost;
  }
};

/// softmax(x) along one dim, as upstream decomposes it: a max reduction, a
/// subtract and exp, a sum reduction and a divide, i.e. 5 FLOPs per element
/// of which 1 is transcendental. Intermediates stay on chip: x is read once
/// and the result written once.
struct SoftmaxCostModel
    : public CostOpInterface::ExternalModel<SoftmaxCostModel,
                                            linalg::SoftmaxOp> {
  FailureOr<OpCost> getCost(Operation *op, CostContext &ctx) const {
    auto softmax = cast<linalg::SoftmaxOp>(op);
    FailureOr<SmallVector<uint64_t>> shape =
        ctx.resolveShape(softmax.getInputOperandType(), "the input");
    if (failed(shape))
      return failure();
    uint64_t elements = 1;
    for (uint64_t size : *shape)
      elements = mulCounts(elements, size);
    OpCost cost;
    cost.flops = mulCounts(5, elements);
    cost.transcendentals = elements;
    if (failed(ctx.addRead(cost, softmax.getInput(), "the input")) ||
        failed(ctx.addWritten(cost, softmax.getOutput(), "the output")))
      return failure();
    return cost;
  }
};

} // namespace

template <typename... OpTys>
static void attachStructuredOpCostModels(MLIRContext &context) {
  (OpTys::template attachInterface<StructuredOpCostModel<OpTys>>(context), ...);
}

void roof::registerLinalgCostModels(DialectRegistry &registry) {
  registry.addExtension(+[](MLIRContext *context, linalg::LinalgDialect *) {
    attachStructuredOpCostModels<
#define GET_OP_LIST
#include "mlir/Dialect/Linalg/IR/LinalgStructuredOps.cpp.inc"
        >(*context);
    linalg::SoftmaxOp::attachInterface<SoftmaxCostModel>(*context);
    // pack / unpack: a relayout from operand 0 (source) to 1 (destination).
    linalg::PackOp::attachInterface<CopyCostModel<linalg::PackOp, 0, 1>>(
        *context);
    linalg::UnPackOp::attachInterface<CopyCostModel<linalg::UnPackOp, 0, 1>>(
        *context);
  });
}
