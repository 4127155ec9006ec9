//===- OnnxImporterTest.cpp - The ONNX importer as a library call ---------===//

#include "roof/Import/OnnxImporter.h"
#include "roof/Roof.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/Diagnostics.h"
#include "onnx/onnx_pb.h"
#include "llvm/Support/FileSystem.h"

#include "gtest/gtest.h"

#include <fstream>

using namespace mlir;

namespace {

/// y = Gemm(x, W, B) with x of shape [n, 4] (n symbolic), W [4, 3], B [3].
std::string writeGemmModel() {
  onnx::ModelProto model;
  model.set_ir_version(8);
  model.add_opset_import()->set_version(13);
  onnx::GraphProto *graph = model.mutable_graph();
  graph->set_name("gemm");
  onnx::NodeProto *node = graph->add_node();
  node->set_op_type("Gemm");
  node->set_name("fc");
  for (const char *in : {"x", "W", "B"})
    node->add_input(in);
  node->add_output("y");

  onnx::ValueInfoProto *x = graph->add_input();
  x->set_name("x");
  auto *xType = x->mutable_type()->mutable_tensor_type();
  xType->set_elem_type(onnx::TensorProto::FLOAT);
  xType->mutable_shape()->add_dim()->set_dim_param("n");
  xType->mutable_shape()->add_dim()->set_dim_value(4);
  onnx::ValueInfoProto *y = graph->add_output();
  y->set_name("y");
  y->mutable_type()->mutable_tensor_type()->set_elem_type(
      onnx::TensorProto::FLOAT);

  auto addWeight = [&](const char *name, std::vector<int64_t> dims) {
    onnx::TensorProto *w = graph->add_initializer();
    w->set_name(name);
    w->set_data_type(onnx::TensorProto::FLOAT);
    int64_t count = 1;
    for (int64_t d : dims) {
      w->add_dims(d);
      count *= d;
    }
    for (int64_t i = 0; i < count; ++i)
      w->add_float_data(0.5f * i);
  };
  addWeight("W", {4, 3});
  addWeight("B", {3});

  llvm::SmallString<128> path;
  EXPECT_FALSE(llvm::sys::fs::createTemporaryFile("gemm", "onnx", path));
  std::ofstream out(path.c_str(), std::ios::binary);
  model.SerializeToOstream(&out);
  return path.str().str();
}

TEST(OnnxImporter, ImportsAGemmWithItsNodeNameAsLocation) {
  std::string path = writeGemmModel();
  DialectRegistry registry;
  roof::registerAllRoofDialects(registry);
  MLIRContext context(registry);
  roof::OnnxImportOptions options;
  ASSERT_TRUE(roof::parseOnnxShapeBinding("n=2", options).empty());
  OwningOpRef<ModuleOp> module = roof::importOnnxFile(path, context, options);
  llvm::sys::fs::remove(path);
  ASSERT_TRUE(module);

  auto func = module->lookupSymbol<func::FuncOp>("main");
  ASSERT_TRUE(func);
  auto f32 = Float32Type::get(&context);
  EXPECT_EQ(func.getFunctionType(),
            FunctionType::get(&context, {RankedTensorType::get({2, 4}, f32)},
                              {RankedTensorType::get({2, 3}, f32)}));

  tosa::MatMulOp matmul;
  func.walk([&](tosa::MatMulOp op) { matmul = op; });
  ASSERT_TRUE(matmul);
  auto loc = dyn_cast<NameLoc>(matmul.getLoc());
  ASSERT_TRUE(loc);
  EXPECT_EQ(loc.getName().str(), "fc");
  // [1, 2, 4] x [1, 4, 3]: 2 * 3 outputs * 4 MACs * 2 = 48 FLOPs.
  FailureOr<roof::OpCost> cost = roof::getOpCost(matmul);
  ASSERT_TRUE(succeeded(cost));
  EXPECT_EQ(cost->flops, 48u);
}

TEST(OnnxImporter, ReportsAnUnboundDim) {
  std::string path = writeGemmModel();
  MLIRContext context;
  std::string message;
  ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
    message += diag.str();
    return success();
  });
  OwningOpRef<ModuleOp> module =
      roof::importOnnxFile(path, context, roof::OnnxImportOptions());
  llvm::sys::fs::remove(path);
  EXPECT_FALSE(module);
  EXPECT_NE(message.find("input 'x' has dynamic dim 0 ('n')"),
            std::string::npos)
      << message;
}

TEST(OnnxImporter, ParsesShapeBindings) {
  roof::OnnxImportOptions options;
  EXPECT_TRUE(roof::parseOnnxShapeBinding("x=1,3,?,640", options).empty());
  EXPECT_EQ(options.shapes.lookup("x"),
            (llvm::SmallVector<int64_t>{1, 3, -1, 640}));
  EXPECT_FALSE(roof::parseOnnxShapeBinding("x", options).empty());
  EXPECT_FALSE(roof::parseOnnxShapeBinding("x=", options).empty());
  EXPECT_FALSE(roof::parseOnnxShapeBinding("x=1,-2", options).empty());
  // A symbolic dim as a sum of others and sizes.
  EXPECT_TRUE(roof::parseOnnxShapeBinding("total=past+seq+1", options).empty());
  EXPECT_EQ(options.sums.lookup("total"), "past+seq+1");
  EXPECT_FALSE(roof::parseOnnxShapeBinding("total=past+", options).empty());
  EXPECT_FALSE(roof::parseOnnxShapeBinding("total=past+-1", options).empty());
}

/// The Gemm model with its symbolic dim kept: `n` stays ?, and the argument
/// names it.
TEST(OnnxImporter, KeepsANamedDimDynamic) {
  std::string path = writeGemmModel();
  MLIRContext context;
  roof::OnnxImportOptions options;
  options.shapes["n"] = {2};
  options.keepDynamic.push_back("n");
  OwningOpRef<ModuleOp> module = roof::importOnnxFile(path, context, options);
  llvm::sys::fs::remove(path);
  ASSERT_TRUE(module);
  auto fn = *module->getOps<func::FuncOp>().begin();
  EXPECT_EQ(fn.getArgumentTypes().front(),
            RankedTensorType::get({ShapedType::kDynamic, 4},
                                  Float32Type::get(&context)));
  auto names = fn.getArgAttrOfType<ArrayAttr>(0, "roof.dim_names");
  ASSERT_TRUE(names);
  EXPECT_EQ(cast<StringAttr>(names[0]).getValue(), "n");
  EXPECT_EQ(cast<StringAttr>(names[1]).getValue(), "");
}

} // namespace
