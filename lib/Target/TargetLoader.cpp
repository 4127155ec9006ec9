//===- TargetLoader.cpp - Reading and checking target files ---------------===//

#include "roof/Target/TargetLoader.h"

#include "roof/Support/InputFile.h"
#include "roof/Support/JsonInput.h"

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
#include <limits>
#include <tuple>

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

const MemoryLevel *Target::getOnChipMemory() const {
  for (const MemoryLevel &level : llvm::reverse(levels))
    if (level.onChip)
      return &level;
  return nullptr;
}

double Target::getUsableOnChipBytes() const {
  const MemoryLevel *onChip = getOnChipMemory();
  return onChip ? onChip->getUsableBytes() : 0;
}

std::optional<double> Target::getBandwidth(const MemoryLevel &level) const {
  if (!level.bandwidth)
    return std::nullopt;
  return *level.bandwidth * bandwidthDerate;
}

std::optional<double>
Target::getWriteBandwidth(const MemoryLevel &level) const {
  if (!level.writeBandwidth)
    return getBandwidth(level);
  return *level.writeBandwidth * bandwidthDerate;
}

std::optional<double> Target::getOnChipBandwidth() const {
  const MemoryLevel *onChip = getOnChipMemory();
  if (!hasOffChipMemory() || !onChip)
    return std::nullopt;
  return getBandwidth(*onChip);
}

//===----------------------------------------------------------------------===//
// Quantities with units
//===----------------------------------------------------------------------===//

