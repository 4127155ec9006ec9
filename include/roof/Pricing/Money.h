//===- Money.h - What a device's time costs ---------------------*- C++ -*-===//
//
// A device's second of work in US dollars: rented (its price per hour), or
// bought (its purchase price spread over the years it serves, and the
// electricity it draws). The formulas are in docs/cost.md, "Money".
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_PRICING_MONEY_H
#define ROOF_PRICING_MONEY_H

#include "roof/Target/Target.h"

#include <optional>
#include <string>

namespace mlir::roof {

/// How a device's hours are paid for (roof-report's years=, kwh=, pue=,
/// utilization= and price=).
struct MoneyOptions {
  /// On premises: the years a purchase is spread over; 0 rents the device
  /// at its price per hour (the cloud).
  double years = 0;
  /// On premises: USD per kWh of electricity, and the data center's power
  /// usage effectiveness (its total power over the devices').
  double kwhPrice = 0;
  double pue = 1;
  /// The share of its hours a device works, in [0.001, 1]: the hours it idles
  /// are paid for too.
  double utilization = 1;
  /// Figures that replace the target's (price=hour:X,purchase:Y).
  std::optional<double> pricePerHour;
  std::optional<double> purchasePrice;
};

/// What one second of one device's work on `target` costs, in USD, while
/// it draws `watts` on average; std::nullopt when the target lacks the
/// price `options` need (a price per hour to rent, a purchase price to
/// buy).
std::optional<double> getDollarsPerSecond(const Target &target, double watts,
                                          const MoneyOptions &options);

/// Reads price=: "hour:X" and "purchase:Y" in USD, separated by commas,
/// into `options`; the problem, or "" when it reads.
std::string parsePriceOverrides(llvm::StringRef text, MoneyOptions &options);

} // namespace mlir::roof

#endif // ROOF_PRICING_MONEY_H
