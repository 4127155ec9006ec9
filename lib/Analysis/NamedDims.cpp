//===- NamedDims.cpp - Binding dynamic dims by name -----------------------===//

#include "roof/Analysis/NamedDims.h"

#include "roof/Dialect/RoofDialect.h"

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
  // Counted before any is made: a sweep past the limit is refused with its
  // count, not run out of memory.
  uint64_t combinations = 1;
  for (StringRef dim : dims) {
    StringRef list = dim.split(':').second.trim();
    DimSum sum;
    if (!list.empty() && !parseDimSum(list, sum))
      combinations = std::min<uint64_t>(combinations * (list.count(',') + 1),
                                        uint64_t(1) << 62);
  }
  if (combinations > kMaxSweepCombinations)
    return std::to_string(combinations) +
           " combinations of sizes (the product of the lists' lengths), more "
           "than the " +
           std::to_string(kMaxSweepCombinations) +
           " a sweep prices; sweep fewer sizes, or run several";
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

} // namespace mlir::roof
