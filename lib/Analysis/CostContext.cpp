//===- CostContext.cpp - What a cost model may ask about its op -----------===//

#include "roof/Analysis/CostContext.h"

#include "roof/Analysis/ElementSize.h"

#include "mlir/IR/BuiltinTypes.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace mlir::roof;

FailureOr<uint64_t> CostContext::resolveDim(int64_t size, const Twine &what) {
  if (!ShapedType::isDynamic(size))
    return static_cast<uint64_t>(size);
  if (options.dynamicDimSize)
    return static_cast<uint64_t>(*options.dynamicDimSize);
  return unknown(what + " is dynamic; bind it with dynamic-dim=N");
}

LogicalResult CostContext::unknown(const Twine &why) {
  reason = why.str();
  return failure();
}

FailureOr<SmallVector<uint64_t>> CostContext::resolveShape(ShapedType type,
                                                           const Twine &what) {
  if (!type.hasRank())
    return unknown(what + " is unranked");
  if (auto vector = dyn_cast<VectorType>(type); vector && vector.isScalable())
    return unknown(what + " is a scalable vector: its length is known only "
                          "at run time");
  SmallVector<uint64_t> shape;
  for (auto [i, size] : llvm::enumerate(type.getShape())) {
    FailureOr<uint64_t> resolved =
        resolveDim(size, "dimension " + Twine(i) + " of " + what);
    if (failed(resolved))
      return failure();
    shape.push_back(*resolved);
  }
  return shape;
}

FailureOr<uint64_t> CostContext::resolveElementBits(Type type,
                                                    const Twine &what) {
  if (std::optional<uint64_t> bits = getElementBits(type))
    return *bits;
  std::string name;
  llvm::raw_string_ostream os(name);
  type.print(os);
  return unknown("the element type " + name + " of " + what +
                 " has no known size");
}

FailureOr<uint64_t> CostContext::resolveNumElements(Type type,
                                                    const Twine &what) {
  auto shaped = dyn_cast<ShapedType>(type);
  if (!shaped)
    return 1;
  FailureOr<SmallVector<uint64_t>> shape = resolveShape(shaped, what);
  if (failed(shape))
    return failure();
  uint64_t elements = 1;
  for (uint64_t size : *shape)
    elements = mulCounts(elements, size);
  return elements;
}

FailureOr<uint64_t> CostContext::resolveBytes(Type type, const Twine &what) {
  if (!isa<TensorType, BaseMemRefType>(type))
    return 0;
  FailureOr<uint64_t> elements = resolveNumElements(type, what);
  if (failed(elements))
    return failure();
  FailureOr<uint64_t> bits =
      resolveElementBits(cast<ShapedType>(type).getElementType(), what);
  if (failed(bits))
    return failure();
  return getBytes(*elements, *bits);
}

LogicalResult CostContext::addRead(OpCost &cost, Value value,
                                   const Twine &what) {
  FailureOr<uint64_t> bytes = resolveBytes(value.getType(), what);
  if (failed(bytes))
    return failure();
  cost.bytesRead = addCounts(cost.bytesRead, *bytes);
  if (isWeight(value))
    cost.weightBytesRead = addCounts(cost.weightBytesRead, *bytes);
  return success();
}

LogicalResult CostContext::addWritten(OpCost &cost, Value value,
                                      const Twine &what) {
  FailureOr<uint64_t> bytes = resolveBytes(value.getType(), what);
  if (failed(bytes))
    return failure();
  cost.bytesWritten = addCounts(cost.bytesWritten, *bytes);
  return success();
}

LogicalResult CostContext::addOperandsRead(OpCost &cost, Operation *op) {
  for (OpOperand &operand : op->getOpOperands())
    if (failed(addRead(cost, operand.get(),
                       "operand " + Twine(operand.getOperandNumber()))))
      return failure();
  return success();
}

LogicalResult CostContext::addResultsWritten(OpCost &cost, Operation *op) {
  for (OpResult result : op->getResults())
    if (failed(addWritten(cost, result,
                          "result " + Twine(result.getResultNumber()))))
      return failure();
  return success();
}
