//===- KvCache.h - Which values are a decoder's KV cache --------*- C++ -*-===//
//
// A decoder reads its KV cache as arguments (naming a `past` dim, as
// roof-import-onnx --keep-dynamic writes them, or marked `roof.kv_cache`)
// and extends it with data movement (concatenation, reshapes, transposes,
// tiles, slices) before attention reads it. With kv-dtype= those values are
// stored and read at their own dtype (docs/roofline.md, "KV cache dtype").
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_PRICING_KVCACHE_H
#define ROOF_PRICING_KVCACHE_H

#include "mlir/Interfaces/FunctionInterfaces.h"
#include "llvm/ADT/DenseSet.h"

namespace mlir::roof {

/// Marks a function argument that holds a KV cache (besides one whose
/// `roof.dim_names` name a `past` dim).
inline constexpr llvm::StringLiteral kKvCacheAttrName = "roof.kv_cache";

/// Whether argument `i` of `fn` holds a KV cache.
bool isKvCacheArgument(FunctionOpInterface fn, unsigned i);

/// The KV cache arguments of `fn` and every value moved from them.
llvm::DenseSet<Value> findKvCache(FunctionOpInterface fn);

} // namespace mlir::roof

#endif // ROOF_PRICING_KVCACHE_H
