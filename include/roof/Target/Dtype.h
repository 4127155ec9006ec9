//===- Dtype.h - The element types targets give rates for -------*- C++ -*-===//
//
// One enum for the dtypes a target rates, a deployment policy names and the
// report prints: parsed once where text comes in (target files, pass
// options), compared as values everywhere else.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_TARGET_DTYPE_H
#define ROOF_TARGET_DTYPE_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>

namespace mlir::roof {

enum class Dtype : uint8_t { F64, F32, TF32, F16, BF16, F8, I64, I32, I8, I4 };

/// Every dtype, in the order reports list them.
inline constexpr Dtype kDtypes[] = {
    Dtype::F64, Dtype::F32, Dtype::TF32, Dtype::F16, Dtype::BF16,
    Dtype::F8,  Dtype::I64, Dtype::I32,  Dtype::I8,  Dtype::I4};
inline constexpr unsigned kNumDtypes = sizeof(kDtypes) / sizeof(kDtypes[0]);

/// "f64", "f32", "tf32", "f16", "bf16", "f8", "i64", "i32", "i8", "i4".
llvm::StringRef getDtypeName(Dtype dtype);

/// The dtype `name` names, or std::nullopt.
std::optional<Dtype> parseDtype(llvm::StringRef name);

/// Bits of one element in memory (tf32 is stored as f32).
unsigned getDtypeBits(Dtype dtype);

/// Integer dtypes count operations (OP/s), the others FLOPs.
bool isIntegerDtype(Dtype dtype);

} // namespace mlir::roof

#endif // ROOF_TARGET_DTYPE_H
