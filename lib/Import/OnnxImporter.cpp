//===- OnnxImporter.cpp - ONNX model to TOSA ------------------------------===//

#include "roof/Import/OnnxImporter.h"
#include "DynamicDims.h"
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

/// The model imported at the sizes `options` binds; `dimNames` receives its
/// inputs' dim names.
static OwningOpRef<ModuleOp>
importAtSizes(llvm::StringRef path, MLIRContext &context,
              const OnnxImportOptions &options,
              onnx_import::InputDimNames *dimNames = nullptr) {
  Location fileLoc = FileLineColLoc::get(&context, path, 0, 0);
  std::unique_ptr<onnx::ModelProto> model =
      onnx_import::loadOnnxModel(path, fileLoc, options, dimNames);
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

OwningOpRef<ModuleOp> importOnnxFile(llvm::StringRef path, MLIRContext &context,
                                     const OnnxImportOptions &options) {
  context.loadDialect<func::FuncDialect, tensor::TensorDialect,
                      tosa::TosaDialect>();
  if (options.keepDynamic.empty())
    return importAtSizes(path, context, options);

  // Kept dims are imported at their bound sizes and, in a probe, larger.
  Location fileLoc = FileLineColLoc::get(&context, path, 0, 0);
  OnnxImportOptions probeOptions = options;
  for (const std::string &name : options.keepDynamic) {
    auto bound = probeOptions.shapes.find(name);
    if (bound == probeOptions.shapes.end() || bound->second.size() != 1) {
      emitError(fileLoc) << "--keep-dynamic " << name
                         << " needs the size to check the model at, as for a "
                            "bound dim: --input-shape "
                         << name << "=N";
      return nullptr;
    }
    bound->second.front() += onnx_import::kProbeShift;
  }
  onnx_import::InputDimNames dimNames;
  OwningOpRef<ModuleOp> module =
      importAtSizes(path, context, options, &dimNames);
  if (!module)
    return nullptr;
  OwningOpRef<ModuleOp> probe = importAtSizes(path, context, probeOptions);
  if (!probe)
    return nullptr;
  if (failed(onnx_import::mergeDynamicDims(*module, *probe, dimNames)))
    return nullptr;
  return module;
}

} // namespace mlir::roof
