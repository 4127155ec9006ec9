//===- SpecFuzzer.cpp - libFuzzer harness for roof-calibrate --from-spec --===//
//
// Feeds arbitrary bytes to roof-calibrate --from-spec as a spec ("key=value;
// ..."): any input must give a target that the loader accepts or an error
// message, never a crash or a hang. scripts/fuzz runs it;
// docs/reliability.md records what it ran and found.
//
//===----------------------------------------------------------------------===//

#include "SpecSheet.h"

#include "roof/Target/TargetLoader.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string error;
  std::optional<std::string> target = roof::calibrate::makeSpecTarget(
      llvm::StringRef(reinterpret_cast<const char *>(data), size), error);
  // What it writes must load: a target the tool made and then refuses
  // would be a bug of the tool's.
  if (target && failed(mlir::roof::parseTarget(*target, "spec", error)))
    std::abort();
  return 0;
}
