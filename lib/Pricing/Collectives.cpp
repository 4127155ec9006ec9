//===- Collectives.cpp - Collectives of the shard dialect on links --------===//

#include "roof/Pricing/Collectives.h"

#include "roof/Pricing/Roofline.h"

#include "mlir/Dialect/Shard/IR/ShardOps.h"
#include "mlir/IR/SymbolTable.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>

using namespace mlir;
using namespace mlir::roof;

StringRef roof::getCollectiveName(CollectiveKind kind) {
  switch (kind) {
  case CollectiveKind::AllReduce:
    return "all_reduce";
  case CollectiveKind::AllGather:
    return "all_gather";
  case CollectiveKind::ReduceScatter:
    return "reduce_scatter";
  case CollectiveKind::AllToAll:
    return "all_to_all";
  case CollectiveKind::AllSlice:
    return "all_slice";
  case CollectiveKind::Broadcast:
    return "broadcast";
  case CollectiveKind::Gather:
    return "gather";
  case CollectiveKind::Scatter:
    return "scatter";
  case CollectiveKind::Reduce:
    return "reduce";
  case CollectiveKind::Send:
    return "send";
  case CollectiveKind::Recv:
    return "recv";
  case CollectiveKind::Shift:
    return "shift";
  }
  llvm_unreachable("every kind is named");
}

/// The kind of the collective that carries a `kind`'s gradient back.
static CollectiveKind getBackwardKind(CollectiveKind kind) {
  switch (kind) {
  case CollectiveKind::AllGather:
    return CollectiveKind::ReduceScatter;
  case CollectiveKind::ReduceScatter:
  case CollectiveKind::AllSlice:
    return CollectiveKind::AllGather;
  case CollectiveKind::Broadcast:
    return CollectiveKind::Reduce;
  case CollectiveKind::Reduce:
    return CollectiveKind::Broadcast;
  case CollectiveKind::Gather:
    return CollectiveKind::Scatter;
  case CollectiveKind::Scatter:
    return CollectiveKind::Gather;
  case CollectiveKind::Send:
    return CollectiveKind::Recv;
  case CollectiveKind::Recv:
    return CollectiveKind::Send;
  case CollectiveKind::AllReduce:
  case CollectiveKind::AllToAll:
  case CollectiveKind::Shift:
    return kind;
  }
  llvm_unreachable("every kind has a backward");
}

CollectiveFacts roof::getBackwardCollective(const CollectiveFacts &forward) {
  CollectiveFacts backward = forward;
  backward.kind = getBackwardKind(forward.kind);
  // An all_slice's S is its slice; the all_gather's is the whole.
  if (forward.kind == CollectiveKind::AllSlice)
    backward.bytes *= forward.groupSize;
  return backward;
}

namespace {
/// A collective op's kind, grid, grid axes and the value whose bytes are S.
struct CollectiveOperands {
  CollectiveKind kind;
  FlatSymbolRefAttr grid;
  ArrayRef<shard::GridAxis> axes;
  Value data;
};
} // namespace

/// The kind, grid, axes and data of `op`, when it is a collective.
static std::optional<CollectiveOperands> getOperands(Operation *op) {
  auto of = [](auto collective, CollectiveKind kind, Value data) {
    return std::optional<CollectiveOperands>(CollectiveOperands{
        kind, collective.getGridAttr(), collective.getGridAxes(), data});
  };
  using K = CollectiveKind;
  return llvm::TypeSwitch<Operation *, std::optional<CollectiveOperands>>(op)
      .Case([&](shard::AllReduceOp c) {
        return of(c, K::AllReduce, c.getInput());
      })
      .Case([&](shard::AllGatherOp c) {
        return of(c, K::AllGather, c.getResult());
      })
      .Case([&](shard::ReduceScatterOp c) {
        return of(c, K::ReduceScatter, c.getInput());
      })
      .Case(
          [&](shard::AllToAllOp c) { return of(c, K::AllToAll, c.getInput()); })
      .Case([&](shard::AllSliceOp c) {
        return of(c, K::AllSlice, c.getResult());
      })
      .Case([&](shard::BroadcastOp c) {
        return of(c, K::Broadcast, c.getInput());
      })
      .Case([&](shard::GatherOp c) { return of(c, K::Gather, c.getResult()); })
      .Case([&](shard::ScatterOp c) { return of(c, K::Scatter, c.getInput()); })
      .Case([&](shard::ReduceOp c) { return of(c, K::Reduce, c.getInput()); })
      .Case([&](shard::SendOp c) { return of(c, K::Send, c.getInput()); })
      .Case([&](shard::RecvOp c) { return of(c, K::Recv, c.getResult()); })
      .Case([&](shard::ShiftOp c) { return of(c, K::Shift, c.getInput()); })
      .Default([](Operation *) { return std::nullopt; });
}

