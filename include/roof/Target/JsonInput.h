//===- JsonInput.h - JSON files read with limits ----------------*- C++ -*-===//
//
// Target files and measured profiles come from users: a device or a FIFO
// given as a path, a huge file, or JSON nested deep enough to exhaust the
// recursive parser's stack must give an error, not a hang or a crash.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_TARGET_JSONINPUT_H
#define ROOF_TARGET_JSONINPUT_H

#include "mlir/Support/LLVM.h"
#include "llvm/Support/MemoryBuffer.h"

#include <memory>
#include <string>

namespace mlir::roof {

/// JSON nested deeper than this is refused before parsing.
inline constexpr unsigned kMaxJsonDepth = 256;

/// Reads `path` when it is a regular file of at most `maxBytes`; otherwise
/// sets `error` to "PATH: (file): PROBLEM" and returns null.
std::unique_ptr<llvm::MemoryBuffer>
readInputFile(StringRef path, uint64_t maxBytes, std::string &error);

/// Whether `json` nests arrays and objects at most `kMaxJsonDepth` deep
/// (strings are skipped; the text need not be valid JSON).
bool hasJsonDepthWithinLimit(StringRef json);

} // namespace mlir::roof

#endif // ROOF_TARGET_JSONINPUT_H
