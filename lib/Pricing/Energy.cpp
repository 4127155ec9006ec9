//===- Energy.cpp - A kernel's energy from its work -----------------------===//

#include "roof/Pricing/Energy.h"

using namespace mlir;
using namespace mlir::roof;

WorkEnergy &WorkEnergy::operator+=(const WorkEnergy &other) {
  compute += other.compute;
  link += other.link;
  levels.resize(std::max(levels.size(), other.levels.size()));
  for (auto [sum, level] : llvm::zip(levels, other.levels))
    sum += level;
  complete = complete && other.complete;
  return *this;
}

WorkEnergy roof::getWorkEnergy(const KernelTime &kernel, const Target &target) {
  WorkEnergy work;
  if (kernel.cost.flops) {
    std::optional<double> perOp =
        kernel.rated ? target.getEnergyPerOp(kernel.engine, *kernel.rated)
                     : std::nullopt;
    work.compute = perOp.value_or(0) * kernel.cost.flops;
    work.complete = perOp.has_value();
  }
  for (auto [level, bytes] :
       llvm::zip_equal(target.levels, kernel.levelBytes)) {
    uint64_t moved = bytes.total();
    work.levels.push_back(level.energyPerByte.value_or(0) * moved);
    if (moved && !level.energyPerByte)
      work.complete = false;
  }
  if (kernel.collective && kernel.collective->link) {
    std::optional<double> perByte = kernel.collective->link->link.energyPerByte;
    work.link = perByte.value_or(0) * kernel.collective->linkBytes;
    if (kernel.collective->linkBytes && !perByte)
      work.complete = false;
  }
  return work;
}

double roof::getPowerSeconds(const WorkEnergy &work, const Target &target) {
  return work.total() / (target.power - *target.staticPower);
}

void roof::setKernelEnergy(KernelTime &kernel, const Target &target) {
  if (!target.hasEnergyModel() || !kernel.hasTime())
    return;
  kernel.energy = getWorkEnergy(kernel, target);
  kernel.powerSeconds = getPowerSeconds(*kernel.energy, target);
}

FunctionRoofline::Energy roof::sumEnergy(const FunctionRoofline &function) {
  FunctionRoofline::Energy energy;
  energy.work.levels.assign(function.target->levels.size(), 0);
  for (const KernelTime &kernel : function.kernels) {
    if (!kernel.energy)
      continue;
    energy.work += *kernel.energy;
    energy.powerBoundKernels += kernel.isPowerBound();
    energy.incompleteKernels += !kernel.energy->complete;
  }
  energy.staticJoules = *function.target->staticPower * function.latencySeconds;
  return energy;
}
