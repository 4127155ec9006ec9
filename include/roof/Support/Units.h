//===- Units.h - Quantities as the reports print them -----------*- C++ -*-===//
//
// Times, energies, sizes and rates scaled to the SI prefix that keeps them
// readable (29.863 us, 1.204 ms; 2.986 mJ; 512 B, 80.000 GB; 1.188 TOP/s),
// and counts of things in the singular or the plural: for the reports and
// for the files the tools write.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_SUPPORT_UNITS_H
#define ROOF_SUPPORT_UNITS_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>

namespace mlir::roof {

/// Seconds in us below 1 ms, ms below 1 s, else s; 3 decimals.
std::string formatSeconds(double seconds);

/// Joules in uJ below 1 mJ, mJ below 1 J, else J; 3 decimals.
std::string formatJoules(double joules);

/// Bytes in MB below 1000 MB, else GB; 3 decimals (decimal prefixes, as
/// datasheets give capacities).
std::string formatMegabytes(double bytes);

/// FLOPs in the largest of FLOP, kFLOP, MFLOP, GFLOP, TFLOP and PFLOP they
/// reach; 3 decimals.
std::string formatFlops(double flops);

/// A quantity for a table cell read at a glance: four significant digits
/// at the SI prefix that keeps the mantissa in [1, 1000) (n, u, m, none,
/// k, M, G, T, P), then `unit`: "767.1 TOP/s", "3.093 MB", "98.60 us",
/// "512 B" (a whole number without a prefix has no decimals).
std::string formatQuantity(double value, llvm::StringRef unit);

/// A count as formatQuantity prints it, or "overflow" (Counts.h).
std::string formatCountQuantity(uint64_t count, llvm::StringRef unit);

/// "1 kernel", "3 kernels".
std::string formatCountOf(uint64_t count, llvm::StringRef noun);

} // namespace mlir::roof

#endif // ROOF_SUPPORT_UNITS_H
