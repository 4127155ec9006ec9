//===- roof-opt.cpp - The Roof optimizer driver ---------------------------===//
//
// mlir-opt with every upstream dialect, pass and extension, plus Roof's. The
// output file is written beside its destination and moved there only when
// the run succeeds, and an output that is the input is refused: a failing
// pass never costs the user a file. An input that is not a regular file
// (a FIFO, a device) or is past a size cap is refused before it is read.
//
//===----------------------------------------------------------------------===//

#include "roof/InitAllRoof.h"
#include "roof/Support/OutputFile.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

/// The largest input file roof-opt reads: MLIR text with every weight's
/// values, a few billion parameters' worth.
static constexpr uint64_t kMaxInputBytes = uint64_t(16) << 30;

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
  // A device or a FIFO would be read without end, MlirOptMain reads the
  // whole input into memory, and an input past the cap would not fit.
  if (input != "-") {
    llvm::sys::fs::file_status status;
    if (!llvm::sys::fs::status(input, status) &&
        (status.type() != llvm::sys::fs::file_type::regular_file ||
         status.getSize() > kMaxInputBytes)) {
      llvm::errs() << "roof-opt: the input '" << input << "' is "
                   << (status.type() != llvm::sys::fs::file_type::regular_file
                           ? "not a regular file (a device or a FIFO is read "
                             "without end; pipe it to standard input, -)"
                           : "larger than the 16 GiB roof-opt reads")
                   << "\n";
      return 1;
    }
  }
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
