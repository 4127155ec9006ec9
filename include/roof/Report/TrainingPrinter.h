//===- TrainingPrinter.h - A training step as text and JSON -----*- C++ -*-===//
//
// The training view of roof-report (docs/training.md, "Output"): the step's
// time by part, its FLOPs and utilization, its peak memory by part, and (in
// text) the backward kernels by time.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_REPORT_TRAININGPRINTER_H
#define ROOF_REPORT_TRAININGPRINTER_H

#include "roof/Pricing/TrainingStep.h"
#include "roof/Report/ReportPrinter.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

namespace mlir::roof {

/// The training step of `forward`'s function on its target, for people,
/// with the top backward kernels by time, laid out as `options` say.
void printTrainingText(const TrainingReport &step,
                       const FunctionRoofline &forward,
                       const ReportFormatOptions &options,
                       llvm::raw_ostream &os);

/// The same as a section of the HTML page: the step's parts, FLOPs and
/// memory in a table.
void printTrainingHtml(const TrainingReport &step, llvm::raw_ostream &os);

/// The "training" object of a report (docs/report-schema.md).
void writeTrainingJson(llvm::json::OStream &json, const TrainingReport &step);

} // namespace mlir::roof

#endif // ROOF_REPORT_TRAININGPRINTER_H
