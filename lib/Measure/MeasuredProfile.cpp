//===- MeasuredProfile.cpp - Per-node times measured by ONNX Runtime ------===//

#include "roof/Measure/MeasuredProfile.h"

#include "roof/Support/InputFile.h"
#include "roof/Support/JsonInput.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

#include <algorithm>
#include <limits>
#include <vector>

using namespace mlir;
using namespace mlir::roof;

/// The median of `values`; 0 for none.
static double median(ArrayRef<double> values) {
  if (values.empty())
    return 0;
  std::vector<double> sorted(values.begin(), values.end());
  llvm::sort(sorted);
  size_t n = sorted.size();
  return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

/// Elements of the first output in an event's "output_type_shape":
/// [{"float": [1, 64, 55, 55]}].
static std::optional<int64_t>
getOutputElements(const llvm::json::Object &args) {
  const llvm::json::Array *outputs = args.getArray("output_type_shape");
  if (!outputs || outputs->empty())
    return std::nullopt;
  const llvm::json::Object *first = outputs->front().getAsObject();
  if (!first || first->size() != 1)
    return std::nullopt;
  const llvm::json::Array *dims = first->begin()->second.getAsArray();
  if (!dims)
    return std::nullopt;
  int64_t elements = 1;
  for (const llvm::json::Value &dim : *dims) {
    std::optional<int64_t> size = dim.getAsInteger();
    if (!size || *size < 0)
      return std::nullopt;
    elements *= *size;
  }
  return elements;
}

FailureOr<MeasuredProfile>
roof::parseMeasuredProfile(StringRef json, StringRef file, std::string &error) {
  auto fail = [&](const Twine &problem) {
    error = (file + ": " + problem).str();
    return failure();
  };
  std::string problem;
  std::optional<llvm::json::Value> root = parseJsonDocument(json, problem);
  if (!root)
    return fail(problem + "; an ONNX Runtime profile is a JSON array of trace "
                          "events");
  const llvm::json::Array *events = root->getAsArray();
  if (!events)
    return fail("not an ONNX Runtime profile: the top level must be a JSON "
                "array of trace events");

  MeasuredProfile profile;
  profile.file = file.str();
  llvm::StringMap<SmallVector<double>> times;
  SmallVector<double> runs;
  // scripts/measure --repeat K: one event per node and one model_run, each
  // the least of K sessions' medians over `timedRuns` runs.
  int64_t repeat = 1, timedRuns = 0;
  for (const llvm::json::Value &value : *events) {
    const llvm::json::Object *event = value.getAsObject();
    if (!event)
      continue;
    std::optional<StringRef> category = event->getString("cat");
    std::optional<StringRef> name = event->getString("name");
    std::optional<double> duration = event->getNumber("dur");
    const llvm::json::Object *args = event->getObject("args");
    if (!category || !name)
      continue;
    if (*category == "Roof" && args) {
      std::optional<int64_t> threads = args->getInteger("threads");
      std::optional<StringRef> level = args->getString("graph_optimization");
      if (threads && level)
        profile.setup = (Twine(*threads ? std::to_string(*threads) : "all") +
                         " thread(s), graph optimization " + *level)
                            .str();
      repeat = std::max<int64_t>(1, args->getInteger("repeat").value_or(1));
      timedRuns = std::max<int64_t>(0, args->getInteger("runs").value_or(0));
      continue;
    }
    if (!duration || *duration < 0)
      continue;
    if (*category == "Session" && *name == "model_run") {
      runs.push_back(*duration * 1e-6);
      continue;
    }
    // "<node>_kernel_time"; the fences around a kernel are not its time.
    if (*category != "Node" || !name->consume_back("_kernel_time"))
      continue;
    times[name->str()].push_back(*duration * 1e-6);
    MeasuredNode &node = profile.nodes[name->str()];
    if (args) {
      if (std::optional<StringRef> op = args->getString("op_name"))
        node.opType = op->str();
      if (!node.outputElements)
        node.outputElements = getOutputElements(*args);
    }
  }
  if (profile.nodes.empty())
    return fail("no node timings (\"cat\": \"Node\" events named "
                "\"<node>_kernel_time\"): is it an ONNX Runtime profile "
                "(session option enableProfiling)?");
  for (auto &[name, node] : profile.nodes) {
    node.runs = times[name].size();
    node.seconds = median(times[name]);
  }
  if (!runs.empty()) {
    profile.runSeconds = median(runs);
    profile.runs = runs.size();
  }
  if (repeat > 1) {
    profile.runs = static_cast<unsigned>(std::min<int64_t>(
        repeat * timedRuns, std::numeric_limits<unsigned>::max()));
    profile.setup +=
        (profile.setup.empty() ? "" : ", ") +
        ("the least of " + Twine(repeat) + " sessions' medians").str();
  }
  return profile;
}

FailureOr<MeasuredProfile> roof::loadMeasuredProfile(StringRef path,
                                                     std::string &error) {
  // ONNX Runtime writes about 1 KB per node and run.
  std::unique_ptr<llvm::MemoryBuffer> buffer =
      readInputFile(path, /*maxBytes=*/uint64_t(1) << 31, error);
  if (!buffer)
    return failure();
  return parseMeasuredProfile(buffer->getBuffer(), path, error);
}
