//===- FreeOpCostModel.h - The model of ops that cost nothing ---*- C++ -*-===//
//
// Views, reshapes, allocations and metadata queries do no arithmetic and move
// no data; several dialects attach this one model to such ops.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_COSTMODELS_FREEOPCOSTMODEL_H
#define ROOF_COSTMODELS_FREEOPCOSTMODEL_H

#include "roof/Analysis/CostOpInterface.h"

#include "mlir/IR/MLIRContext.h"

namespace mlir::roof {

template <typename OpTy>
struct FreeOpCostModel
    : public CostOpInterface::ExternalModel<FreeOpCostModel<OpTy>, OpTy> {
  FailureOr<OpCost> getCost(Operation *, CostContext &) const {
    return OpCost();
  }
};

/// Attaches FreeOpCostModel to each of `OpTys`.
template <typename... OpTys>
void attachFreeOpCostModels(MLIRContext &context) {
  (OpTys::template attachInterface<FreeOpCostModel<OpTys>>(context), ...);
}

} // namespace mlir::roof

#endif // ROOF_COSTMODELS_FREEOPCOSTMODEL_H
