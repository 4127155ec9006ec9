//===- ElementSize.cpp - Bits per element and bytes of tensors ------------===//

#include "roof/Analysis/ElementSize.h"

#include "roof/Analysis/OpCost.h"

#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/IR/BuiltinTypes.h"

using namespace mlir;
using namespace mlir::roof;

std::optional<uint64_t> roof::getElementBits(Type type) {
  if (type.isIndex())
    return 64;
  if (type.isIntOrFloat())
    return type.getIntOrFloatBitWidth();
  // A quantized value is stored at its storage type's width
  // (!quant.uniform<i8:f32, ...> is a byte); a calibrated type has none.
  if (auto quantized = dyn_cast<quant::QuantizedType>(type)) {
    Type storage = quantized.getStorageType();
    return storage ? getElementBits(storage) : std::nullopt;
  }
  if (auto complex = dyn_cast<ComplexType>(type)) {
    std::optional<uint64_t> part = getElementBits(complex.getElementType());
    if (!part)
      return std::nullopt;
    return mulCounts(2, *part);
  }
  if (auto vector = dyn_cast<VectorType>(type)) {
    if (vector.isScalable())
      return std::nullopt;
    std::optional<uint64_t> lane = getElementBits(vector.getElementType());
    if (!lane)
      return std::nullopt;
    return mulCounts(*lane, vector.getNumElements());
  }
  return std::nullopt;
}

uint64_t roof::getBytes(uint64_t numElements, uint64_t bits) {
  uint64_t total = mulCounts(numElements, bits);
  if (total == kCountOverflow)
    return kCountOverflow;
  return total / 8 + (total % 8 != 0);
}
