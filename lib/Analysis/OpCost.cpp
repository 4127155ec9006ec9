//===- OpCost.cpp - What one op costs -------------------------------------===//

#include "roof/Analysis/OpCost.h"

using namespace mlir::roof;

double OpCost::intensity() const { return getIntensity(flops, bytesMoved()); }

bool OpCost::overflowed() const {
  return flops == kCountOverflow || transcendentals == kCountOverflow ||
         bytesRead == kCountOverflow || bytesWritten == kCountOverflow ||
         weightBytesRead == kCountOverflow || bytesMoved() == kCountOverflow;
}

OpCost &OpCost::operator+=(const OpCost &other) {
  flops = addCounts(flops, other.flops);
  transcendentals = addCounts(transcendentals, other.transcendentals);
  bytesRead = addCounts(bytesRead, other.bytesRead);
  bytesWritten = addCounts(bytesWritten, other.bytesWritten);
  weightBytesRead = addCounts(weightBytesRead, other.weightBytesRead);
  return *this;
}

OpCost OpCost::scaled(uint64_t times) const {
  OpCost result;
  result.flops = mulCounts(flops, times);
  result.transcendentals = mulCounts(transcendentals, times);
  result.bytesRead = mulCounts(bytesRead, times);
  result.bytesWritten = mulCounts(bytesWritten, times);
  result.weightBytesRead = mulCounts(weightBytesRead, times);
  return result;
}

bool OpCost::operator==(const OpCost &other) const {
  return flops == other.flops && transcendentals == other.transcendentals &&
         bytesRead == other.bytesRead && bytesWritten == other.bytesWritten &&
         weightBytesRead == other.weightBytesRead;
}
