//===- OutputFile.h - Writing a tool's output without losing a file -*- C++
//-*-===//
//
// A tool's outputs are written beside their destination and renamed over it
// only when the run succeeds, so a failing run leaves the old file (or an
// input the user named by mistake) as it was; an output that names one of
// the inputs is refused before anything is read.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_SUPPORT_OUTPUTFILE_H
#define ROOF_SUPPORT_OUTPUTFILE_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace mlir::roof {

/// Whether `a` and `b` name one existing file, however spelled (links,
/// relative paths). "-" is standard input or output, never a file.
bool isSameFile(llvm::StringRef a, llvm::StringRef b);

/// Records that the driver writes `path` itself when the run ends (its -o),
/// so that a pass's own output naming the same file can be refused.
void reserveOutputFile(llvm::StringRef path);

/// Whether `path` is one of the files reserved with reserveOutputFile.
bool isReservedOutputFile(llvm::StringRef path);

/// Writes `path` ("-" for standard output) through `write`, staged: the
/// file changes only when every byte was written. A file this process
/// wrote before for another `input` (a report per chunk of
/// --split-input-file) is appended to; one it wrote before for the same
/// `input` (two reports of one module to one file) is refused, as the
/// second would bury the first. Returns an error message naming the file,
/// empty on success.
std::string writeOutputFile(llvm::StringRef path,
                            llvm::function_ref<void(llvm::raw_ostream &)> write,
                            llvm::StringRef input = "");

} // namespace mlir::roof

#endif // ROOF_SUPPORT_OUTPUTFILE_H
