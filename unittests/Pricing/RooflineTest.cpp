//===- RooflineTest.cpp - Targets and kernel times through the API --------===//
//
// Target files, kernel prices, wave quantization and on-chip residency,
// through the public API on IR built or parsed in memory.
//
//===----------------------------------------------------------------------===//

#include "roof/Roof.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Parser/Parser.h"

#include "gtest/gtest.h"

using namespace mlir;
using namespace mlir::roof;

static constexpr llvm::StringLiteral kTarget = R"json({
  "schema": "roof-target/2", "name": "Test chip", "kind": "npu",
  "compute": {"matrix": {"f16": "100 TFLOP/s"}, "vector": {"f32": "1 TFLOP/s"}},
  "memory": {"levels": [{"name": "DRAM", "capacity": "1 GiB",
                         "bandwidth": "2 TB/s"}]},
  "power": "50 W", "derate": {"compute": 0.5},
  "launch_overhead": "1 us", "sources": {"all": "a test"}
})json";

TEST(Target, ParsesUnits) {
  std::string error;
  FailureOr<Target> target = parseTarget(kTarget, "test.json", error);
  ASSERT_TRUE(succeeded(target)) << error;
  EXPECT_EQ(target->kind, "npu");
  // 100 TFLOP/s derated by 0.5.
  EXPECT_DOUBLE_EQ(*target->getRate(Engine::Matrix, Dtype::F16), 50e12);
  EXPECT_FALSE(target->getRate(Engine::Matrix, Dtype::BF16).has_value());
  ASSERT_EQ(target->levels.size(), 1u);
  EXPECT_EQ(target->getMainMemory().name, "DRAM");
  EXPECT_FALSE(target->getMainMemory().onChip);
  EXPECT_DOUBLE_EQ(target->getMainMemory().capacity, 1024.0 * 1024 * 1024);
  EXPECT_DOUBLE_EQ(*target->getBandwidth(), 2e12);
  EXPECT_DOUBLE_EQ(target->launchOverhead, 1e-6);
  EXPECT_DOUBLE_EQ(target->power, 50);
}

/// The error of parsing kTarget, as "bad.json", with its off-chip
/// bandwidth written `bandwidth`, which must fail.
static std::string getBandwidthError(StringRef bandwidth) {
  std::string error;
  std::string bad = kTarget.str();
  bad.replace(bad.find("\"2 TB/s\""), 8, "\"" + bandwidth.str() + "\"");
  EXPECT_TRUE(failed(parseTarget(bad, "bad.json", error)));
  return error;
}

TEST(Target, ErrorsNameFileFieldProblem) {
  EXPECT_EQ(getBandwidthError("2 TB"),
            "bad.json: memory.levels[0].bandwidth: unit 'TB' is not a "
            "bandwidth (B/s, GB/s, TB/s, GiB/s, …)");
}

// The dtype names targets, policies and reports use, and their widths.
TEST(Dtype, NamesAndBits) {
  for (Dtype dtype : kDtypes)
    EXPECT_EQ(parseDtype(getDtypeName(dtype)), dtype);
  EXPECT_FALSE(parseDtype("i16").has_value());
  EXPECT_EQ(getDtypeBits(Dtype::I64), 64u);
  EXPECT_TRUE(isIntegerDtype(Dtype::I32));
  EXPECT_EQ(getDtypeBits(Dtype::TF32), 32u);
  EXPECT_EQ(getDtypeBits(Dtype::BF16), 16u);
  EXPECT_EQ(getDtypeBits(Dtype::I4), 4u);
  EXPECT_TRUE(isIntegerDtype(Dtype::I8));
  EXPECT_FALSE(isIntegerDtype(Dtype::F8));
}

TEST(Target, NonFiniteFiguresAreNamed) {
  EXPECT_EQ(getBandwidthError("nan TB/s"),
            "bad.json: memory.levels[0].bandwidth: must be a finite "
            "number, got nan");
}

TEST(Target, ShippedCatalogLoads) {
  SmallVector<std::string> names = listBuiltinTargets();
  EXPECT_EQ(names.size(), 29u);
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
  KernelTime kernel =
      priceKernel(getKernelFacts(matmul, *cost, RooflineOptions()), *target,
                  RooflineOptions());
  EXPECT_EQ(kernel.engine, Engine::Matrix);
  EXPECT_EQ(kernel.dtype, "f16");
  // 33554432 / 50e12 s = 0.67108864 us; 524288 / 2e12 s = 0.262144 us.
  EXPECT_DOUBLE_EQ(kernel.computeSeconds, 33554432 / 50e12);
  EXPECT_DOUBLE_EQ(kernel.memorySeconds, 524288 / 2e12);
  EXPECT_TRUE(kernel.isComputeBound());
  // Plus the 1 us launch overhead.
  EXPECT_DOUBLE_EQ(kernel.seconds, 33554432 / 50e12 + 1e-6);
}

