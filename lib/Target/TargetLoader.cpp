//===- TargetLoader.cpp - Reading and checking target files ---------------===//

#include "roof/Target/TargetLoader.h"

#include "roof/Target/JsonInput.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/SHA256.h"

#include <algorithm>
#include <cmath>

using namespace mlir;
using namespace mlir::roof;

//===----------------------------------------------------------------------===//
// Target
//===----------------------------------------------------------------------===//

std::optional<double> Target::getRate(Engine engine, Dtype dtype) const {
  const Rates &rates = engine == Engine::Matrix ? matrixRates : vectorRates;
  std::optional<double> rate = rates[static_cast<unsigned>(dtype)];
  if (!rate)
    return std::nullopt;
  return *rate * computeDerate;
}

std::optional<double> Target::getBandwidth() const {
  const MemoryLevel &level = offChip.capacity > 0 ? offChip : onChip;
  if (!level.bandwidth)
    return std::nullopt;
  return *level.bandwidth * bandwidthDerate;
}

std::optional<double> Target::getOnChipBandwidth() const {
  if (offChip.capacity <= 0 || !onChip.bandwidth)
    return std::nullopt;
  return *onChip.bandwidth * bandwidthDerate;
}

//===----------------------------------------------------------------------===//
// Quantities with units
//===----------------------------------------------------------------------===//

namespace {
/// What a figure measures; each kind accepts its own units.
enum class Quantity { Rate, Bytes, Bandwidth, Power, Time, Price };

/// The SI factor of `unit` for `kind`, or std::nullopt when `unit` does not
/// measure `kind`.
std::optional<double> getUnitFactor(Quantity kind, StringRef unit) {
  auto scaled = [&](StringRef base) -> std::optional<double> {
    if (!unit.ends_with(base))
      return std::nullopt;
    StringRef prefix = unit.drop_back(base.size());
    return llvm::StringSwitch<std::optional<double>>(prefix)
        .Case("", 1.0)
        .Cases({"k", "K"}, 1e3)
        .Case("M", 1e6)
        .Case("G", 1e9)
        .Case("T", 1e12)
        .Case("P", 1e15)
        .Case("Ki", 1024.0)
        .Case("Mi", 1024.0 * 1024)
        .Case("Gi", 1024.0 * 1024 * 1024)
        .Case("Ti", 1024.0 * 1024 * 1024 * 1024)
        .Default(std::nullopt);
  };
  switch (kind) {
  case Quantity::Rate:
    if (auto f = scaled("FLOP/s"))
      return f;
    return scaled("OP/s");
  case Quantity::Bytes:
    return scaled("B");
  case Quantity::Bandwidth:
    return scaled("B/s");
  case Quantity::Power:
    if (unit == "mW")
      return 1e-3;
    return scaled("W");
  case Quantity::Time:
    return llvm::StringSwitch<std::optional<double>>(unit)
        .Case("s", 1.0)
        .Case("ms", 1e-3)
        .Cases({"us", "µs"}, 1e-6)
        .Case("ns", 1e-9)
        .Default(std::nullopt);
  case Quantity::Price:
    return unit == "USD" ? std::optional<double>(1.0) : std::nullopt;
  }
  return std::nullopt;
}

StringRef describe(Quantity kind) {
  switch (kind) {
  case Quantity::Rate:
    return "a rate (FLOP/s, GFLOP/s, TFLOP/s, TOP/s, …)";
  case Quantity::Bytes:
    return "a size (B, KB, MB, GB, KiB, MiB, GiB, …)";
  case Quantity::Bandwidth:
    return "a bandwidth (B/s, GB/s, TB/s, GiB/s, …)";
  case Quantity::Power:
    return "a power (W, mW, kW)";
  case Quantity::Time:
    return "a time (s, ms, us, ns)";
  case Quantity::Price:
    return "a price (USD)";
  }
  return "";
}

/// Walks a target's JSON, remembering the first error as "FILE: FIELD:
/// PROBLEM".
class TargetReader {
public:
  TargetReader(StringRef file, std::string &error) : file(file), error(error) {}

