//===- ConcatSharding.h - Concatenation in upstream's sharding passes -*-===//
//
// MLIR 22's sharding-propagation and shard-partition stop at a
// tensor.concat, which a decoder's KV cache grows by. Roof attaches the
// ShardingInterface to it (docs/parallelism.md, "Concatenation").
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_PARALLEL_CONCATSHARDING_H
#define ROOF_PARALLEL_CONCATSHARDING_H

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace mlir::roof {

/// Attaches the ShardingInterface to tensor.concat: its inputs and result
/// are split alike on any dim but the one it concatenates (an input split
/// there is gathered first), and each device concatenates its own parts.
void registerConcatShardingModel(DialectRegistry &registry);

} // namespace mlir::roof

#endif // ROOF_PARALLEL_CONCATSHARDING_H
