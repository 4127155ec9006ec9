//===- DynamicDims.cpp - Keeping named dims dynamic -----------------------===//

#include "DynamicDims.h"

#include "roof/Analysis/NamedDims.h"

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

/// Gives `base` the merged type of it and `probe`; false when they differ
/// in more than sizes.
static bool mergeValueType(Value base, Value probe) {
  if (base.getType() == probe.getType())
    return true;
  RankedTensorType merged = mergeType(base.getType(), probe.getType());
  if (merged)
    base.setType(merged);
  return static_cast<bool>(merged);
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

/// A shape operand with a kept dim's size in it becomes -1 there, which TOSA
/// reads as "inferred" in a reshape (once) and as "to the end" in a slice's
/// sizes (checkSlice makes sure it is).
static LogicalResult mergeShape(tosa::ConstShapeOp base,
                                tosa::ConstShapeOp probe) {
  auto a = cast<DenseIntElementsAttr>(base.getValues());
  auto b = cast<DenseIntElementsAttr>(probe.getValues());
  SmallVector<int64_t> values;
  unsigned differing = 0;
  for (auto [x, y] :
       llvm::zip(a.getValues<int64_t>(), b.getValues<int64_t>())) {
    differing += x != y;
    values.push_back(x == y ? x : -1);
  }
  if (!differing)
    return success();
  for (OpOperand &use : base->getUses()) {
    Operation *user = use.getOwner();
    bool inferred = isa<tosa::ReshapeOp>(user) ||
                    (isa<tosa::SliceOp>(user) && use.getOperandNumber() == 2);
    if (!inferred)
      return emitError(user->getLoc())
             << "cannot keep the dims dynamic " << atNode(user)
             << ": a size it takes depends on a kept dim, and TOSA takes it "
                "as a constant: "
                "bind that dim (--input-shape) instead of keeping it dynamic";
    if (isa<tosa::ReshapeOp>(user) && differing > 1)
      return emitError(user->getLoc())
             << "cannot keep the dims dynamic " << atNode(user) << ": "
             << differing
             << " sizes of its result depend on kept dims, and TOSA's reshape "
                "infers at most one: keep fewer dims dynamic (bind the others "
                "with "
                "--input-shape)";
  }
  base.setValuesAttr(DenseIntElementsAttr::get(a.getType(), values));
  return success();
}

/// A slice size that depends on a kept dim is -1, "to the end": right only
/// when the slice does run to the end of that dim.
static LogicalResult checkSlice(tosa::SliceOp base, tosa::SliceOp probe) {
  auto constant = [](Value shape) {
    auto op = shape.getDefiningOp<tosa::ConstShapeOp>();
    return op ? llvm::to_vector(cast<DenseIntElementsAttr>(op.getValues())
                                    .getValues<int64_t>())
              : SmallVector<int64_t>();
  };
  SmallVector<int64_t> sizes = constant(base.getSize());
  SmallVector<int64_t> probeStart = constant(probe.getStart());
  SmallVector<int64_t> probeSizes = constant(probe.getSize());
  ArrayRef<int64_t> probeDims = probe.getInput1().getType().getShape();
  for (auto [i, size] : llvm::enumerate(sizes))
    if (size == -1 && (i >= probeStart.size() || i >= probeSizes.size() ||
                       probeStart[i] + probeSizes[i] != probeDims[i]))
      return emitError(base.getLoc())
             << "cannot keep the dims dynamic " << atNode(base)
             << ": it takes part of dim " << i
             << ", whose size depends on a kept dim, and TOSA's slice takes "
                "static sizes: bind that dim (--input-shape) instead of "
                "keeping it dynamic";
  return success();
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
           << " with each " << kProbeShift
           << " larger): bind them instead, or check the model at sizes "
              "other than 1, which ONNX may broadcast or squeeze";

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
    if (auto shape = dyn_cast<tosa::ConstShapeOp>(a)) {
      if (failed(mergeShape(shape, cast<tosa::ConstShapeOp>(b))))
        return failure();
    } else if (!isa<func::FuncOp>(a) && !sameAttributes(a, b)) {
      return differs("attributes");
    }
    if (auto slice = dyn_cast<tosa::SliceOp>(a))
      if (failed(checkSlice(slice, cast<tosa::SliceOp>(b))))
        return failure();
    for (auto [x, y] : llvm::zip(a->getResults(), b->getResults()))
      if (!mergeValueType(x, y))
        return differs("result types");
    for (auto [regionA, regionB] : llvm::zip(a->getRegions(), b->getRegions()))
      for (auto [blockA, blockB] : llvm::zip(regionA, regionB))
        for (auto [x, y] :
             llvm::zip(blockA.getArguments(), blockB.getArguments()))
          if (!mergeValueType(x, y))
            return differs("argument types");
  }

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
