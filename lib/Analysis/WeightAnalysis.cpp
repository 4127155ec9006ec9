//===- WeightAnalysis.cpp - Which values are weights ----------------------===//

#include "roof/Analysis/WeightAnalysis.h"

#include "roof/Analysis/ElementSize.h"
#include "roof/Analysis/OpClassification.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MLProgram/IR/MLProgram.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/BuiltinAttributeInterfaces.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::roof;

bool WeightAnalysis::isParamArgument(BlockArgument arg) const {
  auto fn =
      dyn_cast_or_null<FunctionOpInterface>(arg.getOwner()->getParentOp());
  if (!fn || arg.getOwner() != &fn.getFunctionBody().front())
    return false;
  unsigned index = arg.getArgNumber();
  if (fn.getArgAttr(index, kParamArgAttrName))
    return true;
  // The indices name the entry points' arguments: a private helper's
  // arguments are what its callers pass, activations as often as not.
  return llvm::is_contained(options.paramArgs, index) && fn.isPublic();
}

/// A constant holding one repeated value (`dense<0.0>`) is a fill that a
/// compiler materializes, not stored parameters.
static bool isSplatConstant(Operation *op) {
  Attribute value;
  if (op->getNumResults() != 1 ||
      !matchPattern(op->getResult(0), m_Constant(&value)))
    return false;
  auto elements = dyn_cast<ElementsAttr>(value);
  return elements && elements.isSplat();
}

/// The symbol a global load reads, or an empty name.
static StringRef getLoadedGlobal(Operation *op) {
  return llvm::TypeSwitch<Operation *, StringRef>(op)
      .Case<ml_program::GlobalLoadOp, ml_program::GlobalLoadConstOp>(
          [](auto o) { return o.getGlobal().getLeafReference().getValue(); })
      .Case([](memref::GetGlobalOp o) { return o.getName(); })
      .Default([](Operation *) { return StringRef(); });
}

std::optional<WeightAnalysis::Origin>
WeightAnalysis::getRootOrigin(Value value) const {
  if (auto arg = dyn_cast<BlockArgument>(value))
    return isParamArgument(arg) ? Origin::Weight : Origin::Runtime;
  Operation *def = value.getDefiningOp();
  if (def->hasTrait<OpTrait::ConstantLike>())
    return isa<ShapedType>(value.getType()) && !isSplatConstant(def)
               ? Origin::Weight
               : Origin::Constant;
  if (!getLoadedGlobal(def).empty())
    return Origin::Weight;
  if (options.asWritten)
    return getViewSource(def) ? std::nullopt
                              : std::optional<Origin>(Origin::Runtime);
  // Deployed: an op with effects, or with regions a payload does not
  // explain, runs when the program runs. A linalg op on tensors has none
  // (asked first: the effects query is the slow path).
  auto linalgOp = dyn_cast<linalg::LinalgOp>(def);
  bool pure = linalgOp && linalgOp.hasPureTensorSemantics();
  if ((!pure && !isMemoryEffectFree(def)) ||
      (def->getNumRegions() && !isa<linalg::LinalgOp>(def)))
    return Origin::Runtime;
  if (def->getNumOperands() == 0)
    return Origin::Empty;
  return std::nullopt;
}

/// The values whose origins decide the origin of `op`'s results.
static SmallVector<Value> getDependencies(Operation *op, bool asWritten) {
  if (asWritten)
    return {getViewSource(op)};
  return llvm::to_vector(op->getOperands());
}

/// Elements of a statically shaped type (1 for a scalar), or std::nullopt.
static std::optional<uint64_t> getStaticElements(Type type) {
  auto shaped = dyn_cast<ShapedType>(type);
  if (!shaped)
    return 1;
  if (!shaped.hasStaticShape())
    return std::nullopt;
  return shaped.getNumElements();
}

WeightAnalysis::Combined WeightAnalysis::combineOperands(Operation *op) const {
  auto originOf = [&](Value value) {
    auto it = cache.find(value);
    return it == cache.end() ? Origin::Runtime : it->second;
  };
  if (options.asWritten)
    return {originOf(getViewSource(op)) == Origin::Weight ? Origin::Weight
                                                          : Origin::Runtime,
            /*prepared=*/false};
  const Combined runtime = {Origin::Runtime, /*prepared=*/false};
  bool readsWeight = false;
  uint64_t elementsRead = 0;
  for (Value operand : op->getOperands()) {
    Origin origin = originOf(operand);
    if (origin == Origin::Runtime)
      return runtime;
    if (origin == Origin::Empty)
      continue;
    // A widened narrow weight is what the deployment stores: the widening
    // runs in its consumer.
    if (origin == Origin::Weight && widens(op, operand))
      return runtime;
    readsWeight |= origin == Origin::Weight;
    std::optional<uint64_t> elements = getStaticElements(operand.getType());
    if (!elements)
      return runtime;
    elementsRead += *elements;
  }
  // An op that writes more than it reads (a fill, a broadcast bias, a tiled
  // table) is expanded at run time, not stored expanded.
  uint64_t elementsWritten = 0;
  for (Type type : op->getResultTypes()) {
    std::optional<uint64_t> elements = getStaticElements(type);
    if (!elements)
      return runtime;
    elementsWritten += *elements;
  }
  bool prepared = elementsRead && elementsWritten <= elementsRead;
  // Only what is computed from stored weights is a parameter; folded splats
  // stay splats.
  return {prepared && readsWeight ? Origin::Weight : Origin::Constant,
          prepared};
}

