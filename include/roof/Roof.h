//===- Roof.h - Roof's C++ API ----------------------------------*- C++ -*-===//
//
// What another project includes to use Roof from its own pipeline or passes:
//   - registerAllRoofDialects / registerAllRoofPasses: the roof dialect, the
//     cost models on upstream ops, and Roof's passes;
//   - getOpCost: what one op costs (FLOPs, bytes, weight bytes);
//   - analyzeFunction: a function's totals, with a callback per op;
//   - lookupTarget / loadTargetFile / parseTarget: a target's roofs;
//   - getKernelFacts / priceKernel: one op's time on a target;
//     evaluateRoofline: a function's kernels, latency, energy and fit on a
//     target, with the two parts it builds on: getParallelEfficiency (wave
//     quantization) and findIntermediates / applyOnChipResidency
//     (intermediates kept on chip);
//   - OpCost, CostOptions, FunctionCost, Target, KernelTime,
//     FunctionRoofline: the value types.
// Pass internals are not part of it.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_ROOF_H
#define ROOF_ROOF_H

#include "roof/Analysis/FunctionCost.h"
#include "roof/Analysis/OpCost.h"
#include "roof/InitAllRoof.h"
#include "roof/Report/OnChipResidency.h"
#include "roof/Report/Roofline.h"
#include "roof/Report/WaveQuantization.h"
#include "roof/Target/Target.h"
#include "roof/Target/TargetLoader.h"

#endif // ROOF_ROOF_H
