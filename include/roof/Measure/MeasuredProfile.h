//===- MeasuredProfile.h - Per-node times measured by ONNX Runtime -*- C++
//-*-===//
//
// An ONNX Runtime profile (a Chrome-trace JSON array; scripts/measure writes
// one): each executed node's time per run, reduced to the median over runs.
// Node names are ONNX node names, which the importer makes op locations.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_MEASURE_MEASUREDPROFILE_H
#define ROOF_MEASURE_MEASUREDPROFILE_H

#include "mlir/Support/LLVM.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/StringMap.h"

#include <optional>
#include <string>

namespace mlir::roof {

/// One ONNX node's measured time.
struct MeasuredNode {
  std::string opType;
  /// Median over the runs, in seconds.
  double seconds = 0;
  unsigned runs = 0;
  /// Elements of its first output, when the profile records its shape.
  std::optional<int64_t> outputElements;
};

struct MeasuredProfile {
  std::string file;
  /// By node name, in the order of first execution.
  llvm::MapVector<std::string, MeasuredNode, llvm::StringMap<unsigned>> nodes;
  /// Median of the whole-model runs (ONNX Runtime's "model_run" events), in
  /// seconds, when the profile has them.
  std::optional<double> runSeconds;
  unsigned runs = 0;
  /// How it was measured (scripts/measure's "Roof" event), e.g. "1
  /// thread(s), graph optimization basic"; empty for other profiles.
  std::string setup;
};

/// Parses a profile; on failure `error` says "FILE: PROBLEM".
FailureOr<MeasuredProfile> parseMeasuredProfile(StringRef json, StringRef file,
                                                std::string &error);
FailureOr<MeasuredProfile> loadMeasuredProfile(StringRef path,
                                               std::string &error);

} // namespace mlir::roof

#endif // ROOF_MEASURE_MEASUREDPROFILE_H
