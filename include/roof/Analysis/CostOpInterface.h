//===- CostOpInterface.h - The per-op cost interface ------------*- C++ -*-===//
//
// Declares the TableGen-generated CostOpInterface.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_ANALYSIS_COSTOPINTERFACE_H
#define ROOF_ANALYSIS_COSTOPINTERFACE_H

#include "roof/Analysis/CostContext.h"
#include "roof/Analysis/OpCost.h"

#include "mlir/IR/OpDefinition.h"

#include "roof/Analysis/CostOpInterface.h.inc"

#endif // ROOF_ANALYSIS_COSTOPINTERFACE_H
