//===- Target.h - A chip's roofs, memories and power ------------*- C++ -*-===//
//
// What the roofline report needs to know about a target, in SI units
// (FLOP/s, bytes, bytes/s, watts, seconds). Loaded from targets/*.json or a
// user's file by TargetLoader.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_TARGET_TARGET_H
#define ROOF_TARGET_TARGET_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"

#include <optional>
#include <string>

namespace mlir::roof {

/// The element types a target gives rates for.
inline constexpr const char *kTargetDtypes[] = {"f64",  "f32", "tf32", "f16",
                                                "bf16", "f8",  "i8",   "i4"};

/// The engine an op runs on: matrix (tensor cores, MXU, HMX) for
/// contractions, vector (SIMD, HVX) for everything else.
enum class Engine { Matrix, Vector };

/// One memory level.
struct MemoryLevel {
  /// Bytes; 0 when the level does not exist.
  double capacity = 0;
  /// Bytes per second; unset when not published.
  std::optional<double> bandwidth;
  /// The fraction of the capacity that can hold a program's intermediates
  /// between kernels (the rest is set aside by the hardware or runtime), in
  /// (0, 1].
  double usable = 1;
};

/// The link weights stream over when they do not fit on chip, on a chip
/// without memory of its own for them (a USB or PCIe accelerator).
struct WeightLink {
  /// What the link is ("USB 3.0", "PCIe Gen2 x1").
  std::string name;
  /// Bytes per second.
  double bandwidth = 0;
};

struct Target {
  std::string name;
  /// "gpu", "npu", "dsp" or "cpu".
  std::string kind;
  /// FLOP/s (or OP/s for integers) per dtype, per engine.
  llvm::StringMap<double> matrixRates;
  llvm::StringMap<double> vectorRates;
  MemoryLevel offChip;
  MemoryLevel onChip;
  /// Where weights beyond the on-chip capacity come from on every call,
  /// when the chip has such a link.
  std::optional<WeightLink> weightLink;
  /// Watts.
  double power = 0;
  /// Achievable fractions of the peaks, in (0, 1].
  double computeDerate = 1;
  double bandwidthDerate = 1;
  /// Seconds added per kernel.
  double launchOverhead = 0;
  /// Fractions of its roofline time a kernel class reaches, fitted from
  /// measurements (roof-calibrate --fit); 1 where not given: contractions
  /// per matrix dtype, other kernels with FLOPs, and kernels that only move
  /// data.
  llvm::StringMap<double> matrixEfficiency;
  double vectorEfficiency = 1;
  double movementEfficiency = 1;
  /// Seconds added once per call of a function (a host dispatch, a transfer
  /// over the host link).
  double callOverhead = 0;
  /// Units of the matrix engine that work on separate output tiles at once
  /// (SMs, CUs, MXUs); 0 when not published.
  unsigned matrixUnits = 0;
  /// The output tiles (rows x columns) a unit computes a contraction in.
  llvm::SmallVector<std::pair<unsigned, unsigned>> matrixTiles;
  /// Price per hour, when given.
  std::optional<double> pricePerHour;
  /// The file it came from.
  std::string file;

  /// The peak of `engine` for `dtype`, derated; std::nullopt when the target
  /// has no rate for it.
  std::optional<double> getRate(Engine engine, llvm::StringRef dtype) const;
  /// The efficiency of a kernel on `engine` at `dtype`; `movesOnly` for one
  /// without FLOPs.
  double getEfficiency(Engine engine, llvm::StringRef dtype,
                       bool movesOnly) const;
  /// Off-chip bandwidth, derated (the on-chip one when there is no off-chip
  /// memory, as on an SRAM-only chip).
  std::optional<double> getBandwidth() const;
  /// On-chip bandwidth, derated, when the chip has off-chip memory too and the
  /// on-chip figure is published.
  std::optional<double> getOnChipBandwidth() const;
};

} // namespace mlir::roof

#endif // ROOF_TARGET_TARGET_H
