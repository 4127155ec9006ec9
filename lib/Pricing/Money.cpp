//===- Money.cpp - What a device's time costs -----------------------------===//

#include "roof/Pricing/Money.h"

#include "mlir/Support/LLVM.h"
#include "llvm/ADT/StringExtras.h"

#include <cmath>

using namespace mlir;
using namespace mlir::roof;

/// Seconds in a year of 365.25 days.
static constexpr double kSecondsPerYear = 365.25 * 24 * 3600;

std::optional<double> roof::getDollarsPerSecond(const Target &target,
                                                double watts,
                                                const MoneyOptions &options) {
  if (options.years <= 0) {
    std::optional<double> hourly =
        options.pricePerHour ? options.pricePerHour : target.pricePerHour;
    if (!hourly)
      return std::nullopt;
    return *hourly / 3600 / options.utilization;
  }
  std::optional<double> purchase =
      options.purchasePrice ? options.purchasePrice : target.purchasePrice;
  if (!purchase)
    return std::nullopt;
  double owning =
      *purchase / (options.years * kSecondsPerYear) / options.utilization;
  // Joules a second, in kWh, at the data center's overhead.
  double electricity = watts * options.pue / 3.6e6 * options.kwhPrice;
  return owning + electricity;
}

std::string roof::parsePriceOverrides(StringRef text, MoneyOptions &options) {
  SmallVector<StringRef> parts;
  text.split(parts, ',', -1, /*KeepEmpty=*/false);
  for (StringRef part : parts) {
    auto [key, value] = part.split(':');
    double dollars = 0;
    if ((key != "hour" && key != "purchase") ||
        value.trim().getAsDouble(dollars) || !std::isfinite(dollars) ||
        dollars < 0)
      return ("price= takes hour:USD (per device-hour, rented) and "
              "purchase:USD (per device, bought), e.g. "
              "price=hour:2.5,purchase:25000; got '" +
              part + "'")
          .str();
    (key == "hour" ? options.pricePerHour : options.purchasePrice) = dollars;
  }
  return "";
}
