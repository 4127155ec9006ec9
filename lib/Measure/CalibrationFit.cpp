//===- CalibrationFit.cpp - A target's efficiencies fitted to measurements ===//

#include "roof/Measure/CalibrationFit.h"

#include "roof/Support/InputFile.h"
#include "roof/Support/JsonInput.h"
#include "roof/Support/OutputFile.h"

#include "roof/Support/NonNegativeLeastSquares.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

#include <array>
#include <cmath>
#include <ctime>
#include <map>

using namespace mlir;
using namespace mlir::roof;

namespace {
/// The four terms of ClassCalibration (roof/Target/Target.h) a group's
/// kernels of one class sum to: node overheads charged, T_compute, T_memory
/// and output time.
using Terms = std::array<double, 4>;

/// One measured group of kernels.
struct Sample {
  double measured = 0;
  std::map<std::string, Terms> terms;
};
} // namespace

/// A report or target file: at most 1 GiB (a report of a model with a
/// million kernels is about half that), checked by the one JSON reader.
static std::optional<llvm::json::Value> readJson(const std::string &path,
                                                 llvm::raw_ostream &errors) {
  std::string error;
  std::unique_ptr<llvm::MemoryBuffer> buffer =
      readInputFile(path, /*maxBytes=*/uint64_t(1) << 30, error);
  if (!buffer) {
    errors << "roof-calibrate: " << error << "\n";
    return std::nullopt;
  }
  std::string problem;
  std::optional<llvm::json::Value> value =
      parseJsonDocument(buffer->getBuffer(), problem);
  if (!value)
    errors << "roof-calibrate: " << path << ": " << problem << "\n";
  return value;
}

/// Four significant digits, and 0 under 1e-4: the fit is no finer.
static double round4(double value) {
  if (std::abs(value) < 1e-4)
    return 0;
  double scale = std::pow(10, 3 - std::floor(std::log10(std::abs(value))));
  return std::round(value * scale) / scale;
}

