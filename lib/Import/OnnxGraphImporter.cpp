//===- OnnxGraphImporter.cpp - ONNX graph to a TOSA function --------------===//

#include "OnnxGraphImporter.h"
#include "OnnxAttributes.h"
#include "OnnxModelLoader.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/BuiltinDialect.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "onnx/defs/schema.h"
#include "llvm/ADT/StringSet.h"

namespace mlir::roof::onnx_import {

using onnx::NodeProto;
using onnx::TensorProto;

const ConverterTable &allConverters() {
  static const ConverterTable table = [] {
    ConverterTable t;
    registerContractionConverters(t);
    registerElementwiseConverters(t);
    registerNormalizationConverters(t);
    registerPoolingConverters(t);
    registerDataMovementConverters(t);
    registerQuantizationConverters(t);
    registerResizeConverters(t);
    return t;
  }();
  return table;
}

GraphImporter::GraphImporter(ModuleOp module, const onnx::ModelProto &model,
                             bool keepWeights)
    : b(module.getContext()), module(module), model(model),
      keepWeights(keepWeights), opsetVersion(defaultOpset(model)) {}

Type GraphImporter::elementType(int32_t onnxType) {
  MLIRContext *ctx = getContext();
  switch (onnxType) {
  case TensorProto::FLOAT:
    return b.getF32Type();
  case TensorProto::FLOAT16:
    return b.getF16Type();
  case TensorProto::BFLOAT16:
    return b.getBF16Type();
  case TensorProto::DOUBLE:
    return b.getF64Type();
  case TensorProto::BOOL:
    return b.getI1Type();
  case TensorProto::INT8:
    return b.getI8Type();
  case TensorProto::INT16:
    return b.getI16Type();
  case TensorProto::INT32:
    return b.getI32Type();
  case TensorProto::INT64:
    return b.getI64Type();
  case TensorProto::UINT8:
    return IntegerType::get(ctx, 8, IntegerType::Unsigned);
  case TensorProto::UINT16:
    return IntegerType::get(ctx, 16, IntegerType::Unsigned);
  case TensorProto::UINT32:
    return IntegerType::get(ctx, 32, IntegerType::Unsigned);
  case TensorProto::UINT64:
    return IntegerType::get(ctx, 64, IntegerType::Unsigned);
  default:
    return nullptr;
  }
}

void GraphImporter::collectTypes() {
  const onnx::GraphProto &graph = model.graph();
  forEachValueInfo(graph, [&](const onnx::ValueInfoProto &info) {
    std::optional<llvm::SmallVector<int64_t>> dims = staticDims(info);
    if (Type element = elementType(info.type().tensor_type().elem_type());
        dims && element)
      types[info.name()] = RankedTensorType::get(*dims, element);
  });
  for (const TensorProto &init : graph.initializer()) {
    llvm::SmallVector<int64_t> dims(init.dims().begin(), init.dims().end());
    // A negative dim is a damaged file; its users report the missing type.
    if (Type element = elementType(init.data_type());
        element && llvm::all_of(dims, [](int64_t d) { return d >= 0; }))
      types[init.name()] = RankedTensorType::get(dims, element);
  }
}

Location GraphImporter::nodeLocation(const NodeProto &node) {
  // The file as child location: diagnostics print "model.onnx:0:0" and
  // the node's name is in the message.
  return NameLoc::get(b.getStringAttr(displayName(node)), module.getLoc());
}

LogicalResult GraphImporter::unsupported(const NodeProto &node,
                                         const llvm::Twine &why) {
  // Unnamed nodes are named after their first output, as in their location.
  Location loc = nodeLocation(node);
  failures.push_back(
      {cast<NameLoc>(loc).getName().str(), node.op_type(), why.str(), loc});
  return failure();
}

bool GraphImporter::isOutputUsed(const NodeProto &node, int i) const {
  return i < node.output_size() && !node.output(i).empty() &&
         useCounts.lookup(node.output(i)) > 0;
}

GraphImporter::ValueEntry *GraphImporter::lookup(const std::string &name) {
  auto it = values.find(name);
  return it == values.end() ? nullptr : &it->second;
}

RankedTensorType GraphImporter::inputType(const NodeProto &node, int i) {
  return types.lookup(node.input(i));
}

RankedTensorType GraphImporter::outputType(const NodeProto &node, int i) {
  return types.lookup(node.output(i));
}

Value GraphImporter::input(const NodeProto &node, int i) {
  ValueEntry &entry = *lookup(node.input(i));
  if (!entry.logical) {
    if (entry.constant)
      entry.logical = materializeConstant(*entry.constant, {});
    else
      entry.logical = emit().transpose(entry.nhwc, kNHWCToNCHW);
  }
  return entry.logical;
}

Value GraphImporter::inputNHWC(const NodeProto &node, int i) {
  ValueEntry &entry = *lookup(node.input(i));
  if (!entry.nhwc) {
    if (entry.constant)
      entry.nhwc = materializeConstant(*entry.constant, kNCHWToNHWC);
    else
      entry.nhwc = emit().transpose(entry.logical, kNCHWToNHWC);
  }
  return entry.nhwc;
}

bool GraphImporter::isNHWC(const NodeProto &node, int i) const {
  auto it = values.find(node.input(i));
  return it != values.end() && it->second.nhwc;
}

Value GraphImporter::inputPermuted(const NodeProto &node, int i,
                                   llvm::ArrayRef<int64_t> perm) {
  ValueEntry &entry = *lookup(node.input(i));
  if (entry.constant && !entry.logical)
    return materializeConstant(*entry.constant, perm);
  return emit().transpose(input(node, i), perm);
}

bool GraphImporter::prefersNHWC(const NodeProto &node) const {
  auto out = types.find(node.output(0));
  if (out == types.end() || out->second.getRank() != 4)
    return false;
  for (int i = 0; i < node.input_size(); ++i)
    if (hasInput(node, i) && isNHWC(node, i))
      return true;
  return false;
}

Value GraphImporter::toLayout(Value logical, bool nhwc) {
  if (!nhwc)
    return logical;
  return emit().transpose(emit().toRank(logical, 4), kNCHWToNHWC);
}

Value GraphImporter::inputInLayout(const NodeProto &node, int i, bool nhwc) {
  if (nhwc && inputType(node, i).getRank() == 4)
    return inputNHWC(node, i);
  return toLayout(input(node, i), nhwc);
}

void GraphImporter::setOutputInLayout(const NodeProto &node, int i, Value value,
                                      bool nhwc) {
  if (nhwc)
    setOutputNHWC(node, i, value);
  else
    setOutput(node, i, value);
}

LogicalResult GraphImporter::convertInAnyLayout(
    const NodeProto &node,
    llvm::function_ref<Value(llvm::ArrayRef<Value>)> body) {
  bool nhwc = prefersNHWC(node);
  llvm::SmallVector<Value> inputs;
  for (int i = 0; i < node.input_size(); ++i)
    inputs.push_back(hasInput(node, i) ? inputInLayout(node, i, nhwc)
                                       : Value());
  Value result = body(inputs);
  if (!result)
    return failure();
  setOutputInLayout(node, 0, result, nhwc);
  return success();
}

const HostTensor *GraphImporter::constantInput(const NodeProto &node, int i) {
  if (!hasInput(node, i))
    return nullptr;
  const std::string &name = node.input(i);
  auto cached = hostValues.find(name);
  if (cached != hostValues.end())
    return &cached->second;
  ValueEntry *entry = lookup(name);
  if (!entry || !entry->constant)
    return nullptr;
  std::optional<HostTensor> value = readHostTensor(*entry->constant);
  if (!value)
    return nullptr;
  return &(hostValues[name] = std::move(*value));
}

void GraphImporter::setOutput(const NodeProto &node, int i, Value value) {
  values[node.output(i)].logical = value;
}

void GraphImporter::setOutputNHWC(const NodeProto &node, int i, Value value) {
  values[node.output(i)].nhwc = value;
}

void GraphImporter::aliasOutput(const NodeProto &node, int out, int in) {
  ValueEntry entry = *lookup(node.input(in));
  values[node.output(out)] = entry;
}

void GraphImporter::setOutputPlaceholder(const NodeProto &node, int i,
                                         int32_t dataType) {
  TensorProto &placeholder = liftedConstants.emplace_back();
  placeholder.set_name(node.output(i));
  placeholder.set_data_type(dataType);
  for (int64_t d : outputType(node, i).getShape())
    placeholder.add_dims(d);
  // No values anywhere: readHostTensor refuses it, constantAttr gives it a
  // shape-only attribute.
  placeholder.set_data_location(TensorProto::EXTERNAL);
  values[node.output(i)] = ValueEntry{Value(), Value(), &placeholder};
}

ElementsAttr GraphImporter::shapeOnlyAttr(RankedTensorType type,
                                          llvm::StringRef name) {
  auto &blobs = DenseResourceElementsHandle::getManagerInterface(getContext());
  return DenseResourceElementsAttr::get(type, blobs.insert(name));
}

ElementsAttr GraphImporter::constantAttr(const TensorProto &tensor,
                                         RankedTensorType type,
                                         llvm::ArrayRef<int64_t> perm) {
  int64_t count = type.getNumElements();
  bool inlineValues = count <= kMaxInlineConstantElements;
  std::string resourceName = tensor.name().empty() ? "weight" : tensor.name();
  if (!inlineValues && !keepWeights)
    return shapeOnlyAttr(type, resourceName);

  std::string error;
  std::optional<std::string> bytes = packedTensorBytes(tensor, error);
  if (!bytes) {
    // Reported with the node failures; the shape-only constant keeps the
    // rest of the graph importing so every problem is listed at once.
    failures.push_back(
        {tensor.name(), "initializer", "its values cannot be read: " + error,
         NameLoc::get(b.getStringAttr(tensor.name()), module.getLoc())});
    return shapeOnlyAttr(type, resourceName);
  }
  if (!perm.empty())
    *bytes = permuteBytes(
        *bytes,
        llvm::SmallVector<int64_t>(tensor.dims().begin(), tensor.dims().end()),
        perm, onnxElementBytes(tensor.data_type()));
  if (tensor.data_type() == TensorProto::BOOL) {
    llvm::SmallVector<bool> flags;
    for (char c : *bytes)
      flags.push_back(c != 0);
    return DenseElementsAttr::get(type, flags);
  }
  if (inlineValues)
    return DenseElementsAttr::getFromRawBuffer(
        type, llvm::ArrayRef<char>(bytes->data(), bytes->size()));
  return DenseResourceElementsAttr::get(
      type, resourceName,
      HeapAsmResourceBlob::allocateAndCopyWithAlign(
          llvm::ArrayRef<char>(bytes->data(), bytes->size()),
          alignof(uint64_t)));
}

Value GraphImporter::materializeConstant(const TensorProto &tensor,
                                         llvm::ArrayRef<int64_t> perm) {
  llvm::SmallVector<int64_t> dims(tensor.dims().begin(), tensor.dims().end());
  if (!perm.empty()) {
    llvm::SmallVector<int64_t> permuted;
    for (int64_t p : perm)
      permuted.push_back(dims[p]);
    dims = permuted;
  }
  auto type = RankedTensorType::get(dims, elementType(tensor.data_type()));
  return tosa::ConstOp::create(b, emit().location(), type,
                               constantAttr(tensor, type, perm));
}

LogicalResult GraphImporter::convertAs2D(const NodeProto &node,
                                         const NodeConverter &convert2D) {
  NodeProto lifted = node;
  lifted.clear_input();
  lifted.clear_output();
  // Window attributes: H gets kernel 1, stride 1, dilation 1, no padding.
  for (onnx::AttributeProto &attr : *lifted.mutable_attribute()) {
    llvm::StringRef name = attr.name();
    if (name != "kernel_shape" && name != "strides" && name != "dilations" &&
        name != "pads" && name != "output_padding" && name != "output_shape")
      continue;
    llvm::SmallVector<int64_t> given(attr.ints().begin(), attr.ints().end());
    attr.clear_ints();
    int64_t unit = name == "kernel_shape" || name == "strides" ||
                           name == "dilations" || name == "output_shape"
                       ? 1
                       : 0;
    if (name == "pads") {
      if (given.size() != 2)
        return unsupported(node, "pads must have 2 values for a 1-D window");
      for (int64_t v : {int64_t(0), given[0], int64_t(0), given[1]})
        attr.add_ints(v);
    } else {
      attr.add_ints(unit);
      for (int64_t v : given)
        attr.add_ints(v);
    }
  }
  auto withUnitH = [](llvm::ArrayRef<int64_t> dims) {
    llvm::SmallVector<int64_t> out(dims.take_front(2));
    out.push_back(1);
    out.append(dims.begin() + 2, dims.end());
    return out;
  };
  for (int i = 0; i < node.input_size(); ++i) {
    const std::string &name = node.input(i);
    if (name.empty() || i > 1) {
      lifted.add_input(name);
      continue;
    }
    std::string liftedName = name + "#2d";
    lifted.add_input(liftedName);
    if (values.count(liftedName))
      continue;
    RankedTensorType type = types.lookup(name);
    auto liftedType = RankedTensorType::get(withUnitH(type.getShape()),
                                            type.getElementType());
    types[liftedName] = liftedType;
    ValueEntry &entry = values[liftedName];
    if (const TensorProto *constant = lookup(name)->constant) {
      // A weight stays a constant (permuted on the host later), under its
      // own name.
      TensorProto &copy = liftedConstants.emplace_back(*constant);
      copy.clear_dims();
      for (int64_t d : liftedType.getShape())
        copy.add_dims(d);
      entry.constant = &copy;
    } else {
      entry.logical = emit().reshape(input(node, i), liftedType.getShape());
    }
  }
  std::string output = node.output(0) + "#2d";
  lifted.add_output(output);
  RankedTensorType outType = outputType(node, 0);
  types[output] = RankedTensorType::get(withUnitH(outType.getShape()),
                                        outType.getElementType());
  ++useCounts[output];
  if (failed(convert2D(*this, lifted)))
    return failure();
  NodeProto view;
  view.add_input(output);
  setOutput(node, 0, emit().reshape(input(view, 0), outType.getShape()));
  return success();
}

LogicalResult GraphImporter::convertNode(const NodeProto &node,
                                         const ConverterTable &table) {
  auto poison = [&] {
    for (const std::string &out : node.output())
      poisoned.insert(out);
    return failure();
  };
  bool defaultDomain = node.domain().empty() || node.domain() == "ai.onnx";
  std::string key =
      defaultDomain ? node.op_type() : node.domain() + ":" + node.op_type();
  auto it = table.find(key);
  if (it == table.end()) {
    (void)unsupported(node, "op type '" + key + "' is not supported");
    return poison();
  }
  // Input and output counts as the op's schema in this opset allows: the
  // converters rely on them (a damaged file may break them).
  if (const onnx::OpSchema *schema =
          defaultDomain
              ? onnx::OpSchemaRegistry::Schema(node.op_type(), opsetVersion, "")
              : nullptr) {
    bool inputsOk = node.input_size() >= schema->min_input() &&
                    node.input_size() <= schema->max_input();
    for (int i = 0; inputsOk && i < schema->min_input(); ++i)
      inputsOk = !node.input(i).empty();
    if (!inputsOk || node.output_size() < schema->min_output() ||
        node.output_size() > schema->max_output()) {
      (void)unsupported(
          node, "it has " + llvm::Twine(node.input_size()) + " inputs and " +
                    llvm::Twine(node.output_size()) + " outputs, which opset " +
                    llvm::Twine(opsetVersion) + "'s " + node.op_type() +
                    " does not allow");
      return poison();
    }
  }
  for (const std::string &in : node.input()) {
    if (in.empty())
      continue;
    if (poisoned.contains(in))
      return poison();
    if (!lookup(in)) {
      (void)unsupported(node,
                        "input '" + in +
                            "' is produced by no node, initializer or graph "
                            "input (is the file truncated?)");
      return poison();
    }
    if (!types.count(in)) {
      (void)unsupported(node, "input '" + in +
                                  "' has no static tensor type of a supported "
                                  "element type");
      return poison();
    }
  }
  if (node.output_size() == 0) {
    (void)unsupported(node, "it has no outputs");
    return failure();
  }
  for (int i = 0; i < node.output_size(); ++i) {
    const std::string &out = node.output(i);
    if (!isOutputUsed(node, i) || types.count(out))
      continue;
    if (it->second.shapePreserving && hasInput(node, 0) &&
        types.count(node.input(0))) {
      types[out] = inputType(node, 0);
      continue;
    }
    (void)unsupported(
        node,
        "ONNX shape inference found no static shape for output '" + out + "'");
    return poison();
  }

  emitter = std::make_unique<TosaEmitter>(b, nodeLocation(node));
  size_t failuresBefore = failures.size();
  Block *block = b.getInsertionBlock();
  Operation *before = block->empty() ? nullptr : &block->back();
  if (failed(it->second.convert(*this, node))) {
    if (failures.size() == failuresBefore)
      (void)unsupported(node, "conversion failed");
    return poison();
  }
  // What the node's attributes or shapes make invalid (a clip whose min is
  // above its max, an empty dim TOSA rejects) is the node's error.
  for (Operation &op : llvm::make_range(
           before ? std::next(before->getIterator()) : block->begin(),
           block->end())) {
    std::string message;
    ScopedDiagnosticHandler capture(b.getContext(), [&](Diagnostic &diag) {
      if (message.empty() && diag.getSeverity() == DiagnosticSeverity::Error)
        message = diag.str();
      return success();
    });
    if (failed(verify(&op))) {
      (void)unsupported(node, "it makes an invalid " +
                                  op.getName().getStringRef() + ": " + message);
      return poison();
    }
  }
  for (int i = 0; i < node.output_size(); ++i) {
    if (!isOutputUsed(node, i))
      continue;
    ValueEntry *entry = lookup(node.output(i));
    if (!entry || (!entry->logical && !entry->nhwc && !entry->constant)) {
      (void)unsupported(node, "output " + llvm::Twine(i) + " is not supported");
      return poison();
    }
  }
  return success();
}

Value GraphImporter::addRuntimeInput(const NodeProto &node,
                                     llvm::StringRef what,
                                     RankedTensorType type) {
  return entry->addArgument(
      type, NameLoc::get(b.getStringAttr(node.name() + "." + what.str()),
                         module.getLoc()));
}

LogicalResult GraphImporter::importGraph(llvm::StringRef functionName) {
  const onnx::GraphProto &graph = model.graph();
  collectTypes();
  for (const NodeProto &node : graph.node())
    for (const std::string &in : node.input())
      ++useCounts[in];
  for (const auto &out : graph.output())
    ++useCounts[out.name()];

  llvm::StringSet<> initializerNames;
  for (const TensorProto &init : graph.initializer()) {
    initializerNames.insert(init.name());
    values[init.name()].constant = &init;
  }

  llvm::SmallVector<Type> argTypes;
  llvm::SmallVector<Location> argLocs;
  llvm::SmallVector<std::string> argNames;
  Location fileLoc = module.getLoc();
  for (const auto &info : graph.input()) {
    if (initializerNames.contains(info.name()))
      continue;
    RankedTensorType type = types.lookup(info.name());
    if (!type) {
      emitError(fileLoc) << "graph input '" << info.name()
                         << "' has no static tensor type of a supported "
                            "element type";
      return failure();
    }
    argTypes.push_back(type);
    argLocs.push_back(
        NameLoc::get(b.getStringAttr(info.name()), module.getLoc()));
    argNames.push_back(info.name());
  }

  b.setInsertionPointToEnd(module.getBody());
  auto func = func::FuncOp::create(b, fileLoc, functionName,
                                   b.getFunctionType(argTypes, {}));
  Block *body = func.addEntryBlock();
  entry = body;
  for (auto [arg, loc, name] :
       llvm::zip(body->getArguments(), argLocs, argNames)) {
    arg.setLoc(loc);
    values[name].logical = arg;
  }
  b.setInsertionPointToEnd(body);

  for (const NodeProto &node : graph.node())
    (void)convertNode(node, allConverters());

  if (!failures.empty()) {
    for (const Failure &f : failures)
      emitError(f.loc) << "cannot import " << f.opType << " node '" << f.node
                       << "': " << f.reason;
    emitError(fileLoc) << failures.size()
                       << " ONNX node(s) could not be imported";
    return failure();
  }

  llvm::SmallVector<Value> results;
  llvm::SmallVector<Type> resultTypes;
  emitter = std::make_unique<TosaEmitter>(b, fileLoc);
  for (const auto &out : graph.output()) {
    NodeProto view;
    view.add_input(out.name());
    if (!lookup(out.name())) {
      emitError(fileLoc) << "graph output '" << out.name()
                         << "' is produced by no node";
      return failure();
    }
    Value value = input(view, 0);
    results.push_back(value);
    resultTypes.push_back(value.getType());
  }
  func::ReturnOp::create(b, fileLoc, results);
  // The graph's inputs, then what its nodes draw at run time.
  func.setFunctionType(
      b.getFunctionType(body->getArgumentTypes(), resultTypes));

  // Layout changes made for a consumer that then used another form (a 1-D
  // window op's 3-D result when the next one takes its 4-D view) are dead;
  // they would only add bytes to cost reports.
  for (Operation &op : llvm::make_early_inc_range(llvm::reverse(*body)))
    if (isOpTriviallyDead(&op))
      op.erase();
  return success();
}

} // namespace mlir::roof::onnx_import
