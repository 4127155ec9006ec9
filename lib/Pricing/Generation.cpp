//===- Generation.cpp - A language model generating tokens ----------------===//

#include "roof/Pricing/Generation.h"

#include "roof/Pricing/KvCache.h"
#include "roof/Pricing/Roofline.h"

#include <algorithm>

using namespace mlir;
using namespace mlir::roof;

SmallVector<uint64_t> roof::getDecodePoints(uint64_t prompt, uint64_t tokens) {
  if (tokens < 2)
    return {};
  uint64_t first = prompt, last = prompt + tokens - 2;
  SmallVector<uint64_t> points = {first, first + (last - first) / 2, last};
  points.erase(std::unique(points.begin(), points.end()), points.end());
  return points;
}

double roof::sumBetweenPoints(ArrayRef<std::pair<uint64_t, double>> points,
                              uint64_t first, uint64_t last) {
  if (points.size() == 1)
    return points.front().second * (last - first + 1);
  double sum = 0;
  // Each segment [a, b) sums t at a, a + 1, ..., b - 1; the last point
  // closes the range.
  for (auto [left, right] :
       llvm::zip(points.drop_back(), points.drop_front())) {
    auto [a, ta] = left;
    auto [b, tb] = right;
    double n = static_cast<double>(b - a);
    // sum over k = 0..n-1 of ta + (tb - ta) k / n.
    sum += n * ta + (tb - ta) * (n - 1) / 2;
  }
  return sum + points.back().second;
}

uint64_t roof::getKvCacheBytes(FunctionOpInterface fn,
                               const RooflineOptions &options) {
  uint64_t bytes = 0;
  for (unsigned i = 0, e = fn.getNumArguments(); i < e; ++i) {
    if (!isKvCacheArgument(fn, i))
      continue;
    std::optional<uint64_t> arg =
        getKvCacheStoredBytes(fn.getArgumentTypes()[i], options);
    if (!arg)
      return 0;
    bytes += *arg;
  }
  return bytes;
}

uint64_t GenerationReport::maxBatch() const {
  double room = capacityBytes - weightBytes;
  double perSequence =
      static_cast<double>(kvBytesPerToken) * (prompt + tokens) +
      static_cast<double>(stepActivationBytes) / batch;
  return room > 0 && perSequence > 0 ? static_cast<uint64_t>(room / perSequence)
                                     : 0;
}

uint64_t GenerationReport::maxContext() const {
  double room = capacityBytes - weightBytes - stepActivationBytes;
  double perToken = static_cast<double>(kvBytesPerToken) * batch;
  return room > 0 && perToken > 0 ? static_cast<uint64_t>(room / perToken) : 0;
}

GenerationReport roof::summarizeGeneration(
    const FunctionRoofline &prefill, const FunctionRoofline &emptyStep,
    ArrayRef<std::pair<uint64_t, const FunctionRoofline *>> steps,
    uint64_t batch, uint64_t prompt, uint64_t tokens,
    uint64_t kvBytesPerToken) {
  GenerationReport g;
  g.function = prefill.function;
  g.target = prefill.target;
  g.batch = batch;
  g.prompt = prompt;
  g.tokens = tokens;
  g.prefillSeconds = prefill.latencySeconds;
  auto incomplete = [](const FunctionRoofline &r) {
    return r.kernelsWithoutRate || r.totals.opsUnknown;
  };
  g.incomplete = incomplete(prefill) || incomplete(emptyStep);
  for (auto [past, step] : steps) {
    g.steps.emplace_back(past, step->latencySeconds);
    g.incomplete |= incomplete(*step);
  }
  if (!g.steps.empty())
    g.decodeSeconds =
        sumBetweenPoints(g.steps, g.steps.front().first, g.steps.back().first);
  g.kvBytesPerToken = kvBytesPerToken;
  g.kvBytesAtEnd = kvBytesPerToken * batch * (prompt + tokens);
  g.weightBytes = prefill.weightBytes;
  g.stepActivationBytes = emptyStep.peakActivationBytes;
  g.capacityBytes = prefill.capacityBytes;
  g.dollarsPerSecond = prefill.dollarsPerSecond;
  g.devices = prefill.devices;
  return g;
}
