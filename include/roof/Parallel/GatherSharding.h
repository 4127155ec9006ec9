//===- GatherSharding.h - An embedding's gather in the sharding passes -*-===//
//
// A language model looks its tokens up with tosa.gather, which MLIR 22's
// sharding passes stop at. Roof attaches the ShardingInterface to it, so an
// embedding table split by its vocabulary (Megatron-LM's vocabulary-parallel
// embedding) is looked up on each device and the parts summed
// (docs/parallelism.md, "Embeddings").
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_PARALLEL_GATHERSHARDING_H
#define ROOF_PARALLEL_GATHERSHARDING_H

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace mlir::roof {

/// Attaches the ShardingInterface to tosa.gather: its loops are the batch,
/// the looked-up rows and the channels (parallel) and the table's rows (a
/// sum: each row is looked up from the device that holds it).
void registerGatherShardingModel(DialectRegistry &registry);

} // namespace mlir::roof

#endif // ROOF_PARALLEL_GATHERSHARDING_H
