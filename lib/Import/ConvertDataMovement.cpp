//===- ConvertDataMovement.cpp - ONNX shape and copy ops to TOSA ----------===//
//
// Reshapes, transposes, slices, gathers, concatenation, padding, tiling,
// resizing and the identity-like ops. Shape computations were folded before
// conversion, so their constant inputs are read on the host here.
//
//===----------------------------------------------------------------------===//

#include "OnnxAttributes.h"
#include "OnnxGraphImporter.h"

#include "mlir/Dialect/Tensor/IR/Tensor.h"

#include <numeric>

namespace mlir::roof::onnx_import {

using onnx::NodeProto;

/// The ints of constant input `i`, or nullopt.
static std::optional<llvm::SmallVector<int64_t>>
constantInts(GraphImporter &im, const NodeProto &node, int i) {
  const HostTensor *value = im.constantInput(node, i);
  if (!value)
    return std::nullopt;
  llvm::SmallVector<int64_t> out;
  for (int64_t k = 0; k < value->size(); ++k)
    out.push_back(value->asInt(k));
  return out;
}

static LogicalResult convertReshapeLike(GraphImporter &im,
                                        const NodeProto &node) {
  im.setOutput(
      node, 0,
      im.emit().reshape(im.input(node, 0), im.outputType(node, 0).getShape()));
  return success();
}

static LogicalResult convertIdentity(GraphImporter &im, const NodeProto &node) {
  im.aliasOutput(node, 0, 0);
  return success();
}

/// Dropout. In inference, or at ratio 0, the identity with an all-true
/// mask. In training (training_mode true), y = x * mask / (1 - ratio): the
/// mask is random, so it becomes an argument of the function (drawn by the
/// runtime; one byte per element, 0 or 1, as PyTorch keeps a bool mask),
/// and the node keeps it for its backward pass, as frameworks do.
static LogicalResult convertDropout(GraphImporter &im, const NodeProto &node) {
  bool training = false;
  if (im.hasInput(node, 2)) {
    const HostTensor *mode = im.constantInput(node, 2);
    if (!mode || mode->size() != 1)
      return im.unsupported(node, "training_mode must be a constant "
                                  "scalar");
    training = mode->asInt(0) != 0;
  }
  double ratio = 0.5;
  if (im.hasInput(node, 1)) {
    const HostTensor *given = im.constantInput(node, 1);
    if (!given || given->size() != 1)
      return im.unsupported(node, "ratio must be a constant scalar");
    ratio = given->asDouble(0);
  }
  if (training && (ratio < 0 || ratio >= 1))
    return im.unsupported(node, "ratio must be in [0, 1), got " +
                                    std::to_string(ratio));
  RankedTensorType type = im.inputType(node, 0);
  Type i1 = IntegerType::get(type.getContext(), 1);
  if (!training || ratio == 0) {
    im.aliasOutput(node, 0, 0);
    if (im.isOutputUsed(node, 1))
      im.setOutput(node, 1, im.emit().splat(type.getShape(), 1, i1));
    return success();
  }
  Value mask = im.addRuntimeInput(
      node, "mask",
      RankedTensorType::get(type.getShape(),
                            IntegerType::get(type.getContext(), 8)));
  TosaEmitter &emit = im.emit();
  Value kept =
      emit.mul(im.input(node, 0), emit.cast(mask, type.getElementType()));
  im.setOutput(
      node, 0,
      emit.mul(kept, emit.scalar(1 / (1 - ratio), type.getElementType(),
                                 type.getRank())));
  if (im.isOutputUsed(node, 1))
    im.setOutput(node, 1, emit.cast(mask, i1));
  return success();
}

static LogicalResult convertTranspose(GraphImporter &im,
                                      const NodeProto &node) {
  int64_t rank = im.inputType(node, 0).getRank();
  llvm::SmallVector<int64_t> reversed(rank);
  std::iota(reversed.rbegin(), reversed.rend(), 0);
  llvm::SmallVector<int64_t> perm = intsAttr(node, "perm", reversed);
  if (rank == 4 && im.isNHWC(node, 0)) {
    // Transposing an NHWC activation: one transpose from NHWC, not two.
    llvm::SmallVector<int64_t> fromNHWC;
    for (int64_t p : perm)
      fromNHWC.push_back(kNHWCToNCHW[p]);
    im.setOutput(node, 0, im.emit().transpose(im.inputNHWC(node, 0), fromNHWC));
    return success();
  }
  im.setOutput(node, 0, im.inputPermuted(node, 0, perm));
  return success();
}

static LogicalResult convertConcat(GraphImporter &im, const NodeProto &node) {
  int64_t rank = im.outputType(node, 0).getRank();
  std::optional<int64_t> axis = axisAttr(node, "axis", 0, rank);
  if (!axis)
    return im.unsupported(node, describeBadAxis(node, "axis", 0, rank));
  bool nhwc = im.prefersNHWC(node);
  llvm::SmallVector<Value> inputs;
  for (int i = 0; i < node.input_size(); ++i) {
    // Empty tensors contribute nothing (and TOSA rejects them).
    if (im.inputType(node, i).getNumElements() == 0)
      continue;
    inputs.push_back(nhwc ? im.inputNHWC(node, i) : im.input(node, i));
  }
  if (inputs.empty())
    return im.unsupported(node, "all inputs are empty");
  Value result = im.emit().concat(inputs, nhwc ? kNHWCToNCHW[*axis] : *axis);
  im.setOutputInLayout(node, 0, result, nhwc);
  return success();
}

static LogicalResult convertSlice(GraphImporter &im, const NodeProto &node) {
  RankedTensorType inType = im.inputType(node, 0);
  int64_t rank = inType.getRank();
  llvm::SmallVector<int64_t> starts, ends, axes, steps;
  if (im.opset() < 10) {
    starts = intsAttr(node, "starts");
    ends = intsAttr(node, "ends");
    axes = intsAttr(node, "axes");
  } else {
    auto s = constantInts(im, node, 1), en = constantInts(im, node, 2);
    if (!s || !en)
      return im.unsupported(node, "starts and ends must be constants");
    starts = *s;
    ends = *en;
    if (im.hasInput(node, 3)) {
      auto a = constantInts(im, node, 3);
      if (!a)
        return im.unsupported(node, "axes must be a constant");
      axes = *a;
    }
    if (im.hasInput(node, 4)) {
      auto st = constantInts(im, node, 4);
      if (!st)
        return im.unsupported(node, "steps must be a constant");
      steps = *st;
    }
  }
  if (axes.empty())
    for (size_t i = 0; i < starts.size(); ++i)
      axes.push_back(i);
  if (steps.empty())
    steps.assign(starts.size(), 1);
  if (ends.size() != starts.size() || axes.size() != starts.size() ||
      steps.size() != starts.size())
    return im.unsupported(node, "starts, ends, axes and steps must have the "
                                "same length");

  llvm::SmallVector<int64_t> offset(rank, 0), size(inType.getShape()),
      stride(rank, 1), reversed;
  for (size_t i = 0; i < axes.size(); ++i) {
    int64_t a = normalizeAxis(axes[i], rank);
    if (a < 0 || a >= rank)
      return im.unsupported(node, "axis " + llvm::Twine(axes[i]) +
                                      " is out of range for rank " +
                                      llvm::Twine(rank));
    int64_t dim = inType.getDimSize(a);
    int64_t step = steps[i];
    if (step == 0)
      return im.unsupported(node, "a step of 0 is not allowed");
    // A step past the dim takes one element: clamped, the size below
    // cannot overflow, and -step exists.
    step = std::clamp<int64_t>(step, -std::max<int64_t>(dim, 1),
                               std::max<int64_t>(dim, 1));
    int64_t begin = starts[i] < 0 ? starts[i] + dim : starts[i];
    int64_t end = ends[i] < 0 ? ends[i] + dim : ends[i];
    if (step < 0) {
      // Walking backwards: ONNX clamps begin to [0, dim-1] and end to
      // [-1, dim-1]; on the reversed axis (index i -> dim-1-i) that is a
      // forward walk.
      begin = dim - 1 - std::clamp<int64_t>(begin, 0, dim - 1);
      end = dim - 1 - std::clamp<int64_t>(end, -1, dim - 1);
      step = -step;
      reversed.push_back(a);
    } else {
      begin = std::clamp<int64_t>(begin, 0, dim);
      end = std::clamp<int64_t>(end, 0, dim);
    }
    offset[a] = begin;
    stride[a] = step;
    size[a] = std::max<int64_t>(0, (end - begin + step - 1) / step);
  }
  TosaEmitter &e = im.emit();
  Value input = im.input(node, 0);
  for (int64_t a : reversed)
    input = e.create<tosa::ReverseOp>(TosaEmitter::typeOf(input), input,
                                      e.builder().getI32IntegerAttr(a));
  if (llvm::all_of(stride, [](int64_t s) { return s == 1; })) {
    im.setOutput(node, 0, e.slice(input, offset, size));
    return success();
  }
  // TOSA's slice has no stride; tensor's has.
  auto type = e.tensorType(size, inType.getElementType());
  im.setOutput(node, 0,
               tensor::ExtractSliceOp::create(
                   e.builder(), e.location(), type, input, ValueRange{},
                   ValueRange{}, ValueRange{}, offset, size, stride));
  return success();
}

static LogicalResult convertGather(GraphImporter &im, const NodeProto &node) {
  TosaEmitter &e = im.emit();
  RankedTensorType dataType = im.inputType(node, 0);
  int64_t rank = dataType.getRank();
  std::optional<int64_t> found = axisAttr(node, "axis", 0, rank);
  if (!found)
    return im.unsupported(node, describeBadAxis(node, "axis", 0, rank));
  int64_t axis = *found;
  int64_t outer = 1, inner = 1, k = dataType.getDimSize(axis);
  for (int64_t d = 0; d < rank; ++d)
    if (d != axis)
      (d < axis ? outer : inner) *= dataType.getDimSize(d);
  RankedTensorType indexType = im.inputType(node, 1);
  int64_t count = indexType.getNumElements();
  Type i32 = e.builder().getI32Type();

  Value indices;
  if (const HostTensor *given = im.constantInput(node, 1)) {
    llvm::SmallVector<int32_t> normalized;
    for (int64_t i = 0; i < given->size(); ++i) {
      int64_t v = given->asInt(i);
      normalized.push_back(static_cast<int32_t>(v < 0 ? v + k : v));
    }
    auto type = e.tensorType({1, count}, i32);
    indices = e.create<tosa::ConstOp>(
        type, DenseElementsAttr::get(type, llvm::ArrayRef(normalized)));
  } else {
    // Negative indices count from the end: i < 0 ? i + k : i.
    Value raw = e.reshape(e.cast(im.input(node, 1), i32), {1, count});
    Value zero = e.scalar(0, i32, 2);
    Value negative =
        e.binary<tosa::GreaterOp>(zero, raw, e.builder().getI1Type());
    indices = e.create<tosa::SelectOp>(TosaEmitter::typeOf(raw), negative,
                                       e.add(raw, e.scalar(k, i32, 2)), raw);
  }
  if (outer > 1)
    indices = e.create<tosa::TileOp>(e.tensorType({outer, count}, i32), indices,
                                     e.shape({outer, 1}));
  Value values = e.reshape(im.input(node, 0), {outer, k, inner});
  Value gathered = e.create<tosa::GatherOp>(
      e.tensorType({outer, count, inner}, dataType.getElementType()), values,
      indices);
  im.setOutput(node, 0, e.reshape(gathered, im.outputType(node, 0).getShape()));
  return success();
}

static LogicalResult convertExpand(GraphImporter &im, const NodeProto &node) {
  TosaEmitter &e = im.emit();
  RankedTensorType outType = im.outputType(node, 0);
  Value x = e.toRank(im.input(node, 0), outType.getRank());
  llvm::ArrayRef<int64_t> shape = TosaEmitter::typeOf(x).getShape();
  llvm::SmallVector<int64_t> multiples;
  for (auto [have, want] : llvm::zip(shape, outType.getShape()))
    multiples.push_back(want / have);
  if (llvm::any_of(multiples, [](int64_t m) { return m != 1; }))
    x = e.create<tosa::TileOp>(outType, x, e.shape(multiples));
  im.setOutput(node, 0, x);
  return success();
}

static LogicalResult convertTile(GraphImporter &im, const NodeProto &node) {
  auto repeats = constantInts(im, node, 1);
  if (!repeats)
    return im.unsupported(node, "repeats must be a constant");
  TosaEmitter &e = im.emit();
  im.setOutput(node, 0,
               e.create<tosa::TileOp>(im.outputType(node, 0), im.input(node, 0),
                                      e.shape(*repeats)));
  return success();
}

/// Edge or reflect padding of `x` along `axis`: the border row repeated
/// (edge) or the rows next to it mirrored (reflect), concatenated on each
/// side.
static Value padBorders(TosaEmitter &e, Value x, int64_t axis, int64_t before,
                        int64_t after, bool reflect) {
  RankedTensorType type = TosaEmitter::typeOf(x);
  int64_t dim = type.getDimSize(axis);
  auto rows = [&](int64_t start, int64_t count) {
    llvm::SmallVector<int64_t> offset(type.getRank(), 0), size(type.getShape());
    offset[axis] = start;
    size[axis] = count;
    return e.slice(x, offset, size);
  };
  auto side = [&](int64_t border, int64_t inner, int64_t count) -> Value {
    if (reflect) {
      Value mirrored = rows(inner, count);
      return e.create<tosa::ReverseOp>(TosaEmitter::typeOf(mirrored), mirrored,
                                       e.builder().getI32IntegerAttr(axis));
    }
    llvm::SmallVector<int64_t> multiples(type.getRank(), 1),
        tiled(type.getShape());
    multiples[axis] = tiled[axis] = count;
    return e.create<tosa::TileOp>(e.tensorType(tiled, type.getElementType()),
                                  rows(border, 1), e.shape(multiples));
  };
  llvm::SmallVector<Value> parts;
  if (before > 0)
    parts.push_back(side(0, 1, before));
  parts.push_back(x);
  if (after > 0)
    parts.push_back(side(dim - 1, dim - 1 - after, after));
  return e.concat(parts, axis);
}

static LogicalResult convertPad(GraphImporter &im, const NodeProto &node) {
  std::string mode = stringAttr(node, "mode", "constant");
  if (mode != "constant" && mode != "edge" && mode != "reflect")
    return im.unsupported(node, "mode '" + mode + "' is not supported");
  int64_t rank = im.inputType(node, 0).getRank();
  llvm::SmallVector<int64_t> pads;
  double value = 0;
  if (im.opset() < 11) {
    pads = intsAttr(node, "pads");
    value = floatAttr(node, "value", 0.0f);
  } else {
    auto given = constantInts(im, node, 1);
    if (!given)
      return im.unsupported(node, "pads must be a constant");
    pads = *given;
    if (im.hasInput(node, 2)) {
      const HostTensor *v = im.constantInput(node, 2);
      if (!v || v->size() != 1)
        return im.unsupported(node, "constant_value must be a constant");
      value = v->asDouble(0);
    }
    if (im.hasInput(node, 3))
      return im.unsupported(node, "the axes input is not supported");
  }
  if (static_cast<int64_t>(pads.size()) != 2 * rank ||
      llvm::any_of(pads, [](int64_t p) { return p < 0; }))
    return im.unsupported(node, "pads must be 2*rank non-negative values");
  TosaEmitter &e = im.emit();
  Value x = im.input(node, 0);
  if (mode != "constant") {
    bool reflect = mode == "reflect";
    for (int64_t d = 0; d < rank; ++d) {
      int64_t dim = im.inputType(node, 0).getDimSize(d);
      if (reflect && (pads[d] >= dim || pads[d + rank] >= dim))
        return im.unsupported(node, "reflect pads must be smaller than the "
                                    "dim they pad");
      x = padBorders(e, x, d, pads[d], pads[d + rank], reflect);
    }
    im.setOutput(node, 0, x);
    return success();
  }
  llvm::SmallVector<int64_t> padding;
  for (int64_t d = 0; d < rank; ++d) {
    padding.push_back(pads[d]);
    padding.push_back(pads[d + rank]);
  }
  im.setOutput(node, 0, e.pad(x, padding, value));
  return success();
}

static LogicalResult convertSplit(GraphImporter &im, const NodeProto &node) {
  RankedTensorType inType = im.inputType(node, 0);
  std::optional<int64_t> found = axisAttr(node, "axis", 0, inType.getRank());
  if (!found)
    return im.unsupported(node,
                          describeBadAxis(node, "axis", 0, inType.getRank()));
  int64_t axis = *found;
  TosaEmitter &e = im.emit();
  Value input = im.input(node, 0);
  int64_t offset = 0;
  for (int i = 0; i < node.output_size(); ++i) {
    RankedTensorType outType = im.outputType(node, i);
    if (!outType)
      return im.unsupported(node, "output shapes are not static");
    llvm::SmallVector<int64_t> start(inType.getRank(), 0);
    start[axis] = offset;
    if (im.isOutputUsed(node, i))
      im.setOutput(node, i, e.slice(input, start, outType.getShape()));
    offset += outType.getDimSize(axis);
  }
  return success();
}

static LogicalResult convertConstantOfShape(GraphImporter &im,
                                            const NodeProto &node) {
  RankedTensorType type = im.outputType(node, 0);
  TosaEmitter &e = im.emit();
  double fill = 0;
  int32_t dataType = onnx::TensorProto::FLOAT;
  if (const onnx::AttributeProto *value = findAttr(node, "value")) {
    std::optional<HostTensor> v = readHostTensor(value->t());
    if (!v || v->size() != 1)
      return im.unsupported(node, "value must hold one number");
    fill = v->asDouble(0);
    dataType = v->dataType;
  }
  if (!im.keepsWeights() &&
      type.getNumElements() > kMaxInlineConstantElements) {
    // Without weight values a large filled tensor is a weight placeholder
    // (models shipped without weights build them this way), permuted on the
    // host like an initializer.
    im.setOutputPlaceholder(node, 0, dataType);
    return success();
  }
  im.setOutput(node, 0, e.splat(type.getShape(), fill, type.getElementType()));
  return success();
}

void registerDataMovementConverters(ConverterTable &table) {
  table["Reshape"] = {convertReshapeLike};
  table["Flatten"] = {convertReshapeLike};
  table["Squeeze"] = {convertReshapeLike};
  table["Unsqueeze"] = {convertReshapeLike};
  table["Identity"] = {convertIdentity};
  table["Dropout"] = {convertDropout};
  table["Transpose"] = {convertTranspose};
  table["Concat"] = {convertConcat};
  table["Slice"] = {convertSlice};
  table["Gather"] = {convertGather};
  table["Expand"] = {convertExpand};
  table["Tile"] = {convertTile};
  table["Pad"] = {convertPad};
  table["Split"] = {convertSplit};
  table["ConstantOfShape"] = {convertConstantOfShape};
  // Dense Constant nodes became initializers before conversion.
  table["Constant"] = {[](GraphImporter &im, const NodeProto &node) {
    return im.unsupported(node, "sparse and string constants are not "
                                "supported");
  }};
  // Shape and Size fold once shapes are static; reaching here means not.
  for (const char *op : {"Shape", "Size"})
    table[op] = {[](GraphImporter &im, const NodeProto &node) {
      return im.unsupported(node, "its input's shape is not static");
    }};
}

} // namespace mlir::roof::onnx_import
