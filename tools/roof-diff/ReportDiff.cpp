//===- ReportDiff.cpp - Two roofline reports side by side -----------------===//

#include "ReportDiff.h"

#include "roof/Support/JsonInput.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/Twine.h"

using namespace roof::diff;
using llvm::StringRef;
namespace json = llvm::json;

std::optional<json::Value>
roof::diff::readReport(StringRef text, StringRef file, std::string &error) {
  std::string problem;
  std::optional<json::Value> root =
      mlir::roof::parseJsonDocument(text, problem);
  if (!root) {
    error = (file + ": " + problem).str();
    return std::nullopt;
  }
  const json::Object *top = root->getAsObject();
  std::optional<StringRef> schema =
      top ? top->getString("schema") : std::nullopt;
  if (!schema || *schema != "roof-report/2" || !top->getArray("reports")) {
    error = (file + ": not a roof-report/2 document (roof-report "
                    "format=json writes one)")
                .str();
    return std::nullopt;
  }
  return std::move(*root);
}

/// A report's target name, if it has one.
static std::optional<StringRef> getTargetName(const json::Object &report) {
  const json::Object *target = report.getObject("target");
  return target ? target->getString("name") : std::nullopt;
}

/// A report's key: function, target name and batch.
static std::string getKey(const json::Object &report) {
  return ("@" + report.getString("function").value_or("?") + " on " +
          getTargetName(report).value_or("?") + " at batch " +
          llvm::Twine(report.getInteger("batch").value_or(1)))
      .str();
}

/// A number, or a count (an integer; "overflow" is no number).
static std::optional<double> getNumber(const json::Object *object,
                                       StringRef key) {
  return object ? object->getNumber(key) : std::nullopt;
}

namespace {
/// An entry of a report's list with a time: the key it is matched by, the
/// name it is shown by.
struct Timed {
  std::string key, name;
  double seconds;
};
} // namespace

/// The entries of `array` named at `name` with their `time_s`, in order,
/// keyed by `key` where they have one (a kernel's root op, which a fused
/// kernel shares with its unfused root), else by their name.
static std::vector<Timed> getTimes(const json::Array *array, StringRef name,
                                   StringRef key) {
  std::vector<Timed> times;
  if (!array)
    return times;
  for (const json::Value &value : *array)
    if (const json::Object *entry = value.getAsObject())
      if (std::optional<StringRef> shown = entry->getString(name))
        if (std::optional<double> seconds = entry->getNumber("time_s"))
          times.push_back({entry->getString(key).value_or(*shown).str(),
                           shown->str(), *seconds});
  return times;
}

/// The entries of A and B paired by key, the n-th of a key in A with the
/// n-th in B (shown by B's name: a kernel as B runs it); A's order first,
/// then B's leftovers.
static std::vector<NamedChange> pairByKey(const std::vector<Timed> &a,
                                          const std::vector<Timed> &b) {
  llvm::StringMap<std::vector<size_t>> inB;
  for (auto [i, entry] : llvm::enumerate(b))
    inB[entry.key].push_back(i);
  llvm::StringMap<size_t> used;
  std::vector<bool> taken(b.size());
  std::vector<NamedChange> pairs;
  for (const Timed &entry : a) {
    NamedChange change{entry.name, {entry.seconds, std::nullopt}};
    size_t &next = used[entry.key];
    auto it = inB.find(entry.key);
    if (it != inB.end() && next < it->second.size()) {
      size_t j = it->second[next++];
      change.name = b[j].name;
      change.seconds.b = b[j].seconds;
      taken[j] = true;
    }
    pairs.push_back(change);
  }
  for (auto [j, entry] : llvm::enumerate(b))
    if (!taken[j])
      pairs.push_back({entry.name, {std::nullopt, entry.seconds}});
  return pairs;
}

DocumentDiff roof::diff::diffReports(const json::Value &a,
                                     const json::Value &b) {
  auto reportsOf = [](const json::Value &document) {
    llvm::StringMap<const json::Object *> byKey;
    std::vector<std::string> order;
    for (const json::Value &value :
         *document.getAsObject()->getArray("reports"))
      if (const json::Object *report = value.getAsObject()) {
        std::string key = getKey(*report);
        if (byKey.try_emplace(key, report).second)
          order.push_back(key);
      }
    return std::make_pair(std::move(byKey), std::move(order));
  };
  auto [inA, orderA] = reportsOf(a);
  auto [inB, orderB] = reportsOf(b);

  DocumentDiff diff;
  for (const std::string &key : orderA) {
    auto other = inB.find(key);
    if (other == inB.end()) {
      diff.onlyInA.push_back(key);
      continue;
    }
    const json::Object &ra = *inA[key], &rb = *other->second;
    ReportChange change;
    change.function = ra.getString("function").value_or("").str();
    change.target = getTargetName(ra).value_or("?").str();
    change.batch = ra.getInteger("batch").value_or(1);
    const json::Object *sa = ra.getObject("summary"),
                       *sb = rb.getObject("summary");
    change.latency = {getNumber(sa, "latency_s"), getNumber(sb, "latency_s")};
    change.flops = {getNumber(sa, "flops"), getNumber(sb, "flops")};
    change.bytes = {getNumber(sa, "bytes"), getNumber(sb, "bytes")};
    change.energy = {getNumber(sa, "energy_j"), getNumber(sb, "energy_j")};
    change.opTypes = pairByKey(getTimes(ra.getArray("by_op_type"), "op", "op"),
                               getTimes(rb.getArray("by_op_type"), "op", "op"));
    change.kernels =
        pairByKey(getTimes(ra.getArray("kernels"), "kernel", "root"),
                  getTimes(rb.getArray("kernels"), "kernel", "root"));
    diff.matched.push_back(std::move(change));
  }
  for (const std::string &key : orderB)
    if (!inA.count(key))
      diff.onlyInB.push_back(key);
  return diff;
}
