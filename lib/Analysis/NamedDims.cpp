//===- NamedDims.cpp - Binding dynamic dims by name -----------------------===//

#include "roof/Analysis/NamedDims.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tosa/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

#include <tuple>

namespace mlir::roof {

/// Parses `name`, `name+k` or `name-k`: a dim's size from another's.
static bool parseDerived(StringRef text, std::string &from, int64_t &offset) {
  size_t sign = text.find_first_of("+-");
  StringRef name = text.take_front(sign).trim();
  offset = 0;
  if (name.empty() || !llvm::isAlpha(name.front()))
    return false;
  if (sign != StringRef::npos &&
      text.drop_front(sign + 1).trim().getAsInteger(10, offset))
    return false;
  if (sign != StringRef::npos && text[sign] == '-')
    offset = -offset;
  from = name.str();
  return true;
}

std::string parseDimSweep(llvm::StringRef text, std::vector<DimSizes> &sweep) {
  sweep.assign(1, DimSizes());
  SmallVector<StringRef> dims;
  text.split(dims, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  if (dims.empty())
    return "expected name:size,size,...;name:...; got '" + text.str() + "'";
  // Dims given as another's size plus an offset, set once the rest are.
  std::vector<std::tuple<std::string, std::string, int64_t>> derived;
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
    std::string from;
    int64_t offset;
    if (parseDerived(list, from, offset)) {
      derived.emplace_back(name.str(), from, offset);
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
                 "' is not a size (an integer >= 0) or another dim plus or "
                 "minus one (other+k)";
        grown.push_back(partial);
        grown.back()[name.str()] = size;
      }
    sweep = std::move(grown);
  }
  for (const auto &[name, from, offset] : derived)
    for (DimSizes &sizes : sweep) {
      auto source = sizes.find(from);
      if (source == sizes.end())
        return "'" + name + ":" + from + "...' refers to '" + from +
               "', which is not swept with sizes";
      if (source->second + offset < 0)
        return "'" + name + "' would be " +
               std::to_string(source->second + offset) + " at " + from + "=" +
               std::to_string(source->second);
      sizes[name] = source->second + offset;
    }
  return "";
}

std::string formatDimSizes(const DimSizes &sizes) {
  std::string text;
  for (const auto &[name, size] : sizes)
    text += (text.empty() ? "" : " ") + name + "=" + std::to_string(size);
  return text;
}

/// The names of `fn`'s argument `i`'s dims, empty when it names none.
static SmallVector<StringRef> getArgDimNames(FunctionOpInterface fn,
                                             unsigned i) {
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

  // TOSA ops carry them on; other ops keep the types they have.
  PassManager pm(fn.getContext(), ModuleOp::getOperationName());
  pm.addNestedPass<func::FuncOp>(tosa::createTosaInferShapesPass());
  if (failed(pm.run(*copy))) {
    emitError(fn.getLoc()) << "@" << SymbolTable::getSymbolName(fn).getValue()
                           << " does not take " << formatDimSizes(sizes)
                           << ": shape inference failed";
    return nullptr;
  }
  return copy;
}

} // namespace mlir::roof
