//===- Microbenchmarks.h - This machine's roofs, measured -------*- C++ -*-===//
//
// The Empirical Roofline Toolkit's idea on a CPU: the peak f32 FLOP/s of an
// FMA loop at the widest vectors the CPU has, and the bandwidth of a STREAM
// triad whose arrays fit a given memory level, each for a number of threads
// running at once, best of several runs.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_TOOLS_ROOFCALIBRATE_MICROBENCHMARKS_H
#define ROOF_TOOLS_ROOFCALIBRATE_MICROBENCHMARKS_H

#include "HostFacts.h"

#include <cstdint>

namespace roof::calibrate {

/// How long each measurement runs at least, in seconds; the best of
/// `repeats` is kept.
struct Effort {
  double seconds = 0.2;
  unsigned repeats = 3;
};

/// f32 FLOP/s of `threads` threads each running independent FMA chains
/// (a multiply and an add where the CPU has no FMA), 2 FLOPs per lane.
double measurePeakFlops(const HostFacts &host, unsigned threads,
                        const Effort &effort);

/// The element types a dot-product kernel can measure.
enum class DotType { I8, Bf16 };

/// OP/s (i8) or FLOP/s (bf16) of `threads` threads running independent
/// 512-bit dot-product chains (vpdpbusd: 64 i8 products per instruction,
/// vdpbf16ps: 32 bf16 products), 2 operations per product. Only where the
/// CPU has them (HostFacts::dotI8, dotBf16).
double measurePeakDot(DotType type, unsigned threads, const Effort &effort);

/// Bytes/s of `threads` threads each running a[i] = b[i] + s * c[i] over its
/// own arrays of `bytesPerThread` bytes in all (three f32 arrays), counting
/// 12 bytes per element as STREAM does.
double measureTriad(const HostFacts &host, uint64_t bytesPerThread,
                    unsigned threads, const Effort &effort);

/// Bytes/s of `threads` threads each summing its own f32 array of
/// `bytesPerThread` bytes: reads alone, which a memory level may serve
/// faster than a triad's mix of reads and writes.
double measureRead(const HostFacts &host, uint64_t bytesPerThread,
                   unsigned threads, const Effort &effort);

} // namespace roof::calibrate

#endif // ROOF_TOOLS_ROOFCALIBRATE_MICROBENCHMARKS_H
