//===- MeasuredMatch.h - Predicted kernels against measured nodes -*- C++
//-*-===//
//
// Matches a function's priced kernels to the nodes of a measured profile by
// name: the importer makes each ONNX node's name its ops' location, and a
// fused kernel's location holds all of its members'. Kernels and nodes that
// share a name form one group (a fused kernel spans several nodes; a node
// lowered to several kernels spans those), compared as a whole: measured =
// the sum of its nodes' median times, predicted = the sum of its kernels'
// times. The rule is in docs/validation.md.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_MEASURE_MEASUREDMATCH_H
#define ROOF_MEASURE_MEASUREDMATCH_H

#include "roof/Measure/MeasuredProfile.h"
#include "roof/Pricing/Roofline.h"

#include <map>

namespace mlir::roof {

/// What a calibration multiplies (Target.h, ClassCalibration), summed over
/// kernels of one class: the node overheads charged (principal kernels),
/// T_compute, T_memory and the output's write time. Layout kernels of a
/// contraction's node contribute nothing.
struct ClassTerms {
  unsigned overheads = 0;
  double compute = 0;
  double memory = 0;
  double output = 0;
};

/// Kernels and profile nodes that share names, compared as a whole.
struct MeasuredGroup {
  /// Indices into FunctionRoofline::kernels; the first is the slowest
  /// predicted, which names the group.
  SmallVector<unsigned> kernels;
  SmallVector<std::string> nodes;
  double measuredSeconds = 0;
  /// The kernels' times, and their roofline times without launch overhead.
  double predictedSeconds = 0;
  double roofSeconds = 0;
  uint64_t flops = 0;
  uint64_t bytes = 0;
  /// By kernel class: what `roof-calibrate --fit` fits the class's pricing
  /// to.
  std::map<std::string, ClassTerms> terms;

  /// Predicted / measured: at most 1 where the roofline is a bound; 0
  /// without a measurement.
  double predictedOverMeasured() const { return perMeasured(predictedSeconds); }
  /// The roofline time (no launch overhead) over the measured time: the
  /// fraction of its roof the group reached.
  double roofFraction() const { return perMeasured(roofSeconds); }
  /// FLOP/s the group reached.
  double attainedFlops() const { return perMeasured(flops); }

private:
  double perMeasured(double value) const {
    return measuredSeconds > 0 ? value / measuredSeconds : 0.0;
  }
};

/// A function's comparison with a profile.
struct FunctionMeasurement {
  std::string file;
  std::string setup;
  /// Median whole-model run, when the profile has one; else the sum of all
  /// its nodes' medians.
  double latencySeconds = 0;
  unsigned runs = 0;
  /// Sum of the medians of every node, and of the matched ones.
  double nodeSeconds = 0;
  double matchedSeconds = 0;
  /// Slowest measured first.
  SmallVector<MeasuredGroup> groups;
  /// Profile nodes no kernel names (prepared ahead of time, free views,
  /// other functions): never dropped silently.
  SmallVector<std::pair<std::string, MeasuredNode>> unmatched;
};

/// Compares the kernels of `r` with `profile`: std::nullopt when no node
/// names a kernel of the function (the profile is of another function or
/// model). Fails, with `error` saying why, when most matched nodes wrote
/// tensors of sizes the function's ops do not have (a profile of other input
/// shapes).
FailureOr<std::optional<FunctionMeasurement>>
matchMeasurements(const FunctionRoofline &r, const MeasuredProfile &profile,
                  std::string &error);

} // namespace mlir::roof

#endif // ROOF_MEASURE_MEASUREDMATCH_H
