//===- ControlFlowCostModels.cpp - Cost of cf ops -------------------------===//
//
// `cf.assert` checks a scalar condition that the program computed anyway
// (torch-mlir exports put one after every shape check): it moves no tensor
// and does no FLOPs. Branches are terminators, which are never counted.
//
//===----------------------------------------------------------------------===//

#include "roof/CostModels/CostModels.h"

#include "roof/CostModels/CommonCostModels.h"

#include "mlir/Dialect/ControlFlow/IR/ControlFlow.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/IR/DialectRegistry.h"

using namespace mlir;
using namespace mlir::roof;

void roof::registerControlFlowCostModels(DialectRegistry &registry) {
  registry.addExtension(+[](MLIRContext *context, cf::ControlFlowDialect *) {
    attachFreeOpCostModels<cf::AssertOp>(*context);
  });
}
