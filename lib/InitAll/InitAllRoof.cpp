//===- InitAllRoof.cpp - Register everything Roof provides ----------------===//

#include "roof/InitAllRoof.h"

#include "roof/CostModels/CostModels.h"
#include "roof/Dialect/RoofDialect.h"
#include "roof/Parallel/ConcatSharding.h"
#include "roof/Parallel/GatherSharding.h"
#include "roof/Parallel/ReshapeSharding.h"
#include "roof/Parallel/SoftmaxSharding.h"
#include "roof/Transforms/Passes.h"

#include "mlir/IR/DialectRegistry.h"

using namespace mlir;

void roof::registerAllRoofDialects(DialectRegistry &registry) {
  registry.insert<RoofDialect>();
  registerAllCostModels(registry);
  registerConcatShardingModel(registry);
  registerGatherShardingModel(registry);
  registerReshapeShardingModels(registry);
  registerSoftmaxShardingModel(registry);
}

void roof::registerAllRoofPasses() { registerRoofPasses(); }
