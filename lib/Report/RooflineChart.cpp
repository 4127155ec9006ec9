//===- RooflineChart.cpp - Roofline charts as SVG -------------------------===//
//
// One log-log chart per function: x is arithmetic intensity (FLOP/B, OP/B
// for integer kernels), y is FLOP/s (OP/s). Each target draws the roofs of the
// (engine, dtype) pairs its kernels use, min(peak, intensity x bandwidth), with
// a mark at each knee, and a dashed bandwidth roof for each inner memory level
// that gives a bandwidth (a hierarchical roofline); each kernel is a circle at
// (intensity at the level that sets its memory time, attained FLOP/s), so
// under that level's roof, its area growing with its time. With a measured
// profile, each group of
// kernels is also a square at the FLOP/s it reached, joined to its predicted
// point.
//
//===----------------------------------------------------------------------===//

#include "roof/Report/ReportPrinter.h"
#include "roof/Support/ValidText.h"

#include "roof/Analysis/OpClassification.h"
#include "roof/Measure/MeasuredMatch.h"
#include "roof/Pricing/LevelTraffic.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"

#include <cmath>
#include <iterator>
#include <optional>

using namespace mlir;
using namespace mlir::roof;

namespace {
constexpr double kWidth = 960, kHeight = 600;
constexpr double kLeft = 90, kRight = 260, kTop = 40, kBottom = 60;
constexpr const char *kColors[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd",
                                   "#ff7f0e", "#8c564b", "#e377c2", "#17becf"};

/// Log-log axes over decades that hold every point.
struct Axes {
  double xMin, xMax, yMin, yMax, top;

  double x(double intensity) const {
    return kLeft + (std::log10(intensity) - std::log10(xMin)) /
                       (std::log10(xMax) - std::log10(xMin)) *
                       (kWidth - kLeft - kRight);
  }
  double y(double flops) const {
    return top + kHeight - kBottom -
           (std::log10(flops) - std::log10(yMin)) /
               (std::log10(yMax) - std::log10(yMin)) *
               (kHeight - kTop - kBottom);
  }
};

double decadeBelow(double v) { return std::pow(10, std::floor(std::log10(v))); }
double decadeAbove(double v) { return std::pow(10, std::ceil(std::log10(v))); }

/// A value a log axis can show: finite, within 60 decades. A kernel with
/// FLOPs and no bytes (infinite intensity) or a rate of 0 is left off the
/// chart rather than stretching its axes without end.
bool isPlottable(double v) {
  return std::isfinite(v) && v >= 1e-30 && v <= 1e30;
}

/// Where a kernel sits on the chart, (intensity, attained FLOP/s), when it
/// has a time and FLOPs and a log axis can show both.
std::optional<std::pair<double, double>>
getKernelPoint(const KernelTime &kernel) {
  if (!kernel.hasTime() || kernel.seconds <= 0 || kernel.cost.flops == 0)
    return std::nullopt;
  uint64_t served = getServedBytes(kernel);
  double intensity = served ? static_cast<double>(kernel.cost.flops) / served
                            : kernel.cost.intensity();
  double attained = kernel.attainedFlops();
  if (!isPlottable(intensity) || !isPlottable(attained))
    return std::nullopt;
  return std::make_pair(intensity, attained);
}

/// The powers of ten from `low` to `high`, both decades.
SmallVector<double> decades(double low, double high) {
  SmallVector<double> result;
  for (int e = std::lround(std::log10(low)); e <= std::lround(std::log10(high));
       ++e)
    result.push_back(std::pow(10, e));
  return result;
}

/// The (engine, dtype) pairs the kernels of `r` run at.
SmallVector<std::pair<Engine, Dtype>> getUsedRoofs(const FunctionRoofline &r) {
  SmallVector<std::pair<Engine, Dtype>> roofs;
  for (const KernelTime &kernel : r.kernels)
    if (kernel.rate && kernel.rated &&
        !llvm::is_contained(roofs,
                            std::make_pair(kernel.engine, *kernel.rated)))
      roofs.push_back({kernel.engine, *kernel.rated});
  return roofs;
}

/// Kernels labelled per target: the slowest, whose labels do not overlap.
constexpr unsigned kLabelled = 8;

/// A kernel's label where it does not cover another.
struct Label {
  double x, y, width;
  std::string text;
};
struct Labels {
  SmallVector<Label> placed;
  /// The circles labelled so far: a circle on top of one of them (an
  /// identical kernel) is not labelled again.
  SmallVector<std::pair<double, double>> anchors;
  /// Text drawn already (the roofs' knees), which labels must not cover.
  SmallVector<Label> reserved;