  bool fail(const Twine &field, const Twine &problem) {
    if (error.empty())
      error = (file + ": " + field + ": " + problem).str();
    return false;
  }

  /// Fails on a key of `table` that is not in `known`: a misspelt field
  /// would otherwise be dropped without a word. `prefix` names the table
  /// ("memory.", or "" at the top).
  bool onlyKnown(const llvm::json::Object &table, StringRef prefix,
                 ArrayRef<StringRef> known) {
    std::optional<StringRef> unknown;
    for (const auto &entry : table) {
      StringRef key = entry.first;
      if (!llvm::is_contained(known, key) && (!unknown || key < *unknown))
        unknown = key;
    }
    if (!unknown)
      return true;
    return fail(prefix + *unknown,
                "unknown field (known: " + llvm::join(known, ", ") + ")");
  }

  const llvm::json::Object *object(const llvm::json::Object &parent,
                                   StringRef key, const Twine &field,
                                   bool required) {
    const llvm::json::Value *value = parent.get(key);
    if (!value || value->kind() == llvm::json::Value::Null) {
      if (required)
        fail(field, "missing");
      return nullptr;
    }
    const llvm::json::Object *result = value->getAsObject();
    if (!result)
      fail(field, "must be an object");
    return result;
  }

  bool string(const llvm::json::Object &parent, StringRef key,
              const Twine &field, std::string &out) {
    const llvm::json::Value *value = parent.get(key);
    if (!value)
      return fail(field, "missing");
    std::optional<StringRef> text = value->getAsString();
    if (!text || text->empty())
      return fail(field, "must be a non-empty string");
    out = text->str();
    return true;
  }

  /// Reads "NUMBER UNIT" into SI units; `required` fields must be present.
  bool quantity(const llvm::json::Object &parent, StringRef key,
                const Twine &field, Quantity kind, std::optional<double> &out,
                bool required) {
    const llvm::json::Value *value = parent.get(key);
    if (!value || value->kind() == llvm::json::Value::Null)
      return required ? fail(field, "missing") : true;
    std::optional<StringRef> text = value->getAsString();
    if (!text)
      return fail(field, "must be a string with a number and a unit, e.g. "
                         "\"3.35 TB/s\"");
    auto [numberText, unit] = text->trim().split(' ');
    unit = unit.trim();
    double number;
    if (numberText.getAsDouble(number) || unit.empty())
      return fail(field, "'" + *text +
                             "' is not a number followed by a unit, e.g. "
                             "\"3.35 TB/s\"");
    std::optional<double> factor = getUnitFactor(kind, unit);
    if (!factor)
      return fail(field, "unit '" + unit + "' is not " + describe(kind));
    if (!std::isfinite(number))
      return fail(field, "must be a finite number, got " + numberText);
    if (number < 0)
      return fail(field, "must not be negative, got " + numberText);
    out = number * *factor;
    if (!std::isfinite(*out))
      return fail(field, "'" + *text + "' is too large");
    return true;
  }

  bool fraction(const llvm::json::Object &parent, StringRef key,
                const Twine &field, double &out) {
    const llvm::json::Value *value = parent.get(key);
    if (!value)
      return true;
    std::optional<double> number = value->getAsNumber();
    if (!number || *number <= 0 || *number > 1)
      return fail(field, "must be a number in (0, 1]");
    out = *number;
    return true;
  }

  /// The dtype `name`, the key of `field`; failure for one no target rates.
  std::optional<Dtype> knownDtype(StringRef name, const Twine &field) {
    if (std::optional<Dtype> dtype = parseDtype(name))
      return dtype;
    fail(field, "unknown dtype '" + name + "' (known: " +
                    llvm::join(llvm::map_range(kDtypes, getDtypeName), ", ") +
                    ")");
    return std::nullopt;
  }

