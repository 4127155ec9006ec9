//===- PipelineFuzzer.cpp - libFuzzer harness for Roof's passes -----------===//
//
// Feeds arbitrary bytes to MLIR's parser and, when they parse and verify,
// runs Roof's whole pipeline on the module: annotate, fuse, report (every
// format) on a GPU, an NPU and the edge TPU, and inline. Any module must be
// costed, reported, or rejected with a diagnostic, never crash or hang.
//
//===----------------------------------------------------------------------===//

#include "roof/InitAllRoof.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

/// The passes every parsed module goes through.
static constexpr const char *kPipeline =
    "builtin.module(roof-annotate-cost{dynamic-dim=7},"
    "func.func(roof-fuse-epilogues),"
    "roof-report{targets=h100-sxm,apple-m4-ane,edge-tpu output=/dev/null},"
    "roof-report{targets=jetson-orin-nano format=json dtype-policy=i8 "
    "output=/dev/null},"
    "roof-report{targets=h100-sxm format=svg output=/dev/null},"
    "roof-report{targets=h100-sxm format=html batch-sizes=1,8 "
    "output=/dev/null},"
    "func.func(roof-inline-kernels))";

static mlir::DialectRegistry &getRegistry() {
  static mlir::DialectRegistry *registry = [] {
    auto *result = new mlir::DialectRegistry();
    mlir::registerAllDialects(*result);
    mlir::registerAllExtensions(*result);
    mlir::roof::registerAllRoofDialects(*result);
    mlir::roof::registerAllRoofPasses();
    return result;
  }();
  return *registry;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  mlir::MLIRContext context(getRegistry(),
                            mlir::MLIRContext::Threading::DISABLED);
  context.allowUnregisteredDialects(false);
  mlir::ScopedDiagnosticHandler quiet(
      &context, [](mlir::Diagnostic &) { return mlir::success(); });
  // MLIR's lexer reads up to a terminating NUL, which libFuzzer's bytes
  // lack.
  std::string text(reinterpret_cast<const char *>(data), size);
  mlir::OwningOpRef<mlir::ModuleOp> module =
      mlir::parseSourceString<mlir::ModuleOp>(text, &context);
  if (!module)
    return 0;
  mlir::PassManager pm(&context);
  if (failed(mlir::parsePassPipeline(kPipeline, pm)))
    std::abort();
  (void)pm.run(*module);
  return 0;
}
