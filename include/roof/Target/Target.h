//===- Target.h - A chip's roofs, memories and power ------------*- C++ -*-===//
//
// What the roofline report needs to know about a target, in SI units
// (FLOP/s, bytes, bytes/s, watts, seconds). Loaded from targets/*.json or a
// user's file by TargetLoader.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_TARGET_TARGET_H
#define ROOF_TARGET_TARGET_H

#include "roof/Analysis/KernelClass.h"
#include "roof/Target/Dtype.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

#include <array>

#include <optional>
#include <string>

namespace mlir::roof {

/// The engine an op runs on: matrix (tensor cores, MXU, HMX) for
/// contractions, vector (SIMD, HVX) for everything else.
enum class Engine { Matrix, Vector };

/// One level of a target's memory hierarchy (a cache, a scratchpad, main
/// memory), or a link off the device, which is a level of the same kind
/// without a capacity.
struct MemoryLevel {
  /// What it is ("L2", "HBM3", "VTCM", "USB 3.0").
  std::string name;
  /// Bytes; 0 for a link.
  double capacity = 0;
  /// The fraction of the capacity that can hold a program's values between
  /// kernels (the rest is set aside by the hardware or runtime), in (0, 1].
  double usable = 1;
  /// Bytes per second, for reads and writes alike, or for reads only when
  /// `writeBandwidth` is given; unset when not published (its traffic then
  /// takes no time).
  std::optional<double> bandwidth;
  std::optional<double> writeBandwidth;
  /// Seconds to the first byte, and joules per byte moved, when given.
  std::optional<double> latency;
  std::optional<double> energyPerByte;
  /// On the chip: every level but the outermost is, and the outermost is
  /// on a chip without off-chip memory (an SRAM-only NPU).
  bool onChip = true;

  double getUsableBytes() const { return capacity * usable; }
};

/// How a calibrated target prices one class of kernel:
/// seconds = overhead (once per node: per operator of the source graph)
///         + compute x T_compute + memory x T_memory
///         + output x bytes written / off-chip bandwidth.
struct ClassCalibration {
  /// Seconds.
  double overhead = 0;
  /// Multiples of T_compute (at least 1: no faster than the peak), of
  /// T_memory and of the output's write time.
  double compute = 1;
  double memory = 1;
  double output = 0;
};

/// A target's fitted per-class pricing (docs/validation.md).
struct Calibration {
  /// Seconds between nodes, added once per node to a function's latency.
  double nodeOverhead = 0;
  /// By kernel class (KernelClass.h); classes the file does not list keep
  /// the defaults of ClassCalibration.
  std::array<ClassCalibration, kNumKernelClasses> classes;

  /// The pricing of `kernelClass`.
  ClassCalibration get(KernelClass kernelClass) const {
    return classes[static_cast<unsigned>(kernelClass)];
  }
};

/// A link that joins devices (NVLink through a switch, PCIe, InfiniBand):
/// a level without a capacity whose bandwidth is per device and direction
/// and whose latency is the time of one step of a collective.
struct Interconnect {
  MemoryLevel link;
  /// Whether its switch reduces in the network (NVLink SHARP): an
  /// all-reduce then sends and receives each byte once (Collectives.h).
  bool inSwitchReduction = false;
  /// Without a switch, the devices of a node as a torus or mesh of these
  /// sizes (numbered row-major, the last fastest), each device joined to
  /// its neighbours on each axis by one link of `link`'s bandwidth per
  /// direction; an axis without wraparound is a line (TPU ICI).
  llvm::SmallVector<unsigned, 3> torus;
  llvm::SmallVector<bool, 3> wraparound;
};

/// Devices joined by links (docs/parallelism.md): `devicesPerNode` devices
/// joined by `nodeLink` in each of `nodes` nodes, joined by `networkLink`.
/// A grid's devices are numbered row-major (its last axis fastest), node by
/// node.
struct System {
  /// The device's target name ("NVIDIA H100 SXM5 80GB") and file.
  std::string deviceName;
  std::string deviceFile;
  unsigned devicesPerNode = 1;
  unsigned nodes = 1;
  /// Set when there are several devices per node, several nodes.
  std::optional<Interconnect> nodeLink;
  std::optional<Interconnect> networkLink;