WeightAnalysis::Origin WeightAnalysis::getOrigin(Value value) const {
  if (!value)
    return Origin::Runtime;
  auto known = cache.find(value);
  if (known != cache.end())
    return known->second;
  // Iterative, so that a long chain of ops does not deepen the stack: a
  // value's op is expanded once (its operands pushed), then combined.
  SmallVector<Value, 16> stack = {value};
  llvm::SmallPtrSet<Operation *, 16> expanded;
  while (!stack.empty()) {
    Value current = stack.back();
    if (!current || cache.count(current)) {
      stack.pop_back();
      continue;
    }
    Operation *def = current.getDefiningOp();
    // A value is a root or not on its first visit; an op met again waits
    // only for its dependencies.
    if (!expanded.contains(def)) {
      if (std::optional<Origin> root = getRootOrigin(current)) {
        cache[current] = *root;
        stack.pop_back();
        continue;
      }
      expanded.insert(def);
      bool ready = true;
      for (Value dependency : getDependencies(def, options.asWritten))
        if (dependency && !cache.count(dependency)) {
          stack.push_back(dependency);
          ready = false;
        }
      if (!ready)
        continue;
    }
    // All dependencies are known, or one is on a cycle (a graph region) and
    // counts as run-time.
    Combined combined = combineOperands(def);
    for (Value result : def->getResults())
      cache[result] = combined.origin;
    if (combined.prepared)
      preparedOps.insert(def);
    stack.pop_back();
  }
  return cache.lookup(value);
}

bool WeightAnalysis::isWeight(Value value) const {
  return getOrigin(value) == Origin::Weight;
}

bool WeightAnalysis::isPrepared(Operation *op) const {
  if (options.asWritten || op->getNumResults() == 0)
    return false;
  // Decides the op's origin, and so whether it is prepared, once.
  (void)getOrigin(op->getResult(0));
  return preparedOps.contains(op);
}

/// Adds the elements and bytes of a statically shaped value to `totals`.
static void addShaped(Type type, ParameterTotals &totals) {
  auto shaped = dyn_cast<ShapedType>(type);
  if (!shaped || !shaped.hasStaticShape())
    return;
  std::optional<uint64_t> bits = getElementBits(shaped.getElementType());
  if (!bits)
    return;
  uint64_t elements = shaped.getNumElements();
  totals.params += elements;
  totals.bytes += getBytes(elements, *bits);
}

ParameterTotals WeightAnalysis::countParameters(FunctionOpInterface fn) const {
  ParameterTotals totals;
  if (fn.isExternal())
    return totals;
  // A global loaded in several places holds its parameters once.
  llvm::StringSet<> globals;
  auto addGlobalOnce = [&](Operation *load) {
    if (globals.insert(getLoadedGlobal(load)).second)
      addShaped(load->getResult(0).getType(), totals);
  };

  if (options.asWritten) {
    for (BlockArgument arg : fn.getFunctionBody().front().getArguments())
      if (isParamArgument(arg))
        addShaped(arg.getType(), totals);
    fn.getFunctionBody().walk([&](Operation *op) {
      if (!getLoadedGlobal(op).empty())
        addGlobalOnce(op);
      else if (op->hasTrait<OpTrait::ConstantLike>() &&
               op->getNumResults() == 1 && !isSplatConstant(op))
        addShaped(op->getResult(0).getType(), totals);
    });
    return totals;
  }

  // Deployed: the weights run-time ops read, each value once.
  llvm::SetVector<Value> read;
  fn.getFunctionBody().walk<WalkOrder::PreOrder>([&](Operation *op) {
    // A scalar op without regions (most of a linalg payload) reads no
    // weight, and whether it is prepared changes nothing: not asked.
    bool readsShaped = llvm::any_of(
        op->getOperandTypes(), [](Type type) { return isa<ShapedType>(type); });
    if (!readsShaped && !op->getNumRegions())
      return WalkResult::advance();
    if (isPrepared(op))
      return WalkResult::skip();
    for (Value operand : op->getOperands())
      if (isa<ShapedType>(operand.getType()) && isWeight(operand))
        read.insert(operand);
    return WalkResult::advance();
  });
  // A weight read in several layouts (a tied embedding: looked up, and
  // transposed for the LM head) is stored once; its consumer reads it in
  // the other layout.
  llvm::DenseSet<Value> stored;
  for (Value value : read) {
    Operation *def = value.getDefiningOp();
    if (def && !getLoadedGlobal(def).empty()) {
      addGlobalOnce(def);
      continue;
    }
    if (!stored.insert(getLayoutSource(value)).second)
      continue;
    uint64_t before = totals.params;
    addShaped(value.getType(), totals);
    if (def && isPrepared(def))
      totals.preparedParams += totals.params - before;
  }
  return totals;
}

Value WeightAnalysis::getLayoutSource(Value value) const {
  while (Operation *def = value.getDefiningOp()) {
    if (!isPrepared(def) ||
        !isa<tosa::TransposeOp, tosa::ReshapeOp, linalg::TransposeOp,
             tensor::CollapseShapeOp, tensor::ExpandShapeOp>(def))
      break;
    value = def->getOperand(0);
  }
  return value;
}