  bool rates(const llvm::json::Object &compute, StringRef engine,
             Target::Rates &out) {
    std::string field = ("compute." + engine).str();
    const llvm::json::Object *table = object(compute, engine, field, true);
    if (!table)
      return false;
    for (const auto &entry : *table) {
      StringRef dtype = entry.first;
      std::string dtypeField = field + "." + dtype.str();
      std::optional<Dtype> known = knownDtype(dtype, dtypeField);
      if (!known)
        return false;
      std::optional<double> rate;
      if (!quantity(*table, dtype, dtypeField, Quantity::Rate, rate, true))
        return false;
      out[static_cast<unsigned>(*known)] = *rate;
    }
    return true;
  }

  bool memory(const llvm::json::Object &memories, StringRef key,
              MemoryLevel &out) {
    std::string field = ("memory." + key).str();
    const llvm::json::Object *level = object(memories, key, field, false);
    if (!level)
      return error.empty();
    if (!onlyKnown(*level, field + ".", {"capacity", "bandwidth", "usable"}))
      return false;
    std::optional<double> capacity;
    if (!quantity(*level, "capacity", field + ".capacity", Quantity::Bytes,
                  capacity, true) ||
        !quantity(*level, "bandwidth", field + ".bandwidth",
                  Quantity::Bandwidth, out.bandwidth, false) ||
        !fraction(*level, "usable", field + ".usable", out.usable))
      return false;
    out.capacity = *capacity;
    return true;
  }

  /// "weight_link": {"name": "USB 3.0", "bandwidth": "0.5 GB/s"}: weights
  /// past the on-chip capacity stream over it; only for a chip without
  /// off-chip memory, whose weights would otherwise have nowhere to be.
  bool weightLink(const llvm::json::Object &memories, Target &target) {
    const llvm::json::Object *link =
        object(memories, "weight_link", "memory.weight_link", false);
    if (!link)
      return error.empty();
    if (!onlyKnown(*link, "memory.weight_link.", {"name", "bandwidth"}))
      return false;
    WeightLink out;
    std::optional<double> bandwidth;
    if (!string(*link, "name", "memory.weight_link.name", out.name) ||
        !quantity(*link, "bandwidth", "memory.weight_link.bandwidth",
                  Quantity::Bandwidth, bandwidth, true))
      return false;
    if (*bandwidth <= 0)
      return fail("memory.weight_link.bandwidth", "must be positive");
    if (target.offChip.capacity > 0)
      return fail("memory.weight_link",
                  "is for chips without off-chip memory; with off_chip, "
                  "weights stream from there");
    out.bandwidth = *bandwidth;
    target.weightLink = std::move(out);
    return true;
  }

  /// "parallelism": {"units": 108, "tiles": ["256x128", "128x128"],
  /// "array": "32x32", "taps": "separate"}; units and tiles come together.
  bool parallelism(const llvm::json::Object &top, Target &target) {
    const llvm::json::Object *table =
        object(top, "parallelism", "parallelism", false);
    if (!table)
      return error.empty();
    if (!onlyKnown(*table, "parallelism.",
                   {"units", "tiles", "array", "taps"}) ||
        !units(*table, target) || !array(*table, target))
      return false;
    if (!target.matrixUnits && !target.matrixArray)
      return fail("parallelism", "must give units and tiles, or array");
    return true;
  }

  /// Reads "ROWSxCOLUMNS" with positive sizes.
  static std::optional<std::pair<unsigned, unsigned>>
  getShape(const llvm::json::Value &value) {
    std::optional<StringRef> text = value.getAsString();
    unsigned rows = 0, columns = 0;
    if (!text)
      return std::nullopt;
    auto [rowText, columnText] = text->split('x');
    if (rowText.getAsInteger(10, rows) ||
        columnText.getAsInteger(10, columns) || !rows || !columns)
      return std::nullopt;
    return std::make_pair(rows, columns);
  }