bool roof::isCollective(Operation *op) { return getOperands(op).has_value(); }

std::optional<CollectiveFacts>
roof::getCollectiveFacts(Operation *op, const RooflineOptions &options) {
  std::optional<CollectiveOperands> operands = getOperands(op);
  if (!operands)
    return std::nullopt;
  auto grid =
      SymbolTable::lookupNearestSymbolFrom<shard::GridOp>(op, operands->grid);
  std::optional<uint64_t> bytes =
      getDeployedBytes(operands->data.getType(), options);
  if (!grid || !bytes || ShapedType::isDynamicShape(grid.getShape()))
    return std::nullopt;
  CollectiveFacts facts;
  facts.kind = operands->kind;
  facts.grid = grid.getSymName().str();
  facts.bytes = *bytes;
  ArrayRef<int64_t> shape = grid.getShape();
  // No system has more devices than this; a larger grid is not priced
  // (and its products cannot overflow).
  constexpr uint64_t kMaxDevices = uint64_t(1) << 32;
  for (int64_t size : shape) {
    if (size <= 0 ||
        static_cast<uint64_t>(size) > kMaxDevices / facts.gridDevices)
      return std::nullopt;
    facts.gridDevices *= size;
  }
  for (shard::GridAxis axis : operands->axes) {
    if (axis < 0 || static_cast<size_t>(axis) >= shape.size())
      return std::nullopt;
    uint64_t stride = 1;
    for (int64_t size : shape.drop_front(axis + 1))
      stride *= size;
    facts.axes.push_back({shape[axis], stride});
    facts.groupSize *= shape[axis];
  }
  return facts;
}

std::string roof::checkCollective(const CollectiveFacts &facts,
                                  const Target &target) {
  uint64_t devices = target.system ? target.system->getDevices() : 1;
  if (facts.gridDevices <= devices)
    return "";
  std::string what =
      (Twine("shard.") + getCollectiveName(facts.kind) + " on @" + facts.grid +
       " (" + Twine(facts.gridDevices) + " devices)")
          .str();
  if (!target.system)
    return what + " needs a system of devices and links, and '" + target.name +
           "' is one device: name a system target (h100-node, a100-node, "
           "...; roof-system/1, docs/parallelism.md)";
  return what + " needs more devices than '" + target.name + "' has (" +
         std::to_string(devices) + ")";
}

namespace {
/// One algorithm on one link: its steps and the bytes a device sends.
struct Algorithm {
  const char *name;
  uint64_t steps;
  uint64_t bytes;
};
} // namespace

/// ceil((n - 1) x s / n): the share of `s` a device of `n` exchanges.
static uint64_t othersShare(uint64_t s, uint64_t n) {
  return llvm::divideCeil((n - 1) * s, n);
}

/// The algorithms a runtime has for `kind` over `n` devices of a link.
static SmallVector<Algorithm> getAlgorithms(CollectiveKind kind, uint64_t n,
                                            uint64_t s, bool inSwitch) {
  uint64_t logSteps = llvm::Log2_64_Ceil(n);
  switch (kind) {
  case CollectiveKind::AllReduce: {
    SmallVector<Algorithm> all = {{"ring", 2 * (n - 1), 2 * othersShare(s, n)},
                                  {"tree", 2 * logSteps, 2 * s}};
    if (inSwitch)
      all.push_back({"in-switch", 2, s});
    return all;
  }
  case CollectiveKind::AllGather:
  case CollectiveKind::ReduceScatter:
    return {{"ring", n - 1, othersShare(s, n)}};
  case CollectiveKind::Broadcast:
    return {{"tree", logSteps, s}};
  case CollectiveKind::Reduce:
    if (inSwitch)
      return {{"tree", logSteps, s}, {"in-switch", 1, s}};
    return {{"tree", logSteps, s}};
  // An all-to-all's pieces for the others are each device's own, and all
  // go at once through the switch (NCCL's grouped sends, DeepEP's
  // kernels): one step.
  case CollectiveKind::AllToAll:
  case CollectiveKind::Gather:
  case CollectiveKind::Scatter:
    return {{"direct", 1, othersShare(s, n)}};
  case CollectiveKind::Send:
  case CollectiveKind::Recv:
  case CollectiveKind::Shift:
    return {{"direct", 1, s}};
  case CollectiveKind::AllSlice:
    return {{"local", 0, 0}};
  }
  llvm_unreachable("every kind has algorithms");
}

