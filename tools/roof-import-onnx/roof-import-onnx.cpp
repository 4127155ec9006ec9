//===- roof-import-onnx.cpp - ONNX model to TOSA MLIR ---------------------===//
//
// roof-import-onnx model.onnx -o model.mlir [--input-shape x=1,3,640,640]
//
//===----------------------------------------------------------------------===//

#include "roof/Import/OnnxImporter.h"
#include "roof/Support/OutputFile.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/SourceMgr.h"

using namespace llvm;

static cl::OptionCategory category("roof-import-onnx options");

static cl::opt<std::string> inputFile(cl::Positional, cl::desc("<model.onnx>"),
                                      cl::cat(category));

static cl::opt<std::string>
    outputFile("o", cl::init("-"), cl::desc("Output file (default: stdout)"),
               cl::value_desc("file"), cl::cat(category));

static cl::list<std::string> inputShapes(
    "input-shape",
    cl::desc("Bind a shape: NAME=D0,D1,... for a graph input (? keeps a "
             "dim), NAME=N for a symbolic dim (ONNX dim_param), or NAME=A+B+N "
             "for one that is the sum of others (total=past+seq). Repeat "
             "for several"),
    cl::value_desc("name=dims"), cl::cat(category));

static cl::list<std::string> keepDynamic(
    "keep-dynamic",
    cl::desc("Keep a symbolic dim (ONNX dim_param) dynamic: its dims print "
             "as ? and the function's arguments name it (roof.dim_names), so "
             "roof-report sizes= binds it by name. Bind it too with "
             "--input-shape NAME=N: the model is checked at that size. "
             "Comma-separated or repeated"),
    cl::CommaSeparated, cl::value_desc("name"), cl::cat(category));

static cl::opt<bool> keepWeights(
    "keep-weights",
    cl::desc("Emit weight values as dense resources (needed to run the "
             "module); by default weights keep only shape and element type"),
    cl::init(false), cl::cat(category));

static cl::opt<std::string>
    functionName("func-name", cl::init("main"),
                 cl::desc("Name of the emitted function"), cl::cat(category));

static cl::opt<bool>
    listOps("list-ops", cl::desc("Print the supported ONNX op types and exit"),
            cl::init(false), cl::cat(category));

int main(int argc, char **argv) {
  InitLLVM init(argc, argv);
  mlir::registerAsmPrinterCLOptions();
  mlir::registerMLIRContextCLOptions();
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(
      argc, argv,
      "roof-import-onnx: imports an ONNX model (opsets 9-17) into MLIR's TOSA "
      "dialect.\n\nSymbolic input dims must be bound with --input-shape "
      "(--keep-dynamic keeps named ones dynamic after checking the model at "
      "the bound size); "
      "every op carries its ONNX node's name as its location, which the output "
      "keeps. MLIR's printing options (--mlir-print-*, --mlir-elide-*) are "
      "listed by --help-hidden. Details: docs/onnx-import.md.\n");

  if (listOps) {
    for (const std::string &op : mlir::roof::supportedOnnxOps())
      outs() << op << "\n";
    return 0;
  }
  if (inputFile.empty()) {
    errs() << "roof-import-onnx: no input model (see --help)\n";
    return 1;
  }

  // An empty name would print as a symbol no parser reads back.
  if (functionName.empty()) {
    errs() << "roof-import-onnx: --func-name must not be empty\n";
    return 1;
  }
  mlir::roof::OnnxImportOptions options;
  options.keepWeights = keepWeights;
  options.functionName = functionName;
  options.keepDynamic.assign(keepDynamic.begin(), keepDynamic.end());
  for (const std::string &binding : inputShapes) {
    std::string error = mlir::roof::parseOnnxShapeBinding(binding, options);
    if (!error.empty()) {
      errs() << "roof-import-onnx: --input-shape: " << error << "\n";
      return 1;
    }
  }

  if (mlir::roof::isSameFile(inputFile, outputFile)) {
    errs() << "roof-import-onnx: the output '" << outputFile
           << "' is the input model; write the MLIR elsewhere\n";
    return 1;
  }

  mlir::MLIRContext context;
  SourceMgr sourceMgr;
  mlir::SourceMgrDiagnosticHandler diagnostics(sourceMgr, &context);
  mlir::OwningOpRef<mlir::ModuleOp> module =
      mlir::roof::importOnnxFile(inputFile, context, options);
  if (!module)
    return 1;

  // Locations are the point of the import (reports name the ONNX nodes), so
  // they are always printed.
  std::string error =
      mlir::roof::writeOutputFile(outputFile, [&](raw_ostream &os) {
        module->print(os, mlir::OpPrintingFlags().enableDebugInfo(
                              true, /*prettyForm=*/false));
        os << "\n";
      });
  if (!error.empty()) {
    errs() << "roof-import-onnx: " << error << "\n";
    return 1;
  }
  return 0;
}
