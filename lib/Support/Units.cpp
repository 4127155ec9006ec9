//===- Units.cpp - Quantities as people read them -------------------------===//

#include "roof/Support/Units.h"
#include "roof/Support/Counts.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>

using namespace mlir::roof;

/// `value` in the first of `units` (scale, name), largest scale first, whose
/// scale it reaches; the last unit otherwise.
static std::string
formatScaled(double value,
             std::initializer_list<std::pair<double, const char *>> units) {
  const std::pair<double, const char *> *chosen = units.end() - 1;
  for (const auto &unit : units)
    if (std::fabs(value) >= unit.first) {
      chosen = &unit;
      break;
    }
  std::string text;
  llvm::raw_string_ostream os(text);
  os << llvm::format("%.3f %s", value / chosen->first, chosen->second);
  return text;
}

std::string mlir::roof::formatSeconds(double seconds) {
  return formatScaled(seconds, {{1, "s"}, {1e-3, "ms"}, {1e-6, "us"}});
}

std::string mlir::roof::formatJoules(double joules) {
  return formatScaled(joules, {{1, "J"}, {1e-3, "mJ"}, {1e-6, "uJ"}});
}

std::string mlir::roof::formatMegabytes(double bytes) {
  return formatScaled(bytes, {{1e9, "GB"}, {1e6, "MB"}});
}

std::string mlir::roof::formatFlops(double flops) {
  return formatScaled(flops, {{1e15, "PFLOP"},
                              {1e12, "TFLOP"},
                              {1e9, "GFLOP"},
                              {1e6, "MFLOP"},
                              {1e3, "kFLOP"},
                              {1, "FLOP"}});
}

std::string mlir::roof::formatQuantity(double value, llvm::StringRef unit) {
  static constexpr std::pair<double, const char *> kPrefixes[] = {
      {1e15, "P"}, {1e12, "T"}, {1e9, "G"},  {1e6, "M"}, {1e3, "k"},
      {1, ""},     {1e-3, "m"}, {1e-6, "u"}, {1e-9, "n"}};
  std::string text;
  llvm::raw_string_ostream os(text);
  if (value == 0)
    return "0 " + unit.str();
  if (!std::isfinite(value)) {
    os << (std::isnan(value) ? "nan"
           : value < 0       ? "-inf"
                             : "inf")
       << " " << unit;
    return text;
  }
  // The largest prefix the value reaches once rounded to four digits.
  const auto *chosen = std::end(kPrefixes) - 1;
  for (const auto &prefix : kPrefixes)
    if (std::fabs(value) >= prefix.first * 0.99995) {
      chosen = &prefix;
      break;
    }
  double mantissa = value / chosen->first;
  int decimals = 3 - static_cast<int>(std::floor(std::log10(
                         std::max(std::fabs(mantissa), 1.0) * 1.00005)));
  if (chosen->first == 1 && mantissa == std::floor(mantissa))
    decimals = 0;
  os << llvm::format("%.*f %s%s", std::max(decimals, 0), mantissa,
                     chosen->second, unit.str().c_str());
  return text;
}

std::string mlir::roof::formatCountQuantity(uint64_t count,
                                            llvm::StringRef unit) {
  if (count == kCountOverflow)
    return "overflow";
  return formatQuantity(static_cast<double>(count), unit);
}

std::string mlir::roof::formatCountOf(uint64_t count, llvm::StringRef noun) {
  return std::to_string(count) + " " + noun.str() + (count == 1 ? "" : "s");
}