static constexpr llvm::StringLiteral kTiledTarget = R"json({
  "schema": "roof-target/2", "name": "Tiled chip", "kind": "gpu",
  "compute": {"matrix": {"f32": "100 TFLOP/s"}, "vector": {"f32": "10 TFLOP/s"}},
  "memory": {"levels": [{"name": "L2", "capacity": "1 MB", "usable": 0.5,
                         "bandwidth": "4 TB/s"},
                        {"name": "DRAM", "capacity": "1 GB",
                         "bandwidth": "1 TB/s"}]},
  "parallelism": {"units": 4, "tiles": ["128x128", "64x256"]},
  "power": "50 W", "derate": {"bandwidth": 0.5},
  "call_overhead": "20 us", "sources": {"all": "a test"}
})json";

TEST(Target, ParsesOnChipParallelismAndCallOverhead) {
  std::string error;
  FailureOr<Target> target = parseTarget(kTiledTarget, "tiled.json", error);
  ASSERT_TRUE(succeeded(target)) << error;
  ASSERT_EQ(target->levels.size(), 2u);
  EXPECT_DOUBLE_EQ(target->levels[0].usable, 0.5);
  EXPECT_DOUBLE_EQ(target->getUsableOnChipBytes(), 0.5e6);
  EXPECT_EQ(target->getCacheLevels().size(), 1u);
  // 4 TB/s derated by the bandwidth derate, 0.5.
  EXPECT_DOUBLE_EQ(*target->getOnChipBandwidth(), 2e12);
  EXPECT_EQ(target->matrixUnits, 4u);
  ASSERT_EQ(target->matrixTiles.size(), 2u);
  EXPECT_EQ(target->matrixTiles[1], std::make_pair(64u, 256u));
  EXPECT_DOUBLE_EQ(target->callOverhead, 20e-6);
  // Without off-chip memory the on-chip level is the memory, not a second
  // one.
  std::string sramOnly = kTiledTarget.str();
  StringRef offChip = R"(},
                        {"name": "DRAM", "capacity": "1 GB",
                         "bandwidth": "1 TB/s"})";
  size_t at = sramOnly.find(offChip);
  ASSERT_NE(at, std::string::npos);
  sramOnly.replace(at, offChip.size(), R"(, "on_chip": true})");
  target = parseTarget(sramOnly, "sram.json", error);
  ASSERT_TRUE(succeeded(target)) << error;
  EXPECT_FALSE(target->hasOffChipMemory());
  EXPECT_TRUE(target->getCacheLevels().empty());
  EXPECT_FALSE(target->getOnChipBandwidth().has_value());
  EXPECT_DOUBLE_EQ(*target->getBandwidth(), 2e12);
}

namespace {
class ReportOnIrTest : public ::testing::Test {
protected:
  ReportOnIrTest() {
    DialectRegistry registry;
    registry.insert<func::FuncDialect, linalg::LinalgDialect,
                    tensor::TensorDialect>();
    registerAllRoofDialects(registry);
    context.appendDialectRegistry(registry);
    context.loadAllAvailableDialects();
    std::string error;
    FailureOr<Target> parsed = parseTarget(kTiledTarget, "tiled.json", error);
    EXPECT_TRUE(succeeded(parsed)) << error;
    target = *parsed;
  }

  func::FuncOp parseFunction(StringRef source) {
    module = parseSourceString<ModuleOp>(source, &context);
    return module ? *module->getOps<func::FuncOp>().begin() : func::FuncOp();
  }

  MLIRContext context;
  OwningOpRef<ModuleOp> module;
  Target target;
};
} // namespace

