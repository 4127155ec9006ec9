//===- CausalMask.h - The share of a fused attention a causal mask keeps -===//
//
// A fused attention (FlashAttention) skips the tiles of scores its causal
// mask zeroes, so its work is the share of query-key pairs the mask keeps;
// ops written one by one compute every pair.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_ANALYSIS_CAUSALMASK_H
#define ROOF_ANALYSIS_CAUSALMASK_H

#include "roof/Dialect/RoofDialect.h"

#include <optional>

namespace mlir::roof {

/// The share of its query-key pairs that a fused attention `kernel`
/// (kAttentionAttrName) computes, when one of its ops masks them causally:
/// a `linalg.generic` whose body compares two of its loop indices,
/// `key <= query + c` (c a constant: the tokens before the first query).
/// Where the kernel's K or V is all-gathered over G devices (context
/// parallelism), each device's queries are 1/G of all of them, split in
/// balanced chunks, and the share is the whole attention's. std::nullopt
/// for a kernel with no such mask.
std::optional<double> getCausalShare(KernelOp kernel);

} // namespace mlir::roof

#endif // ROOF_ANALYSIS_CAUSALMASK_H
