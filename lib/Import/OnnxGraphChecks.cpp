//===- OnnxGraphChecks.cpp - What a model must satisfy to be read ---------===//

#include "OnnxGraphChecks.h"

#include "OnnxAttributes.h"
#include "OnnxTensor.h"

#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/MathExtras.h"

#include <optional>

namespace mlir::roof::onnx_import {

using onnx::NodeProto;
using onnx::TensorProto;

/// Largest tensor, in bytes, a model may declare: byte counts of such
/// tensors still fit in an int64 after any sum the importer forms.
static constexpr int64_t kMaxTensorBytes = int64_t(1) << 62;

/// How many elements `tensor`'s stored data holds, or std::nullopt when its
/// type has no fixed element size.
static std::optional<int64_t> storedElements(const TensorProto &tensor) {
  int64_t bytes = onnxElementBytes(tensor.data_type());
  if (tensor.has_raw_data()) {
    if (bytes == 0)
      return std::nullopt;
    // A partial element is a truncated buffer: report it as too short.
    return static_cast<int64_t>(tensor.raw_data().size()) / bytes -
           (tensor.raw_data().size() % bytes != 0);
  }
  switch (tensor.data_type()) {
  case TensorProto::FLOAT:
    return tensor.float_data_size();
  case TensorProto::DOUBLE:
    return tensor.double_data_size();
  case TensorProto::COMPLEX64:
    return tensor.float_data_size() / 2;
  case TensorProto::COMPLEX128:
    return tensor.double_data_size() / 2;
  case TensorProto::INT64:
    return tensor.int64_data_size();
  case TensorProto::UINT32:
  case TensorProto::UINT64:
    return tensor.uint64_data_size();
  case TensorProto::STRING:
    return tensor.string_data_size();
  default:
    if (bytes == 0)
      return std::nullopt;
    return tensor.int32_data_size();
  }
}

static std::string formatInts(llvm::ArrayRef<int64_t> values) {
  std::string text = "[";
  for (auto [i, value] : llvm::enumerate(values))
    text += (i ? ", " : "") + std::to_string(value);
  return text + "]";
}

static bool checkInitializer(const TensorProto &tensor, Location loc) {
  llvm::SmallVector<int64_t> dims(tensor.dims().begin(), tensor.dims().end());
  int64_t elements = 1;
  for (int64_t dim : dims) {
    if (dim < 0) {
      emitError(loc) << "initializer '" << tensor.name() << "' has dims "
                     << formatInts(dims) << ": a dim must not be negative";
      return false;
    }
    if (llvm::MulOverflow(elements, dim, elements)) {
      elements = -1;
      break;
    }
  }
  int64_t elementBytes =
      std::max<int64_t>(onnxElementBytes(tensor.data_type()), 1);
  int64_t bytes = 0;
  if (elements < 0 || llvm::MulOverflow(elements, elementBytes, bytes) ||
      bytes > kMaxTensorBytes) {
    emitError(loc) << "initializer '" << tensor.name() << "' has dims "
                   << formatInts(dims) << ": more than 2^62 bytes";
    return false;
  }
  if (tensor.data_location() == TensorProto::EXTERNAL)
    return true;
  std::optional<int64_t> stored = storedElements(tensor);
  if (stored && *stored != elements) {
    emitError(loc) << "initializer '" << tensor.name() << "' holds " << *stored
                   << " elements; its dims " << formatInts(dims) << " need "
                   << elements;
    return false;
  }
  return true;
}

/// Ops whose window attributes ONNX's shape inference divides by.
static bool hasWindow(llvm::StringRef opType) {
  return llvm::is_contained({"Conv", "ConvTranspose", "ConvInteger",
                             "QLinearConv", "DeformConv", "MaxPool",
                             "AveragePool", "LpPool", "MaxUnpool"},
                            opType);
}

static bool checkAttributes(const NodeProto &node, Location loc) {
  auto fail = [&](llvm::StringRef attr, llvm::StringRef rule,
                  llvm::ArrayRef<int64_t> values) {
    emitError(loc) << node.op_type() << " node '" << displayName(node)
                   << "': " << attr << " " << rule << ", got "
                   << formatInts(values);
    return false;
  };
  bool ok = true;
  if (hasWindow(node.op_type())) {
    for (llvm::StringRef attr : {"strides", "dilations", "kernel_shape"}) {
      llvm::SmallVector<int64_t> values = intsAttr(node, attr);
      if (llvm::any_of(values, [](int64_t v) { return v < 1; }))
        ok &= fail(attr, "must be at least 1", values);
    }
    for (llvm::StringRef attr : {"pads", "output_padding"}) {
      llvm::SmallVector<int64_t> values = intsAttr(node, attr);
      if (llvm::any_of(values, [](int64_t v) { return v < 0; }))
        ok &= fail(attr, "must not be negative", values);
    }
    if (findAttr(node, "group") && intAttr(node, "group", 1) < 1)
      ok &= fail("group", "must be at least 1", {intAttr(node, "group", 1)});
  }
  if (node.op_type() == "LRN" && intAttr(node, "size", 1) < 1)
    ok &= fail("size", "must be at least 1", {intAttr(node, "size", 1)});
  return ok;
}

LogicalResult checkGraph(const onnx::GraphProto &graph, Location fileLoc) {
  bool ok = true;
  // What produces each value: a graph input, an initializer or a node.
  llvm::StringMap<std::string> producer;
  for (const onnx::ValueInfoProto &input : graph.input())
    if (!producer.try_emplace(input.name(), "is a graph input").second) {
      emitError(fileLoc) << "graph input '" << input.name()
                         << "' is declared twice";
      ok = false;
    }
  llvm::StringSet<> initializers;
  for (const TensorProto &init : graph.initializer()) {
    if (!initializers.insert(init.name()).second) {
      emitError(fileLoc) << "initializer '" << init.name()
                         << "' is declared twice";
      ok = false;
      continue;
    }
    // Older models also list their initializers as graph inputs.
    producer.try_emplace(init.name(), "is an initializer");
    ok &= checkInitializer(init, fileLoc);
  }
  llvm::StringMap<const NodeProto *> writer;
  for (const NodeProto &node : graph.node()) {
    ok &= checkAttributes(node, fileLoc);
    for (const std::string &output : node.output()) {
      if (!output.empty())
        writer.try_emplace(output, &node);
      if (output.empty())
        continue;
      auto [it, inserted] = producer.try_emplace(
          output, "node '" + displayName(node) + "' writes too");
      if (inserted)
        continue;
      emitError(fileLoc) << node.op_type() << " node '" << displayName(node)
                         << "' writes '" << output << "', which " << it->second;
      ok = false;
    }
  }
  if (!ok)
    return failure();

  // ONNX graphs are in topological order: each node reads what is there
  // before it.
  llvm::StringSet<> available;
  for (const onnx::ValueInfoProto &input : graph.input())
    available.insert(input.name());
  for (const TensorProto &init : graph.initializer())
    available.insert(init.name());
  for (const NodeProto &node : graph.node()) {
    for (const std::string &input : node.input()) {
      if (input.empty() || available.contains(input))
        continue;
      auto diag = emitError(fileLoc)
                  << node.op_type() << " node '" << displayName(node)
                  << "' reads '" << input << "', which ";
      if (const NodeProto *later = writer.lookup(input))
        diag << "node '" << displayName(*later)
             << "' writes after it: the graph has a "
             << "cycle or is not in topological order";
      else
        diag << "no node, initializer or graph input produces (is the file "
                "truncated?)";
      ok = false;
    }
    for (const std::string &output : node.output())
      available.insert(output);
  }
  return success(ok);
}

} // namespace mlir::roof::onnx_import
