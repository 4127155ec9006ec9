//===- DiffPrinter.cpp - Two roofline reports' differences, printed -------===//

#include "DiffPrinter.h"

#include "llvm/Support/Format.h"

#include <algorithm>
#include <cmath>

using namespace roof::diff;

/// "12.345" (us), or "-" where a side lacks the value.
static std::string formatMicros(std::optional<double> seconds) {
  if (!seconds)
    return "-";
  std::string text;
  llvm::raw_string_ostream(text) << llvm::format("%.3f", *seconds * 1e6);
  return text;
}

/// B / A as "x0.720 (-28.0 %)", or "" when it has no value.
static std::string formatRatio(const Change &change) {
  if (!change.a || !change.b || *change.a <= 0)
    return "";
  double ratio = *change.b / *change.a;
  std::string text;
  llvm::raw_string_ostream(text)
      << llvm::format("x%.3f (%+.1f %%)", ratio, 100 * (ratio - 1));
  return text;
}

/// How much a named part's time changed, for ordering: a part on one side
/// only changed by all of its time.
static double getDelta(const NamedChange &change) {
  return std::fabs(change.seconds.b.value_or(0) - change.seconds.a.value_or(0));
}

static void printCount(llvm::raw_ostream &os, llvm::StringRef what,
                       const Change &change) {
  auto number = [](std::optional<double> v) {
    std::string text;
    if (!v)
      return std::string("-");
    llvm::raw_string_ostream(text) << llvm::format("%.0f", *v);
    return text;
  };
  os << what << " " << number(change.a) << " -> " << number(change.b) << " "
     << formatRatio(change) << "\n";
}

void roof::diff::printDiffText(const DocumentDiff &diff, unsigned top,
                               llvm::raw_ostream &os) {
  for (const ReportChange &report : diff.matched) {
    os << "== @" << report.function << " on " << report.target << " at batch "
       << report.batch << "\n";
    os << "latency " << formatMicros(report.latency.a) << " us -> "
       << formatMicros(report.latency.b) << " us "
       << formatRatio(report.latency) << "\n";
    printCount(os, "FLOPs", report.flops);
    printCount(os, "bytes", report.bytes);
    os << llvm::format("  %14s %14s %14s  %s\n", "A time(us)", "B time(us)",
                       "change(us)", "op type");
    for (const NamedChange &op : report.opTypes)
      os << llvm::format(
          "  %14s %14s %14.3f  %s\n", formatMicros(op.seconds.a).c_str(),
          formatMicros(op.seconds.b).c_str(),
          (op.seconds.b.value_or(0) - op.seconds.a.value_or(0)) * 1e6,
          op.name.c_str());
    std::vector<const NamedChange *> kernels;
    for (const NamedChange &kernel : report.kernels)
      kernels.push_back(&kernel);
    std::stable_sort(kernels.begin(), kernels.end(),
                     [](const NamedChange *x, const NamedChange *y) {
                       return getDelta(*x) > getDelta(*y);
                     });
    kernels.resize(std::min<size_t>(kernels.size(), top));
    os << "kernels whose time changed most (" << kernels.size() << " of "
       << report.kernels.size() << "):\n";
    os << llvm::format("  %14s %14s %14s  %s\n", "A time(us)", "B time(us)",
                       "change(us)", "kernel");
    for (const NamedChange *kernel : kernels)
      os << llvm::format(
          "  %14s %14s %14.3f  %s\n", formatMicros(kernel->seconds.a).c_str(),
          formatMicros(kernel->seconds.b).c_str(),
          (kernel->seconds.b.value_or(0) - kernel->seconds.a.value_or(0)) * 1e6,
          kernel->name.c_str());
    os << "\n";
  }
  for (const std::string &key : diff.onlyInA)
    os << "only in A: " << key << "\n";
  for (const std::string &key : diff.onlyInB)
    os << "only in B: " << key << "\n";
}

static void writeChange(llvm::json::OStream &json, llvm::StringRef key,
                        const Change &change) {
  for (auto [side, value] :
       {std::make_pair("_a", change.a), std::make_pair("_b", change.b)}) {
    std::string name = (key + side).str();
    if (value)
      json.attribute(name, *value);
    else
      json.attribute(name, nullptr);
  }
}

static void writeParts(llvm::json::OStream &json, llvm::StringRef name,
                       llvm::StringRef key,
                       const std::vector<NamedChange> &parts) {
  json.attributeArray(name, [&] {
    for (const NamedChange &part : parts)
      json.object([&] {
        json.attribute(key, part.name);
        writeChange(json, "time_s", part.seconds);
      });
  });
}

void roof::diff::printDiffJson(const DocumentDiff &diff, llvm::StringRef fileA,
                               llvm::StringRef fileB, llvm::raw_ostream &os) {
  llvm::json::OStream json(os, 2);
  json.object([&] {
    json.attribute("schema", "roof-diff/1");
    json.attribute("a", fileA);
    json.attribute("b", fileB);
    json.attributeArray("reports", [&] {
      for (const ReportChange &report : diff.matched)
        json.object([&] {
          json.attribute("function", report.function);
          json.attribute("target", report.target);
          json.attribute("batch", report.batch);
          writeChange(json, "latency_s", report.latency);
          writeChange(json, "flops", report.flops);
          writeChange(json, "bytes", report.bytes);
          writeChange(json, "energy_j", report.energy);
          writeParts(json, "by_op_type", "op", report.opTypes);
          writeParts(json, "kernels", "kernel", report.kernels);
        });
    });
    json.attributeArray("only_in_a", [&] {
      for (const std::string &key : diff.onlyInA)
        json.value(key);
    });
    json.attributeArray("only_in_b", [&] {
      for (const std::string &key : diff.onlyInB)
        json.value(key);
    });
  });
  os << "\n";
}
