//===- DiffFuzzer.cpp - libFuzzer harness for roof-diff's inputs ----------===//
//
// Feeds arbitrary bytes to roof-diff as two roof-report documents (split at
// the first NUL byte, or the same document twice): any input must give a
// comparison in both formats or an error message, never a crash or a hang.
// scripts/fuzz runs it; docs/reliability.md records what it ran and found.
//
//===----------------------------------------------------------------------===//

#include "../roof-diff/DiffPrinter.h"
#include "../roof-diff/ReportDiff.h"

#include "llvm/Support/raw_ostream.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  llvm::StringRef bytes(reinterpret_cast<const char *>(data), size);
  auto [a, b] = bytes.split('\0');
  if (b.empty())
    b = a;
  std::string error;
  std::optional<llvm::json::Value> first =
      roof::diff::readReport(a, "a.json", error);
  std::optional<llvm::json::Value> second =
      roof::diff::readReport(b, "b.json", error);
  if (!first || !second)
    return 0;
  roof::diff::DocumentDiff diff = roof::diff::diffReports(*first, *second);
  llvm::raw_null_ostream os;
  roof::diff::printDiffText(diff, /*top=*/10, os);
  roof::diff::printDiffJson(diff, "a.json", "b.json", os);
  return 0;
}
