//===- OnnxShapeFolding.cpp - Folding shape computations ------------------===//

#include "OnnxShapeFolding.h"
#include "OnnxAttributes.h"
#include "OnnxTensor.h"

#include "mlir/IR/Diagnostics.h"
#include "onnx/defs/schema.h"
#include "onnx/shape_inference/implementation.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MathExtras.h"

#include <cmath>

namespace mlir::roof::onnx_import {

using onnx::AttributeProto;
using onnx::NodeProto;
using onnx::TensorProto;

namespace {
/// Shape computations are small; a larger value is data, not a shape, and
/// is left to the converted graph.
constexpr int64_t kMaxFoldedElements = 4096;

/// What is known of the graph while folding: constant values and the static
/// shapes ONNX's shape inference found.
struct FoldState {
  llvm::StringMap<const TensorProto *> initializers;
  llvm::StringMap<HostTensor> values;
  llvm::StringMap<llvm::SmallVector<int64_t>> shapes;

  const HostTensor *lookup(const std::string &name) {
    auto it = values.find(name);
    if (it != values.end())
      return &it->second;
    auto init = initializers.find(name);
    if (init == initializers.end())
      return nullptr;
    llvm::SmallVector<int64_t> dims(init->second->dims().begin(),
                                    init->second->dims().end());
    if (elementCount(dims) > kMaxFoldedElements)
      return nullptr;
    std::optional<HostTensor> value = readHostTensor(*init->second);
    if (!value)
      return nullptr;
    return &(values[name] = std::move(*value));
  }
};
} // namespace

// The value of a Constant node, or nullopt for sparse and string values.
static std::optional<TensorProto> constantNodeValue(const NodeProto &node) {
  if (node.output_size() != 1 || node.attribute_size() != 1)
    return std::nullopt;
  const AttributeProto &attr = node.attribute(0);
  TensorProto out;
  if (attr.name() == "value") {
    out = attr.t();
  } else if (attr.name() == "value_float") {
    out.set_data_type(TensorProto::FLOAT);
    out.add_float_data(attr.f());
  } else if (attr.name() == "value_floats") {
    out.set_data_type(TensorProto::FLOAT);
    out.add_dims(attr.floats_size());
    for (float v : attr.floats())
      out.add_float_data(v);
  } else if (attr.name() == "value_int") {
    out.set_data_type(TensorProto::INT64);
    out.add_int64_data(attr.i());
  } else if (attr.name() == "value_ints") {
    out.set_data_type(TensorProto::INT64);
    out.add_dims(attr.ints_size());
    for (int64_t v : attr.ints())
      out.add_int64_data(v);
  } else {
    return std::nullopt;
  }
  if (out.data_type() == TensorProto::STRING)
    return std::nullopt;
  out.set_name(node.output(0));
  return out;
}

// Elementwise arithmetic on two values whose sizes are equal or one (the
// broadcasts shape computations use).
static std::optional<HostTensor>
foldBinary(llvm::StringRef op, const HostTensor &a, const HostTensor &b) {
  if (a.dataType != b.dataType ||
      (a.size() != b.size() && a.size() != 1 && b.size() != 1))
    return std::nullopt;
  HostTensor out;
  out.dataType = a.dataType;
  // Numpy broadcasting of the dims (a size-1 side may still add rank).
  size_t rank = std::max(a.dims.size(), b.dims.size());
  for (size_t i = 0; i < rank; ++i) {
    int64_t da =
        i < rank - a.dims.size() ? 1 : a.dims[i - (rank - a.dims.size())];
    int64_t db =
        i < rank - b.dims.size() ? 1 : b.dims[i - (rank - b.dims.size())];
    out.dims.push_back(da == 1 ? db : da);
  }
  int64_t n = std::max(a.size(), b.size());
  for (int64_t i = 0; i < n; ++i) {
    int64_t ia = a.size() == 1 ? 0 : i, ib = b.size() == 1 ? 0 : i;
    if (a.isFloat()) {
      double x = a.floats[ia], y = b.floats[ib];
      double r = op == "Add"   ? x + y
                 : op == "Sub" ? x - y
                 : op == "Mul" ? x * y
                 : op == "Div" ? x / y
                 : op == "Max" ? std::max(x, y)
                               : std::min(x, y);
      out.floats.push_back(r);
    } else {
      int64_t x = a.ints[ia], y = b.ints[ib];
      int64_t r = 0;
      // A result past int64 is left to the run time, never wrapped.
      bool overflow = op == "Add"   ? llvm::AddOverflow(x, y, r)
                      : op == "Sub" ? llvm::SubOverflow(x, y, r)
                      : op == "Mul" ? llvm::MulOverflow(x, y, r)
                                    : false;
      if (op == "Div") {
        overflow = y == 0 || (x == INT64_MIN && y == -1);
        r = overflow ? 0 : x / y;
      } else if (op == "Max" || op == "Min") {
        r = op == "Max" ? std::max(x, y) : std::min(x, y);
      }
      if (overflow)
        return std::nullopt;
      out.ints.push_back(r);
    }
  }
  return out;
}

static HostTensor castTo(const HostTensor &in, int32_t to) {
  HostTensor out;
  out.dataType = to;
  out.dims = in.dims;
  for (int64_t i = 0; i < in.size(); ++i) {
    if (isOnnxFloatType(to))
      out.floats.push_back(in.asDouble(i));
    else if (to == TensorProto::BOOL)
      out.ints.push_back(in.asDouble(i) != 0);
    else
      out.ints.push_back(static_cast<int64_t>(std::trunc(in.asDouble(i))));
  }
  return out;
}

// Element `i` of `in` appended to `out`.
static void appendElement(HostTensor &out, const HostTensor &in, int64_t i) {
  if (in.isFloat())
    out.floats.push_back(in.floats[i]);
  else
    out.ints.push_back(in.ints[i]);
}

// Evaluates `node` on constant inputs, or nullopt when it cannot.
static std::optional<HostTensor> foldNode(const NodeProto &node,
                                          FoldState &state, int64_t opset) {
  const std::string &op = node.op_type();
  if (!node.domain().empty() && node.domain() != "ai.onnx")
    return std::nullopt;
  if (node.output_size() != 1)
    return std::nullopt;

  if (op == "Shape" || op == "Size") {
    auto it = state.shapes.find(node.input(0));
    if (it == state.shapes.end())
      return std::nullopt;
    HostTensor out;
    out.dataType = TensorProto::INT64;
    llvm::ArrayRef<int64_t> dims = it->second;
    if (op == "Size") {
      out.ints.push_back(elementCount(dims));
      return out;
    }
    int64_t rank = dims.size();
    int64_t start = std::clamp<int64_t>(
        normalizeAxis(intAttr(node, "start", 0), rank), 0, rank);
    int64_t end = std::clamp<int64_t>(
        normalizeAxis(intAttr(node, "end", rank), rank), 0, rank);
    for (int64_t i = start; i < end; ++i)
      out.ints.push_back(dims[i]);
    out.dims = {static_cast<int64_t>(out.ints.size())};
    return out;
  }

  llvm::SmallVector<const HostTensor *> inputs;
  for (const std::string &name : node.input()) {
    if (name.empty()) {
      inputs.push_back(nullptr);
      continue;
    }
    const HostTensor *value = state.lookup(name);
    if (!value)
      return std::nullopt;
    inputs.push_back(value);
  }
  if (inputs.empty() || !inputs[0])
    return std::nullopt;
  const HostTensor &x = *inputs[0];

  if (op == "Identity")
    return x;
  if (op == "Cast")
    return castTo(x, intAttr(node, "to", TensorProto::FLOAT));
  if (op == "Neg") {
    HostTensor out = x;
    for (auto &v : out.ints) {
      if (v == INT64_MIN)
        return std::nullopt;
      v = -v;
    }
    for (auto &v : out.floats)
      v = -v;
    return out;
  }
  if (op == "Add" || op == "Sub" || op == "Mul" || op == "Div" || op == "Max" ||
      op == "Min") {
    if (inputs.size() != 2 || !inputs[1])
      return std::nullopt;
    return foldBinary(op, x, *inputs[1]);
  }
  if (op == "Unsqueeze" || op == "Squeeze") {
    llvm::SmallVector<int64_t> axes;
    if (const AttributeProto *attr = findAttr(node, "axes"))
      axes.assign(attr->ints().begin(), attr->ints().end());
    else if (inputs.size() > 1 && inputs[1])
      for (int64_t i = 0; i < inputs[1]->size(); ++i)
        axes.push_back(inputs[1]->asInt(i));
    HostTensor out = x;
    if (op == "Unsqueeze") {
      int64_t rank = x.dims.size() + axes.size();
      for (int64_t &a : axes)
        a = normalizeAxis(a, rank);
      llvm::sort(axes);
      for (int64_t a : axes) {
        if (a < 0 || a > static_cast<int64_t>(out.dims.size()))
          return std::nullopt;
        out.dims.insert(out.dims.begin() + a, 1);
      }
      return out;
    }
    out.dims.clear();
    for (auto [i, d] : llvm::enumerate(x.dims)) {
      bool drop = axes.empty()
                      ? d == 1
                      : llvm::is_contained(axes, static_cast<int64_t>(i)) ||
                            llvm::is_contained(
                                axes, static_cast<int64_t>(i) -
                                          static_cast<int64_t>(x.dims.size()));
      if (!drop)
        out.dims.push_back(d);
    }
    return out;
  }
  if (op == "Concat") {
    // Shape vectors and scalars only: concatenation along axis 0 of 1-D.
    HostTensor out;
    out.dataType = x.dataType;
    for (const HostTensor *in : inputs) {
      if (!in || in->dims.size() != 1 || in->dataType != x.dataType)
        return std::nullopt;
      for (int64_t i = 0; i < in->size(); ++i)
        appendElement(out, *in, i);
    }
    out.dims = {out.size()};
    return out;
  }
  if (op == "Gather") {
    if (x.dims.size() != 1 || inputs.size() != 2 || !inputs[1] ||
        normalizeAxis(intAttr(node, "axis", 0), 1) != 0)
      return std::nullopt;
    const HostTensor &indices = *inputs[1];
    HostTensor out;
    out.dataType = x.dataType;
    out.dims = indices.dims;
    for (int64_t i = 0; i < indices.size(); ++i) {
      int64_t index = indices.asInt(i);
      if (index < 0)
        index += x.size();
      if (index < 0 || index >= x.size())
        return std::nullopt;
      appendElement(out, x, index);
    }
    return out;
  }
  if (op == "Slice") {
    if (x.dims.size() != 1)
      return std::nullopt;
    int64_t start, end, step = 1;
    if (opset < 10) {
      const AttributeProto *starts = findAttr(node, "starts");
      const AttributeProto *ends = findAttr(node, "ends");
      if (!starts || !ends || starts->ints_size() != 1)
        return std::nullopt;
      start = starts->ints(0);
      end = ends->ints(0);
    } else {
      if (inputs.size() < 3 || !inputs[1] || !inputs[2] ||
          inputs[1]->size() != 1)
        return std::nullopt;
      start = inputs[1]->asInt(0);
      end = inputs[2]->asInt(0);
      if (inputs.size() > 4 && inputs[4])
        step = inputs[4]->asInt(0);
    }
    if (step <= 0)
      return std::nullopt;
    int64_t n = x.size();
    // A step past the end takes one element; clamped, `i += step` stays
    // in range.
    step = std::min<int64_t>(step, std::max<int64_t>(n, 1));
    start = std::clamp<int64_t>(start < 0 ? start + n : start, 0, n);
    end = std::clamp<int64_t>(end < 0 ? end + n : end, 0, n);
    HostTensor out;
    out.dataType = x.dataType;
    for (int64_t i = start; i < end; i += step)
      appendElement(out, x, i);
    out.dims = {out.size()};
    return out;
  }
  if (op == "Reshape") {
    if (inputs.size() != 2 || !inputs[1])
      return std::nullopt;
    HostTensor out = x;
    out.dims.clear();
    int64_t known = 1, inferred = -1;
    for (int64_t i = 0; i < inputs[1]->size(); ++i) {
      int64_t d = inputs[1]->asInt(i);
      if (d == 0 && i < static_cast<int64_t>(x.dims.size()))
        d = x.dims[i];
      if (d == -1)
        inferred = i;
      else
        known *= d;
      out.dims.push_back(d);
    }
    if (inferred >= 0)
      out.dims[inferred] = known ? x.size() / known : 0;
    if (elementCount(out.dims) != x.size())
      return std::nullopt;
    return out;
  }
  if (op == "ConstantOfShape") {
    // A negative dim, or a count past what is folded (or past int64), is
    // left to the converter, which names the node.
    int64_t count = 1;
    for (int64_t dim : x.ints)
      if (dim < 0 || llvm::MulOverflow(count, dim, count) ||
          count > kMaxFoldedElements)
        return std::nullopt;
    HostTensor out;
    out.dataType = TensorProto::FLOAT;
    double fill = 0;
    if (const AttributeProto *value = findAttr(node, "value")) {
      std::optional<HostTensor> v = readHostTensor(value->t());
      if (!v || v->size() != 1)
        return std::nullopt;
      out.dataType = v->dataType;
      fill = v->asDouble(0);
    }
    out.dims.assign(x.ints.begin(), x.ints.end());
    int64_t n = elementCount(out.dims);
    if (out.isFloat())
      out.floats.assign(n, fill);
    else
      out.ints.assign(n, static_cast<int64_t>(fill));
    return out;
  }
  return std::nullopt;
}

static void collectShapes(const onnx::GraphProto &graph, FoldState &state) {
  state.shapes.clear();
  forEachValueInfo(graph, [&](const onnx::ValueInfoProto &info) {
    if (std::optional<llvm::SmallVector<int64_t>> dims = staticDims(info))
      state.shapes[info.name()] = *dims;
  });
  for (const TensorProto &init : graph.initializer())
    state.shapes[init.name()] =
        llvm::SmallVector<int64_t>(init.dims().begin(), init.dims().end());
}

LogicalResult inferAndFoldShapes(onnx::ModelProto &model, int64_t opset,
                                 Location fileLoc) {
  onnx::GraphProto &graph = *model.mutable_graph();

  // Constant nodes are initializers under another name.
  google::protobuf::RepeatedPtrField<NodeProto> kept;
  for (NodeProto &node : *graph.mutable_node()) {
    if (node.op_type() == "Constant" &&
        (node.domain().empty() || node.domain() == "ai.onnx")) {
      if (std::optional<TensorProto> value = constantNodeValue(node)) {
        *graph.add_initializer() = std::move(*value);
        continue;
      }
    }
    *kept.Add() = std::move(node);
  }
  graph.mutable_node()->Swap(&kept);

  // Each round folds what the previous inference made static; a chain of
  // shape computations needs a round per reshape it passes through.
  for (int round = 0; round < 32; ++round) {
    try {
      onnx::shape_inference::InferShapes(
          model, onnx::OpSchemaRegistry::Instance(),
          onnx::ShapeInferenceOptions(/*check_type=*/false,
                                      /*error_mode=*/0,
                                      /*enable_data_propagation=*/true));
    } catch (const std::exception &e) {
      emitError(fileLoc) << "ONNX shape inference failed: " << e.what();
      return failure();
    }

    FoldState state;
    for (const TensorProto &init : graph.initializer())
      state.initializers[init.name()] = &init;
    collectShapes(graph, state);

    std::vector<TensorProto> folded;
    google::protobuf::RepeatedPtrField<NodeProto> remaining;
    for (NodeProto &node : *graph.mutable_node()) {
      std::optional<HostTensor> value = foldNode(node, state, opset);
      if (value && value->size() <= kMaxFoldedElements) {
        state.values[node.output(0)] = *value;
        state.shapes[node.output(0)] = value->dims;
        folded.push_back(writeHostTensor(*value, node.output(0)));
        continue;
      }
      *remaining.Add() = std::move(node);
    }
    graph.mutable_node()->Swap(&remaining);
    if (folded.empty())
      return success();
    for (TensorProto &tensor : folded)
      *graph.add_initializer() = std::move(tensor);
  }
  return success();
}

} // namespace mlir::roof::onnx_import