namespace {
/// What a figure measures; each kind accepts its own units.
enum class Quantity {
  Rate,
  Bytes,
  Bandwidth,
  Power,
  Time,
  Price,
  EnergyPerByte,
  EnergyPerOp
};

/// The factor of an energy unit (J, mJ, µJ, nJ, pJ, fJ).
std::optional<double> getEnergyFactor(StringRef unit) {
  return llvm::StringSwitch<std::optional<double>>(unit)
      .Case("J", 1.0)
      .Case("mJ", 1e-3)
      .Cases({"uJ", "µJ"}, 1e-6)
      .Case("nJ", 1e-9)
      .Case("pJ", 1e-12)
      .Case("fJ", 1e-15)
      .Default(std::nullopt);
}

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
  case Quantity::EnergyPerByte:
  case Quantity::EnergyPerOp: {
    auto [energy, per] = unit.split('/');
    bool perByte = kind == Quantity::EnergyPerByte;
    if (perByte ? per != "B" : per != "FLOP" && per != "OP")
      return std::nullopt;
    return getEnergyFactor(energy);
  }
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
  case Quantity::EnergyPerByte:
    return "an energy per byte (pJ/B, nJ/B, …)";
  case Quantity::EnergyPerOp:
    return "an energy per operation (pJ/FLOP, fJ/FLOP, pJ/OP, …)";
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
    // -0 is negative too: it would divide to -inf.
    if (std::signbit(number))
      return fail(field, "must not be negative, got " + numberText);
    out = number * *factor;
    if (!std::isfinite(*out))
      return fail(field, "'" + *text + "' is too large");
    // Rates and bandwidths divide work: zero, or less than one operation or
    // byte a second, would price a kernel at infinity or past any double.
    if ((kind == Quantity::Rate || kind == Quantity::Bandwidth) && *out < 1)
      return fail(field, "'" + *text +
                             "' is below one operation or byte a second; a "
                             "rate or bandwidth must be positive");
    // Energies multiply counts of up to 2^64: beyond a microjoule an
    // operation or byte (a million times any chip's) they would overflow.
    if ((kind == Quantity::EnergyPerOp || kind == Quantity::EnergyPerByte) &&
        *out > 1e-6)
      return fail(field, "'" + *text +
                             "' is above 1 uJ an operation or byte, a "
                             "million times any chip's");
    // Denormals lose precision and overflow what they divide.
    if (*out != 0 && *out < std::numeric_limits<double>::min())
      return fail(field, "'" + *text + "' is too small to compute with");
    return true;
  }

  bool fraction(const llvm::json::Object &parent, StringRef key,
                const Twine &field, double &out) {
    const llvm::json::Value *value = parent.get(key);
    if (!value)
      return true;
    // A share under 0.1 % is a broken measurement, and would scale a rate
    // towards zero.
    std::optional<double> number = value->getAsNumber();
    if (!number || !(*number >= 1e-3) || *number > 1)
      return fail(field, "must be a number in [0.001, 1]");
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

  /// A table of `kind` by dtype, `parent`'s `engine` at `prefix`.`engine`:
  /// the rates of compute.matrix, the energies of energy.vector.
  bool dtypeTable(const llvm::json::Object &parent, StringRef engine,
                  StringRef prefix, Quantity kind, bool required,
                  Target::Rates &out) {
    std::string field = (prefix + "." + engine).str();
    const llvm::json::Object *table = object(parent, engine, field, required);
    if (!table)
      return error.empty();
    for (const auto &entry : *table) {
      StringRef dtype = entry.first;
      std::string dtypeField = field + "." + dtype.str();
      std::optional<Dtype> known = knownDtype(dtype, dtypeField);
      if (!known)
        return false;
      std::optional<double> value;
      if (!quantity(*table, dtype, dtypeField, kind, value, true))
        return false;
      out[static_cast<unsigned>(*known)] = *value;
    }
    return true;
  }

  bool rates(const llvm::json::Object &compute, StringRef engine,
             Target::Rates &out) {
    return dtypeTable(compute, engine, "compute", Quantity::Rate,
                      /*required=*/true, out);
  }

  /// "energy": {"static_power": "60 W", "matrix": {"f16": "0.4 pJ/FLOP"},
  /// "vector": {"f32": "2 pJ/FLOP"}}: optional; with it, static_power is
  /// required.
  bool energy(const llvm::json::Object &top, Target &target) {
    const llvm::json::Object *table = object(top, "energy", "energy", false);
    if (!table)
      return error.empty();
    return onlyKnown(*table, "energy.", {"static_power", "matrix", "vector"}) &&
           quantity(*table, "static_power", "energy.static_power",
                    Quantity::Power, target.staticPower, true) &&
           dtypeTable(*table, "matrix", "energy", Quantity::EnergyPerOp, false,
                      target.matrixEnergy) &&
           dtypeTable(*table, "vector", "energy", Quantity::EnergyPerOp, false,
                      target.vectorEnergy);
  }

  /// One entry of memory.levels or memory.links at `field`: a name, a
  /// capacity (levels only), bandwidths, latency, energy per byte, usable
  /// share and, on the outermost level, whether it is on chip. A link's
  /// entry may also have `linkFields`, which the caller reads.
  bool level(const llvm::json::Value &value, const std::string &field,
             bool isLink, bool outermost, MemoryLevel &out,
             ArrayRef<StringRef> linkFields = {"carries"}) {
    const llvm::json::Object *entry = value.getAsObject();
    if (!entry)
      return fail(field, "must be an object");
    SmallVector<StringRef> known = {"name", "bandwidth", "write_bandwidth",
                                    "latency", "energy_per_byte"};
    if (isLink)
      known.append(linkFields.begin(), linkFields.end());
    else
      known.append({"capacity", "usable"});
    if (outermost)
      known.push_back("on_chip");
    if (!onlyKnown(*entry, field + ".", known) ||
        !string(*entry, "name", field + ".name", out.name))
      return false;
    std::optional<double> capacity;
    if ((!isLink && !quantity(*entry, "capacity", field + ".capacity",
                              Quantity::Bytes, capacity, true)) ||
        !quantity(*entry, "bandwidth", field + ".bandwidth",
                  Quantity::Bandwidth, out.bandwidth, isLink) ||
        !quantity(*entry, "write_bandwidth", field + ".write_bandwidth",
                  Quantity::Bandwidth, out.writeBandwidth, false) ||
        !quantity(*entry, "latency", field + ".latency", Quantity::Time,
                  out.latency, false) ||
        !quantity(*entry, "energy_per_byte", field + ".energy_per_byte",
                  Quantity::EnergyPerByte, out.energyPerByte, false) ||
        !fraction(*entry, "usable", field + ".usable", out.usable))
      return false;
    if (out.writeBandwidth && !out.bandwidth)
      return fail(field + ".write_bandwidth",
                  "needs bandwidth (the read bandwidth) too");
    out.capacity = capacity.value_or(0);
    if (outermost) {
      const llvm::json::Value *onChip = entry->get("on_chip");
      if (onChip && !onChip->getAsBoolean())
        return fail(field + ".on_chip", "must be true or false");
      out.onChip = onChip && *onChip->getAsBoolean();
    }
    return true;
  }

  /// "levels": [{"name": "L2", "capacity": "50 MB", "usable": 0.75},
  /// {"name": "HBM3", "capacity": "80 GB", "bandwidth": "3.35 TB/s"}],
  /// innermost first; "links": [{"name": "USB 3.0", "bandwidth":
  /// "0.5 GB/s", "carries": "weights"}].
  bool memory(const llvm::json::Object &memories, Target &target) {
    if (!onlyKnown(memories, "memory.", {"levels", "links"}))
      return false;
    const llvm::json::Value *levels = memories.get("levels");
    const llvm::json::Array *list = levels ? levels->getAsArray() : nullptr;
    if (!list || list->empty())
      return fail("memory.levels",
                  levels ? "must be a non-empty list of levels, innermost "
                           "first"
                         : "missing");
    // Residency tracks every level at every kernel: a hierarchy no chip has
    // would only cost memory.
    constexpr size_t kMaxLevels = 16;
    if (list->size() > kMaxLevels)
      return fail("memory.levels", "has " + Twine(list->size()) +
                                       " levels; at most " + Twine(kMaxLevels) +
                                       " are priced");
    for (auto [i, value] : llvm::enumerate(*list)) {
      std::string field = ("memory.levels[" + Twine(i) + "]").str();
      MemoryLevel &out = target.levels.emplace_back();
      if (!level(value, field, /*isLink=*/false, i + 1 == list->size(), out))
        return false;
      for (const MemoryLevel &inner : ArrayRef(target.levels).drop_back())
        if (inner.name == out.name)
          return fail(field + ".name",
                      "'" + out.name + "' names an inner level already");
    }
    if (!target.getBandwidth())
      return fail("memory.levels[" + Twine(list->size() - 1) + "].bandwidth",
                  "missing: the outermost level holds the model, and every "
                  "byte no inner level serves crosses it");
    const llvm::json::Value *links = memories.get("links");
    if (!links)
      return true;
    const llvm::json::Array *linkList = links->getAsArray();
    if (!linkList)
      return fail("memory.links", "must be a list of links");
    for (auto [i, value] : llvm::enumerate(*linkList)) {
      std::string field = ("memory.links[" + Twine(i) + "]").str();
      MemoryLevel link;
      if (!level(value, field, /*isLink=*/true, false, link))
        return false;
      std::string carries;
      if (!string(*value.getAsObject(), "carries", field + ".carries", carries))
        return false;
      // Host and device-to-device links are for the multi-device and
      // batch-1 views, which do not price them yet.
      if (carries != "weights")
        return fail(field + ".carries",
                    "'" + carries + "' is not priced (known: weights)");
      if (target.weightLink)
        return fail(field, "a second link carries weights");
      if (target.hasOffChipMemory())
        return fail(field, "carries weights, which is for chips without "
                           "off-chip memory; with an off-chip level, weights "
                           "stream from there");
      target.weightLink = std::move(link);
    }
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
      std::optional<KernelClass> kernelClass = parseKernelClass(name);
      if (!kernelClass)
        return fail(field, "unknown kernel class (known: " +
                               llvm::join(std::begin(kKernelClassNames),
                                          std::end(kKernelClassNames), ", ") +
                               ")");
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
      result.classes[static_cast<unsigned>(*kernelClass)] = pricing;
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
      // The name must lead, object by object, to a field of this file; in
      // a list, a key picks the entry of that name
      // ("memory.levels.HBM3.bandwidth").
      const llvm::json::Value *field = nullptr;
      const llvm::json::Value whole = llvm::json::Object(top);
      const llvm::json::Value *current = &whole;
      SmallVector<StringRef> path;
      name->split(path, '.');
      for (StringRef key : path) {
        field = nullptr;
        if (const llvm::json::Object *object = current->getAsObject())
          field = object->get(key);
        else if (const llvm::json::Array *list = current->getAsArray())
          for (const llvm::json::Value &entry : *list)
            if (const llvm::json::Object *object = entry.getAsObject())
              if (object->getString("name") == key)
                field = &entry;
        if (!field)
          break;
        current = field;
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
    if (*number != 0 && *number < std::numeric_limits<double>::min())
      return fail(field, "is too small to compute with");
    out = *number;
    return true;
  }

  /// "sources": a non-empty object: where each figure comes from.
  bool sources(const llvm::json::Object &top) {
    const llvm::json::Object *table = object(top, "sources", "sources", true);
    if (!table)
      return false;
    if (table->empty())
      return fail("sources", "must name the source of the figures");
    return true;
  }

  /// A positive whole number at `key` (at most 1e6), `fallback` when
  /// absent.
  bool count(const llvm::json::Object &parent, StringRef key, unsigned fallback,
             unsigned &out) {
    const llvm::json::Value *value = parent.get(key);
    if (!value) {
      out = fallback;
      return true;
    }
    std::optional<int64_t> number = value->getAsInteger();
    if (!number || *number <= 0 || *number > 1000000)
      return fail(key, "must be a positive whole number");
    out = static_cast<unsigned>(*number);
    return true;
  }

  /// "links": [{"name": "NVLink 4", "between": "devices", "bandwidth":
  /// "450 GB/s", "latency": "1 us", "in_switch_reduction": true}]: at most
  /// one link between the devices of a node and one between nodes, each
  /// present exactly when there is more than one of what it joins.
  bool systemLinks(const llvm::json::Object &top, System &system) {
    const llvm::json::Value *links = top.get("links");
    const llvm::json::Array *list = links ? links->getAsArray() : nullptr;
    if (links && !list)
      return fail("links", "must be a list of links");
    const llvm::json::Array none;
    for (auto [i, value] : llvm::enumerate(list ? *list : none)) {
      std::string field = ("links[" + Twine(i) + "]").str();
      Interconnect link;
      if (!level(value, field, /*isLink=*/true, false, link.link,
                 {"between", "in_switch_reduction", "torus", "wraparound"}))
        return false;
      const llvm::json::Object &entry = *value.getAsObject();
      if (!link.link.latency)
        return fail(field + ".latency",
                    "missing: a collective pays it once per step");
      std::string between;
      if (!string(entry, "between", field + ".between", between))
        return false;
      if (between != "devices" && between != "nodes")
        return fail(field + ".between",
                    "'" + between + "' is not devices or nodes");
      if (const llvm::json::Value *reduces = entry.get("in_switch_reduction")) {
        if (!reduces->getAsBoolean())
          return fail(field + ".in_switch_reduction", "must be true or false");
        link.inSwitchReduction = *reduces->getAsBoolean();
      }
      if (!torus(entry, field, between, system.devicesPerNode, link))
        return false;
      std::optional<Interconnect> &slot =
          between == "devices" ? system.nodeLink : system.networkLink;
      if (slot)
        return fail(field + ".between", "a second link between " + between);
      slot = std::move(link);
    }
    if (system.nodeLink && !system.nodeLink->torus.empty() && system.nodes > 1)
      return fail("nodes", "a torus is one slice (nodes: 1); slices joined "
                           "by a data-center network are not modelled yet");
    for (auto [joined, several, link] :
         {std::tuple{"devices", system.devicesPerNode > 1, &system.nodeLink},
          std::tuple{"nodes", system.nodes > 1, &system.networkLink}}) {
      if (several && !*link)
        return fail("links", Twine("no link between ") + joined +
                                 " (one with \"between\": \"" + joined + "\")");
      if (!several && *link)
        return fail("links", Twine("a link between ") + joined +
                                 ", but the system has one of them");
    }
    return true;
  }

  /// A link's "torus": [4, 4] and "wraparound": [false, false]: the
  /// devices of a node on a torus of those sizes (their product), each axis
  /// with or without its wraparound link. Only between devices; a
  /// switch's in-network reduction does not go with it.
  bool torus(const llvm::json::Object &entry, const std::string &field,
             StringRef between, unsigned devicesPerNode, Interconnect &link) {
    const llvm::json::Value *sizes = entry.get("torus");
    const llvm::json::Value *wraps = entry.get("wraparound");
    if (!sizes && !wraps)
      return true;
    const llvm::json::Array *sizeList = sizes ? sizes->getAsArray() : nullptr;
    const llvm::json::Array *wrapList = wraps ? wraps->getAsArray() : nullptr;
    if (!sizeList || sizeList->empty() || sizeList->size() > 3)
      return fail(field + ".torus", "must be a list of 1 to 3 axis sizes");
    if (!wrapList || wrapList->size() != sizeList->size())
      return fail(field + ".wraparound",
                  "must give true or false for each axis of the torus");
    if (between != "devices" || link.inSwitchReduction)
      return fail(field + ".torus",
                  "joins the devices of a node, without a switch (no "
                  "in_switch_reduction)");
    uint64_t devices = 1;
    for (auto [size, wrap] : llvm::zip_equal(*sizeList, *wrapList)) {
      std::optional<int64_t> axis = size.getAsInteger();
      std::optional<bool> wraps = wrap.getAsBoolean();
      if (!axis || *axis < 1 || *axis > 1000000)
        return fail(field + ".torus", "axis sizes must be positive whole "
                                      "numbers");
      if (!wraps)
        return fail(field + ".wraparound", "must be true or false per axis");
      devices *= *axis;
      link.torus.push_back(static_cast<unsigned>(*axis));
      link.wraparound.push_back(*wraps);
    }
    if (devices != devicesPerNode)
      return fail(field + ".torus", "holds " + Twine(devices) +
                                        " devices, and a node has " +
                                        Twine(devicesPerNode));
    return true;
  }

  /// A roof-system/1 file: a device (a shipped target's name, or a path to
  /// a file, relative to this one), devices per node, nodes and the links
  /// that join them.
  FailureOr<Target> readSystem(const llvm::json::Object &top) {
    // A system's device is read while this is set; a system there (itself,
    // or one naming another) would nest, and is refused.
    static thread_local bool readingDevice = false;
    if (readingDevice) {
      fail("schema", "roof-system/1 is a system, and a system's device must "
                     "be one device (roof-target/2)");
      return failure();
    }
    if (!onlyKnown(top, "",
                   {"schema", "name", "device", "devices_per_node", "nodes",
                    "links", "sources"}))
      return failure();
    std::string name, device;
    System system;
    if (!string(top, "name", "name", name) ||
        !string(top, "device", "device", device) ||
        !count(top, "devices_per_node", 1, system.devicesPerNode) ||
        !count(top, "nodes", 1, system.nodes) || !systemLinks(top, system))
      return failure();
    // A file of the user's names its device beside it, or a shipped one.
    SmallString<256> beside(file);
    llvm::sys::path::remove_filename(beside);
    llvm::sys::path::append(beside, StringRef(device).ends_with(".json")
                                        ? device
                                        : device + ".json");
    std::string deviceError;
    readingDevice = true;
    FailureOr<Target> target =
        llvm::sys::fs::exists(beside) && !llvm::sys::path::is_absolute(device)
            ? loadTargetFile(beside, deviceError)
            : lookupTarget(device, deviceError);
    readingDevice = false;
    if (failed(target)) {
      fail("device", deviceError);
      return failure();
    }
    if (!sources(top))
      return failure();
    system.deviceName = target->name;
    system.deviceFile = target->file;
    target->name = name;
    target->file = file.str();
    target->system = std::move(system);
    return target;
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
    if (schema == "roof-target/1") {
      fail("schema",
           "roof-target/1 gave two fixed memories; roof-target/2 lists them: "
           "write \"schema\": \"roof-target/2\" and replace memory.on_chip "
           "and memory.off_chip by \"levels\": [ON_CHIP, OFF_CHIP], each "
           "with the same fields and a \"name\" (an SRAM-only chip: "
           "[ON_CHIP] with \"on_chip\": true), and memory.weight_link by "
           "\"links\": [{\"name\": …, \"bandwidth\": …, \"carries\": "
           "\"weights\"}] (docs/targets.md, \"From roof-target/1\")");
      return failure();
    }
    if (schema == "roof-system/1")
      return readSystem(*top);
    if (schema != "roof-target/2") {
      fail("schema", "'" + schema +
                         "' is not supported (use roof-target/2 for a "
                         "device, roof-system/1 for devices and links)");
      return failure();
    }
    if (!onlyKnown(*top, "",
                   {"schema", "name", "kind", "compute", "memory",
                    "parallelism", "power", "derate", "launch_overhead",
                    "call_overhead", "calibration", "estimated",
                    "price_per_hour", "purchase_price", "energy", "sources"}))
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
    if (!memories || !memory(*memories, target))
      return failure();

    std::optional<double> power, launch, call, price, purchase;
    if (!quantity(*top, "power", "power", Quantity::Power, power, true) ||
        !quantity(*top, "launch_overhead", "launch_overhead", Quantity::Time,
                  launch, false) ||
        !quantity(*top, "call_overhead", "call_overhead", Quantity::Time, call,
                  false) ||
        !quantity(*top, "price_per_hour", "price_per_hour", Quantity::Price,
                  price, false) ||
        !quantity(*top, "purchase_price", "purchase_price", Quantity::Price,
                  purchase, false))
      return failure();
    target.power = *power;
    target.launchOverhead = launch.value_or(0);
    target.callOverhead = call.value_or(0);
    if (!parallelism(*top, target) || !calibration(*top, target) ||
        !estimated(*top, target) || !energy(*top, target))
      return failure();
    if (target.staticPower && *target.staticPower >= target.power) {
      fail("energy.static_power",
           "must be below power, the chip's limit: the work's own power "
           "is what is left");
      return failure();
    }
    target.pricePerHour = price;
    target.purchasePrice = purchase;

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

    if (!sources(*top))
      return failure();
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
  std::string problem;
  std::optional<llvm::json::Value> root = parseJsonDocument(json, problem);
  if (!root) {
    error = (fileName + ": (file): " + problem).str();
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
