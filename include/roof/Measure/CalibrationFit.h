//===- CalibrationFit.h - A target's efficiencies fitted --------*- C++ -*-===//
//
// From roof-report's JSON with measured groups (measured=FILE): the
// per-kernel fixed cost and, per kernel class, the fraction of its roofline
// time it reaches, written into a copy of the target the reports priced on.
// The rule is in docs/validation.md.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_MEASURE_CALIBRATIONFIT_H
#define ROOF_MEASURE_CALIBRATIONFIT_H

#include "mlir/Support/LLVM.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace mlir::roof {

/// Fits the reports' measured groups and writes the calibrated target to
/// `os`, for the file `output`. False after printing an error naming the
/// file and the problem (a report that cannot be read, or a target file
/// that is `output`).
bool fitTarget(const std::vector<std::string> &reports, StringRef output,
               llvm::raw_ostream &os, llvm::raw_ostream &errors);

} // namespace mlir::roof

#endif // ROOF_MEASURE_CALIBRATIONFIT_H
