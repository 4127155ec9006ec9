//===- ImportFuzzer.cpp - libFuzzer harness for the ONNX importer ---------===//
//
// Feeds arbitrary bytes to roof-import-onnx's importer as an ONNX model
// file (protobuf bytes), with every symbolic dim bound to 2: any input must
// give a verified module or an error at a node, never a crash or a hang.
// The importer reads models from files (external data resolves beside
// them), so each input is written to one scratch file first.
//
//===----------------------------------------------------------------------===//

#include "roof/Import/OnnxImporter.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

/// The scratch file every input is written to, in a fresh folder.
static const std::string &getScratchPath() {
  static const std::string path = [] {
    llvm::SmallString<128> folder;
    if (llvm::sys::fs::createUniqueDirectory("roof-import-fuzzer", folder))
      std::abort();
    return (folder + "/model.onnx").str();
  }();
  return path;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const std::string &path = getScratchPath();
  {
    std::error_code error;
    llvm::raw_fd_ostream os(path, error);
    if (error)
      std::abort();
    os.write(reinterpret_cast<const char *>(data), size);
  }
  mlir::MLIRContext context(mlir::MLIRContext::Threading::DISABLED);
  mlir::ScopedDiagnosticHandler quiet(
      &context, [](mlir::Diagnostic &) { return mlir::success(); });
  mlir::roof::OnnxImportOptions options;
  // Binds the usual dim names so that shape folding runs on most models.
  for (const char *dim : {"batch", "N", "seq", "past", "total"})
    options.shapes[dim] = {2};
  (void)mlir::roof::importOnnxFile(path, context, options);
  return 0;
}
