//===- Energy.h - A kernel's energy from its work ---------------*- C++ -*-===//
//
// On a target that gives energy figures (Target::hasEnergyModel), a
// kernel's energy is that of its operations, at its engine and dtype, and
// of the bytes it moves, at each level and link they cross; the chip adds
// its static power over the latency. Work whose power would exceed the
// chip's limit runs slower: the power roof. The formulas are in
// docs/cost.md.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_PRICING_ENERGY_H
#define ROOF_PRICING_ENERGY_H

#include "roof/Pricing/PricingTypes.h"

namespace mlir::roof {

/// The energy of `kernel`'s work on `target`: FLOPs x the energy per
/// operation of its engine and dtype, the bytes served at each level x the
/// level's energy per byte, and a collective's bytes sent x its link's.
WorkEnergy getWorkEnergy(const KernelTime &kernel, const Target &target);

/// The time `work` takes at `target`'s power limit: its energy over the
/// power the limit leaves beyond the static power.
double getPowerSeconds(const WorkEnergy &work, const Target &target);

/// Sets `kernel`'s energy and power roof on a target with an energy model,
/// once its bytes are assigned to levels and before its time is set.
void setKernelEnergy(KernelTime &kernel, const Target &target);

/// The function's energy from its priced kernels and its latency.
FunctionRoofline::Energy sumEnergy(const FunctionRoofline &function);

} // namespace mlir::roof

#endif // ROOF_PRICING_ENERGY_H
