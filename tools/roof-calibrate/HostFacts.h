//===- HostFacts.h - What this machine says about itself --------*- C++ -*-===//
//
// CPU model, cores, SIMD width and caches, from /proc/cpuinfo and sysfs.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_TOOLS_ROOFCALIBRATE_HOSTFACTS_H
#define ROOF_TOOLS_ROOFCALIBRATE_HOSTFACTS_H

#include <cstdint>
#include <string>
#include <vector>

namespace roof::calibrate {

struct CacheLevel {
  unsigned level = 0;
  /// Bytes, of one instance (per core for private caches).
  uint64_t size = 0;
  /// Cores sharing one instance.
  unsigned sharedBy = 1;
};

struct HostFacts {
  std::string cpuModel;
  unsigned cores = 1;
  /// Widest vector the FMA kernels can use: 512, 256 or 128 bits.
  unsigned simdBits = 128;
  bool fma = false;
  /// 512-bit dot products: i8 (AVX512-VNNI) and bf16 (AVX512-BF16).
  bool dotI8 = false;
  bool dotBf16 = false;
  /// Data and unified caches, innermost first.
  std::vector<CacheLevel> caches;
  /// Bytes of memory.
  uint64_t memory = 0;
};

HostFacts readHostFacts();

} // namespace roof::calibrate

#endif // ROOF_TOOLS_ROOFCALIBRATE_HOSTFACTS_H
