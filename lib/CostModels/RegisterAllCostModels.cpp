//===- RegisterAllCostModels.cpp - Every cost model Roof has --------------===//

#include "roof/CostModels/CostModels.h"

using namespace mlir;

void roof::registerAllCostModels(DialectRegistry &registry) {
  registerArithMathCostModels(registry);
  registerControlFlowCostModels(registry);
  registerKernelCostModel(registry);
  registerLinalgCostModels(registry);
  registerLlvmCostModels(registry);
  registerMemoryCostModels(registry);
  registerShardCostModels(registry);
  registerTensorCostModels(registry);
  registerTosaCostModels(registry);
  registerVectorCostModels(registry);
}