  /// Keeps labels off text of `characters` at (x, y) at 10 px.
  void reserve(double x, double y, size_t characters) {
    reserved.push_back({x, y, 6.0 * characters, ""});
  }

  /// Places `text` beside a circle at (cx, cy): right of it, else left,
  /// else a line above or below on either side, the first place inside the
  /// plot (`top` is its upper edge) that covers no placed label. Returns
  /// whether it found one.
  bool tryPlace(double cx, double cy, double radius, double top,
                std::string text) {
    if (llvm::any_of(anchors, [&](std::pair<double, double> anchor) {
          return std::hypot(anchor.first - cx, anchor.second - cy) < 1;
        }))
      return false;
    // 9 px sans-serif: about 5.5 px a character, 11 px a line.
    double width = 5.5 * text.size();
    double right = cx + radius + 2, left = cx - radius - 2 - width;
    const std::pair<double, double> places[] = {
        {right, cy + 3}, {left, cy + 3},   {right, cy - 8},
        {left, cy - 8},  {right, cy + 14}, {left, cy + 14}};
    for (const auto &place : places) {
      double x = place.first, y = place.second;
      bool inside = x >= kLeft && x + width <= kWidth - kRight &&
                    y - 9 >= top + kTop && y <= top + kHeight - kBottom;
      auto covers = [&](const Label &other) {
        return x < other.x + other.width && other.x < x + width &&
               std::abs(y - other.y) < 11;
      };
      bool free =
          llvm::none_of(placed, covers) && llvm::none_of(reserved, covers);
      if (inside && free) {
        placed.push_back({x, y, width, std::move(text)});
        anchors.push_back({cx, cy});
        return true;
      }
    }
    return false;
  }
};

/// `text` in lines of at most `width` characters, broken at spaces.
SmallVector<std::string> wrap(StringRef text, size_t width) {
  SmallVector<std::string> lines(1);
  SmallVector<StringRef> words;
  text.split(words, ' ', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (StringRef word : words) {
    if (!lines.back().empty() && lines.back().size() + 1 + word.size() > width)
      lines.emplace_back();
    if (!lines.back().empty())
      lines.back() += ' ';
    lines.back() += word.str();
  }
  return lines;
}

/// A kernel as a chart labels it: its root op without the dialect, and its
/// node's name or its line ("conv2d @ layer3.1.conv2", "matmul @ line 12").
std::string getChartLabel(Operation *kernel) {
  Operation *root = getKernelRoot(kernel);
  StringRef op = root->getName().getStringRef();
  std::string label = op.substr(op.find('.') + 1).str();
  if (auto name = dyn_cast<NameLoc>(root->getLoc()))
    label += " @ " + name.getName().str();
  else if (auto file = dyn_cast<FileLineColLoc>(root->getLoc()))
    label += " @ line " + std::to_string(file.getLine());
  return label;
}

/// A small grey note at (x, y), wrapped to the right panel. Returns the y
/// below it.
double printNote(StringRef text, double x, double y, llvm::raw_ostream &os) {
  for (const std::string &line : wrap(text, 40)) {
    os << llvm::format("<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" "
                       "fill=\"#555\">",
                       x, y)
       << escapeMarkup(line) << "</text>\n";
    y += 13;
  }
  return y;
}

/// The roofs the kernels of `r` use, each with its knee marked (its text
/// reserved in `labels`).
void printRoofs(const FunctionRoofline &r, const Axes &axes, const char *color,
                Labels &labels, llvm::raw_ostream &os) {
  double bandwidth = r.target->getBandwidth().value_or(0);
  for (auto [engine, dtype] : getUsedRoofs(r)) {
    double peak = *r.target->getRate(engine, dtype);
    double knee = peak / bandwidth;
    if (!isPlottable(peak) || !isPlottable(bandwidth) || !isPlottable(knee))
      continue;
    // The slope starts where it enters the chart.
    double xStart = std::max(axes.xMin, axes.yMin / bandwidth);
    os << llvm::format(
        "<polyline class=\"roof\" fill=\"none\" stroke=\"%s\" "
        "stroke-width=\"2\" points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\"/>\n",
        color, axes.x(xStart), axes.y(xStart * bandwidth), axes.x(knee),
        axes.y(peak), axes.x(axes.xMax), axes.y(peak));
    std::string text =
        llvm::formatv("{0} {1}, knee {2:F1}", getEngineName(engine),
                      getDtypeName(dtype), knee)
            .str();
    os << llvm::format("<circle class=\"knee\" cx=\"%.1f\" cy=\"%.1f\" "
                       "r=\"4\" fill=\"white\" stroke=\"%s\"/>"
                       "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" "
                       "fill=\"%s\">%s</text>\n",
                       axes.x(knee), axes.y(peak), color, axes.x(knee) + 6,
                       axes.y(peak) - 6, color, text.c_str());
    labels.reserve(axes.x(knee) + 6, axes.y(peak) - 6, text.size());
  }
  // The inner levels' bandwidth roofs, up to the highest peak used: a
  // kernel served there can rise above the main memory's slope.
  double top = 0;
  for (auto [engine, dtype] : getUsedRoofs(r))
    top = std::max(top, *r.target->getRate(engine, dtype));
  for (const MemoryLevel &level : ArrayRef(r.target->levels).drop_back()) {
    double inner = r.target->getBandwidth(level).value_or(0);
    double knee = top / inner;
    if (!isPlottable(top) || !isPlottable(inner) || !isPlottable(knee))
      continue;
    double xStart = std::max(axes.xMin, axes.yMin / inner);
    os << llvm::format("<polyline class=\"level-roof\" fill=\"none\" "
                       "stroke=\"%s\" stroke-width=\"1.5\" "
                       "stroke-dasharray=\"6,3\" points=\"%.1f,%.1f "
                       "%.1f,%.1f\"/><text x=\"%.1f\" y=\"%.1f\" "
                       "font-size=\"10\" fill=\"%s\">",
                       color, axes.x(xStart), axes.y(xStart * inner),
                       axes.x(knee), axes.y(top), axes.x(xStart) + 4,
                       axes.y(xStart * inner) - 4, color)
       << escapeMarkup(level.name)
       << llvm::format(" %.4g GB/s</text>\n", inner / 1e9);
  }
}

/// Each kernel of `r` with FLOPs and a time as a circle whose area grows
/// with its time, named on hover; the slowest get a label in `labels`.
void printKernels(const FunctionRoofline &r, const Axes &axes, double slowest,
                  const char *color, Labels &labels, llvm::raw_ostream &os) {
  unsigned labelled = 0;
  for (const KernelTime *kernel : sortByTime(r)) {
    std::optional<std::pair<double, double>> point = getKernelPoint(*kernel);
    if (!point)
      continue;
    double cx = axes.x(point->first);
    double cy = axes.y(point->second);
    double radius = 3 + 12 * std::sqrt(kernel->seconds / slowest);
    std::string name = describeKernel(kernel->op);
    // Hollow: no byte it moves is at a level with a bandwidth, so no roof
    // drawn bounds it (it may sit above the memory's slope).
    bool unbounded = getServedBytes(*kernel) == 0;
    const char *work = kernel->countsOps() ? "OP" : "FLOP";
    os << llvm::format("<circle class=\"kernel\" cx=\"%.1f\" cy=\"%.1f\" "
                       "r=\"%.1f\" fill=\"%s\" fill-opacity=\"%s\" "
                       "stroke=\"%s\"><title>",
                       cx, cy, radius, unbounded ? "none" : color,
                       unbounded ? "0" : "0.45", color)
       << escapeMarkup(name)
       << llvm::format(": %.3f us, %.2f %s/B over all its bytes",
                       kernel->seconds * 1e6, kernel->cost.intensity(), work);
    if (unbounded)
      os << ", every one served on chip where the target gives no bandwidth";
    else
      os << llvm::format(", %.2f at ", point->first)
         << escapeMarkup(getMemoryLevelName(*kernel, *r.target))
         << ", which sets its memory time";
    os << "</title></circle>\n";
    if (labelled++ < kLabelled)
      (void)labels.tryPlace(cx, cy, radius, axes.top,
                            getChartLabel(kernel->op));
  }
}

/// The measured groups of `r`: a square at the FLOP/s they reached, joined
/// to where the roofline put them (same intensity).
void printMeasured(const FunctionRoofline &r, const FunctionMeasurement &m,
                   const Axes &axes, const char *color, llvm::raw_ostream &os) {
  for (const MeasuredGroup &group : m.groups) {
    if (!group.bytes || group.predictedSeconds <= 0 ||
        !isPlottable(group.attainedFlops()) ||
        !isPlottable(group.flops / group.predictedSeconds))
      continue;
    double cx = axes.x(static_cast<double>(group.flops) / group.bytes);
    double predicted = axes.y(group.flops / group.predictedSeconds);
    double measured = axes.y(group.attainedFlops());
    os << llvm::format("<line class=\"measured-gap\" x1=\"%.1f\" "
                       "y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                       "stroke=\"%s\" stroke-dasharray=\"3,2\"/>"
                       "<rect class=\"measured\" x=\"%.1f\" y=\"%.1f\" "
                       "width=\"7\" height=\"7\" fill=\"%s\"><title>",
                       cx, predicted, cx, measured, color, cx - 3.5,
                       measured - 3.5, color)
       << escapeMarkup(r.kernels[group.kernels.front()]
                           .op->getName()
                           .getStringRef()
                           .str() +
                       " " + llvm::join(group.nodes, "+"))
       << llvm::format(": measured %.3f us, predicted %.3f us</title>"
                       "</rect>\n",
                       group.measuredSeconds * 1e6,
                       group.predictedSeconds * 1e6);
  }
}

/// The legend entry of `r` at `y` in the right panel: a swatch, the
/// target's name (wrapped to the panel), and the kernels its chart leaves
/// out. Returns where the next entry goes.
double printLegendEntry(const FunctionRoofline &r, const char *color, double y,
                        llvm::raw_ostream &os) {
  double x = kWidth - kRight + 16;
  os << llvm::format("<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" "
                     "height=\"12\" fill=\"%s\"/>\n",
                     x, y - 10, color);
  for (const std::string &line : wrap(r.target->name, 28)) {
    os << llvm::format("<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\">", x + 18,
                       y)
       << escapeMarkup(line) << "</text>\n";
    y += 15;
  }
  unsigned noFlops = 0, noRate = 0;
  for (const KernelTime &kernel : r.kernels) {
    if (!kernel.hasTime())
      ++noRate;
    else if (kernel.cost.flops == 0)
      ++noFlops;
  }
  if (noFlops)
    y = printNote(std::to_string(noFlops) +
                      " kernels without FLOPs (data movement) not drawn",
                  x + 18, y, os);
  if (noRate)
    y = printNote(std::to_string(noRate) + " kernels without a rate not drawn",
                  x + 18, y, os);
  return y + 6;
}

void printChart(ArrayRef<const FunctionRoofline *> reports,
                const ReportFormatOptions &options, double top,
                llvm::raw_ostream &os) {
  // Ranges from the kernels, the peaks and the knees.
  double xMin = 0.1, xMax = 10, yMin = 1e12, yMax = 1e12;
  double slowest = 0;
  for (const FunctionRoofline *r : reports) {
    double bandwidth = r->target->getBandwidth().value_or(0);
    for (auto [engine, dtype] : getUsedRoofs(*r)) {
      double peak = *r->target->getRate(engine, dtype);
      if (!isPlottable(peak))
        continue;
      yMax = std::max(yMax, peak);
      if (isPlottable(bandwidth) && isPlottable(4 * peak / bandwidth))
        xMax = std::max(xMax, 4 * peak / bandwidth);
    }
    for (const KernelTime &kernel : r->kernels) {
      std::optional<std::pair<double, double>> point = getKernelPoint(kernel);
      if (!point)
        continue;
      auto [intensity, attained] = *point;
      xMin = std::min(xMin, intensity);
      xMax = std::max(xMax, intensity);
      yMin = std::min(yMin, attained);
      yMax = std::max(yMax, attained);
      slowest = std::max(slowest, kernel.seconds);
    }
    if (const FunctionMeasurement *m = options.getMeasurement(*r))
      for (const MeasuredGroup &group : m->groups)
        if (isPlottable(group.attainedFlops()))
          yMin = std::min(yMin, group.attainedFlops());
  }
  Axes axes{decadeBelow(xMin), decadeAbove(xMax), decadeBelow(yMin) / 10,
            decadeAbove(yMax), top};

  // The title says what is charted: the function, the model's file, the
  // dtype policy, and the targets (one colour each, the panel's legend).
  std::string title = "@" + reports.front()->function + ": roofline";
  if (!options.input.empty())
    title += " of " + llvm::sys::path::filename(options.input).str();
  if (!options.dtypePolicy.empty())
    title += ", dtype-policy=" + options.dtypePolicy;
  SmallVector<StringRef> targets;
  for (const FunctionRoofline *r : reports)
    targets.push_back(r->target->name);
  os << llvm::format("<text class=\"title\" x=\"%.0f\" y=\"%.0f\" "
                     "font-size=\"15\" font-weight=\"bold\">",
                     kLeft, top + 18)
     << escapeMarkup(title) << "</text>\n"
     << llvm::format("<text class=\"subtitle\" x=\"%.0f\" y=\"%.0f\" "
                     "font-size=\"12\" fill=\"#444\">on ",
                     kLeft, top + 33)
     << escapeMarkup(llvm::join(targets, ", ")) << "</text>\n";
  // Integer kernels count operations: the axes say OP where they are all
  // integer, both where the chart mixes them.
  bool floats = false, integers = false;
  for (const FunctionRoofline *r : reports)
    for (const KernelTime &kernel : r->kernels)
      if (getKernelPoint(kernel))
        (kernel.countsOps() ? integers : floats) = true;
  auto units = [&](StringRef per) {
    std::string flop = ("FLOP/" + per).str(), op = ("OP/" + per).str();
    return integers && !floats ? op : integers ? flop + " or " + op : flop;
  };
  // Grid and axis labels, one per decade.
  for (double x : decades(axes.xMin, axes.xMax))
    os << llvm::format("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                       "stroke=\"#ddd\"/><text x=\"%.1f\" y=\"%.1f\" "
                       "font-size=\"11\" text-anchor=\"middle\">%g</text>\n",
                       axes.x(x), axes.y(axes.yMax), axes.x(x),
                       axes.y(axes.yMin), axes.x(x), axes.y(axes.yMin) + 16, x);
  for (double y : decades(axes.yMin, axes.yMax))
    os << llvm::format("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                       "stroke=\"#ddd\"/><text x=\"%.1f\" y=\"%.1f\" "
                       "font-size=\"11\" text-anchor=\"end\">%g</text>\n",
                       axes.x(axes.xMin), axes.y(y), axes.x(axes.xMax),
                       axes.y(y), axes.x(axes.xMin) - 6, axes.y(y) + 4, y);
  os << llvm::format("<text x=\"%.1f\" y=\"%.1f\" font-size=\"13\" "
                     "text-anchor=\"middle\">arithmetic intensity "
                     "(%s)</text>\n",
                     (kLeft + kWidth - kRight) / 2, top + kHeight - 18,
                     units("byte").c_str());
  os << llvm::format("<text x=\"20\" y=\"%.1f\" font-size=\"13\" "
                     "transform=\"rotate(-90 20 %.1f)\" "
                     "text-anchor=\"middle\">%s (attained)</text>\n",
                     top + kHeight / 2, top + kHeight / 2, units("s").c_str());

  // The right panel: per target its legend entry and what its chart
  // leaves out, one line each.
  double panelY = top + kTop + 20;
  Labels labels;
  for (auto [index, r] : llvm::enumerate(reports)) {
    const char *color = kColors[index % std::size(kColors)];
    panelY = printLegendEntry(*r, color, panelY, os);
    printRoofs(*r, axes, color, labels, os);
  }
  // Circles first, labels over them.
  for (auto [index, r] : llvm::enumerate(reports)) {
    const char *color = kColors[index % std::size(kColors)];
    printKernels(*r, axes, slowest, color, labels, os);
    if (const FunctionMeasurement *m = options.getMeasurement(*r))
      printMeasured(*r, *m, axes, color, os);
  }
  for (const Label &label : labels.placed)
    os << llvm::format("<text class=\"label\" x=\"%.1f\" y=\"%.1f\" "
                       "font-size=\"9\">",
                       label.x, label.y)
       << escapeMarkup(label.text) << "</text>\n";
  panelY = printNote("labels: the " + std::to_string(kLabelled) +
                         " slowest kernels of each target where a label "
                         "fits; hover a circle for any kernel",
                     kWidth - kRight + 34, panelY + 8, os);
  (void)printNote("hollow: every byte served on chip where the target gives "
                  "no bandwidth, so no roof drawn bounds it",
                  kWidth - kRight + 34, panelY + 4, os);
}
} // namespace

std::string roof::escapeMarkup(StringRef text) {
  // XML 1.0 has no way to write control characters other than tab and
  // newline, escaped or not, so they are dropped before escaping.
  std::string kept;
  llvm::copy_if(toValidText(text), std::back_inserter(kept), [](char c) {
    return static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n';
  });
  std::string out;
  llvm::raw_string_ostream os(out);
  llvm::printHTMLEscaped(kept, os);
  return out;
}

void roof::printSvgReport(ArrayRef<FunctionRoofline> reports,
                          const ReportFormatOptions &options,
                          llvm::raw_ostream &os) {
  // One chart per function, all its targets on it.
  SmallVector<SmallVector<const FunctionRoofline *>> charts;
  for (const FunctionRoofline &r : reports) {
    if (charts.empty() || charts.back().front()->function != r.function)
      charts.emplace_back();
    charts.back().push_back(&r);
  }
  os << llvm::format("<svg xmlns=\"http://www.w3.org/2000/svg\" "
                     "width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
                     "font-family=\"sans-serif\">\n",
                     kWidth, kHeight * charts.size(), kWidth,
                     kHeight * charts.size());
  os << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  for (auto [index, chart] : llvm::enumerate(charts))
    printChart(chart, options, kHeight * index, os);
  os << "</svg>\n";
}
