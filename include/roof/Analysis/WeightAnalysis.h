//===- WeightAnalysis.h - Which values are weights --------------*- C++ -*-===//
//
// Splits the bytes an op reads into weights and activations, and counts a
// function's parameters.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_ANALYSIS_WEIGHTANALYSIS_H
#define ROOF_ANALYSIS_WEIGHTANALYSIS_H

#include "mlir/IR/Value.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

namespace mlir::roof {

/// The function-argument attribute that marks a parameter (weight) argument.
inline constexpr llvm::StringLiteral kParamArgAttrName = "roof.param";

struct WeightOptions {
  /// Indices of function arguments that hold parameters, in every function,
  /// in addition to arguments carrying the `roof.param` attribute.
  llvm::SmallVector<unsigned> paramArgs;
};

/// Parameter count and bytes of a function's weights.
struct ParameterTotals {
  uint64_t params = 0;
  uint64_t bytes = 0;
};

/// A value is a weight when it comes from a constant (`arith.constant`,
/// any ConstantLike op, dense resources included) that is not a splat, a global
/// (`ml_program.global_load[_const]`, `memref.get_global`), or a function
/// argument marked as a parameter, possibly through views, slices, reshapes,
/// transposes and broadcasts of such a value.
class WeightAnalysis {
public:
  explicit WeightAnalysis(const WeightOptions &options) : options(options) {}

  bool isWeight(Value value) const;

  /// The elements and bytes of the distinct weight roots of `fn`: each
  /// shaped constant, each global loaded (once per symbol) and each
  /// parameter argument.
  ParameterTotals countParameters(FunctionOpInterface fn) const;

private:
  bool isParamArgument(BlockArgument arg) const;
  /// Whether `value` is a root: defined by a constant, a global load or a
  /// parameter argument.
  bool isWeightRoot(Value value) const;
  /// The value a weight-preserving op (view, reshape, …) forwards, if any.
  static Value getForwardedSource(Operation *op);

  const WeightOptions &options;
  mutable llvm::DenseMap<Value, bool> cache;
};

} // namespace mlir::roof

#endif // ROOF_ANALYSIS_WEIGHTANALYSIS_H
