//===- LinalgCostTest.cpp - Costing ops built in memory -------------------===//
//
// The library entry points (computeOpCost, analyzeFunction) on IR parsed in
// memory, without a pass.
//
//===----------------------------------------------------------------------===//

#include "roof/Roof.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Parser/Parser.h"

#include "gtest/gtest.h"

using namespace mlir;
using namespace mlir::roof;

namespace {
class LinalgCostTest : public ::testing::Test {
protected:
  LinalgCostTest() {
    DialectRegistry registry;
    registry.insert<arith::ArithDialect, func::FuncDialect,
                    linalg::LinalgDialect, scf::SCFDialect,
                    tensor::TensorDialect>();
    registerAllRoofDialects(registry);
    context.appendDialectRegistry(registry);
    context.loadAllAvailableDialects();
  }

  func::FuncOp parseFunction(StringRef source) {
    module = parseSourceString<ModuleOp>(source, &context);
    if (!module)
      return nullptr;
    return *module->getOps<func::FuncOp>().begin();
  }

  MLIRContext context;
  OwningOpRef<ModuleOp> module;
};
} // namespace

TEST_F(LinalgCostTest, MatmulThroughTheInterface) {
  func::FuncOp fn = parseFunction(R"mlir(
    func.func @mm(%a: tensor<128x256xf32>, %b: tensor<256x512xf32>,
                  %c: tensor<128x512xf32>) -> tensor<128x512xf32> {
      %0 = linalg.matmul ins(%a, %b : tensor<128x256xf32>, tensor<256x512xf32>)
                         outs(%c : tensor<128x512xf32>) -> tensor<128x512xf32>
      return %0 : tensor<128x512xf32>
    })mlir");
  ASSERT_TRUE(fn);
  Operation *matmul = &fn.getBody().front().front();

  CostOptions options;
  options.weights.paramArgs = {1};
  WeightAnalysis weights(options.weights);
  CostContext ctx(options, weights);
  OpCostRecord record = computeOpCost(matmul, ctx);
  ASSERT_TRUE(record.cost.has_value()) << record.unknownReason;
  EXPECT_EQ(record.cost->flops, 2u * 128 * 512 * 256);
  EXPECT_EQ(record.cost->bytesRead, (128u * 256 + 256 * 512 + 128 * 512) * 4);
  EXPECT_EQ(record.cost->bytesWritten, 128u * 512 * 4);
  EXPECT_EQ(record.cost->weightBytesRead, 256u * 512 * 4);
}

TEST_F(LinalgCostTest, FunctionTotalsAndUnknowns) {
  func::FuncOp fn = parseFunction(R"mlir(
    func.func @f(%x: tensor<?xf32>, %y: tensor<16xf32>) -> tensor<16xf32> {
      %0 = linalg.add ins(%x, %x : tensor<?xf32>, tensor<?xf32>)
                      outs(%x : tensor<?xf32>) -> tensor<?xf32>
      %1 = arith.addf %y, %y : tensor<16xf32>
      %2 = arith.mulf %1, %y : tensor<16xf32>
      return %2 : tensor<16xf32>
    })mlir");
  ASSERT_TRUE(fn);

  unsigned visited = 0;
  FunctionCost totals = analyzeFunction(
      fn, CostOptions(), [&](const OpCostRecord &) { ++visited; });
  EXPECT_EQ(visited, 3u);
  EXPECT_EQ(totals.opsCounted, 2u);
  EXPECT_EQ(totals.opsUnknown, 1u);
  EXPECT_EQ(totals.unknownOps.lookup("linalg.add"), 1u);
  // Two 16-element ops: 32 FLOPs, 2 x 128 bytes read, 2 x 64 written.
  EXPECT_EQ(totals.total.flops, 32u);
  EXPECT_EQ(totals.total.bytesRead, 256u);
  EXPECT_EQ(totals.total.bytesWritten, 128u);

  // Binding the dynamic dim makes the add countable: 8 more FLOPs.
  CostOptions bound;
  bound.dynamicDimSize = 8;
  FunctionCost boundTotals = analyzeFunction(fn, bound);
  EXPECT_EQ(boundTotals.opsUnknown, 0u);
  EXPECT_EQ(boundTotals.total.flops, 40u);
}

