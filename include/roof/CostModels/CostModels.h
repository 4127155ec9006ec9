//===- CostModels.h - Cost models attached to upstream dialects -*- C++ -*-===//
//
// Each function attaches CostOpInterface external models to one dialect's
// ops (upstream's, and roof.kernel) when that dialect is loaded. A driver, a
// pass plugin or a library user calls `registerAllCostModels` once on its
// registry.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_COSTMODELS_COSTMODELS_H
#define ROOF_COSTMODELS_COSTMODELS_H

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace mlir::roof {

/// Every linalg structured op (one rule from its iteration domain, indexing
/// maps and payload), linalg.softmax, linalg.pack and linalg.unpack.
void registerLinalgCostModels(DialectRegistry &registry);

/// tensor ops met in linalg IR: views are free, pad/concat/slices move bytes.
void registerTensorCostModels(DialectRegistry &registry);

/// Every TOSA 1.0 op of MLIR 22 but `custom` and the control-flow ops.
void registerTosaCostModels(DialectRegistry &registry);

/// arith, math and complex ops, scalar or elementwise on tensors.
void registerArithMathCostModels(DialectRegistry &registry);

/// memref, bufferization and ml_program ops: allocations, views and handles
/// are free, copies and element loads/stores move bytes.
void registerMemoryCostModels(DialectRegistry &registry);

/// cf.assert: free (a scalar check).
void registerControlFlowCostModels(DialectRegistry &registry);

/// llvm.mlir.addressof: free (an address constant).
void registerLlvmCostModels(DialectRegistry &registry);

/// shard ops: grids, shardings and process indices are free; a collective
/// reads its input and writes its result in its device's memory (its time
/// over the links is priced on a system, Collectives.h).
void registerShardCostModels(DialectRegistry &registry);

/// roof.kernel: its ops' FLOPs, the bytes that cross its boundary.
void registerKernelCostModel(DialectRegistry &registry);

/// vector arithmetic, shuffles, loads and stores; affine loads, stores and
/// index arithmetic.
void registerVectorCostModels(DialectRegistry &registry);

void registerAllCostModels(DialectRegistry &registry);

} // namespace mlir::roof

#endif // ROOF_COSTMODELS_COSTMODELS_H
