//===- JsonInput.cpp - JSON files read with limits ------------------------===//

#include "roof/Target/JsonInput.h"

#include "llvm/Support/FileSystem.h"

using namespace mlir;
using namespace mlir::roof;

std::unique_ptr<llvm::MemoryBuffer>
roof::readInputFile(StringRef path, uint64_t maxBytes, std::string &error) {
  llvm::sys::fs::file_status status;
  if (std::error_code ec = llvm::sys::fs::status(path, status)) {
    error = (path + ": (file): cannot be read: " + ec.message()).str();
    return nullptr;
  }
  if (status.type() != llvm::sys::fs::file_type::regular_file) {
    error = (path + ": (file): not a regular file").str();
    return nullptr;
  }
  if (status.getSize() > maxBytes) {
    error = (path + ": (file): " + Twine(status.getSize()) +
             " bytes, more than the " + Twine(maxBytes) + " allowed")
                .str();
    return nullptr;
  }
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFile(path);
  if (!buffer) {
    error = (path + ": (file): cannot be read: " + buffer.getError().message())
                .str();
    return nullptr;
  }
  return std::move(*buffer);
}

bool roof::hasJsonDepthWithinLimit(StringRef json) {
  unsigned depth = 0;
  bool inString = false, escaped = false;
  for (char c : json) {
    if (inString) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        inString = false;
      continue;
    }
    if (c == '"')
      inString = true;
    else if ((c == '[' || c == '{') && ++depth > kMaxJsonDepth)
      return false;
    else if ((c == ']' || c == '}') && depth > 0)
      --depth;
  }
  return true;
}