  /// "units" and "tiles": wave quantization (WaveQuantization.h).
  bool units(const llvm::json::Object &table, Target &target) {
    const llvm::json::Value *units = table.get("units");
    const llvm::json::Value *tiles = table.get("tiles");
    if (!units && !tiles)
      return true;
    std::optional<int64_t> count = units ? units->getAsInteger() : std::nullopt;
    if (!count || *count <= 0 || *count > 1000000)
      return fail("parallelism.units", "must be a positive whole number");
    target.matrixUnits = static_cast<unsigned>(*count);
    const llvm::json::Array *list = tiles ? tiles->getAsArray() : nullptr;
    if (!list || list->empty())
      return fail("parallelism.tiles",
                  "must be a non-empty array of \"ROWSxCOLUMNS\" strings");
    for (const llvm::json::Value &tile : *list) {
      std::optional<std::pair<unsigned, unsigned>> shape = getShape(tile);
      if (!shape)
        return fail("parallelism.tiles",
                    "each tile must be \"ROWSxCOLUMNS\" with positive "
                    "sizes, e.g. \"128x128\"");
      target.matrixTiles.push_back(*shape);
    }
    return true;
  }

  /// "array" and "taps": the MAC array (ArrayOccupancy.h).
  bool array(const llvm::json::Object &table, Target &target) {
    const llvm::json::Value *array = table.get("array");
    const llvm::json::Value *taps = table.get("taps");
    if (!array && !taps)
      return true;
    if (!array || !(target.matrixArray = getShape(*array)))
      return fail("parallelism.array",
                  "must be \"DEPTHxWIDTH\" with positive sizes, e.g. "
                  "\"32x32\"");
    if (!taps)
      return true;
    std::optional<StringRef> mode = taps->getAsString();
    if (!mode || (*mode != "flattened" && *mode != "separate"))
      return fail("parallelism.taps", "must be \"flattened\" or \"separate\"");
    target.tapsInReduction = *mode == "flattened";
    return true;
  }

  /// "calibration": {"node_overhead": "7.6 us", "classes": {"conv":
  /// {"overhead": "12 us", "compute": 1.4, "memory": 0.8, "output": 2}}}.
  bool calibration(const llvm::json::Object &top, Target &target) {
    const llvm::json::Object *table =
        object(top, "calibration", "calibration", false);
    if (!table)
      return error.empty();
    if (!onlyKnown(*table, "calibration.", {"node_overhead", "classes"}))
      return false;
    Calibration result;
    std::optional<double> gap;
    if (!quantity(*table, "node_overhead", "calibration.node_overhead",
                  Quantity::Time, gap, false))
      return false;
    result.nodeOverhead = gap.value_or(0);
    const llvm::json::Object *classes =
        object(*table, "classes", "calibration.classes", true);
    if (!classes)
      return false;
    for (const auto &entry : *classes) {
      StringRef name = entry.first;
      std::string field = ("calibration.classes." + name).str();
      if (!llvm::is_contained(kKernelClasses, name))
        return fail(field, "unknown kernel class (known: conv, "
                           "depthwise_conv, matmul, reduction, pow, "
                           "elementwise, movement)");
      const llvm::json::Object *terms = entry.second.getAsObject();
      if (!terms)
        return fail(field, "must be an object");
      if (!onlyKnown(*terms, field + ".",
                     {"overhead", "compute", "memory", "output"}))
        return false;
      ClassCalibration pricing;
      std::optional<double> overhead;
      if (!quantity(*terms, "overhead", field + ".overhead", Quantity::Time,
                    overhead, false) ||
          !factor(*terms, "compute", field + ".compute", 1, pricing.compute) ||
          !factor(*terms, "memory", field + ".memory", 0, pricing.memory) ||
          !factor(*terms, "output", field + ".output", 0, pricing.output))
        return false;
      pricing.overhead = overhead.value_or(0);
      result.classes[name] = pricing;
    }
    target.calibration = std::move(result);
    return true;
  }

