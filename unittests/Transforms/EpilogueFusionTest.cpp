//===- EpilogueFusionTest.cpp - Fusion's rules through the public API -----===//
//
// Another pipeline asks fusion's legality predicates and forms a kernel
// through its own rewriter, whose listener sees every change.
//
//===----------------------------------------------------------------------===//

#include "roof/Transforms/EpilogueFusion.h"

#include "roof/InitAllRoof.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"

#include "gtest/gtest.h"

using namespace mlir;
using namespace mlir::roof;

namespace {
/// Counts the ops a rewrite creates and moves.
struct CountingListener : public RewriterBase::Listener {
  void notifyOperationInserted(Operation *op,
                               OpBuilder::InsertPoint previous) override {
    if (previous.isSet())
      ++moved;
    else
      ++created;
  }
  unsigned created = 0, moved = 0;
};
} // namespace

TEST(EpilogueFusion, PredicatesAndRewrite) {
  DialectRegistry registry;
  registry.insert<arith::ArithDialect, func::FuncDialect, linalg::LinalgDialect,
                  tensor::TensorDialect>();
  registerAllRoofDialects(registry);
  MLIRContext context(registry);
  context.loadAllAvailableDialects();
  OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(R"mlir(
    func.func @f(%x: tensor<8x4xf32>, %w: tensor<4x16xf32>,
                 %res: tensor<1x8x16xf32>) -> tensor<1x8x16xf32> {
      %zero = arith.constant dense<0.0> : tensor<8x16xf32>
      %mm = linalg.matmul ins(%x, %w : tensor<8x4xf32>, tensor<4x16xf32>)
                          outs(%zero : tensor<8x16xf32>) -> tensor<8x16xf32>
      %r = tensor.expand_shape %mm [[0, 1], [2]] output_shape [1, 8, 16]
           : tensor<8x16xf32> into tensor<1x8x16xf32>
      %e = tensor.empty() : tensor<1x8x16xf32>
      %sum = linalg.add ins(%res, %r : tensor<1x8x16xf32>, tensor<1x8x16xf32>)
                        outs(%e : tensor<1x8x16xf32>) -> tensor<1x8x16xf32>
      return %sum : tensor<1x8x16xf32>
    })mlir",
                                                             &context);
  ASSERT_TRUE(module);
  auto fn = *module->getOps<func::FuncOp>().begin();
  SmallVector<Operation *> ops;
  for (Operation &op : fn.getBody().front())
    ops.push_back(&op);
  Operation *zero = ops[0], *matmul = ops[1], *reshape = ops[2], *add = ops[4];

  EXPECT_TRUE(isFusionRoot(matmul));
  EXPECT_FALSE(isFusionRoot(add));
  EXPECT_TRUE(isAccumulatorInit(zero));
  EXPECT_TRUE(isEpilogueReshape(reshape));
  EXPECT_TRUE(isFusableConsumer(add, reshape->getResult(0)));
  EXPECT_FALSE(isFusableConsumer(add, matmul->getResult(0)));
  EXPECT_EQ(growEpilogue(matmul), (SmallVector<Operation *>{reshape, add}));

  WeightAnalysis weights{WeightOptions()};
  CountingListener listener;
  IRRewriter rewriter(&context, &listener);
  FailureOr<KernelOp> kernel = fuseIntoKernel(rewriter, matmul, weights);
  ASSERT_TRUE(succeeded(kernel));
  // The kernel and its yield are created; the constant, the matmul, the
  // reshape and the add move into it.
  EXPECT_EQ(listener.created, 2u);
  EXPECT_EQ(listener.moved, 4u);
  EXPECT_EQ(kernel->getBody().front().getOperations().size(), 5u);
  EXPECT_TRUE(succeeded(verify(*module)));
  // A root already inside a kernel has nothing left to join.
  EXPECT_TRUE(failed(fuseIntoKernel(rewriter, matmul, weights)));
}
