//===- MeasuredProfileTest.cpp - Profiles parsed, kernels matched ---------===//
//
// An ONNX Runtime profile written by hand: medians over runs, what is
// ignored, the errors; and how kernels and nodes that share names group.
//
//===----------------------------------------------------------------------===//

#include "roof/Measure/MeasuredMatch.h"

#include "roof/InitAllRoof.h"
#include "roof/Target/TargetLoader.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Parser/Parser.h"

#include "gtest/gtest.h"

using namespace mlir;
using namespace mlir::roof;

// Node "a" ran 10 and 30 us, "b" 5, 7 and 9 us; two model runs of 100 and
// 200 us. A fence event, a Session event other than model_run, and an
// event without a duration are not node times.
static constexpr llvm::StringLiteral kProfile = R"json([
  {"cat": "Roof", "name": "measure", "ph": "M",
   "args": {"threads": 2, "graph_optimization": "disabled"}},
  {"cat": "Session", "name": "model_run", "dur": 100},
  {"cat": "Session", "name": "model_run", "dur": 200},
  {"cat": "Session", "name": "session_initialization", "dur": 9999},
  {"cat": "Node", "name": "a_kernel_time", "dur": 10,
   "args": {"op_name": "Conv", "output_type_shape": [{"float": [1, 4, 8, 8]}]}},
  {"cat": "Node", "name": "a_kernel_time", "dur": 30, "args": {"op_name": "Conv"}},
  {"cat": "Node", "name": "b_kernel_time", "dur": 9, "args": {"op_name": "Relu"}},
  {"cat": "Node", "name": "b_kernel_time", "dur": 5},
  {"cat": "Node", "name": "b_kernel_time", "dur": 7},
  {"cat": "Node", "name": "b_fence_before", "dur": 1000},
  {"cat": "Node", "name": "c_kernel_time"}
])json";

TEST(MeasuredProfile, MediansOverRuns) {
  std::string error;
  FailureOr<MeasuredProfile> profile =
      parseMeasuredProfile(kProfile, "p.json", error);
  ASSERT_TRUE(succeeded(profile)) << error;
  ASSERT_EQ(profile->nodes.size(), 2u);
  const MeasuredNode &a = profile->nodes.find("a")->second;
  EXPECT_EQ(a.opType, "Conv");
  EXPECT_EQ(a.runs, 2u);
  EXPECT_DOUBLE_EQ(a.seconds, 20e-6);
  EXPECT_EQ(a.outputElements, 256);
  const MeasuredNode &b = profile->nodes.find("b")->second;
  EXPECT_EQ(b.runs, 3u);
  EXPECT_DOUBLE_EQ(b.seconds, 7e-6);
  EXPECT_FALSE(b.outputElements.has_value());
  EXPECT_DOUBLE_EQ(*profile->runSeconds, 150e-6);
  EXPECT_EQ(profile->runs, 2u);
  EXPECT_EQ(profile->setup, "2 thread(s), graph optimization disabled");
}

TEST(MeasuredProfile, Errors) {
  std::string error;
  EXPECT_TRUE(failed(parseMeasuredProfile("[{\"cat\": ", "cut.json", error)));
  EXPECT_TRUE(StringRef(error).starts_with("cut.json: not valid JSON: "));
  EXPECT_TRUE(failed(parseMeasuredProfile("{}", "object.json", error)));
  EXPECT_EQ(error, "object.json: not an ONNX Runtime profile: the top level "
                   "must be a JSON array of trace events");
  EXPECT_TRUE(failed(parseMeasuredProfile(
      R"([{"cat": "Session", "name": "model_run", "dur": 5}])", "empty.json",
      error)));
  EXPECT_TRUE(StringRef(error).starts_with("empty.json: no node timings"));
}

TEST(MeasuredMatch, KernelsSharingANodeAreOneGroup) {
  DialectRegistry registry;
  registry.insert<func::FuncDialect, linalg::LinalgDialect,
                  tensor::TensorDialect>();
  registerAllRoofDialects(registry);
  MLIRContext context(registry);
  context.loadAllAvailableDialects();
  // Node "a" became two kernels (an exp and an add), node "b" one; "z" is in
  // the profile only.
  OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(R"mlir(
    func.func @f(%x: tensor<256xf32>) -> tensor<256xf32> {
      %0 = linalg.exp ins(%x : tensor<256xf32>) outs(%x : tensor<256xf32>) -> tensor<256xf32> loc("a")
      %1 = linalg.add ins(%0, %x : tensor<256xf32>, tensor<256xf32>) outs(%x : tensor<256xf32>) -> tensor<256xf32> loc("a")
      %2 = linalg.exp ins(%1 : tensor<256xf32>) outs(%x : tensor<256xf32>) -> tensor<256xf32> loc("b")
      return %2 : tensor<256xf32>
    })mlir",
                                                             &context);
  ASSERT_TRUE(module);
  std::string error;
  FailureOr<Target> target = lookupTarget("h100-sxm", error);
  ASSERT_TRUE(succeeded(target)) << error;
  FunctionRoofline r = evaluateRoofline(*module->getOps<func::FuncOp>().begin(),
                                        *target, RooflineOptions());
  ASSERT_EQ(r.kernels.size(), 3u);

  std::string json = kProfile.str();
  json.insert(json.rfind(']'),
              R"(, {"cat": "Node", "name": "z_kernel_time", "dur": 4})");
  FailureOr<MeasuredProfile> profile =
      parseMeasuredProfile(json, "p.json", error);
  ASSERT_TRUE(succeeded(profile)) << error;
  FailureOr<std::optional<FunctionMeasurement>> m =
      matchMeasurements(r, *profile, error);
  ASSERT_TRUE(succeeded(m)) << error;
  ASSERT_TRUE(m->has_value());
  const FunctionMeasurement &measured = **m;
  ASSERT_EQ(measured.groups.size(), 2u);
  // Slowest measured first: "a" (20 us) over the exp and the add.
  EXPECT_EQ(measured.groups[0].nodes, SmallVector<std::string>{"a"});
  EXPECT_EQ(measured.groups[0].kernels.size(), 2u);
  EXPECT_DOUBLE_EQ(measured.groups[0].measuredSeconds, 20e-6);
  EXPECT_DOUBLE_EQ(measured.groups[0].predictedSeconds,
                   r.kernels[0].seconds + r.kernels[1].seconds);
  EXPECT_DOUBLE_EQ(measured.groups[1].measuredSeconds, 7e-6);
  ASSERT_EQ(measured.unmatched.size(), 1u);
  EXPECT_EQ(measured.unmatched[0].first, "z");
  EXPECT_DOUBLE_EQ(measured.nodeSeconds, 31e-6);
  EXPECT_DOUBLE_EQ(measured.matchedSeconds, 27e-6);
  EXPECT_DOUBLE_EQ(measured.latencySeconds, 150e-6);
}
