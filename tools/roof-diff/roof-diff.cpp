//===- roof-diff.cpp - Compare two roofline reports -----------------------===//
//
// Reads two roof-report JSON documents (two models, two precisions, before
// and after a change) and prints what changed per function and target: the
// latency and its ratio, FLOPs, bytes and energy, the time per op type, and
// the kernels whose time changed most.
//
//===----------------------------------------------------------------------===//

#include "DiffPrinter.h"
#include "ReportDiff.h"

#include "roof/Support/InputFile.h"
#include "roof/Support/JsonInput.h"
#include "roof/Support/OutputFile.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"

#include <algorithm>
#include <cmath>

using namespace roof::diff;
namespace cl = llvm::cl;

static cl::OptionCategory category("roof-diff options");

static cl::opt<std::string> fileA(cl::cat(category), cl::Positional,
                                  cl::Required, cl::desc("<A.json>"));
static cl::opt<std::string> fileB(cl::cat(category), cl::Positional,
                                  cl::Required, cl::desc("<B.json>"));
static cl::opt<std::string>
    format(cl::cat(category), "format",
           cl::desc("text (default) or json (schema roof-diff/1)"),
           cl::init("text"));
static cl::opt<unsigned>
    top(cl::cat(category), "top",
        cl::desc("kernels listed per report, those whose time changed "
                 "most (default 10)"),
        cl::init(10));
static cl::opt<std::string> output(cl::cat(category), "o",
                                   cl::desc("output file (default -)"),
                                   cl::value_desc("file"), cl::init("-"));

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(
      argc, argv,
      "roof-diff: compares two roof-report JSON documents (format=json): per "
      "function, target and batch in both, the latency and its ratio B / A, "
      "FLOPs, bytes, the time per op type, and the kernels (matched by name) "
      "whose time changed most. Reports in one document only are listed.\n");
  if (format != "text" && format != "json") {
    llvm::errs() << "roof-diff: --format must be text or json, got '" << format
                 << "'\n";
    return 1;
  }
  // Neither input is written over, and the output changes only once the
  // comparison is written whole.
  for (const std::string &file : {fileA.getValue(), fileB.getValue()})
    if (mlir::roof::isSameFile(output, file)) {
      llvm::errs() << "roof-diff: the output '" << output << "' is the input "
                   << file << "; write the comparison elsewhere\n";
      return 1;
    }
  std::optional<llvm::json::Value> documents[2];
  const std::string files[2] = {fileA, fileB};
  for (auto [i, file] : llvm::enumerate(files)) {
    std::string error;
    // A report of a model with a million kernels is about half of this.
    std::unique_ptr<llvm::MemoryBuffer> buffer =
        mlir::roof::readInputFile(file, /*maxBytes=*/uint64_t(1) << 30, error);
    if (buffer)
      documents[i] = readReport(buffer->getBuffer(), file, error);
    if (!documents[i]) {
      llvm::errs() << "roof-diff: " << error << "\n";
      return 1;
    }
  }
  DocumentDiff diff = diffReports(*documents[0], *documents[1]);
  std::string error =
      mlir::roof::writeOutputFile(output, [&](llvm::raw_ostream &os) {
        if (format == "json")
          printDiffJson(diff, fileA, fileB, os);
        else
          printDiffText(diff, top, os);
      });
  if (error.empty())
    return 0;
  llvm::errs() << "roof-diff: " << error << "\n";
  return 1;
}
