//===- Collectives.h - Collectives of the shard dialect on links -*- C++
//-*-===//
//
// A collective of MLIR's shard dialect (all_reduce, all_gather, ...) moves
// data between the devices of a group over a system's links. Its time is
// alpha-beta: steps x the link's latency + the bytes each device sends / the
// link's bandwidth per direction, for the algorithm a runtime would pick
// (the fastest of ring, tree and in-switch reduction where the switch has
// it). The formulas are in docs/parallelism.md.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_PRICING_COLLECTIVES_H
#define ROOF_PRICING_COLLECTIVES_H

#include "roof/Target/Target.h"

#include "mlir/IR/Operation.h"
#include "llvm/ADT/SmallVector.h"

#include <optional>
#include <string>

namespace mlir::roof {

struct RooflineOptions;

enum class CollectiveKind {
  AllReduce,
  AllGather,
  ReduceScatter,
  AllToAll,
  AllSlice,
  Broadcast,
  Gather,
  Scatter,
  Reduce,
  Send,
  Recv,
  Shift
};

/// What a collective moves, before a system is chosen.
struct CollectiveFacts {
  CollectiveKind kind = CollectiveKind::AllReduce;
  /// The grid's name and device count, and the devices in each group (the
  /// product of the grid's sizes on the op's grid_axes).
  std::string grid;
  uint64_t gridDevices = 1;
  uint64_t groupSize = 1;
  /// The grid axes of a group: each one's size and the distance between
  /// neighbours on it in the grid's row-major device numbering.
  SmallVector<std::pair<uint64_t, uint64_t>> axes;
  /// S, the bytes of the data as deployed: the input of all_reduce, reduce,
  /// reduce_scatter, all_to_all, broadcast, scatter, send and shift, and
  /// the whole result of all_gather, gather and recv.
  uint64_t bytes = 0;
};

/// A collective priced on a system.
struct CollectiveTime {
  double seconds = 0;
  /// Bytes each device sends over its link (the busiest link for a
  /// collective over nodes).
  uint64_t linkBytes = 0;
  /// The link whose time bounds it (the slower one over nodes); null when
  /// nothing leaves the device (all_slice, a group of one).
  const Interconnect *link = nullptr;
  /// "ring", "tree", "in-switch", "direct", "hierarchical" or "local".
  std::string algorithm;
};

/// The name of `kind` as the shard dialect spells it ("all_reduce").
llvm::StringRef getCollectiveName(CollectiveKind kind);

/// The collective a backward pass runs for `forward`, on the same group and
/// data: an all-reduce's gradient is all-reduced where the split began
/// (Megatron-LM's f for its g), a gather's is scattered, a send's received,
/// and an all_slice's gathered.
CollectiveFacts getBackwardCollective(const CollectiveFacts &forward);

/// Whether `op` is a collective of the shard dialect.
bool isCollective(Operation *op);

/// The facts of `op` when it is a collective of the shard dialect with a
/// static grid and a statically shaped tensor, else std::nullopt.
std::optional<CollectiveFacts>
getCollectiveFacts(Operation *op, const RooflineOptions &options);

/// Why `target` cannot run `facts`' collective (it is one device, or its
/// grid has more devices than the system), or an empty string.
std::string checkCollective(const CollectiveFacts &facts, const Target &target);

/// The time of `facts`' collective on `system` (checkCollective passed).
CollectiveTime priceCollective(const CollectiveFacts &facts,
                               const System &system);

/// `kind` on `bytes` over a group of devices on `axes` (each one's size and
/// the distance between neighbours on it, in the system's numbering).
CollectiveTime priceOnAxes(CollectiveKind kind, uint64_t bytes,
                           ArrayRef<std::pair<uint64_t, uint64_t>> axes,
                           const System &system);

/// `kind` on `bytes` over a group of `size` devices `stride` apart in the
/// system's numbering (one axis of a grid of size x stride devices).
CollectiveTime priceOnAxis(CollectiveKind kind, uint64_t bytes, unsigned size,
                           unsigned stride, const System &system);

} // namespace mlir::roof

#endif // ROOF_PRICING_COLLECTIVES_H
