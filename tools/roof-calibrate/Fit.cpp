//===- Fit.cpp - A target's efficiencies fitted to measurements -----------===//

#include "Fit.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

#include <algorithm>
#include <cmath>
#include <ctime>

using namespace roof::calibrate;

namespace {
/// One measured group of kernels.
struct Sample {
  /// "matrix f32", "vector" or "movement".
  std::string kind;
  double kernels = 1, roof = 0, measured = 0;
};
} // namespace

static std::optional<llvm::json::Value> readJson(const std::string &path,
                                                 llvm::raw_ostream &errors) {
  auto buffer = llvm::MemoryBuffer::getFile(path);
  if (!buffer) {
    errors << "roof-calibrate: " << path
           << ": cannot be read: " << buffer.getError().message() << "\n";
    return std::nullopt;
  }
  llvm::Expected<llvm::json::Value> value =
      llvm::json::parse((*buffer)->getBuffer());
  if (!value) {
    errors << "roof-calibrate: " << path
           << ": not valid JSON: " << llvm::toString(value.takeError()) << "\n";
    return std::nullopt;
  }
  return std::move(*value);
}

bool roof::calibrate::fitTarget(const std::vector<std::string> &reports,
                                llvm::raw_ostream &os,
                                llvm::raw_ostream &errors) {
  std::vector<Sample> samples;
  std::string targetFile;
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
      if (!measured || !target)
        continue;
      std::string file = target->getString("file").value_or("").str();
      if (targetFile.empty())
        targetFile = file;
      if (file != targetFile) {
        errors << "roof-calibrate: " << path << ": priced on " << file
               << ", the other reports on " << targetFile
               << ": fit one target at a time\n";
        return false;
      }
      for (const llvm::json::Value &g : *measured->getArray("groups")) {
        const llvm::json::Object *group = g.getAsObject();
        Sample sample;
        sample.kernels = group->getNumber("kernels").value_or(1);
        sample.roof = group->getNumber("roof_s").value_or(0);
        sample.measured = group->getNumber("measured_s").value_or(0);
        if (sample.measured <= 0)
          continue;
        if (group->getInteger("flops").value_or(0) == 0)
          sample.kind = "movement";
        else if (group->getString("engine") == "matrix")
          sample.kind =
              ("matrix " + group->getString("dtype").value_or("")).str();
        else
          sample.kind = "vector";
        samples.push_back(sample);
      }
    }
  }
  if (samples.empty()) {
    errors << "roof-calibrate: the reports have no measured groups (run "
              "roof-report with measured=PROFILE format=json)\n";
    return false;
  }

  // measured ≈ kernels × launch + roof / efficiency(class), fitted by least
  // squares on the relative error (every group counts alike, small or
  // large): unknowns x0 = launch and x_c = 1 / efficiency of each class.
  std::vector<std::string> kinds;
  for (const Sample &sample : samples)
    if (!llvm::is_contained(kinds, sample.kind))
      kinds.push_back(sample.kind);
  size_t n = kinds.size() + 1;
  std::vector<std::vector<double>> normal(n, std::vector<double>(n + 1, 0));
  for (const Sample &sample : samples) {
    std::vector<double> row(n, 0);
    row[0] = sample.kernels / sample.measured;
    size_t c = llvm::find(kinds, sample.kind) - kinds.begin();
    row[c + 1] = sample.roof / sample.measured;
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = 0; j < n; ++j)
        normal[i][j] += row[i] * row[j];
      normal[i][n] += row[i];
    }
  }
  // Gaussian elimination with partial pivoting; a class without roofline
  // work (all-zero column) keeps efficiency 1.
  std::vector<double> x(n, 0);
  for (size_t col = 0; col < n; ++col) {
    size_t pivot = col;
    for (size_t r = col + 1; r < n; ++r)
      if (std::abs(normal[r][col]) > std::abs(normal[pivot][col]))
        pivot = r;
    std::swap(normal[col], normal[pivot]);
    if (std::abs(normal[col][col]) < 1e-30)
      continue;
    for (size_t r = 0; r < n; ++r) {
      if (r == col)
        continue;
      double factor = normal[r][col] / normal[col][col];
      for (size_t k = col; k <= n; ++k)
        normal[r][k] -= factor * normal[col][k];
    }
  }
  for (size_t i = 0; i < n; ++i)
    x[i] = std::abs(normal[i][i]) < 1e-30 ? 0 : normal[i][n] / normal[i][i];
  double launch = std::max(0.0, x[0]);
  llvm::StringMap<std::pair<double, unsigned>> fitted;
  for (auto [c, kind] : llvm::enumerate(kinds)) {
    unsigned count = llvm::count_if(
        samples, [&](const Sample &sample) { return sample.kind == kind; });
    // No faster than the roofline: efficiency at most 1.
    fitted[kind] = {x[c + 1] > 1 ? 1 / x[c + 1] : 1.0, count};
  }

  std::optional<llvm::json::Value> base = readJson(targetFile, errors);
  if (!base || !base->getAsObject()) {
    errors << "roof-calibrate: the reports' target " << targetFile
           << " is not a JSON object\n";
    return false;
  }
  llvm::json::Object target = std::move(*base->getAsObject());
  llvm::json::Object efficiency, matrix;
  std::string detail;
  for (const auto &entry : fitted) {
    // Three decimals: the fit is no finer than that.
    double value = std::round(std::max(0.01, entry.second.first) * 1000) / 1000;
    detail +=
        llvm::formatv("{0}{1} {2:f3} ({3} groups)", detail.empty() ? "" : ", ",
                      entry.first(), value, entry.second.second)
            .str();
    llvm::StringRef kind = entry.first();
    if (kind.consume_front("matrix "))
      matrix[kind] = value;
    else
      efficiency[kind] = value;
  }
  if (!matrix.empty())
    efficiency["matrix"] = std::move(matrix);
  target["efficiency"] = std::move(efficiency);
  target["launch_overhead"] = llvm::formatv("{0:f3} us", launch * 1e6).str();
  if (std::optional<llvm::StringRef> name = target.getString("name"))
    target["name"] = (*name + " (calibrated)").str();

  auto stamp = std::time(nullptr);
  char date[32];
  std::strftime(date, sizeof(date), "%Y-%m-%d", std::gmtime(&stamp));
  std::string files;
  for (const std::string &path : reports)
    files += (files.empty() ? "" : ", ") + path;
  std::string calibration =
      llvm::formatv(
          "fitted by roof-calibrate --fit on {0} from {1} measured "
          "kernel groups in {2}: least squares of the relative "
          "error of measured = kernels x launch_overhead + "
          "roofline time / efficiency of the class; efficiency by class: "
          "{3}",
          date, samples.size(), files, detail)
          .str();
  if (llvm::json::Object *sources = target.getObject("sources"))
    (*sources)["calibration"] = calibration;

  llvm::json::OStream json(os, 2);
  json.value(llvm::json::Value(std::move(target)));
  os << "\n";
  return true;
}
