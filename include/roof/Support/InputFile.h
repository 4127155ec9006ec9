//===- InputFile.h - Files read with limits ---------------------*- C++ -*-===//
//
// What a tool reads comes from users: a device or a FIFO given as a path
// would be read without end, and a huge file would exhaust memory. Inputs
// are regular files (or standard input) under a cap the caller sets for
// its kind of file.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_SUPPORT_INPUTFILE_H
#define ROOF_SUPPORT_INPUTFILE_H

#include "mlir/Support/LLVM.h"
#include "llvm/Support/MemoryBuffer.h"

#include <memory>
#include <string>

namespace mlir::roof {

/// Reads `path` ("-": standard input) when it is a regular file of at most
/// `maxBytes`; otherwise sets `error` to "PATH: (file): PROBLEM" and
/// returns null. Standard input is read up to the same limit.
std::unique_ptr<llvm::MemoryBuffer>
readInputFile(StringRef path, uint64_t maxBytes, std::string &error);

} // namespace mlir::roof

#endif // ROOF_SUPPORT_INPUTFILE_H