/// The fastest algorithm for `kind` over `n` devices joined by `link`.
static CollectiveTime priceOnLink(CollectiveKind kind, uint64_t n, uint64_t s,
                                  const Interconnect &link) {
  CollectiveTime best;
  for (const Algorithm &algorithm :
       getAlgorithms(kind, n, s, link.inSwitchReduction)) {
    double seconds = algorithm.steps * link.link.latency.value_or(0) +
                     algorithm.bytes / *link.link.bandwidth;
    if (best.link && seconds >= best.seconds)
      continue;
    best = {seconds, algorithm.bytes, &link, algorithm.name};
  }
  return best;
}

namespace {
/// A run of a group's devices along axis `axis` of a torus: `length`
/// devices, `hop` links apart, closed into a ring by the axis's wraparound.
struct TorusRun {
  size_t axis;
  uint64_t length;
  uint64_t hop;
  bool ring;
};
} // namespace

/// The runs a group of `axes` (sizes and strides in the node's row-major
/// numbering) makes on `link`'s torus, or std::nullopt when an axis leaves
/// the torus's axes (a stride that is no axis's multiple).
static std::optional<SmallVector<TorusRun>>
mapOntoTorus(ArrayRef<std::pair<uint64_t, uint64_t>> axes,
             const Interconnect &link) {
  ArrayRef<unsigned> dims = link.torus;
  SmallVector<uint64_t, 3> strides(dims.size(), 1);
  for (size_t k = dims.size() - 1; k-- > 0;)
    strides[k] = strides[k + 1] * dims[k + 1];
  SmallVector<TorusRun> runs;
  for (auto [size, stride] : axes) {
    uint64_t left = size, step = stride;
    while (left > 1) {
      // The torus axis `step` moves along: the outermost whose stride
      // divides it.
      const auto *axis = llvm::find_if(strides, [&](uint64_t axisStride) {
        return step >= axisStride && step % axisStride == 0;
      });
      size_t k = axis - strides.begin();
      if (axis == strides.end() || step / strides[k] >= dims[k])
        return std::nullopt;
      uint64_t hop = step / strides[k];
      if (hop * (left - 1) < dims[k]) {
        runs.push_back(
            {k, left, hop, link.wraparound[k] && hop == 1 && left == dims[k]});
        break;
      }
      // A run over the whole axis, then on along the next axis out.
      if (hop != 1 || left % dims[k] != 0 || k == 0)
        return std::nullopt;
      runs.push_back({k, dims[k], 1, static_cast<bool>(link.wraparound[k])});
      left /= dims[k];
      step = strides[k - 1];
    }
  }
  return runs;
}

/// `kind` over a group of `n` devices on `link`'s torus: each run of the
/// group is a bidirectional ring (with wraparound) or a line; the links of
/// the torus axes the runs use carry the data at once, both directions of
/// a ring's (docs/parallelism.md, "Tori").
static CollectiveTime priceOnTorus(CollectiveKind kind, uint64_t n, uint64_t s,
                                   ArrayRef<std::pair<uint64_t, uint64_t>> axes,
                                   const Interconnect &link) {
  SmallVector<TorusRun> runs =
      mapOntoTorus(axes, link)
          .value_or(SmallVector<TorusRun>{{0, n, 1, false}});
  uint64_t hops = 0;
  SmallVector<uint64_t, 3> directions(link.torus.size(), 0);
  for (const TorusRun &run : runs) {
    hops += (run.ring ? run.length / 2 : run.length - 1) * run.hop;
    directions[run.axis] =
        std::max<uint64_t>(directions[run.axis], run.ring ? 2 : 1);
  }
  uint64_t lanes = 0, used = 0;
  for (uint64_t count : directions) {
    lanes += count;
    used += count > 0;
  }
  bool anyRing = llvm::any_of(runs, [](const TorusRun &r) { return r.ring; });
  std::string shape = (Twine(used) + (used == 1 ? " axis, " : " axes, ") +
                       (anyRing ? "ring" : "line"))
                          .str();
  uint64_t phases = 1, bytes = othersShare(s, n);
  switch (kind) {
  case CollectiveKind::AllReduce:
    phases = 2;
    break;
  case CollectiveKind::Broadcast:
  case CollectiveKind::Reduce:
    bytes = s;
    break;
  case CollectiveKind::Send:
  case CollectiveKind::Recv:
  case CollectiveKind::Shift:
    // To a neighbour on the group's first run, over one link.
    return {runs.front().hop * *link.link.latency + s / *link.link.bandwidth, s,
            &link, "torus (direct)"};
  default:
    break;
  }
  double seconds = phases * (hops * link.link.latency.value_or(0) +
                             bytes / (lanes * *link.link.bandwidth));
  return {seconds, phases * bytes, &link, "torus (" + shape + ")"};
}