bool roof::fitTarget(const std::vector<std::string> &reports, StringRef output,
                     llvm::raw_ostream &os, llvm::raw_ostream &errors) {
  std::vector<Sample> samples;
  std::vector<double> gaps;
  std::string targetFile, profiles;
  for (const std::string &path : reports) {
    std::optional<llvm::json::Value> root = readJson(path, errors);
    if (!root)
      return false;
    const llvm::json::Object *document = root->getAsObject();
    const llvm::json::Array *entries =
        document ? document->getArray("reports") : nullptr;
    if (!entries || document->getString("schema") != "roof-report/2") {
      errors << "roof-calibrate: " << path
             << ": not a roof-report/2 JSON report (roof-report "
                "format=json measured=PROFILE)\n";
      return false;
    }
    for (const llvm::json::Value &value : *entries) {
      const llvm::json::Object *entry = value.getAsObject();
      const llvm::json::Object *measured =
          entry ? entry->getObject("measured") : nullptr;
      const llvm::json::Object *target =
          entry ? entry->getObject("target") : nullptr;
      const llvm::json::Array *groups =
          measured ? measured->getArray("groups") : nullptr;
      if (!groups || !target)
        continue;
      if (target->getBoolean("calibrated").value_or(false)) {
        errors << "roof-calibrate: " << path
               << ": priced on a calibrated target; fit reports made on the "
                  "uncalibrated one\n";
        return false;
      }
      std::string file = target->getString("file").value_or("").str();
      if (targetFile.empty())
        targetFile = file;
      if (file != targetFile) {
        errors << "roof-calibrate: " << path << ": priced on " << file
               << ", the other reports on " << targetFile
               << ": fit one target at a time\n";
        return false;
      }
      if (std::optional<llvm::StringRef> profile = measured->getString("file"))
        profiles += ((profiles.empty() ? "" : ", ") + *profile).str();
      unsigned nodes = 0;
      for (const llvm::json::Value &g : *groups) {
        const llvm::json::Object *group = g.getAsObject();
        if (!group)
          continue;
        if (const llvm::json::Array *names = group->getArray("nodes"))
          nodes += names->size();
        Sample sample;
        sample.measured = group->getNumber("measured_s").value_or(0);
        const llvm::json::Object *terms = group->getObject("terms");
        if (!(sample.measured > 0) || !terms)
          continue;
        for (const auto &[name, value] : *terms) {
          const llvm::json::Object *t = value.getAsObject();
          if (!t)
            continue;
          sample.terms[name.str()] = {t->getNumber("overheads").value_or(0),
                                      t->getNumber("t_compute_s").value_or(0),
                                      t->getNumber("t_memory_s").value_or(0),
                                      t->getNumber("t_output_s").value_or(0)};
        }
        samples.push_back(std::move(sample));
      }
      // The time between nodes: the whole run less its nodes' times.
      double latency = measured->getNumber("latency_s").value_or(0);
      double nodeSeconds = measured->getNumber("node_seconds").value_or(0);
      if (nodes)
        gaps.push_back(std::max(0.0, latency - nodeSeconds) / nodes);
    }
  }
  if (samples.empty()) {
    errors << "roof-calibrate: the reports have no measured groups (run "
              "roof-report with measured=PROFILE format=json)\n";
    return false;
  }

  // measured = sum over classes of overhead x overheads + compute x
  // T_compute + memory x T_memory + output x T_output, by least squares on
  // the relative error (every group counts alike, small or large), every
  // term non-negative and compute at least 1 (no faster than the peak):
  // unknowns per class are overhead, compute - 1, memory and output.
  std::vector<std::string> classes;
  for (const Sample &sample : samples)
    for (const auto &entry : sample.terms)
      if (!llvm::is_contained(classes, entry.first))
        classes.push_back(entry.first);
  llvm::sort(classes);
  size_t n = 4 * classes.size();
  std::vector<std::vector<double>> rows;
  std::vector<double> rhs;
  for (const Sample &sample : samples) {
    std::vector<double> row(n, 0);
    double rest = 1;
    for (const auto &[name, terms] : sample.terms) {
      size_t c = llvm::find(classes, name) - classes.begin();
      for (size_t t = 0; t < 4; ++t)
        row[4 * c + t] = terms[t] / sample.measured;
      rest -= terms[1] / sample.measured;
    }
    rows.push_back(std::move(row));
    rhs.push_back(rest);
  }
  // Columns scaled to unit norm: overheads count nodes, the rest seconds.
  std::vector<double> norm(n, 0);
  for (const std::vector<double> &row : rows)
    for (size_t j = 0; j < n; ++j)
      norm[j] += row[j] * row[j];
  for (double &value : norm)
    value = value > 0 ? std::sqrt(value) : 1;
  for (std::vector<double> &row : rows)
    for (size_t j = 0; j < n; ++j)
      row[j] /= norm[j];
  std::vector<double> x = mlir::roof::solveNonNegativeLeastSquares(rows, rhs);
  for (size_t j = 0; j < n; ++j)
    x[j] /= norm[j];

  llvm::json::Object fitted;
  std::string detail;
  for (auto [c, name] : llvm::enumerate(classes)) {
    double overhead = std::round(x[4 * c] * 1e9) / 1e3;
    double compute = round4(1 + x[4 * c + 1]);
    double memory = round4(x[4 * c + 2]);
    double output = round4(x[4 * c + 3]);
    fitted[name] = llvm::json::Object{
        {"overhead", llvm::formatv("{0:f3} us", overhead).str()},
        {"compute", compute},
        {"memory", memory},
        {"output", output}};
    llvm::raw_string_ostream(detail)
        << (detail.empty() ? "" : "; ") << name
        << llvm::format(": overhead %.3f us, compute %g, memory %g, output %g",
                        overhead, compute, memory, output);
  }
  double gap = 0;
  if (!gaps.empty()) {
    llvm::sort(gaps);
    gap = gaps[gaps.size() / 2];
  }
  // The fit's own error, on the groups it was fitted to.
  std::vector<double> residuals;
  for (auto [row, value] : llvm::zip_equal(rows, rhs)) {
    double predicted = 0;
    for (size_t j = 0; j < n; ++j)
      predicted += row[j] * norm[j] * x[j];
    residuals.push_back(std::abs(predicted - value));
  }
  llvm::sort(residuals);
  double medianError = residuals[residuals.size() / 2];

  if (isSameFile(targetFile, output)) {
    errors << "roof-calibrate: the output '" << output
           << "' is the reports' target file " << targetFile
           << "; write the fitted copy elsewhere\n";
    return false;
  }
  std::optional<llvm::json::Value> base = readJson(targetFile, errors);
  if (!base || !base->getAsObject()) {
    errors << "roof-calibrate: the reports' target " << targetFile
           << " is not a JSON object\n";
    return false;
  }
  llvm::json::Object target = std::move(*base->getAsObject());
  target["calibration"] = llvm::json::Object{
      {"node_overhead",
       llvm::formatv("{0:f3} us", std::round(gap * 1e9) / 1e3).str()},
      {"classes", std::move(fitted)}};
  // The class overheads take the place of a per-kernel launch overhead.
  target.erase("launch_overhead");
  if (std::optional<llvm::StringRef> name = target.getString("name"))
    target["name"] = (*name + " (calibrated)").str();

  auto stamp = std::time(nullptr);
  char date[32];
  std::strftime(date, sizeof(date), "%Y-%m-%d", std::gmtime(&stamp));
  std::string files = llvm::join(reports, ", ");
  std::string calibration =
      llvm::formatv(
          "fitted by roof-calibrate --fit on {0} from {1} measured kernel "
          "groups in {2} (profiles {6}): non-negative least squares of the "
          "relative error "
          "of measured = per class, overhead x nodes + compute x T_compute + "
          "memory x T_memory + output x T_output (median error {3:f1} % on "
          "those groups); node_overhead the median of (run - node times) / "
          "nodes over {4} reports; {5}",
          date, samples.size(), files, 100 * medianError, gaps.size(), detail,
          profiles)
          .str();
  if (llvm::json::Object *sources = target.getObject("sources"))
    (*sources)["calibration"] = calibration;

  llvm::json::OStream json(os, 2);
  json.value(llvm::json::Value(std::move(target)));
  os << "\n";
  return true;
}
