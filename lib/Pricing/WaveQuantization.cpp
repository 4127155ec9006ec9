//===- WaveQuantization.cpp - A contraction's tiles on a chip's units -----===//

#include "roof/Pricing/WaveQuantization.h"

#include "roof/Analysis/OpClassification.h"

#include "mlir/Interfaces/DestinationStyleOpInterface.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>

using namespace mlir;
using namespace mlir::roof;

/// The shape of the tensor or buffer `op` computes.
static std::optional<ShapedType> getOutputType(Operation *op) {
  if (op->getNumResults() > 0)
    if (auto shaped = dyn_cast<ShapedType>(op->getResult(0).getType()))
      return shaped;
  if (auto dps = dyn_cast<DestinationStyleOpInterface>(op))
    if (dps.getNumDpsInits() > 0)
      if (auto shaped = dyn_cast<ShapedType>(dps.getDpsInits()[0].getType()))
        return shaped;
  return std::nullopt;
}

double roof::getParallelEfficiency(Operation *op, const Target &target,
                                   const CostOptions &options) {
  if (!target.matrixUnits || target.matrixTiles.empty() || !isContraction(op))
    return 1;
  std::optional<ShapedType> type = getOutputType(op);
  if (!type || !type->hasRank())
    return 1;
  // Rows: every dimension but the last; columns: the last.
  uint64_t rows = 1, columns = 1;
  ArrayRef<int64_t> shape = type->getShape();
  for (auto [i, dim] : llvm::enumerate(shape)) {
    int64_t size = dim;
    if (ShapedType::isDynamic(size)) {
      if (!options.dynamicDimSize)
        return 1;
      size = *options.dynamicDimSize;
    }
    if (size <= 0)
      return 1;
    (i + 1 == shape.size() && i > 0 ? columns : rows) *= size;
  }
  double best = 0;
  uint64_t units = target.matrixUnits;
  for (auto [tileRows, tileColumns] : target.matrixTiles) {
    uint64_t tiles = llvm::divideCeil(rows, tileRows) *
                     llvm::divideCeil(columns, tileColumns);
    uint64_t waves = llvm::divideCeil(tiles, units);
    best = std::max(best, static_cast<double>(tiles) / (waves * units));
  }
  return best;
}