  /// "estimated": ["compute.vector", "power"]: fields of this file whose
  /// figures are guesses.
  bool estimated(const llvm::json::Object &top, Target &target) {
    const llvm::json::Value *value = top.get("estimated");
    if (!value)
      return true;
    const llvm::json::Array *list = value->getAsArray();
    if (!list)
      return fail("estimated", "must be an array of field names, e.g. "
                               "[\"compute.vector\", \"power\"]");
    for (const llvm::json::Value &entry : *list) {
      std::optional<StringRef> name = entry.getAsString();
      if (!name)
        return fail("estimated", "must hold field names (strings)");
      // The name must lead, object by object, to a field of this file.
      const llvm::json::Object *parent = &top;
      const llvm::json::Value *field = nullptr;
      SmallVector<StringRef> path;
      name->split(path, '.');
      for (StringRef key : path) {
        field = parent ? parent->get(key) : nullptr;
        if (!field)
          break;
        parent = field->getAsObject();
      }
      if (!field)
        return fail("estimated", "'" + *name + "' names no field of this file");
      target.estimated.push_back(name->str());
    }
    return true;
  }

  /// A multiplier of at least `least` (and at most 1e6: a fit beyond that
  /// is a broken measurement).
  bool factor(const llvm::json::Object &parent, StringRef key,
              const Twine &field, int least, double &out) {
    const llvm::json::Value *value = parent.get(key);
    if (!value)
      return true;
    std::optional<double> number = value->getAsNumber();
    if (!number || !(*number >= least) || *number > 1e6)
      return fail(field, "must be a number in [" + Twine(least) + ", 1e6]");
    out = *number;
    return true;
  }

  FailureOr<Target> read(const llvm::json::Value &root) {
    const llvm::json::Object *top = root.getAsObject();
    if (!top) {
      fail("(top level)", "must be a JSON object");
      return failure();
    }
    Target target;
    target.file = file.str();
    std::string schema;
    if (!string(*top, "schema", "schema", schema))
      return failure();
    if (schema != "roof-target/1") {
      fail("schema", "'" + schema + "' is not supported (use roof-target/1)");
      return failure();
    }
    if (!onlyKnown(*top, "",
                   {"schema", "name", "kind", "compute", "memory",
                    "parallelism", "power", "derate", "launch_overhead",
                    "call_overhead", "calibration", "estimated",
                    "price_per_hour", "sources"}))
      return failure();
    if (!string(*top, "name", "name", target.name) ||
        !string(*top, "kind", "kind", target.kind))
      return failure();
    if (!llvm::is_contained({"gpu", "npu", "dsp", "cpu"}, target.kind)) {
      fail("kind", "'" + target.kind + "' is not one of gpu, npu, dsp, cpu");
      return failure();
    }

    const llvm::json::Object *compute =
        object(*top, "compute", "compute", true);
    if (!compute || !onlyKnown(*compute, "compute.", {"matrix", "vector"}) ||
        !rates(*compute, "matrix", target.matrixRates) ||
        !rates(*compute, "vector", target.vectorRates))
      return failure();

    const llvm::json::Object *memories = object(*top, "memory", "memory", true);
    if (!memories ||
        !onlyKnown(*memories, "memory.",
                   {"off_chip", "on_chip", "weight_link"}) ||
        !memory(*memories, "off_chip", target.offChip) ||
        !memory(*memories, "on_chip", target.onChip))
      return failure();
    if (!target.getBandwidth()) {
      fail("memory", "needs off_chip (or, without off-chip memory, on_chip) "
                     "with a bandwidth");
      return failure();
    }
    if (!weightLink(*memories, target))
      return failure();

    std::optional<double> power, launch, call, price;
    if (!quantity(*top, "power", "power", Quantity::Power, power, true) ||
        !quantity(*top, "launch_overhead", "launch_overhead", Quantity::Time,
                  launch, false) ||
        !quantity(*top, "call_overhead", "call_overhead", Quantity::Time, call,
                  false) ||
        !quantity(*top, "price_per_hour", "price_per_hour", Quantity::Price,
                  price, false))
      return failure();
    target.power = *power;
    target.launchOverhead = launch.value_or(0);
    target.callOverhead = call.value_or(0);
    if (!parallelism(*top, target) || !calibration(*top, target) ||
        !estimated(*top, target))
      return failure();
    target.pricePerHour = price;

    if (const llvm::json::Object *derate =
            object(*top, "derate", "derate", false)) {
      if (!onlyKnown(*derate, "derate.", {"compute", "bandwidth"}) ||
          !fraction(*derate, "compute", "derate.compute",
                    target.computeDerate) ||
          !fraction(*derate, "bandwidth", "derate.bandwidth",
                    target.bandwidthDerate))
        return failure();
    } else if (!error.empty()) {
      return failure();
    }

    const llvm::json::Object *sources =
        object(*top, "sources", "sources", true);
    if (!sources)
      return failure();
    if (sources->empty()) {
      fail("sources", "must name the source of the figures");
      return failure();
    }
    return target;
  }

private:
  StringRef file;
  std::string &error;
};
} // namespace

