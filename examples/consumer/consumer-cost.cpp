//===- consumer-cost.cpp - Asking Roof what ops cost, without a pass ------===//
//
// Parses a file and prints, for each function, the FLOPs and bytes of each
// linalg op (as a fusion or tiling heuristic would ask) and the totals.
//
//===----------------------------------------------------------------------===//

#include "roof/Roof.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;

int main(int argc, char **argv) {
  if (argc != 2) {
    llvm::errs() << "usage: consumer-cost FILE.mlir\n";
    return 2;
  }
  DialectRegistry registry;
  registry
      .insert<arith::ArithDialect, func::FuncDialect, linalg::LinalgDialect,
              math::MathDialect, tensor::TensorDialect, tosa::TosaDialect>();
  roof::registerAllRoofDialects(registry);
  MLIRContext context(registry);

  OwningOpRef<ModuleOp> module = parseSourceFile<ModuleOp>(argv[1], &context);
  if (!module)
    return 1;

  roof::CostOptions options;
  for (auto fn : module->getOps<func::FuncOp>()) {
    fn.walk([&](linalg::LinalgOp op) {
      std::string why;
      FailureOr<roof::OpCost> cost = roof::getOpCost(op, options, &why);
      llvm::outs() << op->getName() << ": ";
      if (failed(cost)) {
        llvm::outs() << "unknown (" << why << ")\n";
        return;
      }
      llvm::outs() << cost->flops << " FLOPs, " << cost->bytesMoved()
                   << " bytes\n";
    });
    roof::FunctionCost totals = roof::analyzeFunction(fn, options);
    llvm::outs() << "@" << fn.getName() << ": " << totals.total.flops
                 << " FLOPs, " << totals.total.bytesRead << " bytes read, "
                 << totals.total.bytesWritten << " bytes written, "
                 << totals.parameters.params << " parameters\n";
  }
  return 0;
}
