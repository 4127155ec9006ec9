//===- roof-opt.cpp - The Roof optimizer driver ---------------------------===//
//
// mlir-opt with every upstream dialect, pass and extension, plus Roof's. The
// output is kept in memory and written (beside its destination, then moved
// there) only when the run succeeds, and an output that is the input is
// refused: a failing or interrupted run never costs the user a file, nor
// leaves one behind (a file open for the whole run is not reliably removed
// when the process is killed: stock mlir-opt-22 leaves its output about one
// time in five under SIGTERM during parsing). An input that is not a regular
// file (a FIFO, a device) or is past a size cap is refused before it is read.
// --help lists Roof's passes and MLIR's driver options; --help-hidden adds
// every upstream pass and LLVM's own options.
//
//===----------------------------------------------------------------------===//

#include "roof/InitAllRoof.h"
#include "roof/Support/OutputFile.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

/// The largest input file roof-opt reads: MLIR text with every weight's
/// values, a few billion parameters' worth.
static constexpr uint64_t kMaxInputBytes = uint64_t(16) << 30;

/// Whether the command line asks for the short help (--help, not
/// --help-hidden or --help-list).
static bool asksForShortHelp(int argc, char **argv) {
  for (int i = 1; i < argc; ++i) {
    llvm::StringRef arg = argv[i];
    if (arg == "--help" || arg == "-help")
      return true;
  }
  return false;
}

/// Hides the options registered so far (LLVM's backend, remark and
/// vectorizer flags, set up when its library loaded), keeping the generic
/// ones that say how to get the rest.
static void hideLibraryOptions() {
  for (auto &entry : llvm::cl::getRegisteredOptions()) {
    llvm::StringRef name = entry.first;
    llvm::cl::Option *option = entry.second;
    if (!name.starts_with("help") && name != "version")
      option->setHiddenFlag(llvm::cl::Hidden);
  }
}

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  // The short help shows what a Roof user reaches for: Roof's passes among
  // the pass list, without the 1,100 lines of upstream passes and LLVM
  // flags, which --help-hidden lists.
  bool shortHelp = asksForShortHelp(argc, argv);
  if (shortHelp)
    hideLibraryOptions();
  else
    mlir::registerAllPasses();
  mlir::roof::registerAllRoofPasses();

  mlir::DialectRegistry registry;
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  mlir::roof::registerAllRoofDialects(registry);

  auto [input, output] = mlir::registerAndParseCLIOptions(
      argc, argv,
      "Roof: FLOPs, bytes and arithmetic intensity of linalg and tosa IR\n"
      "(--help lists Roof's passes; --help-hidden also every upstream pass "
      "and LLVM option)\n",
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
  mlir::MlirOptMainConfig config =
      mlir::MlirOptMainConfig::createFromCLOptions();
  // Listings need no input (MlirOptMain prints them and returns).
  if (config.shouldShowDialects() || config.shouldListPasses())
    return mlir::asMainReturnCode(mlir::MlirOptMain(
        llvm::outs(), llvm::MemoryBuffer::getMemBuffer(""), registry, config));
  if (input == "-" && llvm::sys::Process::FileDescriptorIsDisplayed(0))
    llvm::errs() << "(processing input from stdin now, hit ctrl-c/ctrl-d to "
                    "interrupt)\n";
  std::string error;
  std::unique_ptr<llvm::MemoryBuffer> file = mlir::openInputFile(input, &error);
  if (!file) {
    llvm::errs() << error << "\n";
    return 1;
  }
  std::string module;
  llvm::raw_string_ostream os(module);
  if (failed(mlir::MlirOptMain(os, std::move(file), registry, config)))
    return 1;
  error = mlir::roof::writeOutputFile(
      output, [&](llvm::raw_ostream &out) { out << module; }, input);
  if (!error.empty()) {
    llvm::errs() << "roof-opt: " << error << "\n";
    return 1;
  }
  return 0;
}
