//===- CalibrateFuzzer.cpp - libFuzzer harness for roof-calibrate --fit ---===//
//
// Feeds arbitrary bytes to roof-calibrate --fit as a roof-report document
// (written to a file, as the tool reads its reports from files; the target
// file a report names is read too): any input must give a fitted target or
// an error message, never a crash or a hang. scripts/fuzz runs it;
// docs/reliability.md records what it ran and found.
//
//===----------------------------------------------------------------------===//

#include "roof/Measure/CalibrationFit.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  // One file per process, rewritten for each input.
  static const std::string path = [] {
    llvm::SmallString<128> file;
    llvm::sys::fs::createTemporaryFile("roof-calibrate-fuzz", "json", file);
    return file.str().str();
  }();
  {
    std::error_code ec;
    llvm::raw_fd_ostream report(path, ec);
    if (ec)
      return 0;
    report.write(reinterpret_cast<const char *>(data), size);
  }
  llvm::raw_null_ostream os, errors;
  (void)mlir::roof::fitTarget({path}, "-", os, errors);
  return 0;
}
