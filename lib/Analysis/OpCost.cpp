//===- OpCost.cpp - What one op costs -------------------------------------===//

#include "roof/Analysis/OpCost.h"

#include <limits>

using namespace mlir::roof;

double OpCost::intensity() const {
  uint64_t bytes = bytesMoved();
  if (bytes == 0)
    return flops == 0 ? 0.0 : std::numeric_limits<double>::infinity();
  return static_cast<double>(flops) / static_cast<double>(bytes);
}

OpCost &OpCost::operator+=(const OpCost &other) {
  flops += other.flops;
  transcendentals += other.transcendentals;
  bytesRead += other.bytesRead;
  bytesWritten += other.bytesWritten;
  weightBytesRead += other.weightBytesRead;
  return *this;
}

OpCost OpCost::scaled(uint64_t times) const {
  OpCost result;
  result.flops = flops * times;
  result.transcendentals = transcendentals * times;
  result.bytesRead = bytesRead * times;
  result.bytesWritten = bytesWritten * times;
  result.weightBytesRead = weightBytesRead * times;
  return result;
}

bool OpCost::operator==(const OpCost &other) const {
  return flops == other.flops && transcendentals == other.transcendentals &&
         bytesRead == other.bytesRead && bytesWritten == other.bytesWritten &&
         weightBytesRead == other.weightBytesRead;
}
