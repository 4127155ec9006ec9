//===- Dtype.cpp - The element types targets give rates for ---------------===//

#include "roof/Target/Dtype.h"

using namespace mlir::roof;

namespace {
struct DtypeInfo {
  const char *name;
  /// In memory (tf32 is stored as f32).
  unsigned bits;
  bool integer;
};
} // namespace

/// Indexed by Dtype, in its order.
static constexpr DtypeInfo kInfo[] = {{"f64", 64, false},  {"f32", 32, false},
                                      {"tf32", 32, false}, {"f16", 16, false},
                                      {"bf16", 16, false}, {"f8", 8, false},
                                      {"i64", 64, true},   {"i32", 32, true},
                                      {"i8", 8, true},     {"i4", 4, true}};
static_assert(sizeof(kInfo) / sizeof(kInfo[0]) == kNumDtypes,
              "one entry per Dtype");

static const DtypeInfo &getInfo(Dtype dtype) {
  return kInfo[static_cast<unsigned>(dtype)];
}

llvm::StringRef mlir::roof::getDtypeName(Dtype dtype) {
  return getInfo(dtype).name;
}

std::optional<Dtype> mlir::roof::parseDtype(llvm::StringRef name) {
  for (Dtype dtype : kDtypes)
    if (getDtypeName(dtype) == name)
      return dtype;
  return std::nullopt;
}

unsigned mlir::roof::getDtypeBits(Dtype dtype) { return getInfo(dtype).bits; }

bool mlir::roof::isIntegerDtype(Dtype dtype) { return getInfo(dtype).integer; }
