//===- Generation.h - A language model generating tokens --------*- C++ -*-===//
//
// A decoder whose arguments name the dims `seq` (tokens of this call) and
// `past` (tokens in its KV cache) runs a prompt of P tokens as one prefill
// (seq = P, past = 0), which gives the first token, then one decode step
// per further token (seq = 1, past = P, P + 1, ...). The report prices a
// few of those steps and sums the rest between them; the formulas are in
// docs/roofline.md, "Generation".
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_PRICING_GENERATION_H
#define ROOF_PRICING_GENERATION_H

#include "roof/Pricing/PricingTypes.h"

#include <optional>

namespace mlir::roof {

/// The decode steps a generation of `tokens` tokens after a prompt of
/// `prompt` prices: the first (past = prompt), the last (past = prompt +
/// tokens - 2) and the one midway; none when one token is all it makes.
SmallVector<uint64_t> getDecodePoints(uint64_t prompt, uint64_t tokens);

/// The sum of t(L) over every integer L in [first, last], where t is linear
/// between the priced `points` (past, seconds), sorted by past and covering
/// [first, last].
double sumBetweenPoints(ArrayRef<std::pair<uint64_t, double>> points,
                        uint64_t first, uint64_t last);

/// Bytes of the KV cache `fn` reads: its KV cache arguments (KvCache.h), at
/// the KV dtype or as deployed (0 when none, or when one is not static).
uint64_t getKvCacheBytes(FunctionOpInterface fn,
                         const RooflineOptions &options);

/// One function generating on one target at one batch.
struct GenerationReport {
  std::string function;
  const Target *target = nullptr;
  /// Sequences generated at once.
  uint64_t batch = 1;
  uint64_t prompt = 0;
  uint64_t tokens = 0;
  /// Time to first token: the prefill's latency.
  double prefillSeconds = 0;
  /// The priced decode steps: (past, latency).
  SmallVector<std::pair<uint64_t, double>> steps;
  /// All tokens - 1 decode steps.
  double decodeSeconds = 0;
  /// KV cache bytes per token of one sequence, and of the batch after
  /// prompt + tokens.
  uint64_t kvBytesPerToken = 0;
  uint64_t kvBytesAtEnd = 0;
  uint64_t weightBytes = 0;
  /// The peak of live activations of a decode step with an empty cache at
  /// this batch: what a step holds besides the weights and the cache.
  uint64_t stepActivationBytes = 0;
  double capacityBytes = 0;
  /// Kernels without a rate or ops without a cost in any priced step: the
  /// times then leave them out.
  bool incomplete = false;
  /// USD a second of one device's work (the prefill's, Money.h), when the
  /// target has the price it needs, and the devices a step occupies.
  std::optional<double> dollarsPerSecond;
  unsigned devices = 1;

  /// USD per million generated tokens: the devices' time for the prefill
  /// and every decode step over the batch's tokens.
  std::optional<double> costPerMillionTokens() const {
    if (!dollarsPerSecond || !tokens)
      return std::nullopt;
    return *dollarsPerSecond * devices * totalSeconds() * 1e6 /
           (static_cast<double>(batch) * tokens);
  }

  double secondsPerToken() const {
    return tokens > 1 ? decodeSeconds / (tokens - 1) : 0;
  }
  /// Decode throughput: batch x (tokens - 1) / decode time.
  double tokensPerSecond() const {
    return decodeSeconds > 0 ? batch * (tokens - 1) / decodeSeconds : 0;
  }
  double totalSeconds() const { return prefillSeconds + decodeSeconds; }
  /// Weights + the batch's cache at the end + a step's activations.
  double memoryAtEndBytes() const {
    return weightBytes + kvBytesAtEnd +
           static_cast<double>(stepActivationBytes);
  }
  bool fits() const { return memoryAtEndBytes() <= capacityBytes; }
  /// The most sequences that fit at prompt + tokens, and the longest
  /// context that fits at this batch (0 when none does).
  uint64_t maxBatch() const;
  uint64_t maxContext() const;
};

/// The generation summary from the priced prefill, empty-cache step and
/// decode steps (`steps`, by past) of one function on one target.
GenerationReport summarizeGeneration(
    const FunctionRoofline &prefill, const FunctionRoofline &emptyStep,
    ArrayRef<std::pair<uint64_t, const FunctionRoofline *>> steps,
    uint64_t batch, uint64_t prompt, uint64_t tokens, uint64_t kvBytesPerToken);

} // namespace mlir::roof

#endif // ROOF_PRICING_GENERATION_H
