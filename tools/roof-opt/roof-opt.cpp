//===- roof-opt.cpp - The Roof optimizer driver ---------------------------===//
//
// mlir-opt with every upstream dialect, pass and extension, plus Roof's. The
// output file is written beside its destination and moved there only when
// the run succeeds, and an output that is the input is refused: a failing
// pass never costs the user a file.
//
//===----------------------------------------------------------------------===//

#include "roof/InitAllRoof.h"
#include "roof/Support/OutputFile.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "llvm/Support/raw_ostream.h"

int main(int argc, char **argv) {
  mlir::registerAllPasses();
  mlir::roof::registerAllRoofPasses();

  mlir::DialectRegistry registry;
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  mlir::roof::registerAllRoofDialects(registry);

  auto [input, output] = mlir::registerAndParseCLIOptions(
      argc, argv,
      "Roof: FLOPs, bytes and arithmetic intensity of linalg and tosa IR\n",
      registry);
  if (mlir::roof::isSameFile(input, output)) {
    llvm::errs() << "roof-opt: the output '" << output
                 << "' is the input file; write the result elsewhere\n";
    return 1;
  }
  // A report's output= naming this file would be overwritten by the module.
  if (output != "-")
    mlir::roof::reserveOutputFile(output);
  std::string staged = mlir::roof::getStagingPath(output);
  if (failed(mlir::MlirOptMain(argc, argv, input, staged, registry)))
    return 1;
  std::string error = mlir::roof::commitStagedOutput(staged, output);
  if (!error.empty()) {
    llvm::errs() << "roof-opt: " << error << "\n";
    return 1;
  }
  return 0;
}
