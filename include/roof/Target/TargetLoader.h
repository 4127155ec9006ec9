//===- TargetLoader.h - Reading and checking target files -------*- C++ -*-===//
//
// Targets are JSON files (docs/targets.md). Every figure is a string with its
// unit ("3.35 TB/s", "80 GB", "700 W"), so a wrong unit is an error rather
// than a silent factor of 1000.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_TARGET_TARGETLOADER_H
#define ROOF_TARGET_TARGETLOADER_H

#include "roof/Target/Target.h"

#include "mlir/Support/LLVM.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace mlir::roof {

/// Parses a target from JSON text. On failure returns failure and sets
/// `error` to "FILE: FIELD: PROBLEM".
FailureOr<Target> parseTarget(StringRef json, StringRef fileName,
                              std::string &error);

/// Reads and parses a target file.
FailureOr<Target> loadTargetFile(StringRef path, std::string &error);

/// The folder of the targets shipped with Roof: $ROOF_TARGETS_DIR when set,
/// else the installed share/roof/targets, else the source tree's targets/.
std::string getBuiltinTargetsDir();

/// The names of the shipped targets (file names without .json), sorted.
SmallVector<std::string> listBuiltinTargets();

/// A shipped target by name (e.g. "h100-sxm"), or a path to a JSON file.
FailureOr<Target> lookupTarget(StringRef nameOrPath, std::string &error);

} // namespace mlir::roof

#endif // ROOF_TARGET_TARGETLOADER_H
