//===- SoftmaxSharding.h - linalg.softmax in upstream's sharding passes -*-===//
//
// MLIR 22's sharding-propagation and shard-partition stop at a
// linalg.softmax, which an attention written with named ops normalizes its
// scores by. Roof attaches the ShardingInterface to it (docs/parallelism.md,
// "Softmax").
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_PARALLEL_SOFTMAXSHARDING_H
#define ROOF_PARALLEL_SOFTMAXSHARDING_H

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace mlir::roof {

/// Attaches the ShardingInterface to linalg.softmax: its input, output and
/// result are split alike on any dim but the one it normalizes over (an
/// input split there is gathered first), and each device normalizes its
/// own rows.
void registerSoftmaxShardingModel(DialectRegistry &registry);

} // namespace mlir::roof

#endif // ROOF_PARALLEL_SOFTMAXSHARDING_H
