//===- Roofline.h - A function's kernels priced on a target -----*- C++ -*-===//
//
// Turns the costs of roof-annotate-cost's walk into times on a target:
// T_compute = FLOPs / derated peak of the engine and dtype, T_memory = bytes /
// derated bandwidth, time = max of the two. The formulas are in
// docs/roofline.md.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_PRICING_ROOFLINE_H
#define ROOF_PRICING_ROOFLINE_H

#include "roof/Pricing/PricingTypes.h"

namespace mlir::roof {

class CostContext;

/// Sets the dtype policy of `options` (and its deployment dtype) to
/// `choice`.
void setDtypePolicy(RooflineOptions &options, DtypePolicyChoice choice);
/// The name dtype-policy= takes for `choice`: as-is, tf32, f16, bf16, f8,
/// i8, i4.
StringRef getDtypePolicyName(DtypePolicyChoice choice);

/// The engine and dtype an op runs with; the dtype is named as targets name
/// it, or printed when it is not one of theirs (i32, complex<f32>).
Engine getEngine(Operation *op);
std::string getDtype(Operation *op);

/// The target dtype of an element type (any 8-bit float is f8), or
/// std::nullopt.
std::optional<Dtype> getElementDtype(Type element);

/// Bytes of a value of `type` as deployed: f32 at the deployment dtype's
/// width under DtypePolicy::Deploy; std::nullopt unless statically shaped.
std::optional<uint64_t> getDeployedBytes(Type type,
                                         const RooflineOptions &options);

/// Bytes a KV cache value of `type` is stored in (KvCache.h): at
/// `options.kvDtype` when one is given, else as deployed; std::nullopt
/// unless statically shaped.
std::optional<uint64_t> getKvCacheStoredBytes(Type type,
                                              const RooflineOptions &options);

/// The on-chip bytes a fused attention's tiles need: 64-row tiles of Q, K
/// and V (64 x `headDim` each) at `elementBits`, and f32 accumulators for a
/// 64 x 64 tile of scores and a 64 x `headDim` tile of the output.
uint64_t getAttentionTileBytes(uint64_t headDim, uint64_t elementBits);

/// The facts of `op` with cost `cost` (all its executions) and role `role`.
KernelFacts getKernelFacts(Operation *op, const OpCost &cost,
                           const RooflineOptions &options,
                           KernelRole role = {});

/// Prices one kernel on `target`.
KernelTime priceKernel(const KernelFacts &facts, const Target &target,
                       const RooflineOptions &options);

/// Walks `fn` for its kernels (and, with fused kernels, again through them;
/// each op is costed once).
FunctionKernels analyzeKernels(FunctionOpInterface fn,
                               const RooflineOptions &options);
/// The same in `ctx` (made with `options.cost`), which a caller shares
/// between the functions of a module: a layer repeated across functions is
/// costed once.
FunctionKernels analyzeKernels(FunctionOpInterface fn, CostContext &ctx,
                               const RooflineOptions &options);

/// Prices the kernels of `analysis` on `target`.
FunctionRoofline priceFunction(const FunctionKernels &analysis,
                               const Target &target,
                               const RooflineOptions &options);

/// analyzeKernels, then priceFunction.
FunctionRoofline evaluateRoofline(FunctionOpInterface fn, const Target &target,
                                  const RooflineOptions &options);

} // namespace mlir::roof

#endif // ROOF_PRICING_ROOFLINE_H
