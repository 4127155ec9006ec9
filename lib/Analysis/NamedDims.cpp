//===- NamedDims.cpp - Binding dynamic dims by name -----------------------===//

#include "roof/Analysis/NamedDims.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/Dialect/Tosa/Transforms/Passes.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

namespace mlir::roof {

namespace {
/// A dim's size as a sum of other swept dims' sizes and constants.
struct DimSum {
  std::string name;
  /// Signed terms: a dim's name and +1 or -1, or "" and a constant.
  SmallVector<std::pair<std::string, int64_t>> terms;
};
} // namespace

/// Parses `a+b`, `past+1`, `total-1`: false when `text` is not such a sum
/// (it has no name in it).
static bool parseDimSum(StringRef text, DimSum &sum) {
  bool named = false;
  int64_t sign = 1;
  while (!text.empty()) {
    size_t end = text.find_first_of("+-");
    StringRef term = text.take_front(end).trim();
    int64_t value;
    if (term.empty())
      return false;
    if (llvm::isAlpha(term.front())) {
      sum.terms.emplace_back(term.str(), sign);
      named = true;
    } else if (!term.getAsInteger(10, value)) {
      sum.terms.emplace_back("", sign * value);
    } else {
      return false;
    }
    if (end == StringRef::npos)
      break;
    sign = text[end] == '-' ? -1 : 1;
    text = text.drop_front(end + 1);
  }
  return named;
}

std::string parseDimSweep(llvm::StringRef text, std::vector<DimSizes> &sweep) {
  sweep.assign(1, DimSizes());
  SmallVector<StringRef> dims;
  text.split(dims, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  if (dims.empty())
    return "expected name:size,size,...;name:...; got '" + text.str() + "'";
  // Dims given as sums of others, set once the rest are.
  std::vector<DimSum> sums;
  llvm::StringSet<> seen;
  for (StringRef dim : dims) {
    auto [name, list] = dim.split(':');
    name = name.trim();
    list = list.trim();
    if (name.empty() || list.empty())
      return "expected name:size,size,... or name:other+k; got '" + dim.str() +
             "'";
    if (!seen.insert(name).second)
      return "dim '" + name.str() + "' is given twice";
    DimSum sum{name.str(), {}};
    if (parseDimSum(list, sum)) {
      sums.push_back(std::move(sum));
      continue;
    }
    SmallVector<StringRef> parts;
    list.split(parts, ',');
    std::vector<DimSizes> grown;
    for (const DimSizes &partial : sweep)
      for (StringRef part : parts) {
        int64_t size;
        if (part.trim().getAsInteger(10, size) || size < 0)
          return "'" + part.trim().str() + "' in '" + dim.str() +
                 "' is not a size (an integer >= 0) or a sum of swept dims "
                 "(past+seq, past+1)";
        grown.push_back(partial);
        grown.back()[name.str()] = size;
      }
    sweep = std::move(grown);
  }
  for (const DimSum &sum : sums)
    for (DimSizes &sizes : sweep) {
      int64_t size = 0;
      for (const auto &[term, value] : sum.terms) {
        auto source = sizes.find(term);
        const std::string &name = term;
        if (term.empty())
          size += value;
        else if (source != sizes.end() &&
                 !llvm::any_of(sums, [&](auto &s) { return s.name == name; }))
          size += value * source->second;
        else
          return "'" + sum.name + "' refers to '" + term +
                 "', which is not swept with sizes";
      }
      if (size < 0)
        return "'" + sum.name + "' would be " + std::to_string(size) + " at " +
               formatDimSizes(sizes);
      sizes[sum.name] = size;
    }
  return "";
}

std::string formatDimSizes(const DimSizes &sizes) {
  std::string text;
  for (const auto &[name, size] : sizes)
    text += (text.empty() ? "" : " ") + name + "=" + std::to_string(size);
  return text;
}

SmallVector<StringRef> getArgDimNames(FunctionOpInterface fn, unsigned i) {
  SmallVector<StringRef> names;
  if (auto attr = fn.getArgAttrOfType<ArrayAttr>(i, kDimNamesAttrName))
    for (Attribute name : attr)
      names.push_back(isa<StringAttr>(name) ? cast<StringAttr>(name).getValue()
                                            : StringRef());
  return names;
}

std::vector<std::string> getDimNames(FunctionOpInterface fn) {
  std::vector<std::string> names;
  for (unsigned i = 0, e = fn.getNumArguments(); i < e; ++i)
    for (StringRef name : getArgDimNames(fn, i))
      if (!name.empty())
        names.push_back(name.str());
  llvm::sort(names);
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

/// The op at `fn`'s place in a pre-order walk of `module`'s copy `copy`.
static FunctionOpInterface findCopy(ModuleOp module, FunctionOpInterface fn,
                                    ModuleOp copy) {
  unsigned index = 0;
  module.walk<WalkOrder::PreOrder>([&](Operation *op) {
    if (op == fn.getOperation())
      return WalkResult::interrupt();
    ++index;
    return WalkResult::advance();
  });
  Operation *found = nullptr;
  copy.walk<WalkOrder::PreOrder>([&](Operation *op) {
    if (index-- == 0) {
      found = op;
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return cast<FunctionOpInterface>(found);
}

/// The constant a shape op stands for once its inputs are static: a dim of
/// a static size, or shapes concatenated; empty otherwise.
static SmallVector<int64_t> getShapeValues(Operation *op) {
  if (auto constant = dyn_cast<tosa::ConstShapeOp>(op))
    return llvm::to_vector(
        cast<DenseIntElementsAttr>(constant.getValues()).getValues<int64_t>());
  if (auto dim = dyn_cast<tosa::DimOp>(op)) {
    auto type = cast<ShapedType>(dim.getInput1().getType());
    int64_t size = type.getDimSize(dim.getAxis());
    return ShapedType::isDynamic(size) ? SmallVector<int64_t>()
                                       : SmallVector<int64_t>{size};
  }
  SmallVector<int64_t> values;
  if (auto concat = dyn_cast<tosa::ConcatShapeOp>(op))
    for (Value input : concat.getInput()) {
      Operation *def = input.getDefiningOp();
      SmallVector<int64_t> part = def && isa<tosa::ConstShapeOp>(def)
                                      ? getShapeValues(def)
                                      : SmallVector<int64_t>();
      if (part.empty())
        return {};
      llvm::append_range(values, part);
    }
  return values;
}

/// Replaces the dims and concatenations of `fn` that are now constant by
/// constants; whether any was.
static bool foldShapes(FunctionOpInterface fn) {
  bool folded = false;
  fn.walk([&](Operation *op) {
    if (!isa<tosa::DimOp, tosa::ConcatShapeOp>(op))
      return;
    SmallVector<int64_t> values = getShapeValues(op);
    if (values.empty())
      return;
    OpBuilder b(op);
    auto type = RankedTensorType::get({static_cast<int64_t>(values.size())},
                                      b.getIndexType());
    Value constant =
        tosa::ConstShapeOp::create(b, op->getLoc(), op->getResult(0).getType(),
                                   DenseIntElementsAttr::get(type, values));
    op->getResult(0).replaceAllUsesWith(constant);
    op->erase();
    folded = true;
  });
  return folded;
}

/// Concatenations leave out inputs without elements, which TOSA does not
/// allow; one left alone is the result.
static void dropEmptyConcatInputs(FunctionOpInterface fn) {
  auto empty = [](Value value) {
    auto type = dyn_cast<RankedTensorType>(value.getType());
    return type && type.hasStaticShape() && type.getNumElements() == 0;
  };
  fn.walk([&](tosa::ConcatOp concat) {
    SmallVector<Value> inputs;
    llvm::copy_if(concat.getInput1(), std::back_inserter(inputs),
                  [&](Value input) { return !empty(input); });
    if (inputs.size() == concat.getInput1().size() || inputs.empty())
      return;
    if (inputs.size() == 1 &&
        inputs.front().getType() == concat.getResult().getType()) {
      concat.getResult().replaceAllUsesWith(inputs.front());
      concat->erase();
      return;
    }
    concat.getInput1Mutable().assign(inputs);
  });
}

OwningOpRef<ModuleOp> specializeDims(FunctionOpInterface fn,
                                     const DimSizes &sizes,
                                     FunctionOpInterface &specialized) {
  auto module = fn->getParentOfType<ModuleOp>();
  OwningOpRef<ModuleOp> copy = module.clone();
  specialized = findCopy(module, fn, *copy);

  // Named dims of the arguments take their sizes.
  Block &entry = specialized.getFunctionBody().front();
  SmallVector<Type> inputs;
  for (BlockArgument arg : entry.getArguments()) {
    SmallVector<StringRef> names = getArgDimNames(fn, arg.getArgNumber());
    auto type = dyn_cast<RankedTensorType>(arg.getType());
    if (type && !names.empty()) {
      SmallVector<int64_t> shape(type.getShape());
      for (auto [size, name] : llvm::zip(shape, names)) {
        auto bound = sizes.find(name.str());
        if (ShapedType::isDynamic(size) && bound != sizes.end())
          size = bound->second;
      }
      arg.setType(type.clone(shape));
    }
    inputs.push_back(arg.getType());
  }
  specialized.setType(FunctionType::get(
      fn.getContext(), inputs,
      cast<FunctionType>(specialized.getFunctionType()).getResults()));

  // TOSA ops carry them on (other ops keep the types they have). A shape
  // built from input dims becomes constant once they are static, and the
  // ops after it are inferred in the next round.
  // An empty cache (past=0) is verified once concatenations drop it.
  PassManager pm(fn.getContext(), ModuleOp::getOperationName());
  pm.enableVerifier(false);
  pm.addNestedPass<func::FuncOp>(tosa::createTosaInferShapesPass());
  auto fail = [&]() -> OwningOpRef<ModuleOp> {
    emitError(fn.getLoc()) << "@" << SymbolTable::getSymbolName(fn).getValue()
                           << " does not take " << formatDimSizes(sizes)
                           << ": shape inference failed";
    return nullptr;
  };
  do {
    if (failed(pm.run(*copy)))
      return fail();
  } while (foldShapes(specialized));
  dropEmptyConcatInputs(specialized);
  if (failed(verify(*copy)))
    return fail();
  return copy;
}

} // namespace mlir::roof