TEST_F(ReportOnIrTest, WaveQuantization) {
  func::FuncOp fn = parseFunction(R"mlir(
    func.func @f(%a: tensor<128x64xf32>, %b: tensor<64x640xf32>,
                 %c: tensor<128x640xf32>, %d: tensor<512x64xf32>,
                 %e: tensor<512x640xf32>) {
      %0 = linalg.matmul ins(%a, %b : tensor<128x64xf32>, tensor<64x640xf32>)
                         outs(%c : tensor<128x640xf32>) -> tensor<128x640xf32>
      %1 = linalg.matmul ins(%d, %b : tensor<512x64xf32>, tensor<64x640xf32>)
                         outs(%e : tensor<512x640xf32>) -> tensor<512x640xf32>
      %2 = linalg.exp ins(%c : tensor<128x640xf32>)
                      outs(%c : tensor<128x640xf32>) -> tensor<128x640xf32>
      return
    })mlir");
  ASSERT_TRUE(fn);
  auto ops = fn.getBody().front().without_terminator();
  SmallVector<Operation *> list =
      llvm::to_vector(llvm::map_range(ops, [](Operation &op) { return &op; }));
  // 128x640: 1 x 5 tiles of 128x128 (5 / 8 of two waves of 4) or 2 x 3 of
  // 64x256 (6 / 8): the best is 0.75.
  EXPECT_DOUBLE_EQ(getParallelEfficiency(list[0], target, CostOptions()), 0.75);
  // 512x640: 4 x 5 = 20 tiles of 128x128, five full waves.
  EXPECT_DOUBLE_EQ(getParallelEfficiency(list[1], target, CostOptions()), 1.0);
  // Not a contraction.
  EXPECT_DOUBLE_EQ(getParallelEfficiency(list[2], target, CostOptions()), 1.0);
}

TEST_F(ReportOnIrTest, IntermediatesStayOnChipWhileTheyFit) {
  // Two 128 KiB intermediates (a, then b) in 0.5 MB usable: both stay; the
  // 1 MiB c does not fit and goes off chip.
  func::FuncOp fn = parseFunction(R"mlir(
    func.func @f(%x: tensor<32768xf32>, %y: tensor<262144xf32>)
        -> (tensor<32768xf32>, tensor<262144xf32>) {
      %a = linalg.exp ins(%x : tensor<32768xf32>)
                      outs(%x : tensor<32768xf32>) -> tensor<32768xf32>
      %b = linalg.exp ins(%a : tensor<32768xf32>)
                      outs(%x : tensor<32768xf32>) -> tensor<32768xf32>
      %r = linalg.exp ins(%b : tensor<32768xf32>)
                      outs(%x : tensor<32768xf32>) -> tensor<32768xf32>
      %c = linalg.exp ins(%y : tensor<262144xf32>)
                      outs(%y : tensor<262144xf32>) -> tensor<262144xf32>
      %s = linalg.exp ins(%c : tensor<262144xf32>)
                      outs(%y : tensor<262144xf32>) -> tensor<262144xf32>
      return %r, %s : tensor<32768xf32>, tensor<262144xf32>
    })mlir");
  ASSERT_TRUE(fn);
  FunctionRoofline r = evaluateRoofline(fn, target, RooflineOptions());
  ASSERT_EQ(r.kernels.size(), 5u);
  constexpr uint64_t kSmall = 32768 * 4;
  // Each exp reads its input and its init (the same tensor, counted once per
  // operand) and writes its result; on chip: a written, a read, b written, b
  // read.
  EXPECT_EQ(r.kernels[0].onChipBytes, kSmall);
  EXPECT_EQ(r.kernels[1].onChipBytes, 2 * kSmall);
  EXPECT_EQ(r.kernels[2].onChipBytes, kSmall);
  EXPECT_EQ(r.kernels[3].onChipBytes, 0u);
  EXPECT_EQ(r.kernels[4].onChipBytes, 0u);
  EXPECT_EQ(r.onChipBytes, 4 * kSmall);
  EXPECT_EQ(r.summary.peakOnChipBytes, 2 * kSmall);
  ASSERT_EQ(r.summary.levels.size(), 2u);
  EXPECT_EQ(r.summary.levels[0].bytes, 4 * kSmall);
  EXPECT_EQ(r.summary.levels[0].peakHeldBytes, 2 * kSmall);
  EXPECT_EQ(r.summary.levels[1].bytes,
            r.totals.total.bytesMoved() - 4 * kSmall);
  // k1 moves its bytes at max(off-chip / 0.5 TB/s, all / 2 TB/s).
  const KernelTime &k1 = r.kernels[1];
  EXPECT_DOUBLE_EQ(k1.memorySeconds, std::max(k1.offChipBytes() / 0.5e12,
                                              k1.cost.bytesMoved() / 2e12));
  EXPECT_LT(r.latencySeconds, r.latencyCompulsorySeconds);
  // The call overhead is paid once.
  double kernels = 0;
  for (const KernelTime &kernel : r.kernels)
    kernels += kernel.seconds;
  EXPECT_DOUBLE_EQ(r.latencySeconds, kernels + 20e-6);
}

