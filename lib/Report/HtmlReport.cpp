//===- HtmlReport.cpp - The roofline report as one HTML page --------------===//
//
// Self-contained: inline CSS, the SVG charts, and per function and target a
// table of kernels that sorts by any column when its header is clicked.
//
//===----------------------------------------------------------------------===//

#include "roof/Report/ReportPrinter.h"

#include "roof/Measure/MeasuredMatch.h"
#include "roof/Pricing/TargetComparison.h"
#include "roof/Report/TrainingPrinter.h"
#include "roof/Support/Units.h"
#include "llvm/ADT/StringExtras.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"

using namespace mlir;
using namespace mlir::roof;

static const char *const kStyle = R"css(
body { font-family: sans-serif; margin: 24px; color: #222; }
table { border-collapse: collapse; margin: 8px 0 24px; font-size: 13px; }
th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: right; }
th { background: #f0f0f0; cursor: pointer; }
td.name { text-align: left; font-family: monospace; }
.summary { font-size: 14px; }
svg.activations polyline { fill: none; stroke: #36c; stroke-width: 1.5; }
svg.activations circle { fill: #c33; }
)css";

// Sorts a table by the clicked column (numbers by value, text otherwise);
// marks the page ready for the browser test.
static const char *const kScript = R"js(
document.querySelectorAll('table.kernels').forEach(function (table) {
  table.querySelectorAll('th').forEach(function (th, column) {
    th.addEventListener('click', function () {
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var down = th.dataset.order !== 'desc';
      rows.sort(function (a, b) {
        var x = a.cells[column].dataset.value || a.cells[column].textContent;
        var y = b.cells[column].dataset.value || b.cells[column].textContent;
        var nx = parseFloat(x), ny = parseFloat(y);
        var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
        return down ? -c : c;
      });
      th.dataset.order = down ? 'desc' : 'asc';
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
});
document.body.dataset.ready = 'yes';
)js";

/// The activation timeline as a line over the op order, 0 to the peak, with
/// the peak marked; its tooltip names what is live there.
static void printActivationChart(const ActivationTimeline &timeline,
                                 llvm::raw_ostream &os) {
  if (!timeline.peakAt || !timeline.peakBytes)
    return;
  const double width = 600, height = 60;
  size_t n = timeline.live.size();
  auto x = [&](size_t i) { return n > 1 ? width * i / (n - 1) : width / 2; };
  auto y = [&](uint64_t bytes) {
    return height - height * static_cast<double>(bytes) / timeline.peakBytes;
  };
  std::string peak = formatMegabytes(timeline.peakBytes);
  os << "<p>activations over " << n << " ops, peak " << peak
     << "</p>\n<svg class=\"activations\" width=\"600\" height=\"60\" "
        "viewBox=\"0 -3 600 66\"><polyline points=\"";
  for (auto [i, bytes] : llvm::enumerate(timeline.live))
    os << llvm::format("%.1f,%.1f ", x(i), y(bytes));
  os << "\"/>";
  std::string title = "peak " + peak + " at op " +
                      std::to_string(*timeline.peakAt + 1) + " (" +
                      describeKernel(timeline.peakOp) + "); live:";
  for (const LiveValue &value : timeline.atPeak)
    title +=
        "\n" + describeLiveValue(value) + " " + formatMegabytes(value.bytes);
  os << llvm::format("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\"><title>",
                     x(*timeline.peakAt), y(timeline.peakBytes))
     << escapeMarkup(title) << "</title></circle></svg>\n";
}

/// A table cell showing `text` (a scaled quantity) that sorts by `value`.
static std::string quantityCell(const std::string &text, double value) {
  return llvm::formatv("<td data-value=\"{0}\">{1}</td>",
                       llvm::format("%.15g", value), text)
      .str();
}

/// Per function priced on several targets: latency, throughput, energy and
/// fit on each, the fastest and the most energy-efficient marked.
static void printComparisons(ArrayRef<FunctionRoofline> reports,
                             llvm::raw_ostream &os) {
  for (const TargetComparison &comparison : compareTargets(reports)) {
    os << "<h2>@" << escapeMarkup(comparison.function)
       << ": comparison</h2>\n<table class=\"comparison\"><thead><tr>"
          "<th>target</th><th>latency</th><th>inferences/s</th>"
          "<th>energy</th><th>memory</th><th>notes</th></tr></thead>"
          "<tbody>\n";
    for (const FunctionRoofline *r : comparison.reports)
      os << "<tr><td class=\"name\">" << escapeMarkup(r->target->name)
         << "</td>"
         << quantityCell(formatQuantity(r->latencySeconds, "s"),
                         r->latencySeconds)
         << llvm::format("<td>%.1f</td>", r->throughput())
         << quantityCell(formatQuantity(r->energyJoules(), "J"),
                         r->energyJoules())
         << "<td>" << (r->fits() ? "fits" : "does not fit")
         << "</td><td class=\"name\">"
         << escapeMarkup(StringRef(comparison.getNotes(r)).ltrim())
         << "</td></tr>\n";
    os << "</tbody></table>\n";
  }
}

/// The generation view (Generation.h): one row per function, target and
/// batch.
static void printGeneration(ArrayRef<GenerationReport> generation,
                            llvm::raw_ostream &os) {
  os << "<h2>Generation</h2>\n<table><thead><tr><th>function</th>"
        "<th>target</th><th>sequences</th><th>prompt</th><th>tokens</th>"
        "<th>time to first token</th><th>time per output token (first, "
        "mean, last)</th><th>tokens/s</th><th>all tokens</th><th>KV bytes "
        "per token</th><th>KV cache at the end</th><th>memory at the "
        "end</th><th>largest batch</th><th>longest context</th>"
        "</tr></thead><tbody>\n";
  for (const GenerationReport &g : generation) {
    os << "<tr><td class=\"name\">@" << escapeMarkup(g.function)
       << "</td><td class=\"name\">" << escapeMarkup(g.target->name)
       << "</td><td>" << g.batch << "</td><td>" << g.prompt << "</td><td>"
       << g.tokens << "</td><td>" << formatSeconds(g.prefillSeconds)
       << "</td><td>" << formatSeconds(g.steps.front().second) << ", "
       << formatSeconds(g.secondsPerToken()) << ", "
       << formatSeconds(g.steps.back().second) << "</td><td>"
       << llvm::format("%.1f", g.tokensPerSecond()) << "</td><td>"
       << formatSeconds(g.totalSeconds()) << "</td><td>" << g.kvBytesPerToken
       << "</td><td>" << formatMegabytes(static_cast<double>(g.kvBytesAtEnd))
       << "</td><td>" << formatMegabytes(g.memoryAtEndBytes()) << " of "
       << formatMegabytes(g.capacityBytes)
       << (g.fits() ? " (fits)" : " (does not fit)") << "</td><td>"
       << g.maxBatch() << "</td><td>" << g.maxContext() << "</td></tr>\n";
  }
  os << "</tbody></table>\n";
}

void roof::printHtmlReport(ArrayRef<FunctionRoofline> reports,
                           const ReportFormatOptions &options,
                           llvm::raw_ostream &os) {
  os << "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
        "<title>Roof roofline report</title><style>"
     << kStyle << "</style></head><body>\n<h1>Roof roofline report</h1>\n";
  os << "<p class=\"provenance\">" << escapeMarkup(options.input)
     << "; dtype policy " << escapeMarkup(options.dtypePolicy) << "; Roof "
     << escapeMarkup(options.version) << "</p>\n";
  // A generation's steps are its rows, not reports of their own.
  if (!options.generation.empty()) {
    printGeneration(options.generation, os);
    os << "</body></html>\n";
    return;
  }
  printSvgReport(reports, options, os);
  printComparisons(reports, os);
  for (const FunctionRoofline &r : reports) {
    os << "<h2>@" << escapeMarkup(r.function) << " on "
       << escapeMarkup(r.target->name) << " (" << escapeMarkup(r.target->kind)
       << ")</h2>\n<p class=\"summary\">";
    os << "latency " << formatSeconds(r.latencySeconds)
       << llvm::format("; throughput %.1f inferences/s at batch %llu",
                       r.throughput(), static_cast<unsigned long long>(r.batch))
       << "; energy " << formatJoules(r.energyJoules()) << "; weights "
       << formatMegabytes(r.weightBytes) << " + peak activations "
       << formatMegabytes(r.peakActivationBytes) << " of "
       << formatMegabytes(r.capacityBytes) << ": "
       << (r.fits() ? "fits" : "does not fit");
    if (r.kernelsWithoutRate)
      os << "; " << r.kernelsWithoutRate << " kernels without a rate";
    if (r.unfusedLatencySeconds && *r.unfusedLatencySeconds > 0)
      os << "; without fusion " << formatSeconds(*r.unfusedLatencySeconds)
         << llvm::format(" (fusion saves %.1f %%)", 100 * r.getFusionSaving());
    const FunctionMeasurement *measured = options.getMeasurement(r);
    if (measured && measured->latencySeconds > 0)
      os << "; measured " << formatSeconds(measured->latencySeconds)
         << llvm::format(" (predicted / measured %.3f)",
                         r.latencySeconds / measured->latencySeconds);
    os << "</p>\n";
    if (r.activations)
      printActivationChart(*r.activations, os);
    os << "<table class=\"kernels\"><thead><tr>"
          "<th>time</th><th>share (%)</th><th>bound</th><th>engine</th>"
          "<th>dtype</th><th>work</th><th>bytes</th><th>on chip</th>"
          "<th>intensity</th><th>T_compute</th><th>T_memory</th>"
          "<th>saved by fusion</th><th>kernel</th></tr></thead><tbody>\n";
    // Slowest first, as in the text report; the columns re-sort on click
    // (by the exact values). Work is OP for integer kernels, else FLOP.
    for (const KernelTime *entry : sortByTime(r)) {
      const KernelTime &kernel = *entry;
      bool integer = kernel.countsOps();
      double flops = static_cast<double>(kernel.cost.flops);
      double bytes = static_cast<double>(kernel.cost.bytesMoved());
      os << "<tr>"
         << quantityCell(formatQuantity(kernel.seconds, "s"), kernel.seconds)
         << llvm::format("<td>%.1f</td><td>%s</td><td>%s</td><td>%s</td>",
                         100 * r.getShare(kernel), getBound(kernel).data(),
                         getEngineName(kernel.engine).data(),
                         escapeMarkup(kernel.dtype).c_str())
         << quantityCell(
                formatCountQuantity(kernel.cost.flops, integer ? "OP" : "FLOP"),
                flops)
         << quantityCell(formatCountQuantity(kernel.cost.bytesMoved(), "B"),
                         bytes)
         << quantityCell(formatCountQuantity(kernel.onChipBytes, "B"),
                         static_cast<double>(kernel.onChipBytes))
         << llvm::format("<td>%.2f %s</td>", kernel.cost.intensity(),
                         integer ? "OP/B" : "FLOP/B")
         << quantityCell(formatQuantity(kernel.computeSeconds, "s"),
                         kernel.computeSeconds)
         << quantityCell(formatQuantity(kernel.memorySeconds, "s"),
                         kernel.memorySeconds)
         << (kernel.unfusedSeconds
                 ? quantityCell(
                       formatQuantity(kernel.fusionSavedSeconds(), "s"),
                       kernel.fusionSavedSeconds())
                 : std::string("<td></td>"))
         << "<td class=\"name\">" << escapeMarkup(describeKernel(kernel.op))
         << "</td></tr>\n";
    }
    os << "</tbody></table>\n";
    if (!options.training.empty())
      printTrainingHtml(options.training[&r - reports.data()], os);
    if (!measured)
      continue;
    os << "<table class=\"kernels measured\"><thead><tr>"
          "<th>measured</th><th>predicted</th><th>pred/meas</th>"
          "<th>roof "
          "(%)</th><th>kernels</th><th>nodes</th></tr></thead><tbody>\n";
    for (const MeasuredGroup &group : measured->groups) {
      os << "<tr>"
         << quantityCell(formatQuantity(group.measuredSeconds, "s"),
                         group.measuredSeconds)
         << quantityCell(formatQuantity(group.predictedSeconds, "s"),
                         group.predictedSeconds)
         << llvm::format("<td>%.3f</td><td>%.1f</td><td>%u</td>",
                         group.predictedOverMeasured(),
                         100 * group.roofFraction(),
                         static_cast<unsigned>(group.kernels.size()))
         << "<td class=\"name\">" << escapeMarkup(llvm::join(group.nodes, ", "))
         << "</td></tr>\n";
    }
    os << "</tbody></table>\n";
  }
  os << "<script>" << kScript << "</script>\n</body></html>\n";
}