  uint64_t getDevices() const {
    return static_cast<uint64_t>(devicesPerNode) * nodes;
  }
};

struct Target {
  /// The device's name, or a system's (then `system` names the device).
  std::string name;
  /// "gpu", "npu", "dsp" or "cpu".
  std::string kind;
  /// FLOP/s (or OP/s for integers) per dtype, per engine; unset where the
  /// target gives none.
  using Rates = std::array<std::optional<double>, kNumDtypes>;
  Rates matrixRates;
  Rates vectorRates;
  /// The memory hierarchy, innermost (nearest the engines) first. The
  /// outermost holds the model: weights and activations; the others are
  /// on chip and can keep a kernel's output for the kernels that read it
  /// (OnChipResidency.h). Never empty.
  llvm::SmallVector<MemoryLevel, 2> levels;
  /// The link weights beyond the on-chip memory stream over on every call,
  /// on a chip without memory of its own for them (a USB or PCIe
  /// accelerator).
  std::optional<MemoryLevel> weightLink;
  /// Watts: the chip's power limit (TDP).
  double power = 0;
  /// Joules per FLOP (or integer operation) per dtype, per engine: the
  /// energy of the work itself; unset where the target gives none.
  Rates matrixEnergy;
  Rates vectorEnergy;
  /// Watts the chip draws whatever it does (leakage, clocks, idle memory),
  /// when given; a target with it prices a function's energy from its work
  /// (Energy.h) rather than as power x latency.
  std::optional<double> staticPower;
  /// Achievable fractions of the peaks, in (0, 1].
  double computeDerate = 1;
  double bandwidthDerate = 1;
  /// Seconds added per launch: once per source node (NodeRoles.h).
  double launchOverhead = 0;
  /// Fitted from measurements (roof-calibrate --fit): how the target prices
  /// each class of kernel; when set, kernel times are estimates, not bounds.
  std::optional<Calibration> calibration;
  /// Seconds added once per call of a function (a host dispatch, a transfer
  /// over the host link).
  double callOverhead = 0;
  /// Units of the matrix engine that work on separate output tiles at once
  /// (SMs, CUs, MXUs); 0 when not published.
  unsigned matrixUnits = 0;
  /// The output tiles (rows x columns) a unit computes a contraction in.
  llvm::SmallVector<std::pair<unsigned, unsigned>> matrixTiles;
  /// The matrix engine's MAC array, depth x width: one pass reduces `depth`
  /// inputs into each of `width` outputs (ArrayOccupancy.h); unset when not
  /// published.
  std::optional<std::pair<unsigned, unsigned>> matrixArray;
  /// Whether a convolution's window taps join the array's reduction with its
  /// input channels (im2col-like), or each tap is a pass of its own.
  bool tapsInReduction = true;
  /// Fields of the file whose figures are estimates, neither published nor
  /// fitted ("compute.vector", "power"): the report names them.
  llvm::SmallVector<std::string> estimated;
  /// USD: to rent one device an hour (a cloud's on-demand price), and to
  /// buy one, when given.
  std::optional<double> pricePerHour;
  std::optional<double> purchasePrice;
  /// For a system file (roof-system/1): its devices and links; the fields
  /// above are one device's.
  std::optional<System> system;
  /// The file it came from, and the SHA-256 of its bytes (hex): a report
  /// names exactly which figures it used.
  std::string file;
  std::string sha256;

  /// The peak of `engine` for `dtype`, derated; std::nullopt when the target
  /// has no rate for it.
  std::optional<double> getRate(Engine engine, Dtype dtype) const;
  /// The energy of one FLOP (or operation) of `engine` at `dtype`, when the
  /// target gives it.
  std::optional<double> getEnergyPerOp(Engine engine, Dtype dtype) const {
    return (engine == Engine::Matrix
                ? matrixEnergy
                : vectorEnergy)[static_cast<unsigned>(dtype)];
  }
  /// Whether a function's energy comes from its work (a static power is
  /// given) rather than power x latency.
  bool hasEnergyModel() const { return staticPower.has_value(); }
  /// The outermost level, which holds the model.
  const MemoryLevel &getMainMemory() const { return levels.back(); }
  /// Whether the main memory is off the chip (else everything is on it).
  bool hasOffChipMemory() const { return !getMainMemory().onChip; }
  /// The levels that keep values between kernels: those inside an off-chip
  /// main memory (none without one, where every byte is on chip already).
  llvm::ArrayRef<MemoryLevel> getCacheLevels() const {
    return llvm::ArrayRef(levels).drop_back(hasOffChipMemory() ? 1
                                                               : levels.size());
  }
  /// The largest on-chip level: the outermost that is on chip (a GPU's L2,
  /// an NPU's SRAM, the main memory of an SRAM-only chip); null when the
  /// target gives none.
  const MemoryLevel *getOnChipMemory() const;
  /// Its usable bytes (0 without one): what intermediates, weights kept on
  /// chip and attention tiles can use.
  double getUsableOnChipBytes() const;
  /// The bandwidth of the main memory, derated.
  std::optional<double> getBandwidth() const {
    return getBandwidth(getMainMemory());
  }
  /// The read bandwidth of `level`, and its write bandwidth (its read one
  /// unless given apart), derated; unset when the level gives none.
  std::optional<double> getBandwidth(const MemoryLevel &level) const;
  std::optional<double> getWriteBandwidth(const MemoryLevel &level) const;
  /// On-chip bandwidth, derated: of the largest on-chip level, when the
  /// chip has off-chip memory and that figure is published.
  std::optional<double> getOnChipBandwidth() const;
};

} // namespace mlir::roof

#endif // ROOF_TARGET_TARGET_H
