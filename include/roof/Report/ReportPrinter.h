//===- ReportPrinter.h - Roofline reports as text, JSON, CSV ----*- C++ -*-===//
//
// Formats of docs/roofline.md and docs/report-schema.md.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_REPORT_REPORTPRINTER_H
#define ROOF_REPORT_REPORTPRINTER_H

#include "roof/Measure/MeasuredMatch.h"
#include "roof/Pricing/ActivationTimeline.h"
#include "roof/Pricing/Generation.h"
#include "roof/Pricing/Roofline.h"
#include "roof/Pricing/TrainingStep.h"
#include "roof/Report/ReportFormat.h"

#include "llvm/ADT/DenseMap.h"

#include "llvm/Support/raw_ostream.h"

namespace mlir::roof {

struct ReportFormatOptions {
  /// Kernels listed per target in text, by time.
  unsigned top = 10;
  /// Text tables with every column and exact counts, past 120 columns.
  bool wide = false;
  /// Inferences per call, for throughput.
  uint64_t batch = 1;
  /// The reports are a batch sweep: one per function, target and batch.
  bool sweep = false;
  /// Name-scope depth of the breakdown by scope; 0 for none.
  unsigned scopeDepth = 0;
  /// What made the report, for JSON: Roof's version, the input file, the
  /// pass with every option as a pipeline, the dtype policy.
  std::string version;
  std::string input;
  std::string pipeline;
  std::string dtypePolicy;
  /// With generate=: the generation summaries, which the text report
  /// prints instead of the reports of each step and JSON adds.
  ArrayRef<GenerationReport> generation;
  /// With training=: a training step per report, which text prints after
  /// the reports and JSON adds.
  ArrayRef<TrainingReport> training;
  /// With measured=: the comparison of each report that the profile names
  /// (MeasuredMatch.h).
  llvm::DenseMap<const FunctionRoofline *, FunctionMeasurement> measured;

  /// The comparison of `r` with the profile; null without one.
  const FunctionMeasurement *getMeasurement(const FunctionRoofline &r) const {
    auto found = measured.find(&r);
    return found == measured.end() ? nullptr : &found->second;
  }
};

/// `reports` in `format`: one of the printers below.
void printReport(ReportFormat format, ArrayRef<FunctionRoofline> reports,
                 const ReportFormatOptions &options, llvm::raw_ostream &os);

/// For people: per function and target the roofs, the top kernels by time
/// and the summary; a comparison table when there are several targets.
void printTextReport(ArrayRef<FunctionRoofline> reports,
                     const ReportFormatOptions &options, llvm::raw_ostream &os);

/// The versioned JSON document of docs/report-schema.md.
void printJsonReport(ArrayRef<FunctionRoofline> reports,
                     const ReportFormatOptions &options, llvm::raw_ostream &os);

/// One row per kernel and target.
void printCsvReport(ArrayRef<FunctionRoofline> reports,
                    const ReportFormatOptions &options, llvm::raw_ostream &os);

/// A log-log roofline chart per function: each target's roofs and knees,
/// each kernel a point at (intensity, attained FLOP/s) sized by its time.
void printSvgReport(ArrayRef<FunctionRoofline> reports,
                    const ReportFormatOptions &options, llvm::raw_ostream &os);

/// A self-contained page: the charts and a sortable table per function and
/// target.
void printHtmlReport(ArrayRef<FunctionRoofline> reports,
                     const ReportFormatOptions &options, llvm::raw_ostream &os);

/// The `top` kernels of `r` by time, as a table for people: within 120
/// columns, quantities scaled, or with `wide` every column, counts exact.
void printKernelTable(const FunctionRoofline &r,
                      const ReportFormatOptions &options,
                      llvm::raw_ostream &os);

/// What every format shows of a kernel, computed in one place:
/// "matrix" or "vector";
llvm::StringRef getEngineName(Engine engine);
/// "linalg.matmul at model.mlir:12", or with the location's name (an ONNX
/// node's) "tosa.conv2d n12"; a fused kernel "roof.kernel(tosa.conv2d + 2)
/// n12", at its root's location (`brief`: "tosa.conv2d+2 n12");
std::string describeKernel(Operation *op, bool brief = false);
/// What is live at an activation peak: "argument #0", or the op that wrote
/// it as describeKernel names it.
std::string describeLiveValue(const LiveValue &value);
/// the kernels with a time, slowest first, then those without one;
SmallVector<const KernelTime *> sortByTime(const FunctionRoofline &r);
/// "compute", "memory" or "no rate".
llvm::StringRef getBound(const KernelTime &kernel);
/// The name of the level (or the weight link) whose traffic sets the
/// kernel's memory time on `target`.
llvm::StringRef getMemoryLevelName(const KernelTime &kernel,
                                   const Target &target);

/// `text` as SVG/HTML character data or attribute value: valid UTF-8
/// (toValidText), markup characters escaped, control characters XML forbids
/// (NUL and most below U+0020) dropped.
std::string escapeMarkup(StringRef text);

} // namespace mlir::roof

#endif // ROOF_REPORT_REPORTPRINTER_H
