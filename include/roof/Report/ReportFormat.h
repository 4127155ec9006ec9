//===- ReportFormat.h - The formats a report is printed in ------*- C++ -*-===//
//
// What roof-report's format= names; ReportPrinter.h prints each.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_REPORT_REPORTFORMAT_H
#define ROOF_REPORT_REPORTFORMAT_H

namespace mlir::roof {

/// Text for people, the versioned JSON document, one CSV row per kernel,
/// an SVG roofline chart, or a page with the charts and sortable tables.
enum class ReportFormat { Text, Json, Csv, Svg, Html };

} // namespace mlir::roof

#endif // ROOF_REPORT_REPORTFORMAT_H
