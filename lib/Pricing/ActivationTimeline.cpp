//===- ActivationTimeline.cpp - Live activation bytes over a function -----===//

#include "roof/Pricing/ActivationTimeline.h"

#include "roof/Analysis/WeightAnalysis.h"
#include "roof/Pricing/Roofline.h"

#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace mlir::roof;

ActivationTimeline roof::getActivationTimeline(
    FunctionOpInterface fn, const WeightAnalysis &weights,
    const llvm::DenseMap<Operation *, uint64_t> &writtenBytes,
    const RooflineOptions &options) {
  ActivationTimeline timeline;
  if (fn.isExternal())
    return timeline;
  Block &body = fn.getFunctionBody().front();
  llvm::DenseMap<Operation *, unsigned> position;
  for (auto [i, op] : llvm::enumerate(body))
    position[&op] = i;
  unsigned size = body.getOperations().size();
  SmallVector<int64_t> delta(size + 1, 0);

  auto lastUse = [&](Value value, unsigned from) {
    unsigned last = from;
    for (Operation *user : value.getUsers())
      if (Operation *top = body.findAncestorOpInBlock(*user))
        last = std::max(last, position[top]);
    return last;
  };
  // Each value's interval, to name the ones live at the peak.
  struct Interval {
    LiveValue value;
    unsigned from, to;
  };
  SmallVector<Interval> intervals;
  auto live = [&](LiveValue value, unsigned from, unsigned to) {
    delta[from] += value.bytes;
    delta[to + 1] -= value.bytes;
    intervals.push_back({value, from, to});
  };
  for (BlockArgument arg : body.getArguments()) {
    if (weights.isWeight(arg))
      continue;
    if (std::optional<uint64_t> bytes =
            getDeployedBytes(arg.getType(), options);
        bytes && *bytes)
      live({arg, nullptr, *bytes}, 0, lastUse(arg, 0));
  }
  for (Operation &op : body) {
    auto it = writtenBytes.find(&op);
    if (it == writtenBytes.end() || it->second == 0)
      continue;
    unsigned from = position[&op], to = from;
    for (Value result : op.getResults())
      to = std::max(to, lastUse(result, from));
    live({BlockArgument(), &op, it->second}, from, to);
  }

  int64_t current = 0;
  for (unsigned i = 0; i < size; ++i) {
    current += delta[i];
    auto bytes = static_cast<uint64_t>(current);
    timeline.live.push_back(bytes);
    if (!timeline.peakAt || bytes > timeline.peakBytes) {
      timeline.peakBytes = bytes;
      timeline.peakAt = i;
    }
  }
  if (!timeline.peakAt)
    return timeline;
  unsigned peak = *timeline.peakAt;
  timeline.peakOp = &*std::next(body.begin(), peak);
  for (const Interval &interval : intervals)
    if (interval.from <= peak && peak <= interval.to)
      timeline.atPeak.push_back(interval.value);
  llvm::stable_sort(
      timeline.atPeak,
      [](const LiveValue &a, const LiveValue &b) { return a.bytes > b.bytes; });
  return timeline;
}

std::string roof::getSparkline(const ActivationTimeline &timeline,
                               unsigned width) {
  static const char *const kLevels[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  std::string line;
  if (timeline.live.empty() || width == 0)
    return line;
  size_t perColumn = llvm::divideCeil(timeline.live.size(), width);
  for (size_t start = 0; start < timeline.live.size(); start += perColumn) {
    uint64_t most = 0;
    for (size_t i = start;
         i < std::min(start + perColumn, timeline.live.size()); ++i)
      most = std::max(most, timeline.live[i]);
    unsigned level =
        timeline.peakBytes
            ? static_cast<unsigned>(
                  (7 * static_cast<double>(most)) / timeline.peakBytes + 0.5)
            : 0;
    line += kLevels[std::min(level, 7u)];
  }
  return line;
}
