//===- OnnxModelLoader.cpp - Reading and preparing an ONNX model ----------===//

#include "OnnxModelLoader.h"

#include "OnnxGraphChecks.h"
#include "OnnxShapeFolding.h"
#include "OnnxTensor.h"

#include "roof/Support/InputFile.h"

#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include <climits>

namespace mlir::roof::onnx_import {

int64_t defaultOpset(const onnx::ModelProto &model) {
  for (const auto &opset : model.opset_import())
    if (opset.domain().empty() || opset.domain() == "ai.onnx")
      return opset.version();
  return 0;
}

/// The most external data --keep-weights reads into one module: weights
/// past it print as gigabytes of MLIR text, which no pass needs.
static constexpr uint64_t kMaxExternalDataBytes = uint64_t(4) << 30;

static std::unique_ptr<onnx::ModelProto> parseModel(llvm::StringRef path,
                                                    Location loc) {
  // A regular file within protobuf's 2 GiB limit (a device or a FIFO would
  // be read without end).
  std::string error;
  std::unique_ptr<llvm::MemoryBuffer> buffer =
      readInputFile(path, /*maxBytes=*/INT_MAX, error);
  if (!buffer) {
    emitError(loc) << "cannot read ONNX model: " << error
                   << (StringRef(error).ends_with("allowed")
                           ? " (protobuf's limit; store the weights as "
                             "external data)"
                           : "");
    return nullptr;
  }
  llvm::StringRef bytes = buffer->getBuffer();
  auto model = std::make_unique<onnx::ModelProto>();
  google::protobuf::io::ArrayInputStream stream(bytes.data(), bytes.size());
  google::protobuf::io::CodedInputStream coded(&stream);
  coded.SetTotalBytesLimit(INT_MAX);
  if (bytes.empty() || !model->ParseFromCodedStream(&coded) ||
      !coded.ConsumedEntireMessage()) {
    emitError(loc) << "'" << path
                   << "' is not a valid ONNX model: the protobuf is corrupt "
                      "or truncated";
    return nullptr;
  }
  if (!model->has_graph() || model->graph().node_size() == 0) {
    emitError(loc) << "'" << path
                   << "' holds no ONNX graph (is it truncated, or not an "
                      "ONNX model?)";
    return nullptr;
  }
  return model;
}

// Whether the external data `location` names a file inside `dir`, where
// the model is: relative, no `..`, and not a link leading out of it.
static bool isInsideModelDirectory(llvm::StringRef location,
                                   llvm::StringRef dir) {
  if (location.empty() || llvm::sys::path::is_absolute(location) ||
      llvm::sys::path::has_root_name(location))
    return false;
  for (llvm::StringRef part : llvm::make_range(llvm::sys::path::begin(location),
                                               llvm::sys::path::end(location)))
    if (part == "..")
      return false;
  llvm::SmallString<256> file(dir), realFile, realDir;
  llvm::sys::path::append(file, location);
  // A file that does not exist is reported as missing.
  if (llvm::sys::fs::real_path(file, realFile) ||
      llvm::sys::fs::real_path(dir.empty() ? "." : dir, realDir))
    return true;
  realDir += llvm::sys::path::get_separator();
  return llvm::StringRef(realFile).starts_with(realDir);
}

// Resolves initializers stored in external files: checks that each file
// exists and is long enough, and with `load` reads the bytes into raw_data.
static LogicalResult resolveExternalData(onnx::ModelProto &model,
                                         llvm::StringRef path, bool load,
                                         Location loc) {
  llvm::SmallString<256> dir(path);
  llvm::sys::path::remove_filename(dir);
  bool ok = true;
  // External data read into the module with --keep-weights, against
  // kMaxExternalDataBytes.
  uint64_t loaded = 0;
  for (onnx::TensorProto &tensor :
       *model.mutable_graph()->mutable_initializer()) {
    if (tensor.data_location() != onnx::TensorProto::EXTERNAL)
      continue;
    std::string location;
    int64_t offset = 0, length = -1;
    bool malformed = false;
    for (const auto &entry : tensor.external_data()) {
      if (entry.key() == "location")
        location = entry.value();
      else if (entry.key() == "offset")
        malformed |= llvm::StringRef(entry.value()).getAsInteger(10, offset);
      else if (entry.key() == "length")
        malformed |= llvm::StringRef(entry.value()).getAsInteger(10, length);
    }
    if (malformed || offset < 0) {
      emitError(loc) << "initializer '" << tensor.name()
                     << "' has a malformed external data offset or length";
      ok = false;
      continue;
    }
    // As ONNX's checker requires: a relative path that stays in the
    // model's directory.
    if (!isInsideModelDirectory(location, dir)) {
      emitError(loc) << "initializer '" << tensor.name()
                     << "' keeps its data in '" << location
                     << "', outside the model's directory; external data "
                        "must be a relative path inside it";
      ok = false;
      continue;
    }
    llvm::SmallString<256> file(dir);
    llvm::sys::path::append(file, location);
    uint64_t fileSize = 0;
    if (!location.empty() && llvm::sys::fs::exists(file) &&
        !llvm::sys::fs::is_regular_file(file)) {
      emitError(loc) << "initializer '" << tensor.name()
                     << "' keeps its data in '" << file
                     << "', which is not a regular file";
      ok = false;
      continue;
    }
    if (location.empty() || llvm::sys::fs::file_size(file, fileSize)) {
      emitError(loc) << "initializer '" << tensor.name()
                     << "' keeps its data in external file '" << location
                     << "', which does not exist (looked for '" << file << "')";
      ok = false;
      continue;
    }
    llvm::SmallVector<int64_t> dims(tensor.dims().begin(), tensor.dims().end());
    int64_t needed = elementCount(dims) * onnxElementBytes(tensor.data_type());
    if (length < 0)
      length = needed;
    if (length != needed || static_cast<uint64_t>(length) > fileSize ||
        static_cast<uint64_t>(offset) > fileSize - length) {
      emitError(loc) << "initializer '" << tensor.name() << "' needs " << needed
                     << " bytes at offset " << offset << " of '" << file
                     << "', which has " << fileSize << " bytes";
      ok = false;
      continue;
    }
    if (!load)
      continue;
    loaded += length;
    if (loaded > kMaxExternalDataBytes) {
      emitError(loc) << "--keep-weights would read more than "
                     << (kMaxExternalDataBytes >> 30)
                     << " GiB of external data into the module (at '"
                     << tensor.name()
                     << "'); import without it, which keeps each weight's "
                        "shape and not its values";
      return failure();
    }
    auto buffer = llvm::MemoryBuffer::getFileSlice(file, length, offset,
                                                   /*IsVolatile=*/false);
    if (!buffer) {
      emitError(loc) << "cannot read external data of '" << tensor.name()
                     << "' from '" << file
                     << "': " << buffer.getError().message();
      ok = false;
      continue;
    }
    tensor.set_raw_data((*buffer)->getBufferStart(),
                        (*buffer)->getBufferSize());
    tensor.clear_external_data();
    tensor.set_data_location(onnx::TensorProto::DEFAULT);
  }
  return success(ok);
}

// Applies the user's shape bindings to the graph inputs and checks that no
// symbolic dim is left.
static LogicalResult bindInputShapes(onnx::ModelProto &model,
                                     const OnnxImportOptions &options,
                                     Location loc, InputDimNames *dimNames) {
  onnx::GraphProto &graph = *model.mutable_graph();
  llvm::StringSet<> initializers, used;
  for (const auto &init : graph.initializer())
    initializers.insert(init.name());

  bool ok = true;
  for (onnx::ValueInfoProto &input : *graph.mutable_input()) {
    if (initializers.contains(input.name()))
      continue;
    if (!input.type().has_tensor_type()) {
      emitError(loc) << "graph input '" << input.name()
                     << "' is not a tensor; only tensor inputs are supported";
      ok = false;
      continue;
    }
    bool shapeless = !input.type().tensor_type().has_shape();
    auto *shape = input.mutable_type()->mutable_tensor_type()->mutable_shape();
    if (dimNames) {
      auto &names = dimNames->emplace_back();
      for (const auto &dim : shape->dim())
        names.push_back(dim.has_dim_param() ? dim.dim_param() : "");
    }
    auto whole = options.shapes.find(input.name());
    if (shapeless && whole == options.shapes.end()) {
      emitError(loc) << "graph input '" << input.name()
                     << "' has no shape; give one with --input-shape "
                     << input.name() << "=...";
      ok = false;
      continue;
    }
    // A shapeless input takes the rank the user gives.
    if (shapeless)
      for (size_t i = 0; i < whole->second.size(); ++i)
        shape->add_dim();
    if (whole != options.shapes.end()) {
      used.insert(input.name());
      if (static_cast<int>(whole->second.size()) != shape->dim_size()) {
        emitError(loc) << "--input-shape gives " << whole->second.size()
                       << " dims for input '" << input.name()
                       << "', which has rank " << shape->dim_size();
        ok = false;
        continue;
      }
      for (auto [i, value] : llvm::enumerate(whole->second))
        if (value >= 0)
          shape->mutable_dim(i)->set_dim_value(value);
    }
    for (auto [i, dim] : llvm::enumerate(*shape->mutable_dim())) {
      if (dim.has_dim_param()) {
        auto named = options.shapes.find(dim.dim_param());
        if (named != options.shapes.end() && named->second.size() == 1) {
          used.insert(dim.dim_param());
          dim.set_dim_value(named->second.front());
        }
      }
      if (!dim.has_dim_value() || dim.dim_value() < 0) {
        auto diag = emitError(loc)
                    << "input '" << input.name() << "' has dynamic dim " << i;
        if (dim.has_dim_param())
          diag << " ('" << dim.dim_param() << "')";
        diag << "; bind it with --input-shape " << input.name() << "=...";
        if (dim.has_dim_param())
          diag << " or --input-shape " << dim.dim_param() << "=N";
        ok = false;
      }
    }
  }
  for (const auto &entry : options.shapes)
    if (!used.contains(entry.getKey())) {
      emitError(loc) << "--input-shape names '" << entry.getKey()
                     << "', which is neither a graph input nor a symbolic "
                        "input dim of this model";
      ok = false;
    }

  // Stale symbolic shapes on intermediate values and outputs would fight
  // the bound ones in shape inference; keep only their element types.
  graph.clear_value_info();
  for (onnx::ValueInfoProto &output : *graph.mutable_output())
    if (output.type().has_tensor_type())
      output.mutable_type()->mutable_tensor_type()->clear_shape();
  return success(ok);
}

std::unique_ptr<onnx::ModelProto>
loadOnnxModel(llvm::StringRef path, Location fileLoc,
              const OnnxImportOptions &options, InputDimNames *dimNames) {
  std::unique_ptr<onnx::ModelProto> model = parseModel(path, fileLoc);
  if (!model)
    return nullptr;

  int64_t opset = defaultOpset(*model);
  if (opset < kMinOpset || opset > kMaxOpset) {
    emitError(fileLoc) << "model imports ONNX opset " << opset
                       << "; roof-import-onnx converts opsets " << kMinOpset
                       << " through " << kMaxOpset;
    return nullptr;
  }
  if (failed(checkGraph(model->graph(), fileLoc)) ||
      failed(resolveExternalData(*model, path, options.keepWeights, fileLoc)) ||
      failed(bindInputShapes(*model, options, fileLoc, dimNames)) ||
      failed(inferAndFoldShapes(*model, opset, fileLoc)))
    return nullptr;
  return model;
}

} // namespace mlir::roof::onnx_import
