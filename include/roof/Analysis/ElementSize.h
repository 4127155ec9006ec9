//===- ElementSize.h - Bits per element and bytes of tensors ----*- C++ -*-===//
//
// Sub-byte types count in bits: i4 is half a byte.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_ANALYSIS_ELEMENTSIZE_H
#define ROOF_ANALYSIS_ELEMENTSIZE_H

#include "mlir/IR/Types.h"

#include <cstdint>
#include <optional>

namespace mlir::roof {

/// Bits of one element of `type`: the width of integers and floats (f8 and
/// f4 variants included), 64 for `index`, twice the element for `complex`,
/// the element bits times the lanes for a static vector. std::nullopt for any
/// other type.
std::optional<uint64_t> getElementBits(Type type);

/// Bytes of `numElements` elements of `bits` bits each, rounded up to whole
/// bytes.
uint64_t getBytes(uint64_t numElements, uint64_t bits);

} // namespace mlir::roof

#endif // ROOF_ANALYSIS_ELEMENTSIZE_H
