//===- ReshapeSharding.h - Reshapes in upstream's sharding passes -*- C++
//-*-===//
//
// MLIR 22's sharding-propagation and shard-partition stop at a
// tensor.expand_shape or tensor.collapse_shape: neither implements the
// ShardingInterface. Language models reshape between token rows and heads,
// so Roof attaches a model to both (docs/parallelism.md, "Reshapes").
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_PARALLEL_RESHAPESHARDING_H
#define ROOF_PARALLEL_RESHAPESHARDING_H

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace mlir::roof {

/// Attaches the ShardingInterface to tensor.expand_shape and
/// tensor.collapse_shape: a split of a collapsed dim is a split of the
/// first dim of its group that is not 1, and back; each device reshapes its
/// own part.
void registerReshapeShardingModels(DialectRegistry &registry);

} // namespace mlir::roof

#endif // ROOF_PARALLEL_RESHAPESHARDING_H
