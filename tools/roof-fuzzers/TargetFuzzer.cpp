//===- TargetFuzzer.cpp - libFuzzer harness for target files --------------===//
//
// Feeds arbitrary bytes to the target loader as a target file's JSON: any
// input must give a target or an error message, never a crash or a hang.
// scripts/fuzz runs it; docs/reliability.md records what it ran and found.
//
//===----------------------------------------------------------------------===//

#include "roof/Target/TargetLoader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string error;
  (void)mlir::roof::parseTarget(
      llvm::StringRef(reinterpret_cast<const char *>(data), size), "fuzz.json",
      error);
  return 0;
}
