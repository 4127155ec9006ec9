//===- Microbenchmarks.cpp - This machine's roofs, measured ---------------===//
//
// The kernels are compiled for each vector width with target attributes and
// chosen at run time from the CPU's flags, so the tool runs anywhere and
// still reaches AVX-512 where it exists.
//
//===----------------------------------------------------------------------===//

#include "Microbenchmarks.h"

#include <immintrin.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

using namespace roof::calibrate;

namespace {
using Clock = std::chrono::steady_clock;

/// Independent FMA chains: enough of them to cover the FMA latency on every
/// port.
constexpr int kChains = 12;

// Opaque to the optimizer, so the loops cannot be folded.
volatile float gScale = 0.999999f;
volatile float gShift = 1e-7f;
volatile float gSink = 0;

typedef float V16 __attribute__((vector_size(64)));
typedef float V8 __attribute__((vector_size(32)));
typedef float V4 __attribute__((vector_size(16)));

// The bodies are written out in each function: a target attribute does not
// reach a template the function calls, which would be compiled for the
// baseline ISA.
#define ROOF_FMA_CHAINS(Vector, iterations)                                    \
  Vector acc[kChains];                                                         \
  Vector scale = Vector{} + gScale, shift = Vector{} + gShift;                 \
  for (int k = 0; k < kChains; ++k)                                            \
    acc[k] = Vector{} + static_cast<float>(k);                                 \
  for (uint64_t i = 0; i < iterations; ++i)                                    \
    for (int k = 0; k < kChains; ++k)                                          \
      acc[k] = acc[k] * scale + shift;                                         \
  Vector sum = Vector{};                                                       \
  for (int k = 0; k < kChains; ++k)                                            \
    sum += acc[k];                                                             \
  return sum[0];

#define ROOF_TRIAD(a, b, c, s, n)                                              \
  for (size_t i = 0; i < n; ++i)                                               \
    a[i] = b[i] + s * c[i];

__attribute__((target("avx512f"))) float chains512(uint64_t n) {
  ROOF_FMA_CHAINS(V16, n)
}
__attribute__((target("avx2,fma"))) float chains256(uint64_t n) {
  ROOF_FMA_CHAINS(V8, n)
}
float chains128(uint64_t n) { ROOF_FMA_CHAINS(V4, n) }

__attribute__((target("avx512f"))) void
triad512(float *a, const float *b, const float *c, float s, size_t n) {
  ROOF_TRIAD(a, b, c, s, n)
}
__attribute__((target("avx2,fma"))) void
triad256(float *a, const float *b, const float *c, float s, size_t n) {
  ROOF_TRIAD(a, b, c, s, n)
}
void triad128(float *a, const float *b, const float *c, float s, size_t n) {
  ROOF_TRIAD(a, b, c, s, n)
}

// The sum of b[0..n) in four vector accumulators: a stream of reads alone,
// as a kernel reading weights much larger than what it writes makes.
#define ROOF_READ(Vector, b, n)                                                \
  constexpr size_t lanes = sizeof(Vector) / sizeof(float);                     \
  Vector acc[4] = {};                                                          \
  size_t i = 0;                                                                \
  for (; i + 4 * lanes <= n; i += 4 * lanes)                                   \
    for (int k = 0; k < 4; ++k) {                                              \
      Vector v;                                                                \
      std::memcpy(&v, b + i + k * lanes, sizeof v);                            \
      acc[k] += v;                                                             \
    }                                                                          \
  float sum = 0;                                                               \
  for (int k = 0; k < 4; ++k)                                                  \
    for (size_t l = 0; l < lanes; ++l)                                         \
      sum += acc[k][l];                                                        \
  for (; i < n; ++i)                                                           \
    sum += b[i];                                                               \
  return sum;

__attribute__((target("avx512f"))) float read512(const float *b, size_t n) {
  ROOF_READ(V16, b, n)
}
__attribute__((target("avx2"))) float read256(const float *b, size_t n) {
  ROOF_READ(V8, b, n)
}
float read128(const float *b, size_t n) { ROOF_READ(V4, b, n) }

volatile int gByte = 1;

__attribute__((target("avx512f,avx512vnni"))) float dotI8(uint64_t n) {
  __m512i acc[kChains];
  __m512i a = _mm512_set1_epi8(static_cast<char>(gByte));
  __m512i b = _mm512_set1_epi8(static_cast<char>(gByte + 1));
  for (int k = 0; k < kChains; ++k)
    acc[k] = _mm512_set1_epi32(k);
  for (uint64_t i = 0; i < n; ++i)
    for (int k = 0; k < kChains; ++k)
      acc[k] = _mm512_dpbusd_epi32(acc[k], a, b);
  __m512i sum = acc[0];
  for (int k = 1; k < kChains; ++k)
    sum = _mm512_add_epi32(sum, acc[k]);
  // Stored and summed here: GCC 12's reduce intrinsics warn in its own
  // header.
  alignas(64) int lanes[16];
  _mm512_store_si512(lanes, sum);
  return static_cast<float>(lanes[0] + lanes[15]);
}

__attribute__((target("avx512f,avx512bf16"))) float dotBf16(uint64_t n) {
  __m512 acc[kChains];
  __m512bh a =
      _mm512_cvtne2ps_pbh(_mm512_set1_ps(gScale), _mm512_set1_ps(gScale));
  for (int k = 0; k < kChains; ++k)
    acc[k] = _mm512_set1_ps(static_cast<float>(k));
  for (uint64_t i = 0; i < n; ++i)
    for (int k = 0; k < kChains; ++k)
      acc[k] = _mm512_dpbf16_ps(acc[k], a, a);
  __m512 sum = acc[0];
  for (int k = 1; k < kChains; ++k)
    sum = _mm512_add_ps(sum, acc[k]);
  alignas(64) float lanes[16];
  _mm512_store_ps(lanes, sum);
  return lanes[0] + lanes[15];
}

/// Wall seconds of `threads` threads each running `work(thread)` at once.
double runTogether(unsigned threads,
                   const std::function<void(unsigned)> &work) {
  std::atomic<unsigned> ready{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      ++ready;
      while (!go)
        std::this_thread::yield();
      work(t);
    });
  while (ready != threads)
    std::this_thread::yield();
  auto start = Clock::now();
  go = true;
  for (std::thread &thread : pool)
    thread.join();
  return std::chrono::duration<double>(Clock::now() - start).count();
}