/// An SRAM-only chip whose weights beyond 1 MB stream over a 1 GB/s link.
static std::string linkTarget(StringRef capacity) {
  return (R"json({
  "schema": "roof-target/2", "name": "Link chip", "kind": "npu",
  "compute": {"matrix": {"f32": "100 TFLOP/s"}, "vector": {"f32": "1 TFLOP/s"}},
  "memory": {"levels": [{"name": "SRAM", "capacity": ")json" +
          capacity + R"json(", "bandwidth": "1 TB/s", "on_chip": true}],
             "links": [{"name": "Test link", "bandwidth": "1 GB/s",
                        "carries": "weights"}]},
  "power": "1 W", "sources": {"all": "a test"}
})json")
      .str();
}

TEST_F(ReportOnIrTest, WeightsStreamOverTheLinkPastOnChipCapacity) {
  // Three matmuls 1x400x400, each reading a 640000-B parameter.
  func::FuncOp fn = parseFunction(R"mlir(
    func.func @f(%x: tensor<1x400xf32>, %c: tensor<1x400xf32>,
                 %w0: tensor<400x400xf32> {roof.param},
                 %w1: tensor<400x400xf32> {roof.param},
                 %w2: tensor<400x400xf32> {roof.param}) -> tensor<1x400xf32> {
      %0 = linalg.matmul ins(%x, %w0 : tensor<1x400xf32>, tensor<400x400xf32>)
                         outs(%c : tensor<1x400xf32>) -> tensor<1x400xf32>
      %1 = linalg.matmul ins(%0, %w1 : tensor<1x400xf32>, tensor<400x400xf32>)
                         outs(%c : tensor<1x400xf32>) -> tensor<1x400xf32>
      %2 = linalg.matmul ins(%1, %w2 : tensor<1x400xf32>, tensor<400x400xf32>)
                         outs(%c : tensor<1x400xf32>) -> tensor<1x400xf32>
      return %2 : tensor<1x400xf32>
    })mlir");
  ASSERT_TRUE(fn);
  auto price = [&](StringRef capacity) {
    std::string error;
    FailureOr<Target> link = parseTarget(linkTarget(capacity), "link", error);
    EXPECT_TRUE(succeeded(link)) << error;
    target = *link;
    return evaluateRoofline(fn, target, RooflineOptions());
  };

  // 1 MB: w0 fits (640000), w1 takes the 360000 left and streams 280000,
  // w2 streams whole.
  FunctionRoofline r = price("1 MB");
  ASSERT_EQ(r.kernels.size(), 3u);
  EXPECT_EQ(r.kernels[0].streamedWeightBytes, 0u);
  EXPECT_EQ(r.kernels[1].streamedWeightBytes, 280000u);
  EXPECT_EQ(r.kernels[2].streamedWeightBytes, 640000u);
  EXPECT_EQ(r.streamedWeightBytes, 920000u);
  // The link binds: 640000 B / 1 GB/s = 640 us, far above its 1 TB/s SRAM
  // time and its compute.
  EXPECT_DOUBLE_EQ(r.kernels[2].memorySeconds, 640000 / 1e9);
  EXPECT_DOUBLE_EQ(r.kernels[2].seconds, 640000 / 1e9);

  // The boundary: exactly the three weights fit, nothing streams.
  r = price("1.92 MB");
  EXPECT_EQ(r.streamedWeightBytes, 0u);
  EXPECT_DOUBLE_EQ(r.kernels[2].memorySeconds,
                   r.kernels[2].cost.bytesMoved() / 1e12);
  // 20000 B short of it: that much of w2 streams.
  r = price("1.9 MB");
  EXPECT_EQ(r.kernels[2].streamedWeightBytes, 20000u);
  EXPECT_DOUBLE_EQ(r.kernels[2].memorySeconds, 20000 / 1e9);
}

TEST(Target, WeightLinkNeedsAChipWithoutOffChipMemory) {
  std::string error;
  std::string withDram = linkTarget("1 MB");
  StringRef onChip = "\"on_chip\": true";
  withDram.replace(withDram.find(onChip), onChip.size(), "\"on_chip\": false");
  EXPECT_TRUE(failed(parseTarget(withDram, "dram.json", error)));
  EXPECT_EQ(error, "dram.json: memory.links[0]: carries weights, which is for "
                   "chips without off-chip memory; with an off-chip level, "
                   "weights stream from there");
  std::string stopped = linkTarget("1 MB");
  stopped.replace(stopped.find("\"1 GB/s\""), 8, "\"0 GB/s\"");
  EXPECT_TRUE(failed(parseTarget(stopped, "zero.json", error)));
  EXPECT_EQ(error, "zero.json: memory.links[0].bandwidth: '0 GB/s' is below "
                   "one operation or byte a second; a rate or bandwidth must "
                   "be positive");
}
