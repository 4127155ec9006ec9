//===- roof-opt.cpp - The Roof optimizer driver ---------------------------===//
//
// mlir-opt with every upstream dialect, pass and extension, plus Roof's.
//
//===----------------------------------------------------------------------===//

#include "roof/InitAllRoof.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::registerAllPasses();
  mlir::roof::registerAllRoofPasses();

  mlir::DialectRegistry registry;
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  mlir::roof::registerAllRoofDialects(registry);

  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv,
      "Roof: FLOPs, bytes and arithmetic intensity of linalg and tosa IR\n",
      registry));
}
