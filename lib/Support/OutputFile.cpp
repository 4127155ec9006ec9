//===- OutputFile.cpp - Writing a tool's output without losing a file -----===//

#include "roof/Support/OutputFile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/raw_ostream.h"

#include <mutex>
#include <optional>
#include <vector>

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

/// Where to write `path` so that it changes only on success: a fresh name in
/// its directory when `path` is a regular file or does not exist yet, a
/// temporary file when it is another device or a FIFO (/dev/full), and
/// "-" (standard output) or /dev/null itself.
static std::string getStagingPath(StringRef path) {
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
  // An interrupted run (SIGINT, SIGTERM) leaves nothing beside the output.
  sys::RemoveFileOnSignal(staged);
  return staged.str().str();
}

/// Removes `staged` and forgets it for the signal handlers.
static void removeStaged(StringRef staged) {
  sys::fs::remove(staged);
  sys::DontRemoveFileOnSignal(staged);
}

/// Writes `file` through `write`, checking every byte; errors name `shown`
/// (the user's path when `file` is its staged twin). The stream's error is
/// read and cleared: a stream destroyed with an error aborts the tool.
static std::string writeStream(StringRef file, StringRef shown,
                               sys::fs::OpenFlags flags,
                               function_ref<void(raw_ostream &)> write) {
  // Standard output stays open: roof-opt prints the module there after the
  // report.
  if (file == "-") {
    write(outs());
    outs().flush();
    if (!outs().has_error())
      return "";
    std::string error =
        "cannot write to standard output: " + outs().error().message();
    outs().clear_error();
    return error;
  }
  std::error_code ec;
  raw_fd_ostream os(file, ec, flags);
  if (ec)
    return ("cannot write '" + shown + "': " + ec.message()).str();
  write(os);
  os.close();
  if (!os.has_error())
    return "";
  std::string error =
      ("cannot write '" + shown + "': " + os.error().message()).str();
  os.clear_error();
  return error;
}

/// Copies the file `from` into `to`.
static std::string copyInto(StringRef from, StringRef to) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> contents =
      MemoryBuffer::getFile(from, /*IsText=*/false,
                            /*RequiresNullTerminator=*/false);
  if (!contents)
    return ("cannot read '" + from + "': " + contents.getError().message())
        .str();
  return writeStream(to, to, sys::fs::OF_None,
                     [&](raw_ostream &os) { os << (*contents)->getBuffer(); });
}

/// Moves what was written to `staged` (from getStagingPath) to `path`:
/// renamed over a regular file, copied into a device or FIFO. Nothing to do
/// when they are one path, or when nothing was written. Returns an error
/// message naming `path`, empty on success.
static std::string commitStagedOutput(StringRef staged, StringRef path) {
  if (staged == path)
    return "";
  if (!sys::fs::exists(staged)) {
    sys::DontRemoveFileOnSignal(staged);
    return "";
  }
  std::string error;
  if (isSpecialFile(path))
    error = copyInto(staged, path);
  else if (std::error_code ec = sys::fs::rename(staged, path))
    error = ("cannot write '" + path + "': " + ec.message()).str();
  removeStaged(staged);
  return error;
}

namespace {
/// Files of this process: those the driver writes at the end, and those
/// writeOutputFile has written, each with the input it was written for.
struct ProcessFiles {
  std::mutex mutex;
  std::vector<std::string> reserved;
  std::vector<std::pair<std::string, std::string>> written;

  static ProcessFiles &get() {
    static ProcessFiles files;
    return files;
  }
  static bool isSame(StringRef entry, StringRef path) {
    return entry == path || isSameFile(entry, path);
  }
  static bool contains(const std::vector<std::string> &list, StringRef path) {
    return llvm::any_of(
        list, [&](const std::string &entry) { return isSame(entry, path); });
  }
  /// Whether `path` was written before, for `input` when it is given.
  bool wasWritten(StringRef path, std::optional<StringRef> input) const {
    return llvm::any_of(written, [&](const auto &entry) {
      return (!input || entry.second == *input) && isSame(entry.first, path);
    });
  }
};
} // namespace

void reserveOutputFile(StringRef path) {
  ProcessFiles &files = ProcessFiles::get();
  std::lock_guard<std::mutex> lock(files.mutex);
  files.reserved.push_back(path.str());
}

bool isReservedOutputFile(StringRef path) {
  if (path == "-")
    return false;
  ProcessFiles &files = ProcessFiles::get();
  std::lock_guard<std::mutex> lock(files.mutex);
  return ProcessFiles::contains(files.reserved, path);
}

std::string writeOutputFile(StringRef path,
                            function_ref<void(raw_ostream &)> write,
                            StringRef input) {
  ProcessFiles &files = ProcessFiles::get();
  std::lock_guard<std::mutex> lock(files.mutex);
  if (path != "-" && files.wasWritten(path, input))
    return ("'" + path +
            "' is written twice for one input; give each output its own file")
        .str();
  // A regular file written before by this process: what is there comes
  // first.
  bool regular = path != "-" && sys::fs::is_regular_file(path);
  bool again = regular && files.wasWritten(path, std::nullopt);
  std::string previous;
  if (again) {
    auto buffer = MemoryBuffer::getFile(path);
    if (buffer)
      previous = (*buffer)->getBuffer().str();
  }
  std::string staged = getStagingPath(path);
  std::string error =
      writeStream(staged, path, sys::fs::OF_TextWithCRLF, [&](raw_ostream &os) {
        os << previous;
        write(os);
      });
  if (error.empty()) {
    error = commitStagedOutput(staged, path);
    if (error.empty() && path != "-" && !isSameFile(path, "/dev/null"))
      files.written.emplace_back(path.str(), input.str());
    return error;
  }
  if (staged != path)
    removeStaged(staged);
  return error;
}

} // namespace mlir::roof