/// Runs `timed(count)` with counts doubling until it takes `seconds`, then
/// `repeats` times more; the best rate `work(count) / time`.
double bestRate(const Effort &effort, double workPerCount,
                const std::function<double(uint64_t)> &timed) {
  uint64_t count = 1;
  while (timed(count) < effort.seconds && count < (uint64_t(1) << 40))
    count *= 2;
  double best = 0;
  for (unsigned r = 0; r < effort.repeats; ++r)
    best = std::max(best, workPerCount * count / timed(count));
  return best;
}
} // namespace

/// Operations per second of `threads` threads each running `chains`, which
/// does `opsPerIteration` operations per iteration.
static double measureChains(float (*chains)(uint64_t), double opsPerIteration,
                            unsigned threads, const Effort &effort) {
  constexpr uint64_t kInner = 1000;
  double opsPerCount = opsPerIteration * kInner * threads;
  return bestRate(effort, opsPerCount, [&](uint64_t count) {
    return runTogether(threads,
                       [&](unsigned) { gSink = chains(count * kInner); });
  });
}

double roof::calibrate::measurePeakFlops(const HostFacts &host,
                                         unsigned threads,
                                         const Effort &effort) {
  unsigned lanes = host.simdBits / 32;
  float (*chains)(uint64_t) = host.simdBits == 512               ? chains512
                              : host.simdBits == 256 && host.fma ? chains256
                                                                 : chains128;
  if (chains == chains128)
    lanes = 4;
  return measureChains(chains, 2.0 * lanes * kChains, threads, effort);
}

double roof::calibrate::measurePeakDot(DotType type, unsigned threads,
                                       const Effort &effort) {
  unsigned products = type == DotType::I8 ? 64 : 32;
  return measureChains(type == DotType::I8 ? dotI8 : dotBf16,
                       2.0 * products * kChains, threads, effort);
}

double roof::calibrate::measureTriad(const HostFacts &host,
                                     uint64_t bytesPerThread, unsigned threads,
                                     const Effort &effort) {
  size_t n = std::max<uint64_t>(bytesPerThread / 12, 1024);
  void (*triad)(float *, const float *, const float *, float, size_t) =
      host.simdBits == 512               ? triad512
      : host.simdBits == 256 && host.fma ? triad256
                                         : triad128;
  // Each thread allocates and first touches its own arrays.
  std::vector<std::unique_ptr<float[]>> arrays(3 * threads);
  runTogether(threads, [&](unsigned t) {
    for (int k = 0; k < 3; ++k) {
      arrays[3 * t + k].reset(new float[n]);
      std::fill_n(arrays[3 * t + k].get(), n, 1.0f + k);
    }
  });
  double bytesPerCount = 12.0 * n * threads;
  return bestRate(effort, bytesPerCount, [&](uint64_t count) {
    return runTogether(threads, [&](unsigned t) {
      float *a = arrays[3 * t].get(), *b = arrays[3 * t + 1].get(),
            *c = arrays[3 * t + 2].get();
      for (uint64_t i = 0; i < count; ++i)
        triad(a, b, c, gScale, n);
      gSink = a[n / 2];
    });
  });
}

double roof::calibrate::measureRead(const HostFacts &host,
                                    uint64_t bytesPerThread, unsigned threads,
                                    const Effort &effort) {
  size_t n = std::max<uint64_t>(bytesPerThread / 4, 1024);
  float (*read)(const float *, size_t) = host.simdBits == 512   ? read512
                                         : host.simdBits == 256 ? read256
                                                                : read128;
  std::vector<std::unique_ptr<float[]>> arrays(threads);
  runTogether(threads, [&](unsigned t) {
    arrays[t].reset(new float[n]);
    std::fill_n(arrays[t].get(), n, 1.0f);
  });
  return bestRate(effort, 4.0 * n * threads, [&](uint64_t count) {
    return runTogether(threads, [&](unsigned t) {
      float sum = 0;
      for (uint64_t i = 0; i < count; ++i)
        sum += read(arrays[t].get(), n);
      gSink = sum;
    });
  });
}
