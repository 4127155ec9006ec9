//===- Passes.h - Roof's passes ---------------------------------*- C++ -*-===//
//
// Declares the TableGen-generated passes, their options and registration.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_TRANSFORMS_PASSES_H
#define ROOF_TRANSFORMS_PASSES_H

#include "roof/Dialect/RoofDialect.h"
#include "roof/Pricing/Optimizer.h"
#include "roof/Pricing/PricingTypes.h"
#include "roof/Pricing/Recompute.h"
#include "roof/Report/ReportFormat.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Shard/IR/ShardDialect.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir::roof {

#define GEN_PASS_DECL
#include "roof/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "roof/Transforms/Passes.h.inc"

} // namespace mlir::roof

#endif // ROOF_TRANSFORMS_PASSES_H
