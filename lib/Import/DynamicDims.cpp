//===- DynamicDims.cpp - Keeping named dims dynamic -----------------------===//

#include "DynamicDims.h"

#include "roof/Dialect/RoofDialect.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Verifier.h"

namespace mlir::roof::onnx_import {

/// "at node 'name' (tosa.op)": where an error is, since an op's location
/// prints as the model file.
static std::string atNode(Operation *op) {
  std::string text = "at ";
  if (auto name = dyn_cast<NameLoc>(op->getLoc()))
    text += "node '" + name.getName().str() + "' ";
  return text + "(" + op->getName().getStringRef().str() + ")";
}

/// `base` with the dims that differ in `probe` dynamic; null when the two
/// differ in anything but sizes.
static RankedTensorType mergeType(Type base, Type probe) {
  auto a = dyn_cast<RankedTensorType>(base);
  auto b = dyn_cast<RankedTensorType>(probe);
  if (!a || !b || a.getRank() != b.getRank() ||
      a.getElementType() != b.getElementType() ||
      a.getEncoding() != b.getEncoding())
    return nullptr;
  SmallVector<int64_t> shape(a.getShape());
  for (auto [dim, other] : llvm::zip(shape, b.getShape()))
    if (dim != other)
      dim = ShapedType::kDynamic;
  return a.clone(shape);
}

/// Whether two attributes of the same op agree. Two constants of one type
/// agree whatever their values: the probe's weights are stored under other
/// resource names, and a constant computed from a kept dim has a type that
/// depends on it too.
static bool sameAttribute(Attribute a, Attribute b) {
  if (a == b)
    return true;
  auto x = dyn_cast<ElementsAttr>(a);
  auto y = dyn_cast<ElementsAttr>(b);
  return x && y && x.getType() == y.getType();
}

static bool sameAttributes(Operation *a, Operation *b) {
  DictionaryAttr x = a->getAttrDictionary(), y = b->getAttrDictionary();
  if (x.size() != y.size())
    return false;
  for (auto [first, second] : llvm::zip(x, y))
    if (first.getName() != second.getName() ||
        !sameAttribute(first.getValue(), second.getValue()))
      return false;
  return true;
}

/// The values of a shape operand (empty when it is not a constant).
static SmallVector<int64_t> getConstantShape(Value shape) {
  auto op = shape.getDefiningOp<tosa::ConstShapeOp>();
  if (!op)
    return {};
  return llvm::to_vector(
      cast<DenseIntElementsAttr>(op.getValues()).getValues<int64_t>());
}

namespace {
/// An entry of a shape operand made dynamic: a constant (-1 for "inferred"
/// or "to the end"), or the size of dim `dim` of `source`.
struct ShapeEntry {
  int64_t value = 0;
  Value source;
  unsigned dim = 0;
};

/// What the merge changes, collected before any of it is applied so that
/// every check sees the bound sizes.
struct Merge {
  SmallVector<std::pair<Value, Type>> types;
  SmallVector<std::pair<OpOperand *, SmallVector<ShapeEntry>>> shapes;
};
} // namespace

/// The entries of shape operand `number` of `base` (and its `probe` twin)
/// that differ, or failure with an error when an op takes no dynamic size
/// there: only a reshape's new shape and a slice's sizes may have one.
static FailureOr<SmallVector<unsigned>>
differingEntries(Operation *base, Operation *probe, unsigned number) {
  SmallVector<int64_t> a = getConstantShape(base->getOperand(number));
  SmallVector<int64_t> b = getConstantShape(probe->getOperand(number));
  SmallVector<unsigned> differing;
  for (auto [i, x] : llvm::enumerate(a))
    if (i < b.size() && x != b[i])
      differing.push_back(i);
  bool dynamicAllowed = (isa<tosa::ReshapeOp>(base) && number == 1) ||
                        (isa<tosa::SliceOp>(base) && number == 2);
  if (!differing.empty() && !dynamicAllowed)
    return emitError(base->getLoc())
           << "cannot keep the dims dynamic " << atNode(base)
           << ": a size it takes depends on a kept dim, and TOSA takes it as "
              "a constant: bind that dim (--input-shape) instead";
  return differing;
}

/// A value whose dim has size `size` in the bound import and `probeSize`
/// in the probe: the reshape's input, else an argument of the function
/// (which every op may read); false when none has.
static bool findDimSource(tosa::ReshapeOp base, tosa::ReshapeOp probe,
                          int64_t size, int64_t probeSize, ShapeEntry &entry) {
  SmallVector<std::pair<Value, Value>> candidates = {
      {base.getInput1(), probe.getInput1()}};
  auto fn = base->getParentOfType<func::FuncOp>();
  auto probeFn = probe->getParentOfType<func::FuncOp>();
  for (auto [arg, probeArg] :
       llvm::zip(fn.getArguments(), probeFn.getArguments()))
    candidates.emplace_back(arg, probeArg);
  for (auto [value, probeValue] : candidates) {
    auto type = dyn_cast<RankedTensorType>(value.getType());
    auto probeType = dyn_cast<RankedTensorType>(probeValue.getType());
    if (!type || !probeType || type.getRank() != probeType.getRank())
      continue;
    for (int64_t d = 0; d < type.getRank(); ++d)
      if (type.getDimSize(d) == size && probeType.getDimSize(d) == probeSize) {
        entry.source = value;
        entry.dim = d;
        return true;
      }
  }
  return false;
}

/// A reshape's new shape: a size that depends on a kept dim is -1, which
/// TOSA's reshape infers for one; when several do, the others must be the
/// sizes of dims of its input or of the function's arguments in both
/// imports, and read from there (tosa.dim).
static LogicalResult mergeReshape(tosa::ReshapeOp base, tosa::ReshapeOp probe,
                                  Merge &merge) {
  FailureOr<SmallVector<unsigned>> differing = differingEntries(base, probe, 1);
  if (failed(differing) || differing->empty())
    return failure(failed(differing));
  SmallVector<int64_t> a = getConstantShape(base.getShape());
  SmallVector<int64_t> b = getConstantShape(probe.getShape());
  SmallVector<ShapeEntry> entries;
  for (int64_t value : a)
    entries.push_back({value, Value(), 0});
  SmallVector<unsigned> inferred;
  for (unsigned i : *differing)
    if (differing->size() == 1 ||
        !findDimSource(base, probe, a[i], b[i], entries[i]))
      inferred.push_back(i);
  if (inferred.size() > 1)
    return emitError(base.getLoc())
           << "cannot keep the dims dynamic " << atNode(base) << ": "
           << inferred.size()
           << " sizes of its result depend on kept dims without being sizes "
              "of its input or of an argument, and TOSA's reshape infers at "
              "most one: keep fewer dims dynamic (bind the others with "
              "--input-shape)";
  for (unsigned i : inferred)
    entries[i].value = -1;
  merge.shapes.emplace_back(&base->getOpOperand(1), std::move(entries));
  return success();
}

/// A slice's size that depends on a kept dim is -1, "to the end": right
/// only when the slice runs to the end of that dim.
static LogicalResult mergeSlice(tosa::SliceOp base, tosa::SliceOp probe,
                                Merge &merge) {
  FailureOr<SmallVector<unsigned>> differing = differingEntries(base, probe, 2);
  if (failed(differing) || failed(differingEntries(base, probe, 1)))
    return failure();
  if (differing->empty())
    return success();
  SmallVector<int64_t> start = getConstantShape(probe.getStart());
  SmallVector<int64_t> size = getConstantShape(probe.getSize());
  ArrayRef<int64_t> dims = probe.getInput1().getType().getShape();
  SmallVector<ShapeEntry> entries;
  for (int64_t value : getConstantShape(base.getSize()))
    entries.push_back({value, Value(), 0});
  for (unsigned i : *differing) {
    if (i >= start.size() || start[i] + size[i] != dims[i])
      return emitError(base.getLoc())
             << "cannot keep the dims dynamic " << atNode(base)
             << ": it takes part of dim " << i
             << ", whose size depends on a kept dim, and TOSA's slice takes "
                "static sizes: bind that dim (--input-shape) instead";
    entries[i].value = -1;
  }
  merge.shapes.emplace_back(&base->getOpOperand(2), std::move(entries));
  return success();
}

/// Builds, before the op that takes it, the shape operand `entries` give:
/// a constant, or constants and input dims' sizes concatenated.
static void rewriteShape(OpOperand &operand, ArrayRef<ShapeEntry> entries) {
  Operation *user = operand.getOwner();
  OpBuilder b(user);
  Location loc = user->getLoc();
  auto constant = [&](ArrayRef<int64_t> values) -> Value {
    auto type = RankedTensorType::get({static_cast<int64_t>(values.size())},
                                      b.getIndexType());
    return tosa::ConstShapeOp::create(
        b, loc, tosa::shapeType::get(b.getContext(), values.size()),
        DenseIntElementsAttr::get(type, values));
  };
  SmallVector<Value> pieces;
  SmallVector<int64_t> run;
  for (const ShapeEntry &entry : entries) {
    if (!entry.source) {
      run.push_back(entry.value);
      continue;
    }
    if (!run.empty())
      pieces.push_back(constant(run));
    run.clear();
    pieces.push_back(
        tosa::DimOp::create(b, loc, tosa::shapeType::get(b.getContext(), 1),
                            entry.source, b.getI32IntegerAttr(entry.dim)));
  }
  if (!run.empty())
    pieces.push_back(constant(run));
  Value old = operand.get();
  operand.set(pieces.size() == 1
                  ? pieces.front()
                  : tosa::ConcatShapeOp::create(
                        b, loc,
                        tosa::shapeType::get(b.getContext(), entries.size()),
                        pieces)
                        .getResult());
  if (Operation *def = old.getDefiningOp(); def && def->use_empty())
    def->erase();
}

/// Names the dynamic dims of `fn`'s arguments after the model's inputs.
static void nameArgumentDims(func::FuncOp fn,
                             const InputDimNames &inputDimNames) {
  Builder b(fn.getContext());
  for (auto [i, type] : llvm::enumerate(fn.getArgumentTypes())) {
    auto shaped = cast<RankedTensorType>(type);
    if (shaped.hasStaticShape())
      continue;
    SmallVector<Attribute> names;
    for (auto [d, size] : llvm::enumerate(shaped.getShape())) {
      StringRef name;
      if (ShapedType::isDynamic(size) && i < inputDimNames.size() &&
          d < inputDimNames[i].size())
        name = inputDimNames[i][d];
      names.push_back(b.getStringAttr(name));
    }
    fn.setArgAttr(i, kDimNamesAttrName, b.getArrayAttr(names));
  }
}

LogicalResult mergeDynamicDims(ModuleOp base, ModuleOp probe,
                               const InputDimNames &inputDimNames) {
  SmallVector<Operation *> baseOps, probeOps;
  base.walk<WalkOrder::PreOrder>([&](Operation *op) { baseOps.push_back(op); });
  probe.walk<WalkOrder::PreOrder>(
      [&](Operation *op) { probeOps.push_back(op); });
  if (baseOps.size() != probeOps.size())
    return emitError(base.getLoc())
           << "the model's graph changes with the kept dims' sizes ("
           << baseOps.size() << " ops at the bound sizes, " << probeOps.size()
           << " at larger ones): bind them instead, or check the model at "
              "sizes other than 1, which ONNX may broadcast or squeeze";

  Merge merge;
  auto mergeValue = [&](Value x, Value y) {
    if (x.getType() == y.getType())
      return true;
    RankedTensorType merged = mergeType(x.getType(), y.getType());
    if (merged)
      merge.types.emplace_back(x, merged);
    return static_cast<bool>(merged);
  };
  for (auto [a, b] : llvm::zip(baseOps, probeOps)) {
    auto differs = [&, a = a](StringRef what) {
      return emitError(a->getLoc())
             << "cannot keep the dims dynamic " << atNode(a)
             << ": the kept dims' sizes change its " << what
             << ", not only its shapes: bind them instead";
    };
    if (a->getName() != b->getName() ||
        a->getNumResults() != b->getNumResults() ||
        a->getNumRegions() != b->getNumRegions())
      return differs("structure");
    // Shape constants are checked where they are used.
    if (!isa<func::FuncOp, tosa::ConstShapeOp>(a) && !sameAttributes(a, b))
      return differs("attributes");
    if (auto reshape = dyn_cast<tosa::ReshapeOp>(a)) {
      if (failed(mergeReshape(reshape, cast<tosa::ReshapeOp>(b), merge)))
        return failure();
    } else if (auto slice = dyn_cast<tosa::SliceOp>(a)) {
      if (failed(mergeSlice(slice, cast<tosa::SliceOp>(b), merge)))
        return failure();
    } else {
      for (OpOperand &operand : a->getOpOperands())
        if (isa<tosa::shapeType>(operand.get().getType()) &&
            failed(differingEntries(a, b, operand.getOperandNumber())))
          return failure();
    }
    for (auto [x, y] : llvm::zip(a->getResults(), b->getResults()))
      if (!mergeValue(x, y))
        return differs("result types");
    for (auto [regionA, regionB] : llvm::zip(a->getRegions(), b->getRegions()))
      for (auto [blockA, blockB] : llvm::zip(regionA, regionB))
        for (auto [x, y] :
             llvm::zip(blockA.getArguments(), blockB.getArguments()))
          if (!mergeValue(x, y))
            return differs("argument types");
  }

  for (auto &[value, type] : merge.types)
    value.setType(type);
  for (auto &[operand, entries] : merge.shapes)
    rewriteShape(*operand, entries);

  // Functions take the types their blocks now have.
  for (auto fn : base.getOps<func::FuncOp>()) {
    Operation *terminator = fn.getBody().front().getTerminator();
    fn.setType(FunctionType::get(fn.getContext(),
                                 fn.getBody().front().getArgumentTypes(),
                                 terminator->getOperandTypes()));
    nameArgumentDims(fn, inputDimNames);
  }
  return verify(base);
}

} // namespace mlir::roof::onnx_import
