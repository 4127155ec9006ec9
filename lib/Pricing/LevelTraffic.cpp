//===- LevelTraffic.cpp - A kernel's bytes and time by memory level -------===//

#include "roof/Pricing/LevelTraffic.h"

using namespace mlir;
using namespace mlir::roof;

/// Seconds `level` of `target` takes to move `bytes`: reads at its
/// bandwidth, writes at its write bandwidth (the same one unless the level
/// gives it apart), derated; 0 when it gives no bandwidth.
static double getLevelSeconds(const Target &target, const MemoryLevel &level,
                              const LevelBytes &bytes) {
  std::optional<double> read = target.getBandwidth(level);
  if (!read)
    return 0;
  if (!level.writeBandwidth)
    return bytes.total() / *read;
  return bytes.read / *read + bytes.written / *target.getWriteBandwidth(level);
}

/// The bytes that pass through each level for `kernel`, in the target's
/// order: those the level serves and those of every level outside it.
static SmallVector<LevelBytes, 2> getThroughBytes(const KernelTime &kernel) {
  SmallVector<LevelBytes, 2> through(kernel.levelBytes.size());
  LevelBytes outside;
  for (size_t i = through.size(); i-- > 0;) {
    outside.read = addCounts(outside.read, kernel.levelBytes[i].read);
    outside.written = addCounts(outside.written, kernel.levelBytes[i].written);
    through[i] = outside;
  }
  return through;
}

/// Sets T_memory of `kernel` from each level's time `levelSeconds`: the
/// slowest level (the outermost of equals), and the weight link for the
/// weights streaming over it.
static void setMemorySeconds(KernelTime &kernel, const Target &target,
                             ArrayRef<double> levelSeconds) {
  kernel.memorySeconds = 0;
  kernel.memoryLevel = target.levels.size() - 1;
  for (auto [i, seconds] : llvm::enumerate(levelSeconds)) {
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

SmallVector<double, 2> roof::priceTraffic(KernelTime &kernel,
                                          const Target &target) {
  kernel.onChipBytes = 0;
  for (auto [level, bytes] : llvm::zip_equal(target.levels, kernel.levelBytes))
    if (level.onChip)
      kernel.onChipBytes = addCounts(kernel.onChipBytes, bytes.total());
  if (!kernel.hasTime())
    return {};
  SmallVector<double, 2> levelSeconds;
  for (auto [level, bytes] :
       llvm::zip_equal(target.levels, getThroughBytes(kernel)))
    levelSeconds.push_back(getLevelSeconds(target, level, bytes));
  setMemorySeconds(kernel, target, levelSeconds);
  kernel.updateSeconds();
  return levelSeconds;
}

uint64_t roof::getServedBytes(const KernelTime &kernel) {
  if (kernel.memoryLevel >= kernel.levelBytes.size())
    return kernel.streamedWeightBytes;
  return getThroughBytes(kernel)[kernel.memoryLevel].total();
}
