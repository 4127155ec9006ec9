//===- RooflineTest.cpp - Targets and kernel times through the API --------===//

#include "roof/Roof.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/DialectRegistry.h"

#include "gtest/gtest.h"

using namespace mlir;
using namespace mlir::roof;

static constexpr llvm::StringLiteral kTarget = R"json({
  "schema": "roof-target/1", "name": "Test chip", "kind": "npu",
  "compute": {"matrix": {"f16": "100 TFLOP/s"}, "vector": {"f32": "1 TFLOP/s"}},
  "memory": {"off_chip": {"capacity": "1 GiB", "bandwidth": "2 TB/s"}},
  "power": "50 W", "derate": {"compute": 0.5},
  "launch_overhead": "1 us", "sources": {"all": "a test"}
})json";

TEST(Target, ParsesUnits) {
  std::string error;
  FailureOr<Target> target = parseTarget(kTarget, "test.json", error);
  ASSERT_TRUE(succeeded(target)) << error;
  EXPECT_EQ(target->kind, "npu");
  // 100 TFLOP/s derated by 0.5.
  EXPECT_DOUBLE_EQ(*target->getRate(Engine::Matrix, "f16"), 50e12);
  EXPECT_FALSE(target->getRate(Engine::Matrix, "bf16").has_value());
  EXPECT_DOUBLE_EQ(target->offChip.capacity, 1024.0 * 1024 * 1024);
  EXPECT_DOUBLE_EQ(*target->getBandwidth(), 2e12);
  EXPECT_DOUBLE_EQ(target->launchOverhead, 1e-6);
  EXPECT_DOUBLE_EQ(target->power, 50);
}

TEST(Target, ErrorsNameFileFieldProblem) {
  std::string error;
  std::string bad = kTarget.str();
  bad.replace(bad.find("\"2 TB/s\""), 8, "\"2 TB\"");
  EXPECT_TRUE(failed(parseTarget(bad, "bad.json", error)));
  EXPECT_EQ(error, "bad.json: memory.off_chip.bandwidth: unit 'TB' is not a "
                   "bandwidth (B/s, GB/s, TB/s, GiB/s, …)");
}

TEST(Target, ShippedCatalogLoads) {
  SmallVector<std::string> names = listBuiltinTargets();
  EXPECT_EQ(names.size(), 14u);
  for (const std::string &name : names) {
    std::string error;
    EXPECT_TRUE(succeeded(lookupTarget(name, error))) << error;
  }
}

TEST(Roofline, PricesAKernelBuiltInMemory) {
  MLIRContext context;
  DialectRegistry registry;
  registry.insert<func::FuncDialect, linalg::LinalgDialect,
                  tensor::TensorDialect>();
  registerAllRoofDialects(registry);
  context.appendDialectRegistry(registry);
  context.loadAllAvailableDialects();

  // matmul 256x256x256 in f16: 2*256^3 = 33554432 FLOPs; bytes 3 * 256*256*2
  // read (A, B, C) + 256*256*2 written = 524288.
  OpBuilder b(&context);
  Location loc = b.getUnknownLoc();
  OwningOpRef<ModuleOp> module = ModuleOp::create(loc);
  b.setInsertionPointToEnd(module->getBody());
  auto empty = [&] {
    return tensor::EmptyOp::create(b, loc, ArrayRef<int64_t>{256, 256},
                                   b.getF16Type());
  };
  Value x = empty(), y = empty(), acc = empty();
  auto matmul =
      linalg::MatmulOp::create(b, loc, ValueRange{x, y}, ValueRange{acc});

  std::string error;
  FailureOr<Target> target = parseTarget(kTarget, "test.json", error);
  ASSERT_TRUE(succeeded(target)) << error;
  FailureOr<OpCost> cost = getOpCost(matmul);
  ASSERT_TRUE(succeeded(cost));
  KernelTime kernel = priceKernel(matmul, *cost, *target, RooflineOptions());
  EXPECT_EQ(kernel.engine, Engine::Matrix);
  EXPECT_EQ(kernel.dtype, "f16");
  // 33554432 / 50e12 s = 0.67108864 us; 524288 / 2e12 s = 0.262144 us.
  EXPECT_DOUBLE_EQ(kernel.computeSeconds, 33554432 / 50e12);
  EXPECT_DOUBLE_EQ(kernel.memorySeconds, 524288 / 2e12);
  EXPECT_TRUE(kernel.isComputeBound());
  // Plus the 1 us launch overhead.
  EXPECT_DOUBLE_EQ(kernel.seconds, 33554432 / 50e12 + 1e-6);
}
