//===- OpClassificationTest.cpp - Contractions, elementwise ops, views ----===//
//
// The one classification fusion and the report share, on IR parsed in
// memory: what is a contraction (and what only looks like one), and which
// ops a deployment prepares ahead of time.
//
//===----------------------------------------------------------------------===//

#include "roof/Analysis/OpClassification.h"
#include "roof/Analysis/WeightAnalysis.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Parser/Parser.h"

#include "gtest/gtest.h"

using namespace mlir;
using namespace mlir::roof;

namespace {
class OpClassificationTest : public ::testing::Test {
protected:
  OpClassificationTest() {
    context.loadDialect<arith::ArithDialect, func::FuncDialect,
                        linalg::LinalgDialect, tensor::TensorDialect>();
  }

  /// The ops of the first function of `source`, in order (terminator
  /// excluded); empty when it does not parse.
  SmallVector<Operation *> parseOps(StringRef source) {
    module = parseSourceString<ModuleOp>(source, &context);
    SmallVector<Operation *> ops;
    if (!module)
      return ops;
    for (Operation &op :
         (*module->getOps<func::FuncOp>().begin()).getBody().front())
      if (!op.hasTrait<OpTrait::IsTerminator>())
        ops.push_back(&op);
    return ops;
  }

  MLIRContext context;
  OwningOpRef<ModuleOp> module;
};
} // namespace

TEST_F(OpClassificationTest, Contractions) {
  SmallVector<Operation *> ops = parseOps(R"mlir(
    func.func @f(%a: tensor<4x8xf32>, %b: tensor<8x16xf32>, %c: tensor<4x16xf32>,
                 %x: tensor<1x8x8x2xf32>, %k: tensor<2x2xf32>,
                 %p: tensor<1x4x4x2xf32>, %s: tensor<4xf32>) {
      %0 = linalg.matmul ins(%a, %b : tensor<4x8xf32>, tensor<8x16xf32>)
                         outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
      %1 = linalg.pooling_nhwc_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
             ins(%x, %k : tensor<1x8x8x2xf32>, tensor<2x2xf32>)
             outs(%p : tensor<1x4x4x2xf32>) -> tensor<1x4x4x2xf32>
      %2 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i)>],
                           iterator_types = ["parallel", "reduction"]}
             ins(%a : tensor<4x8xf32>) outs(%s : tensor<4xf32>) {
      ^bb0(%v: f32, %acc: f32):
        %sq = arith.mulf %v, %v : f32
        %sum = arith.addf %acc, %sq : f32
        linalg.yield %sum : f32
      } -> tensor<4xf32>
      return
    })mlir");
  ASSERT_EQ(ops.size(), 3u);
  EXPECT_TRUE(isContraction(ops[0]));
  // Pooling has a convolution's shape but no multiply.
  EXPECT_FALSE(isContraction(ops[1]));
  // A sum of squares multiplies one input by itself: a reduction, not a
  // contraction (an RMS norm stays off the matrix engine).
  EXPECT_FALSE(isContraction(ops[2]));
  EXPECT_FALSE(isElementwise(ops[0]));
}

TEST_F(OpClassificationTest, PreparedAheadOfTime) {
  SmallVector<Operation *> ops = parseOps(R"mlir(
    func.func @f(%w: tensor<8x4xf32> {roof.param}, %x: tensor<2x8xf32>,
                 %q: tensor<8x4xi8> {roof.param}, %b: tensor<4xf32> {roof.param}) {
      %e = tensor.empty() : tensor<4x8xf32>
      %wt = linalg.transpose ins(%w : tensor<8x4xf32>) outs(%e : tensor<4x8xf32>) permutation = [1, 0]
      %e2 = tensor.empty() : tensor<2x8xf32>
      %y = linalg.transpose ins(%x : tensor<2x8xf32>) outs(%e2 : tensor<2x8xf32>) permutation = [0, 1]
      %e3 = tensor.empty() : tensor<8x4xf32>
      %dq = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>],
                            iterator_types = ["parallel", "parallel"]}
              ins(%q : tensor<8x4xi8>) outs(%e3 : tensor<8x4xf32>) {
      ^bb0(%v: i8, %o: f32):
        %f = arith.sitofp %v : i8 to f32
        linalg.yield %f : f32
      } -> tensor<8x4xf32>
      %e4 = tensor.empty() : tensor<2x4xf32>
      %big = linalg.broadcast ins(%b : tensor<4xf32>) outs(%e4 : tensor<2x4xf32>) dimensions = [0]
      return
    })mlir");
  ASSERT_EQ(ops.size(), 8u);
  WeightOptions options;
  WeightAnalysis weights(options);
  // A transpose of a parameter is prepared, and its result is a weight.
  EXPECT_TRUE(weights.isPrepared(ops[1]));
  EXPECT_TRUE(weights.isWeight(ops[1]->getResult(0)));
  // A transpose of an activation runs.
  EXPECT_FALSE(weights.isPrepared(ops[3]));
  // Widening an i8 weight runs in its consumer: the i8 weight is deployed.
  EXPECT_FALSE(weights.isPrepared(ops[5]));
  EXPECT_FALSE(weights.isWeight(ops[5]->getResult(0)));
  EXPECT_TRUE(weights.isWeight(ops[5]->getOperand(0)));
  // A broadcast bias writes more than it reads: expanded at run time, not
  // stored expanded.
  EXPECT_FALSE(weights.isPrepared(ops[7]));
  EXPECT_FALSE(weights.isWeight(ops[7]->getResult(0)));

  // As written, nothing is prepared; the transpose still forwards a weight.
  WeightOptions written;
  written.asWritten = true;
  WeightAnalysis asWritten(written);
  EXPECT_FALSE(asWritten.isPrepared(ops[1]));
  EXPECT_TRUE(asWritten.isWeight(ops[1]->getResult(0)));
}

