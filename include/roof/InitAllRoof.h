//===- InitAllRoof.h - Register everything Roof provides --------*- C++ -*-===//
//
// The one entry point a driver, a pass plugin or a library user calls.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_INITALLROOF_H
#define ROOF_INITALLROOF_H

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace mlir::roof {

/// Adds the roof dialect, every cost model and the sharding models of
/// reshapes (ReshapeSharding.h) to `registry`.
void registerAllRoofDialects(DialectRegistry &registry);

/// Registers every Roof pass with the global pass registry.
void registerAllRoofPasses();

} // namespace mlir::roof

#endif // ROOF_INITALLROOF_H