/// The devices of device 0's group that are in its node (numbered
/// row-major, node by node).
static uint64_t countInNode(ArrayRef<std::pair<uint64_t, uint64_t>> axes,
                            uint64_t offset, uint64_t devicesPerNode) {
  if (offset >= devicesPerNode)
    return 0;
  if (axes.empty())
    return 1;
  auto [size, stride] = axes.front();
  uint64_t count = 0;
  for (uint64_t i = 0; i < size && offset + i * stride < devicesPerNode; ++i)
    count +=
        countInNode(axes.drop_front(), offset + i * stride, devicesPerNode);
  return count;
}

CollectiveTime roof::priceCollective(const CollectiveFacts &facts,
                                     const System &system) {
  uint64_t n = facts.groupSize, s = facts.bytes;
  if (n <= 1 || facts.kind == CollectiveKind::AllSlice)
    return {0, 0, nullptr, "local"};
  uint64_t inNode = countInNode(facts.axes, 0, system.devicesPerNode);
  if (inNode >= n && !system.nodeLink->torus.empty())
    return priceOnTorus(facts.kind, n, s, facts.axes, *system.nodeLink);
  if (inNode >= n)
    return priceOnLink(facts.kind, n, s, *system.nodeLink);
  const Interconnect &network = *system.networkLink;
  uint64_t nodes = llvm::divideCeil(n, inNode);
  // Over nodes, the collectives that split or combine their data run in
  // phases: within each node over its devices, and between nodes over every
  // device's own network link with 1/inNode of the data each (all of it for
  // all_to_all, whose data for other nodes is distinct). The phases pipeline
  // chunk by chunk, so the slowest bounds the time.
  SmallVector<CollectiveKind, 2> innerKinds;
  switch (facts.kind) {
  case CollectiveKind::AllReduce:
    innerKinds = {CollectiveKind::ReduceScatter, CollectiveKind::AllGather};
    break;
  case CollectiveKind::AllGather:
  case CollectiveKind::ReduceScatter:
  case CollectiveKind::AllToAll:
  case CollectiveKind::Broadcast:
    innerKinds = {facts.kind};
    break;
  default:
    return priceOnLink(facts.kind, n, s, network);
  }
  uint64_t outerBytes =
      facts.kind == CollectiveKind::AllToAll ? s : llvm::divideCeil(s, inNode);
  CollectiveTime outer = priceOnLink(facts.kind, nodes, outerBytes, network);
  CollectiveTime result = outer;
  result.algorithm = "hierarchical (" + outer.algorithm + " between nodes)";
  if (inNode > 1)
    for (CollectiveKind inner : innerKinds) {
      CollectiveTime phase = priceOnLink(inner, inNode, s, *system.nodeLink);
      if (phase.seconds > result.seconds)
        result = {phase.seconds, phase.linkBytes, phase.link, result.algorithm};
    }
  return result;
}

CollectiveTime roof::priceOnAxes(CollectiveKind kind, uint64_t bytes,
                                 ArrayRef<std::pair<uint64_t, uint64_t>> axes,
                                 const System &system) {
  CollectiveFacts facts;
  facts.kind = kind;
  for (auto [size, stride] : axes) {
    facts.groupSize *= size;
    facts.gridDevices = std::max(facts.gridDevices, size * stride);
  }
  facts.axes.assign(axes.begin(), axes.end());
  facts.bytes = bytes;
  return priceCollective(facts, system);
}

CollectiveTime roof::priceOnAxis(CollectiveKind kind, uint64_t bytes,
                                 unsigned size, unsigned stride,
                                 const System &system) {
  return priceOnAxes(kind, bytes, {{size, stride}}, system);
}