// The classes a calibrated target prices apart, for linalg ops (TOSA's are
// named ops and map one to one).
TEST_F(OpClassificationTest, KernelClasses) {
  context.loadDialect<math::MathDialect>();
  SmallVector<Operation *> ops = parseOps(R"mlir(
    func.func @f(%a: tensor<4x8xf32>, %b: tensor<8x16xf32>, %c: tensor<4x16xf32>,
                 %x: tensor<1x8x8x2xf32>, %k: tensor<2x2xf32>,
                 %p: tensor<1x4x4x2xf32>, %w: tensor<3x3x2x4xf32>,
                 %o: tensor<1x6x6x4xf32>, %dw: tensor<3x3x2xf32>,
                 %do: tensor<1x6x6x2xf32>, %s: tensor<4xf32>) {
      %0 = linalg.matmul ins(%a, %b : tensor<4x8xf32>, tensor<8x16xf32>)
                         outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
      %1 = linalg.conv_2d_nhwc_hwcf ins(%x, %w : tensor<1x8x8x2xf32>, tensor<3x3x2x4xf32>)
             outs(%o : tensor<1x6x6x4xf32>) -> tensor<1x6x6x4xf32>
      %2 = linalg.depthwise_conv_2d_nhwc_hwc ins(%x, %dw : tensor<1x8x8x2xf32>, tensor<3x3x2xf32>)
             outs(%do : tensor<1x6x6x2xf32>) -> tensor<1x6x6x2xf32>
      %3 = linalg.pooling_nhwc_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
             ins(%x, %k : tensor<1x8x8x2xf32>, tensor<2x2xf32>)
             outs(%p : tensor<1x4x4x2xf32>) -> tensor<1x4x4x2xf32>
      %4 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>],
                           iterator_types = ["parallel"]}
             ins(%s : tensor<4xf32>) outs(%s : tensor<4xf32>) {
      ^bb0(%in: f32, %out: f32):
        %e = math.powf %in, %in : f32
        linalg.yield %e : f32
      } -> tensor<4xf32>
      %5 = linalg.add ins(%s, %s : tensor<4xf32>, tensor<4xf32>)
                      outs(%s : tensor<4xf32>) -> tensor<4xf32>
      %t = tensor.empty() : tensor<8x4xf32>
      %6 = linalg.transpose ins(%a : tensor<4x8xf32>) outs(%t : tensor<8x4xf32>) permutation = [1, 0]
      return
    }
  )mlir");
  ASSERT_EQ(ops.size(), 8u);
  EXPECT_EQ(getKernelClass(ops[0], false), KernelClass::Matmul);
  EXPECT_EQ(getKernelClass(ops[1], false), KernelClass::Conv);
  EXPECT_EQ(getKernelClass(ops[2], false), KernelClass::DepthwiseConv);
  EXPECT_EQ(getKernelClass(ops[3], false), KernelClass::Reduction);
  EXPECT_EQ(getKernelClass(ops[4], false), KernelClass::Pow);
  EXPECT_EQ(getKernelClass(ops[5], false), KernelClass::Elementwise);
  EXPECT_EQ(getKernelClass(ops[7], true), KernelClass::Movement);
}
