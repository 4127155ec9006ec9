//===- Roof.h - Roof's C++ API ----------------------------------*- C++ -*-===//
//
// What another project includes to use Roof from its own pipeline or passes:
//   - registerAllRoofDialects / registerAllRoofPasses: the roof dialect, the
//     cost models on upstream ops, and Roof's passes;
//   - getOpCost: what one op costs (FLOPs, bytes, weight bytes);
//   - analyzeFunction: a function's totals, with a callback per op;
//   - lookupTarget / loadTargetFile / parseTarget: a target's roofs;
//   - getKernelFacts / priceKernel (roof/Pricing): one op's time on a target;
//     evaluateRoofline: a function's kernels, latency, energy and fit on a
//     target, with the two parts it builds on: getParallelEfficiency (wave
//     quantization) and findIntermediates / applyOnChipResidency
//     (intermediates kept on chip);
//   - priceModule / priceGeneration: every function of a module on several
//     targets, across a sweep of sizes or the steps of generation;
//   - OpCost, CostOptions, FunctionCost, Target, and the pricing value types
//     of roof/Pricing/PricingTypes.h (KernelTime, FunctionRoofline).
// Pass internals are not part of it.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_ROOF_H
#define ROOF_ROOF_H

#include "roof/Analysis/FunctionCost.h"
#include "roof/Analysis/OpCost.h"
#include "roof/InitAllRoof.h"
#include "roof/Pricing/OnChipResidency.h"
#include "roof/Pricing/Roofline.h"
#include "roof/Pricing/Sweep.h"
#include "roof/Pricing/WaveQuantization.h"
#include "roof/Target/Target.h"
#include "roof/Target/TargetLoader.h"

#endif // ROOF_ROOF_H