TEST_F(LinalgCostTest, ExecutionsInsideLoops) {
  func::FuncOp fn = parseFunction(R"mlir(
    func.func @loops(%x: tensor<4xf32>, %n: index) -> tensor<4xf32> {
      %c0 = arith.constant 0 : index
      %c1 = arith.constant 1 : index
      %c3 = arith.constant 3 : index
      %c4 = arith.constant 4 : index
      %a = scf.for %i = %c0 to %c4 step %c1 iter_args(%acc = %x) -> tensor<4xf32> {
        %b = scf.for %j = %c0 to %c3 step %c1 iter_args(%in = %acc) -> tensor<4xf32> {
          %s = arith.addf %in, %x : tensor<4xf32>
          scf.yield %s : tensor<4xf32>
        }
        scf.yield %b : tensor<4xf32>
      }
      %d = scf.for %k = %c0 to %n step %c1 iter_args(%acc = %a) -> tensor<4xf32> {
        %m = arith.mulf %acc, %x : tensor<4xf32>
        scf.yield %m : tensor<4xf32>
      }
      return %d : tensor<4xf32>
    })mlir");
  ASSERT_TRUE(fn);

  std::optional<uint64_t> addRuns = 0, mulRuns = 0;
  FunctionCost totals =
      analyzeFunction(fn, CostOptions(), [&](const OpCostRecord &record) {
        if (isa<arith::AddFOp>(record.op))
          addRuns = record.executions;
        if (isa<arith::MulFOp>(record.op))
          mulRuns = record.executions;
      });
  // Nested static loops multiply: 4 x 3 runs of a 4-FLOP add.
  EXPECT_EQ(addRuns, 12u);
  // The dynamic loop's body runs an unknown number of times.
  EXPECT_EQ(mulRuns, std::nullopt);
  EXPECT_EQ(totals.total.flops, 48u);
  EXPECT_EQ(totals.unknownOps.lookup("scf.for"), 1u);
}

TEST_F(LinalgCostTest, ApiOnOpsBuiltInMemory) {
  // linalg.matmul 64x32 * 32x16 in f16 into f32, built with a builder.
  OpBuilder b(&context);
  Location loc = b.getUnknownLoc();
  OwningOpRef<ModuleOp> built = ModuleOp::create(loc);
  b.setInsertionPointToEnd(built->getBody());
  Value a = tensor::EmptyOp::create(b, loc, ArrayRef<int64_t>{64, 32},
                                    b.getF16Type());
  Value w = tensor::EmptyOp::create(b, loc, ArrayRef<int64_t>{32, 16},
                                    b.getF16Type());
  Value c = tensor::EmptyOp::create(b, loc, ArrayRef<int64_t>{64, 16},
                                    b.getF32Type());
  auto matmul = linalg::MatmulOp::create(b, loc, ValueRange{a, w},
                                         ValueRange{c});

  std::string why;
  FailureOr<OpCost> cost = getOpCost(matmul, CostOptions(), &why);
  ASSERT_TRUE(succeeded(cost)) << why;
  // 2*64*16*32 FLOPs; A 64*32*2 + B 32*16*2 + C 64*16*4 bytes read.
  EXPECT_EQ(cost->flops, 65536u);
  EXPECT_EQ(cost->bytesRead, 4096u + 1024u + 4096u);
  EXPECT_EQ(cost->bytesWritten, 4096u);
  EXPECT_EQ(cost->weightBytesRead, 0u);

  // An op without a cost model says so.
  auto module = ModuleOp::create(b, loc);
  EXPECT_TRUE(failed(getOpCost(module, CostOptions(), &why)));
  EXPECT_EQ(why, "no cost model for this op");
}
