//===- RoofAttrs.cpp - Attributes of the roof dialect ---------------------===//
//
// Custom syntax of the cost attributes: `key = value` lists, so that an
// annotated op reads like a small table.
//
//===----------------------------------------------------------------------===//

#include "roof/Dialect/RoofDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/Format.h"

#include <cmath>

using namespace mlir;
using namespace mlir::roof;

#define GET_ATTRDEF_CLASSES
#include "roof/Dialect/RoofAttrs.cpp.inc"

// Registered here, where the attribute storage classes are complete.
void RoofDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "roof/Dialect/RoofAttrs.cpp.inc"
      >();
}

//===----------------------------------------------------------------------===//
// `key = integer` lists
//===----------------------------------------------------------------------===//

namespace {
/// One named unsigned field of an attribute's syntax.
struct Field {
  StringRef key;
  uint64_t *value;
};
} // namespace

/// Parses `key = N` for each field, in order, separated by commas. A count
/// is never negative and is below 2^64 - 1: -1 is an error, not 2^64 - 1,
/// and a count that went past is the keyword `overflow` (kCountOverflow).
static ParseResult parseFields(AsmParser &parser, ArrayRef<Field> fields) {
  for (auto [i, field] : llvm::enumerate(fields)) {
    if (i != 0 && parser.parseComma())
      return failure();
    SMLoc loc = parser.getCurrentLocation();
    APInt value;
    if (parser.parseKeyword(field.key) || parser.parseEqual())
      return failure();
    if (succeeded(parser.parseOptionalKeyword("overflow"))) {
      *field.value = kCountOverflow;
      continue;
    }
    OptionalParseResult parsed = parser.parseOptionalInteger(value);
    if (!parsed.has_value() || failed(*parsed))
      return parser.emitError(loc, "expected a count or 'overflow' for '")
             << field.key << "'";
    if (value.isNegative() || value.getActiveBits() > 64 ||
        value.getZExtValue() == kCountOverflow)
      return parser.emitError(loc, "'")
             << field.key << "' must be a count from 0 to 2^64 - 2, or "
             << "overflow";
    *field.value = value.getZExtValue();
  }
  return success();
}

static void printFields(AsmPrinter &printer,
                        ArrayRef<std::pair<StringRef, uint64_t>> fields) {
  llvm::interleaveComma(fields, printer, [&](auto field) {
    printer << field.first << " = " << formatCount(field.second);
  });
}

//===----------------------------------------------------------------------===//
// CostAttr
//===----------------------------------------------------------------------===//

LogicalResult CostAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                               uint64_t flops, uint64_t transcendentals,
                               uint64_t read, uint64_t written,
                               uint64_t weightRead) {
  if (transcendentals > flops)
    return emitError() << "transcendentals (" << transcendentals
                       << ") exceed flops (" << flops << ")";
  if (weightRead > read)
    return emitError() << "weight_read (" << weightRead << ") exceeds read ("
                       << read << ")";
  return success();
}

Attribute CostAttr::parse(AsmParser &parser, Type) {
  SMLoc loc = parser.getCurrentLocation();
  uint64_t flops, transcendentals, read, written, weightRead;
  if (parser.parseLess() ||
      parseFields(parser, {{"flops", &flops},
                           {"transcendentals", &transcendentals},
                           {"read", &read},
                           {"written", &written},
                           {"weight_read", &weightRead}}))
    return {};
  // The intensity is derived from the fields above; accept and drop it.
  if (succeeded(parser.parseOptionalComma())) {
    double ignored;
    if (parser.parseKeyword("intensity") || parser.parseEqual() ||
        (failed(parser.parseOptionalKeyword("inf")) &&
         parser.parseFloat(ignored)))
      return {};
  }
  if (parser.parseGreater())
    return {};
  return getChecked([&] { return parser.emitError(loc); }, parser.getContext(),
                    flops, transcendentals, read, written, weightRead);
}