FailureOr<Target> roof::parseTarget(StringRef json, StringRef fileName,
                                    std::string &error) {
  error.clear();
  if (!hasJsonDepthWithinLimit(json)) {
    error = (fileName + ": (file): nested deeper than " + Twine(kMaxJsonDepth) +
             " levels")
                .str();
    return failure();
  }
  llvm::Expected<llvm::json::Value> root = llvm::json::parse(json);
  if (!root) {
    error = (fileName +
             ": (file): not valid JSON: " + llvm::toString(root.takeError()))
                .str();
    return failure();
  }
  FailureOr<Target> target = TargetReader(fileName, error).read(*root);
  if (succeeded(target))
    target->sha256 =
        llvm::toHex(llvm::SHA256::hash(llvm::arrayRefFromStringRef(json)),
                    /*LowerCase=*/true);
  return target;
}

FailureOr<Target> roof::loadTargetFile(StringRef path, std::string &error) {
  // A target file is a few KB.
  std::unique_ptr<llvm::MemoryBuffer> buffer =
      readInputFile(path, /*maxBytes=*/1 << 20, error);
  if (!buffer)
    return failure();
  return parseTarget(buffer->getBuffer(), path, error);
}

//===----------------------------------------------------------------------===//
// The shipped catalog
//===----------------------------------------------------------------------===//

std::string roof::getBuiltinTargetsDir() {
  if (std::optional<std::string> dir =
          llvm::sys::Process::GetEnv("ROOF_TARGETS_DIR"))
    return *dir;
  // An installed tool finds the catalog under its own prefix, wherever
  // `cmake --install --prefix` put it.
  llvm::SmallString<256> beside(
      llvm::sys::fs::getMainExecutable(nullptr, nullptr));
  llvm::sys::path::remove_filename(beside);
  llvm::sys::path::append(beside, "..", "share", "roof", "targets");
  llvm::sys::path::remove_dots(beside, /*remove_dot_dot=*/true);
  if (llvm::sys::fs::is_directory(beside))
    return beside.str().str();
  if (llvm::sys::fs::is_directory(ROOF_INSTALL_TARGETS_DIR))
    return ROOF_INSTALL_TARGETS_DIR;
  return ROOF_SOURCE_TARGETS_DIR;
}

SmallVector<std::string> roof::listBuiltinTargets() {
  SmallVector<std::string> names;
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it(getBuiltinTargetsDir(), ec), end;
       it != end && !ec; it.increment(ec)) {
    StringRef path = it->path();
    if (llvm::sys::path::extension(path) == ".json")
      names.push_back(llvm::sys::path::stem(path).str());
  }
  llvm::sort(names);
  return names;
}

FailureOr<Target> roof::lookupTarget(StringRef nameOrPath, std::string &error) {
  if (nameOrPath.ends_with(".json"))
    return loadTargetFile(nameOrPath, error);
  SmallString<256> path(getBuiltinTargetsDir());
  llvm::sys::path::append(path, nameOrPath + ".json");
  if (!llvm::sys::fs::exists(path)) {
    error = ("unknown target '" + nameOrPath +
             "' (shipped: " + llvm::join(listBuiltinTargets(), ", ") +
             "; or give a path to a .json file)")
                .str();
    return failure();
  }
  return loadTargetFile(path, error);
}
