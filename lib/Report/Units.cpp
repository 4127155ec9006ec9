//===- Units.cpp - Quantities as the text reports print them --------------===//

#include "roof/Report/Units.h"

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

std::string mlir::roof::formatCountOf(uint64_t count, llvm::StringRef noun) {
  return std::to_string(count) + " " + noun.str() + (count == 1 ? "" : "s");
}
