//===- JsonInput.h - JSON files read with limits ----------------*- C++ -*-===//
//
// Every JSON file Roof's tools read comes from users: target files, measured
// profiles, reports for roof-diff and roof-calibrate --fit (each read with
// readInputFile first). JSON nested deep enough to exhaust the recursive
// parser's stack, a key given twice (the parser would keep one value
// silently) or a number too large for a double must give an error, not a
// crash or a quiet guess. One parser checks all of it.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_SUPPORT_JSONINPUT_H
#define ROOF_SUPPORT_JSONINPUT_H

#include "mlir/Support/LLVM.h"
#include "llvm/Support/JSON.h"

#include <optional>
#include <string>

namespace mlir::roof {

/// JSON nested deeper than this is refused before parsing.
inline constexpr unsigned kMaxJsonDepth = 256;

/// Parses `json` as one document: nested at most kMaxJsonDepth deep, valid,
/// no object with a key twice, every number finite. Otherwise sets
/// `problem` to what is wrong (without a file name) and returns nothing.
std::optional<llvm::json::Value> parseJsonDocument(StringRef json,
                                                   std::string &problem);

} // namespace mlir::roof

#endif // ROOF_SUPPORT_JSONINPUT_H
