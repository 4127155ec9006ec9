//===- KvCache.cpp - Which values are a decoder's KV cache ----------------===//

#include "roof/Pricing/KvCache.h"

#include "roof/Analysis/NamedDims.h"
#include "roof/Analysis/OpClassification.h"

using namespace mlir;
using namespace mlir::roof;

bool roof::isKvCacheArgument(FunctionOpInterface fn, unsigned i) {
  return fn.getArgAttr(i, kKvCacheAttrName) ||
         llvm::is_contained(getArgDimNames(fn, i), "past");
}

llvm::DenseSet<Value> roof::findKvCache(FunctionOpInterface fn) {
  llvm::DenseSet<Value> cache;
  if (fn.isExternal())
    return cache;
  for (BlockArgument arg : fn.getArguments())
    if (isKvCacheArgument(fn, arg.getArgNumber()))
      cache.insert(arg);
  // Most functions have no cache: no walk for them.
  if (cache.empty())
    return cache;
  // Ops come after their operands' definitions: one walk in order.
  fn.getFunctionBody().walk([&](Operation *op) {
    if (movesData(op) && llvm::any_of(op->getOperands(), [&](Value operand) {
          return cache.contains(operand);
        }))
      cache.insert(op->getResults().begin(), op->getResults().end());
  });
  return cache;
}
