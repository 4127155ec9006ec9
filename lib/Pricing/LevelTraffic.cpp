//===- LevelTraffic.cpp - A kernel's bytes and time by memory level -------===//

#include "roof/Pricing/LevelTraffic.h"

using namespace mlir;
using namespace mlir::roof;

double roof::getLevelSeconds(const Target &target, const MemoryLevel &level,
                             const LevelBytes &bytes) {
  std::optional<double> read = target.getBandwidth(level);
  if (!read)
    return 0;
  if (!level.writeBandwidth)
    return bytes.total() / *read;
  return bytes.read / *read + bytes.written / *target.getWriteBandwidth(level);
}

SmallVector<LevelBytes, 2> roof::getThroughBytes(const KernelTime &kernel) {
  SmallVector<LevelBytes, 2> through(kernel.levelBytes.size());
  LevelBytes outside;
  for (size_t i = through.size(); i-- > 0;) {
    outside.read = addCounts(outside.read, kernel.levelBytes[i].read);
    outside.written = addCounts(outside.written, kernel.levelBytes[i].written);
    through[i] = outside;
  }
  return through;
}

/// Sets T_memory of `kernel` from the bytes each level serves: the slowest
/// level for the bytes passing through it (the outermost of equals), and
/// the weight link for the weights streaming over it.
static void setMemorySeconds(KernelTime &kernel, const Target &target) {
  kernel.memorySeconds = 0;
  kernel.memoryLevel = target.levels.size() - 1;
  for (auto [i, bytes] : llvm::enumerate(getThroughBytes(kernel))) {
    double seconds = getLevelSeconds(target, target.levels[i], bytes);
    if (seconds > kernel.memorySeconds ||
        (seconds == kernel.memorySeconds && seconds > 0)) {
      kernel.memorySeconds = seconds;
      kernel.memoryLevel = i;
    }
  }
  if (!kernel.streamedWeightBytes || !target.weightLink)
    return;
  double link =
      kernel.streamedWeightBytes / *target.getBandwidth(*target.weightLink);
  if (link > kernel.memorySeconds) {
    kernel.memorySeconds = link;
    kernel.memoryLevel = target.levels.size();
  }
}

void roof::priceTraffic(KernelTime &kernel, const Target &target) {
  kernel.onChipBytes = 0;
  for (auto [level, bytes] : llvm::zip_equal(target.levels, kernel.levelBytes))
    if (level.onChip)
      kernel.onChipBytes = addCounts(kernel.onChipBytes, bytes.total());
  if (!kernel.hasTime())
    return;
  setMemorySeconds(kernel, target);
  kernel.updateSeconds();
}
