//===- RoofDialect.cpp - The roof dialect ---------------------------------===//
//
// Registers the dialect's attributes.
//
//===----------------------------------------------------------------------===//

#include "roof/Dialect/RoofDialect.h"

using namespace mlir;
using namespace mlir::roof;

#include "roof/Dialect/RoofOpsDialect.cpp.inc"

void RoofDialect::initialize() {
  registerAttributes();
  addOperations<
#define GET_OP_LIST
#include "roof/Dialect/RoofOps.cpp.inc"
      >();
}
