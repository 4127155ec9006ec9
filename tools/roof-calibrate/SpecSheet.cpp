//===- SpecSheet.cpp - A target started from a spec sheet -----------------===//

#include "SpecSheet.h"

#include "roof/Support/Units.h"
#include "roof/Target/TargetLoader.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

using namespace roof::calibrate;
namespace json = llvm::json;
using llvm::StringRef;
using mlir::roof::formatQuantity;

namespace {
/// The keys --from-spec reads, in the order its usage lists them.
constexpr const char *kKeys[] = {"name", "kind", "i8",        "f16",
                                 "sram", "dram", "bandwidth", "power"};

/// Vector rates guessed from the matrix INT8 rate: the ratios the shipped
/// NPU files' own estimates use (Apple M4 ANE 38 TOP/s -> 1.188; TI TDA4VM
/// 8 -> 0.256: 1/32), and per lane width below them.
constexpr double kVectorPerMatrixI8 = 1.0 / 32;
} // namespace

std::optional<std::string> roof::calibrate::makeSpecTarget(StringRef spec,
                                                           std::string &error) {
  llvm::StringMap<std::string> given;
  llvm::SmallVector<StringRef> fields;
  spec.split(fields, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (StringRef field : fields) {
    auto [key, value] = field.split('=');
    key = key.trim();
    value = value.trim();
    if (!llvm::is_contained(kKeys, key) || value.empty()) {
      error = ("'" + field.trim() +
               "' is not key=value with a key of name, kind, i8, f16, sram, "
               "dram, bandwidth, power")
                  .str();
      return std::nullopt;
    }
    std::string text = value.str();
    // Spec sheets write rates as TOPS and TFLOPS.
    if (StringRef(text).ends_with("OPS"))
      text = text.substr(0, text.size() - 1) + "/s";
    given[key] = text;
  }
  for (const char *key : {"name", "dram", "bandwidth", "power"})
    if (!given.count(key)) {
      error = (llvm::Twine("the spec needs ") + key +
               "= (name, dram, bandwidth and power, and i8= or f16=)")
                  .str();
      return std::nullopt;
    }
  if (!given.count("i8") && !given.count("f16")) {
    error = "the spec needs a matrix rate: i8= (TOP/s) or f16= (TFLOP/s)";
    return std::nullopt;
  }
  std::string kind = given.lookup("kind");
  if (kind.empty())
    kind = "npu";
  if (kind != "npu" && kind != "dsp") {
    error = "kind= must be npu or dsp (a GPU's file gives its units and "
            "tiles; start from a shipped one)";
    return std::nullopt;
  }

  // The given figures, as a target, checked by the loader; their rates
  // are then read back in SI units.
  json::Object matrix;
  for (const char *dtype : {"i8", "f16"})
    if (given.count(dtype))
      matrix[dtype] = given.lookup(dtype);
  json::Array levels;
  if (given.count("sram"))
    levels.push_back(
        json::Object{{"name", "SRAM"}, {"capacity", given.lookup("sram")}});
  levels.push_back(json::Object{{"name", "DRAM"},
                                {"capacity", given.lookup("dram")},
                                {"bandwidth", given.lookup("bandwidth")}});
  json::Object target{{"schema", "roof-target/2"},
                      {"name", given.lookup("name")},
                      {"kind", kind},
                      {"compute", json::Object{{"matrix", std::move(matrix)},
                                               {"vector", json::Object{}}}},
                      {"memory", json::Object{{"levels", std::move(levels)}}},
                      {"power", given.lookup("power")},
                      {"sources", json::Object{{"compute", "spec sheet"}}}};
  std::string text = llvm::formatv("{0}", json::Value(json::Object(target)));
  llvm::FailureOr<mlir::roof::Target> parsed =
      mlir::roof::parseTarget(text, "the spec", error);
  if (failed(parsed))
    return std::nullopt;
  using mlir::roof::Dtype;
  using mlir::roof::Engine;
  std::optional<double> i8 = parsed->getRate(Engine::Matrix, Dtype::I8);
  std::optional<double> f16 = parsed->getRate(Engine::Matrix, Dtype::F16);

  // What the sheet does not give, each by its rule.
  json::Array estimated;
  json::Object *compute = target.getObject("compute");
  json::Object *rates = compute->getObject("matrix");
  if (!f16) {
    f16 = *i8 / 2;
    (*rates)["f16"] = formatQuantity(*f16, "FLOP/s");
    estimated.push_back("compute.matrix.f16");
  }
  if (!i8) {
    i8 = *f16 * 2;
    (*rates)["i8"] = formatQuantity(*i8, "OP/s");
    estimated.push_back("compute.matrix.i8");
  }
  double vectorI8 = *i8 * kVectorPerMatrixI8;
  (*compute)["vector"] =
      json::Object{{"i8", formatQuantity(vectorI8, "OP/s")},
                   {"f16", formatQuantity(vectorI8 / 2, "FLOP/s")},
                   {"f32", formatQuantity(vectorI8 / 4, "FLOP/s")},
                   {"i32", formatQuantity(vectorI8 / 4, "OP/s")},
                   {"i64", formatQuantity(vectorI8 / 8, "OP/s")}};
  estimated.push_back("compute.vector");
  target["estimated"] = std::move(estimated);
  std::string givenRates = given.count("i8") && given.count("f16")
                               ? "i8 and f16"
                           : given.count("i8") ? "i8"
                                               : "f16";
  std::string memory = "spec sheet: ";
  if (given.count("sram"))
    memory += "on-chip SRAM (no bandwidth given: bytes served there take no "
              "time, a bound), ";
  memory += "DRAM capacity and bandwidth as given, not derated";
  json::Object why;
  why["compute"] = "spec sheet: the matrix " + givenRates +
                   " rate as given; a missing one is half (f16) or twice "
                   "(i8) the other, as NPUs run FP16 at half their INT8 "
                   "rate (ESTIMATE)";
  why["compute.vector"] =
      "ESTIMATE, no spec sheet gives it: vector i8 is 1/32 of the matrix i8 "
      "rate (the ratio of the shipped Apple M4 ANE and TI TDA4VM "
      "estimates), f16 half of it, f32 and i32 a quarter, i64 an eighth "
      "(lanes of 8, 16, 32 and 64 bits); measure it and replace";
  why["memory"] = memory;
  why["power"] = "spec sheet, as given";
  why["call_overhead"] =
      "none given: no per-call or per-kernel overhead is assumed, so "
      "latencies stay lower bounds; roof-calibrate --fit fits one to "
      "measurements (docs/targets.md)";
  target["sources"] = std::move(why);
  text = llvm::formatv("{0:2}", json::Value(std::move(target)));
  if (failed(mlir::roof::parseTarget(text, "the spec", error)))
    return std::nullopt;
  return text + "\n";
}
