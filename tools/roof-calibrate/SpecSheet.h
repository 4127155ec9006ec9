//===- SpecSheet.h - A target started from a spec sheet ---------*- C++ -*-===//
//
// roof-calibrate --from-spec: the headline numbers a chip's spec sheet gives
// (its INT8 and FP16 matrix rates, on-chip SRAM, DRAM and its bandwidth,
// power) made into a complete target file, every figure the sheet does not
// give guessed by a stated rule and listed under "estimated".
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_CALIBRATE_SPECSHEET_H
#define ROOF_CALIBRATE_SPECSHEET_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <string>

namespace roof::calibrate {

/// The roof-target/2 JSON for `spec`, "key=value;key=value" with the keys
/// name, kind (npu or dsp), i8, f16, sram, dram, bandwidth and power; or
/// std::nullopt with `error` naming the key at fault.
std::optional<std::string> makeSpecTarget(llvm::StringRef spec,
                                          std::string &error);

} // namespace roof::calibrate

#endif // ROOF_CALIBRATE_SPECSHEET_H
