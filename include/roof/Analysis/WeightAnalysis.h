//===- WeightAnalysis.h - Which values are weights --------------*- C++ -*-===//
//
// Splits the bytes an op reads into weights and activations, decides which
// ops a deployment runs ahead of time (they compute from weights alone), and
// counts a function's parameters in the form its run-time ops read them.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_ANALYSIS_WEIGHTANALYSIS_H
#define ROOF_ANALYSIS_WEIGHTANALYSIS_H

#include "mlir/IR/Value.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

namespace mlir::roof {

/// The function-argument attribute that marks a parameter (weight) argument.
inline constexpr llvm::StringLiteral kParamArgAttrName = "roof.param";

struct WeightOptions {
  /// Indices of function arguments that hold parameters, in every public
  /// function (the entry points; a private helper's arguments are what its
  /// callers pass), in addition to arguments carrying the `roof.param`
  /// attribute.
  llvm::SmallVector<unsigned> paramArgs;
  /// Price the IR as written: ops on weights alone run at run time, and
  /// parameters are counted where they are stored (constants, globals,
  /// parameter arguments) rather than in the form their consumers read.
  bool asWritten = false;
};

/// Parameter count and bytes of a function's weights.
struct ParameterTotals {
  uint64_t params = 0;
  uint64_t bytes = 0;
  /// The part of `params` computed ahead of time by prepared ops.
  uint64_t preparedParams = 0;
};

/// Weights are stored values: constants that are not splats (dense resources
/// included), globals (`ml_program.global_load[_const]`, `memref.get_global`)
/// and function arguments marked as parameters. By default (the deployment
/// view) an op that computes from values known before the first inference
/// (weights, splat and scalar constants, empty tensors), that writes no more
/// elements than it reads and does not widen a narrow weight, is *prepared
/// ahead of time*: a deployment compiler runs it once (folding, layout
/// changes, slices of packed parameters), and its results are weights too. As
/// written, only views of weights (slices, reshapes, transposes, broadcasts)
/// are weights, and nothing is prepared. The rules are in docs/cost-model.md.
class WeightAnalysis {
public:
  explicit WeightAnalysis(const WeightOptions &options) : options(options) {}

  bool isWeight(Value value) const;

  /// Whether `op` runs ahead of time: it computes from values known before
  /// the first inference (see the class comment); its results are weights
  /// when it reads any.
  bool isPrepared(Operation *op) const;

  /// The elements and bytes of the parameters of `fn`. Deployed: each
  /// distinct weight value that a run-time op reads (a global once per
  /// symbol), and a weight read in several layouts once (getLayoutSource).
  /// As written: each shaped constant, each global loaded (once per symbol)
  /// and each parameter argument.
  ParameterTotals countParameters(FunctionOpInterface fn) const;

  /// The weight `value` is a prepared layout of (a transpose or reshape,
  /// through each of them), or `value` itself.
  Value getLayoutSource(Value value) const;

private:
  /// What a value holds.
  enum class Origin {
    /// Depends on a run-time input.
    Runtime,
    /// Holds no data: an empty tensor.
    Empty,
    /// Known before the first inference but not stored: a splat constant, a
    /// scalar, or what an op expands from such values and weights (a fill, a
    /// broadcast bias).
    Constant,
    /// A weight: stored, or (deployed) prepared from weights ahead of time.
    Weight,
  };

  bool isParamArgument(BlockArgument arg) const;
  Origin getOrigin(Value value) const;
  /// The origin of `value` when it needs no operand's origin; std::nullopt
  /// when it is the result of an op whose operands decide.
  std::optional<Origin> getRootOrigin(Value value) const;
  /// The origin of the results of `op`, from its operands' origins (which
  /// must be cached), and whether the op is prepared ahead of time.
  struct Combined {
    Origin origin;
    bool prepared;
  };
  Combined combineOperands(Operation *op) const;

  const WeightOptions &options;
  mutable llvm::DenseMap<Value, Origin> cache;
  /// The ops getOrigin combined and found prepared.
  mutable llvm::DenseSet<Operation *> preparedOps;
};

} // namespace mlir::roof

#endif // ROOF_ANALYSIS_WEIGHTANALYSIS_H