void CostAttr::print(AsmPrinter &printer) const {
  printer << "<";
  printFields(printer, {{"flops", getFlops()},
                        {"transcendentals", getTranscendentals()},
                        {"read", getRead()},
                        {"written", getWritten()},
                        {"weight_read", getWeightRead()}});
  double intensity =
      getIntensity(getFlops(), addCounts(getRead(), getWritten()));
  printer << ", intensity = ";
  if (std::isinf(intensity))
    printer << "inf";
  else
    printer << llvm::format("%.2f", intensity);
  printer << ">";
}

//===----------------------------------------------------------------------===//
// TotalsAttr
//===----------------------------------------------------------------------===//

Attribute TotalsAttr::parse(AsmParser &parser, Type) {
  SMLoc loc = parser.getCurrentLocation();
  uint64_t flops, transcendentals, read, written, weightRead, params,
      weightBytes, ops, prepared, preparedFlops, preparedBytes, unknown;
  DictionaryAttr unknownOps;
  if (parser.parseLess() ||
      parseFields(parser, {{"flops", &flops},
                           {"transcendentals", &transcendentals},
                           {"read", &read},
                           {"written", &written},
                           {"weight_read", &weightRead},
                           {"params", &params},
                           {"weight_bytes", &weightBytes},
                           {"ops", &ops},
                           {"prepared", &prepared},
                           {"prepared_flops", &preparedFlops},
                           {"prepared_bytes", &preparedBytes},
                           {"unknown", &unknown}}) ||
      parser.parseComma() || parser.parseKeyword("unknown_ops") ||
      parser.parseEqual() || parser.parseAttribute(unknownOps) ||
      parser.parseGreater())
    return {};
  return getChecked([&] { return parser.emitError(loc); }, parser.getContext(),
                    flops, transcendentals, read, written, weightRead, params,
                    weightBytes, ops, prepared, preparedFlops, preparedBytes,
                    unknown, unknownOps);
}

LogicalResult TotalsAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                 uint64_t flops, uint64_t transcendentals,
                                 uint64_t read, uint64_t written,
                                 uint64_t weightRead, uint64_t params,
                                 uint64_t weightBytes, uint64_t ops,
                                 uint64_t prepared, uint64_t preparedFlops,
                                 uint64_t preparedBytes, uint64_t unknown,
                                 DictionaryAttr unknownOps) {
  // The same rules as #roof.cost, and unknown ops counted by name.
  if (failed(CostAttr::verify(emitError, flops, transcendentals, read, written,
                              weightRead)))
    return failure();
  if (!unknownOps)
    return emitError() << "unknown_ops must be a dictionary";
  uint64_t named = 0;
  for (NamedAttribute entry : unknownOps) {
    auto count = dyn_cast<IntegerAttr>(entry.getValue());
    if (!count || count.getValue().isNegative())
      return emitError() << "unknown_ops: '" << entry.getName().getValue()
                         << "' must map to a count";
    named += count.getValue().getZExtValue();
  }
  if (named != unknown)
    return emitError() << "unknown (" << unknown
                       << ") is not the sum of unknown_ops (" << named << ")";
  return success();
}

void TotalsAttr::print(AsmPrinter &printer) const {
  printer << "<";
  printFields(printer, {{"flops", getFlops()},
                        {"transcendentals", getTranscendentals()},
                        {"read", getRead()},
                        {"written", getWritten()},
                        {"weight_read", getWeightRead()},
                        {"params", getParams()},
                        {"weight_bytes", getWeightBytes()},
                        {"ops", getOps()},
                        {"prepared", getPrepared()},
                        {"prepared_flops", getPreparedFlops()},
                        {"prepared_bytes", getPreparedBytes()},
                        {"unknown", getUnknown()}});
  printer << ", unknown_ops = ";
  printer.printAttribute(getUnknownOps());
  printer << ">";
}
