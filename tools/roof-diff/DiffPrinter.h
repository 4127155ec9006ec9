//===- DiffPrinter.h - Two roofline reports' differences, printed -*- C++
//-*-===//
//
// roof-diff's two formats: a text table per matched report, and a
// roof-diff/1 JSON document.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_DIFF_DIFFPRINTER_H
#define ROOF_DIFF_DIFFPRINTER_H

#include "ReportDiff.h"

#include "llvm/Support/raw_ostream.h"

namespace roof::diff {

/// Per matched report the latency, counts and time per op type, then the
/// `top` kernels whose time changed most; the reports in one document only.
void printDiffText(const DocumentDiff &diff, unsigned top,
                   llvm::raw_ostream &os);

/// `diff` as a roof-diff/1 document comparing the files `fileA` and `fileB`.
void printDiffJson(const DocumentDiff &diff, llvm::StringRef fileA,
                   llvm::StringRef fileB, llvm::raw_ostream &os);

} // namespace roof::diff

#endif // ROOF_DIFF_DIFFPRINTER_H
