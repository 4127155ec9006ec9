//===- OnnxImporter.cpp - ONNX model to TOSA ------------------------------===//

#include "roof/Import/OnnxImporter.h"
#include "DynamicDims.h"
#include "OnnxGraphImporter.h"
#include "OnnxModelLoader.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/StringExtras.h"

namespace mlir::roof {

std::string parseOnnxShapeBinding(llvm::StringRef text,
                                  OnnxImportOptions &options) {
  auto [name, dimsText] = text.rsplit('=');
  if (name.empty() || dimsText.empty() || !text.contains('='))
    return "expected NAME=D0,D1,... (or NAME=N for a symbolic dim), got '" +
           text.str() + "'";
  // A symbolic dim may be the sum of others: total=past+seq.
  if (!dimsText.contains(',') && llvm::any_of(dimsText, llvm::isAlpha)) {
    llvm::SmallVector<llvm::StringRef> terms;
    dimsText.split(terms, '+');
    for (llvm::StringRef term : terms) {
      int64_t value;
      if (term.trim().empty() ||
          (!llvm::isAlpha(term.trim().front()) &&
           (term.trim().getAsInteger(10, value) || value < 0)))
        return "'" + text.str() +
               "' is neither sizes nor a sum of symbolic dims and sizes "
               "(NAME=OTHER+OTHER+N)";
    }
    options.sums[name] = dimsText.str();
    return "";
  }
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

/// Binds every dim that is a sum of others (OnnxImportOptions::sums) in
/// `options.shapes`; an error message, or an empty string.
static std::string bindSums(OnnxImportOptions &options) {
  for (const auto &[name, sum] : options.sums) {
    llvm::SmallVector<llvm::StringRef> terms;
    llvm::StringRef(sum).split(terms, '+');
    int64_t total = 0;
    for (llvm::StringRef term : terms) {
      term = term.trim();
      int64_t value;
      if (!term.getAsInteger(10, value)) {
        total += value;
        continue;
      }
      auto bound = options.shapes.find(term);
      if (bound == options.shapes.end() || bound->second.size() != 1 ||
          options.sums.count(term))
        return "--input-shape " + name.str() + "=" + sum + ": '" + term.str() +
               "' is not a symbolic dim bound to a size";
      total += bound->second.front();
    }
    options.shapes[name] = {total};
  }
  return "";
}

OwningOpRef<ModuleOp> importOnnxFile(llvm::StringRef path, MLIRContext &context,
                                     const OnnxImportOptions &options) {
  context.loadDialect<func::FuncDialect, tensor::TensorDialect,
                      tosa::TosaDialect>();
  Location fileLoc = FileLineColLoc::get(&context, path, 0, 0);
  OnnxImportOptions bound = options;
  if (std::string error = bindSums(bound); !error.empty()) {
    emitError(fileLoc) << error;
    return nullptr;
  }
  if (options.keepDynamic.empty())
    return importAtSizes(path, context, bound);

  // Kept dims are imported at their bound sizes and, in a probe, each larger
  // by its own amount; sums follow their terms.
  OnnxImportOptions probeOptions = options;
  for (auto [i, name] : llvm::enumerate(options.keepDynamic)) {
    if (options.sums.count(name))
      continue;
    auto size = probeOptions.shapes.find(name);
    if (size == probeOptions.shapes.end() || size->second.size() != 1) {
      emitError(fileLoc) << "--keep-dynamic " << name
                         << " needs the size to check the model at, as for a "
                            "bound dim: --input-shape "
                         << name << "=N";
      return nullptr;
    }
    size->second.front() += onnx_import::kProbeShift * (i + 1);
  }
  (void)bindSums(probeOptions);
  onnx_import::InputDimNames dimNames;
  OwningOpRef<ModuleOp> module = importAtSizes(path, context, bound, &dimNames);
  if (!module)
    return nullptr;
  // The bound sizes imported; what fails at larger ones is said below.
  OwningOpRef<ModuleOp> probe;
  {
    ScopedDiagnosticHandler quiet(&context, [](Diagnostic &) {});
    probe = importAtSizes(path, context, probeOptions);
  }
  if (!probe) {
    llvm::SmallVector<std::string> sizes;
    for (const std::string &name : options.keepDynamic)
      sizes.push_back(name + "=" +
                      std::to_string(probeOptions.shapes[name].front()));
    emitError(fileLoc)
        << "the model does not import with the kept dims larger ("
        << llvm::join(sizes, " ")
        << "): a kept dim that is the sum of others needs to say so, e.g. "
           "--input-shape total=past+seq";
    return nullptr;
  }
  if (failed(onnx_import::mergeDynamicDims(*module, *probe, dimNames)))
    return nullptr;
  return module;
}

} // namespace mlir::roof
