//===- ReportDiff.h - Two roofline reports side by side ---------*- C++ -*-===//
//
// Matches the reports of two roof-report JSON documents (per function,
// target and batch) and their kernels (by their root op and its location,
// so that a fused kernel meets its unfused root), and what changed between
// them: latency, counts, time per op type and per kernel.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_DIFF_REPORTDIFF_H
#define ROOF_DIFF_REPORTDIFF_H

#include "llvm/Support/JSON.h"

#include <optional>
#include <string>
#include <vector>

namespace roof::diff {

/// One quantity in A and in B; unset where a side lacks it (or its count
/// overflowed).
struct Change {
  std::optional<double> a, b;
};

/// A named part of a report (an op type, a kernel) in A and B.
struct NamedChange {
  std::string name;
  Change seconds;
};

/// One function on one target at one batch, in both documents.
struct ReportChange {
  std::string function, target;
  uint64_t batch = 1;
  Change latency, flops, bytes, energy;
  std::vector<NamedChange> opTypes;
  /// Kernels matched by root (the n-th of a root in A with the n-th in B;
  /// shown by B's name), and those in one document only (seconds set on
  /// that side): an op fused into another kernel in B is only in A.
  std::vector<NamedChange> kernels;
};

struct DocumentDiff {
  std::vector<ReportChange> matched;
  /// "@function on target at batch N" of the reports in one document only.
  std::vector<std::string> onlyInA, onlyInB;
};

/// Parses `json` as a roof-report/2 document; on failure sets `error`
/// (naming `file`) and returns std::nullopt.
std::optional<llvm::json::Value>
readReport(llvm::StringRef json, llvm::StringRef file, std::string &error);

/// What changed from `a` to `b`, both valid roof-report/2 documents.
DocumentDiff diffReports(const llvm::json::Value &a,
                         const llvm::json::Value &b);

} // namespace roof::diff

#endif // ROOF_DIFF_REPORTDIFF_H
