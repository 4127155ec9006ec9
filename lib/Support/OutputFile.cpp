//===- OutputFile.cpp - Writing a tool's output without losing a file -----===//

#include "roof/Support/OutputFile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace mlir::roof {

bool isSameFile(StringRef a, StringRef b) {
  if (a == "-" || b == "-")
    return false;
  bool same = false;
  return !sys::fs::equivalent(a, b, same) && same;
}

/// Whether `path` is a device, FIFO or other file that cannot be replaced,
/// only written.
static bool isSpecialFile(StringRef path) {
  sys::fs::file_status status;
  return !sys::fs::status(path, status) &&
         status.type() != sys::fs::file_type::regular_file;
}

std::string getStagingPath(StringRef path) {
  // Nothing written there can be lost, or fail.
  if (path == "-" || isSameFile(path, "/dev/null"))
    return path.str();
  SmallString<256> staged;
  // Beside a regular file, so that the rename stays on one file system; a
  // special file is written from a temporary file once the run succeeded.
  if (isSpecialFile(path))
    sys::fs::createUniquePath("roof-output-%%%%%%%%", staged,
                              /*MakeAbsolute=*/true);
  else
    sys::fs::createUniquePath(path + ".roof-%%%%%%%%", staged,
                              /*MakeAbsolute=*/false);
  return staged.str().str();
}

/// Copies the file `from` into `to`, checking every write.
static std::string copyInto(StringRef from, StringRef to) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> contents =
      MemoryBuffer::getFile(from, /*IsText=*/false,
                            /*RequiresNullTerminator=*/false);
  if (!contents)
    return ("cannot read '" + from + "': " + contents.getError().message())
        .str();
  std::error_code ec;
  raw_fd_ostream os(to, ec, sys::fs::OF_None);
  if (ec)
    return ("cannot write '" + to + "': " + ec.message()).str();
  os << (*contents)->getBuffer();
  os.close();
  if (!os.has_error())
    return "";
  std::string error =
      ("cannot write '" + to + "': " + os.error().message()).str();
  // Read and cleared: a stream destroyed with an error aborts the tool.
  os.clear_error();
  return error;
}

std::string commitStagedOutput(StringRef staged, StringRef path) {
  if (staged == path || !sys::fs::exists(staged))
    return "";
  std::string error;
  if (isSpecialFile(path))
    error = copyInto(staged, path);
  else if (std::error_code ec = sys::fs::rename(staged, path))
    error = ("cannot write '" + path + "': " + ec.message()).str();
  sys::fs::remove(staged);
  return error;
}

std::string writeOutputFile(StringRef path,
                            function_ref<void(raw_ostream &)> write) {
  std::string staged = getStagingPath(path);
  std::error_code ec;
  std::string error;
  {
    raw_fd_ostream os(staged, ec, sys::fs::OF_TextWithCRLF);
    if (ec)
      return ("cannot write '" + path + "': " + ec.message()).str();
    write(os);
    os.close();
    if (os.has_error()) {
      error = ("cannot write '" + path + "': " + os.error().message()).str();
      os.clear_error();
    }
  }
  if (error.empty())
    return commitStagedOutput(staged, path);
  if (staged != path)
    sys::fs::remove(staged);
  return error;
}

} // namespace mlir::roof
