//===- OnnxImporter.cpp - ONNX model to TOSA ------------------------------===//

#include "roof/Import/OnnxImporter.h"
#include "OnnxGraphImporter.h"
#include "OnnxModelLoader.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/Verifier.h"

namespace mlir::roof {

std::string parseOnnxShapeBinding(llvm::StringRef text,
                                  OnnxImportOptions &options) {
  auto [name, dimsText] = text.rsplit('=');
  if (name.empty() || dimsText.empty() || !text.contains('='))
    return "expected NAME=D0,D1,... (or NAME=N for a symbolic dim), got '" +
           text.str() + "'";
  llvm::SmallVector<int64_t> dims;
  llvm::SmallVector<llvm::StringRef> parts;
  dimsText.split(parts, ',');
  for (llvm::StringRef part : parts) {
    part = part.trim();
    int64_t value;
    if (part == "?") {
      dims.push_back(-1);
    } else if (part.getAsInteger(10, value) || value < 0) {
      return "'" + part.str() + "' in '" + text.str() +
             "' is not a dim size (a non-negative integer, or ? to keep the "
             "model's dim)";
    } else {
      dims.push_back(value);
    }
  }
  options.shapes[name] = dims;
  return "";
}

std::vector<std::string> supportedOnnxOps() {
  std::vector<std::string> ops;
  for (const auto &entry : onnx_import::allConverters())
    ops.push_back(entry.getKey().str());
  llvm::sort(ops);
  return ops;
}

OwningOpRef<ModuleOp> importOnnxFile(llvm::StringRef path, MLIRContext &context,
                                     const OnnxImportOptions &options) {
  context.loadDialect<func::FuncDialect, tensor::TensorDialect,
                      tosa::TosaDialect>();
  Location fileLoc = FileLineColLoc::get(&context, path, 0, 0);
  std::unique_ptr<onnx::ModelProto> model =
      onnx_import::loadOnnxModel(path, fileLoc, options);
  if (!model)
    return nullptr;

  OwningOpRef<ModuleOp> module = ModuleOp::create(fileLoc);
  onnx_import::GraphImporter importer(*module, *model, options.keepWeights);
  if (failed(importer.importGraph(options.functionName)))
    return nullptr;
  if (failed(verify(*module))) {
    emitError(fileLoc) << "internal error: the imported module does not "
                          "verify (please report it with the model)";
    return nullptr;
  }
  return module;
}

} // namespace mlir::roof
