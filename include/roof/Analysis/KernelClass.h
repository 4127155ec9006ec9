//===- KernelClass.h - The kinds of work a kernel does ----------*- C++ -*-===//
//
// A kernel's kind of work, as classification decides it (getKernelClass in
// OpClassification.h) and as a calibrated target prices it apart
// (Target::calibration): one vocabulary for both, and for the reports'
// `class`.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_ANALYSIS_KERNELCLASS_H
#define ROOF_ANALYSIS_KERNELCLASS_H

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"

#include <optional>

namespace mlir::roof {

/// Convolutions, depthwise convolutions, other contractions, pooling and
/// reductions, `pow` (a library call per element), other elementwise work,
/// kernels that only move data, and collectives between devices (priced
/// over links, Collectives.h).
enum class KernelClass {
  Conv,
  DepthwiseConv,
  Matmul,
  Reduction,
  Pow,
  Elementwise,
  Movement,
  Collective
};

/// The names, in the enum's order, as target files and reports write them.
inline constexpr llvm::StringLiteral kKernelClassNames[] = {
    "conv", "depthwise_conv", "matmul",   "reduction",
    "pow",  "elementwise",    "movement", "collective"};
inline constexpr unsigned kNumKernelClasses = std::size(kKernelClassNames);

inline llvm::StringRef getKernelClassName(KernelClass kernelClass) {
  return kKernelClassNames[static_cast<unsigned>(kernelClass)];
}

/// The class named `name`, or std::nullopt.
inline std::optional<KernelClass> parseKernelClass(llvm::StringRef name) {
  const auto *found = llvm::find(kKernelClassNames, name);
  if (found == std::end(kKernelClassNames))
    return std::nullopt;
  return static_cast<KernelClass>(found - std::begin(kKernelClassNames));
}

} // namespace mlir::roof

#endif // ROOF_ANALYSIS_KERNELCLASS_H
