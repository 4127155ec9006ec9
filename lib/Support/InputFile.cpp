//===- InputFile.cpp - Files read with limits -----------------------------===//

#include "roof/Support/InputFile.h"

#include "llvm/Support/FileSystem.h"

using namespace mlir;
using namespace mlir::roof;

/// Reads standard input, failing past `maxBytes`.
static std::unique_ptr<llvm::MemoryBuffer> readStdin(uint64_t maxBytes,
                                                     std::string &error) {
  std::string text;
  char chunk[1 << 16];
  while (true) {
    llvm::Expected<size_t> read = llvm::sys::fs::readNativeFile(
        llvm::sys::fs::getStdinHandle(), llvm::MutableArrayRef<char>(chunk));
    if (!read) {
      error = "-: (file): cannot be read: " + llvm::toString(read.takeError());
      return nullptr;
    }
    if (*read == 0)
      break;
    if (text.size() + *read > maxBytes) {
      error = ("-: (file): more than the " + Twine(maxBytes) + " bytes allowed")
                  .str();
      return nullptr;
    }
    text.append(chunk, *read);
  }
  return llvm::MemoryBuffer::getMemBufferCopy(text, "-");
}

std::unique_ptr<llvm::MemoryBuffer>
roof::readInputFile(StringRef path, uint64_t maxBytes, std::string &error) {
  if (path == "-")
    return readStdin(maxBytes, error);
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
