//===- LlvmCostModels.cpp - Cost of the LLVM dialect ops models hold ------===//
//
// Models exported with a runtime around them (the shared DeepSeek decode)
// take the address of a global, a name or a counter, to hand it to a host
// function: `llvm.mlir.addressof` is that address, a constant; it reads
// nothing and computes nothing.
//
//===----------------------------------------------------------------------===//

#include "roof/CostModels/CostModels.h"

#include "roof/CostModels/CommonCostModels.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/DialectRegistry.h"

using namespace mlir;
using namespace mlir::roof;

void roof::registerLlvmCostModels(DialectRegistry &registry) {
  registry.addExtension(+[](MLIRContext *context, LLVM::LLVMDialect *) {
    attachFreeOpCostModels<LLVM::AddressOfOp>(*context);
  });
}
