//===- CostOpInterface.cpp - The per-op cost interface --------------------===//

#include "roof/Analysis/CostOpInterface.h"

#include "roof/Analysis/CostOpInterface.cpp.inc"
