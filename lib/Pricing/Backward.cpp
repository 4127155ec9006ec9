//===- Backward.cpp - The backward pass of a forward function -------------===//

#include "roof/Pricing/Backward.h"
#include "roof/Analysis/CausalMask.h"
#include "roof/Analysis/CostContext.h"
#include "roof/Analysis/OpClassification.h"
#include "roof/Dialect/RoofDialect.h"
#include "roof/Pricing/Collectives.h"
#include "roof/Pricing/NodeRoles.h"
#include "roof/Pricing/Roofline.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Shard/IR/ShardOps.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/Interfaces/DestinationStyleOpInterface.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <cmath>

using namespace mlir;
using namespace mlir::roof;

/// Elements of a statically shaped float tensor: the values that can carry
/// a gradient (integer tensors, such as indices, do not).
static std::optional<uint64_t> getFloatElements(Value value) {
  auto type = dyn_cast<ShapedType>(value.getType());
  if (!type || !type.hasStaticShape() || !isa<FloatType>(type.getElementType()))
    return std::nullopt;
  return type.getNumElements();
}

static uint64_t getElements(Value value) {
  auto type = dyn_cast<ShapedType>(value.getType());
  return type && type.hasStaticShape() ? type.getNumElements() : 0;
}

/// Bytes of `value` at its own dtype (0 unless statically shaped): what a
/// kernel's cost counts before a dtype policy deploys it.
static uint64_t getOwnBytes(Value value) {
  return getDeployedBytes(value.getType(), RooflineOptions()).value_or(0);
}

namespace {
/// The values a gradient flows back into: trainable weights, and every
/// float value computed from one.
class GradientFlow {
public:
  GradientFlow(FunctionOpInterface fn, const WeightAnalysis &weights)
      : weights(weights) {
    // In post-order a fused kernel's members come before the kernel, and a
    // region op's results carry what its regions yield.
    fn.walk([&](Operation *op) {
      bool flows =
          llvm::any_of(op->getOperands(), [&](Value v) { return carries(v); });
      for (Region &region : op->getRegions())
        for (Block &block : region)
          if (!block.empty() && block.back().hasTrait<OpTrait::IsTerminator>())
            flows |= llvm::any_of(block.back().getOperands(),
                                  [&](Value v) { return carries(v); });
      for (Value result : op->getResults())
        if (flows && getFloatElements(result))
          flowing.insert(result);
    });
  }

  bool isTrainable(Value value) const {
    return getFloatElements(value) && weights.isWeight(value);
  }
  bool carries(Value value) const {
    return flowing.contains(value) || isTrainable(value);
  }

private:
  const WeightAnalysis &weights;
  llvm::DenseSet<Value> flowing;
};

/// Backward work of one forward kernel that runs as one backward kernel:
/// FLOPs, the forward values it reads besides the kernel's gradient, and
/// the bytes of gradients it writes.
struct BackwardPart {
  uint64_t flops = 0;
  llvm::SetVector<Value> reads;
  uint64_t written = 0;
};

/// The backward work of one forward kernel: a part per gradient of its
/// contraction (on the matrix engine), and the rest (its other ops'
/// derivatives) fused with them, or on its own without a contraction.
struct KernelBackward {
  SmallVector<BackwardPart> contraction;
  BackwardPart rest;
};
} // namespace

/// The ops of a forward kernel: a fused kernel's members (a tiled one's
/// root), or the op itself.
static SmallVector<Operation *> getMembers(Operation *kernel) {
  auto fused = dyn_cast<KernelOp>(kernel);
  if (!fused)
    return {kernel};
  if (fused.isTiled())
    return {getKernelRoot(kernel)};
  SmallVector<Operation *> members;
  for (Operation &op : fused.getBody().front().without_terminator())
    members.push_back(&op);
  return members;
}

/// What `op` reads: a destination-style op's inputs, then the inits it
/// accumulates into where a gradient reaches them (an empty tensor or a
/// fill does not hold one); any other op's operands.
static SmallVector<Value> getInputs(Operation *op, const GradientFlow &flow) {
  SmallVector<Value> inputs = getDataInputs(op);
  if (auto dps = dyn_cast<DestinationStyleOpInterface>(op))
    for (Value init : dps.getDpsInits())
      if (flow.carries(init))
        inputs.push_back(init);
  return inputs;
}

/// Whether `value` enters `kernel` from outside it (for a kernel of one op,
/// every operand does).
static bool entersKernel(Value value, Operation *kernel) {
  return !kernel->isAncestor(value.getParentBlock()->getParentOp());
}

/// Ops whose gradient is the result's gradient, summed over what they
/// broadcast or spread over what they reduce: no forward value needed.
static bool isLinear(Operation *op) {
  return isa<tosa::AddOp, tosa::SubOp, tosa::NegateOp, tosa::ReduceSumOp,
             tosa::CastOp, linalg::AddOp, linalg::SubOp, linalg::NegFOp>(op);
}

/// Whether `value` stays inside the source node that made it: a node
/// imported as several ops (a layer norm, a softmax, a GELU), every user of
/// the value in the same node. A view's users count as the value's: a
/// node that reshapes its result (a linear layer lowered to a matmul and
/// a reshape) hands the result on.
static bool staysInNode(Value value, StringRef node) {
  return llvm::all_of(value.getUsers(), [&](Operation *user) {
    if (user->hasTrait<OpTrait::IsTerminator>() || getNodeName(user) != node)
      return false;
    return getViewSource(user) != value ||
           llvm::all_of(user->getResults(),
                        [&](Value view) { return staysInNode(view, node); });
  });
}

static bool isInsideNode(Value value) {
  Operation *def = value.getDefiningOp();
  StringRef node = def ? getNodeName(def) : StringRef();
  return !node.empty() && staysInNode(value, node);
}

namespace {
/// The source nodes of a function (ops sharing a node name, as an imported
/// node's ops do): which are softmaxes, and the values that leave each.
class SourceNodes {
public:
  explicit SourceNodes(FunctionOpInterface fn) {
    // The ops on tensors; a payload's scalar ops belong to their op.
    fn.walk([&](Operation *op) {
      if (isa_and_nonnull<linalg::LinalgOp>(op->getParentOp()))
        return;
      StringRef node = getNodeName(op);
      if (node.empty())
        return;
      Node &info = nodes[node];
      if (isExponential(op) && op->getNumResults())
        info.exponentials = getElements(op->getResult(0));
      info.reduction |= isAxisReduction(op);
      for (Value result : op->getResults())
        if (isa<ShapedType>(result.getType()) && !result.use_empty() &&
            !isInsideNode(result)) {
          info.outputs.push_back(result);
          info.outputElements =
              std::max(info.outputElements, getElements(result));
        }
    });
  }

  /// Whether `node` normalizes exponentials by their sum (a softmax: an
  /// exponential, a reduction, an output as large as the exponentials; not
  /// a log-sum-exp): its backward reads its output, dX = Y (dY - sum(dY
  /// Y)), as frameworks keep it.
  bool isSoftmax(StringRef node) const {
    auto found = nodes.find(node);
    if (found == nodes.end())
      return false;
    const Node &info = found->second;
    return info.exponentials && info.reduction &&
           info.outputElements == info.exponentials;
  }
  ArrayRef<Value> getOutputs(StringRef node) const {
    auto found = nodes.find(node);
    return found == nodes.end() ? ArrayRef<Value>() : found->second.outputs;
  }

private:
  struct Node {
    /// Elements of its exponential's result (0 without one), and of its
    /// largest output.
    uint64_t exponentials = 0;
    uint64_t outputElements = 0;
    bool reduction = false;
    SmallVector<Value> outputs;
  };
  llvm::DenseMap<StringRef, Node> nodes;
};
} // namespace

/// What a backward kernel keeps in place of `value`, into `sources`: a
/// source node's backward, like its forward, runs from the node's inputs,
/// so a value inside a node is recomputed from the node's inputs (and from
/// what it makes from no input, such as random draws) instead of kept; a
/// softmax's from its output.
static void addKeptSources(Value value, const SourceNodes &nodes,
                           llvm::SetVector<Value> &sources,
                           llvm::DenseSet<Value> &visited) {
  if (!visited.insert(value).second)
    return;
  Value made = lookThroughKernel(value);
  Operation *def = made.getDefiningOp();
  if (!def || !isInsideNode(value)) {
    sources.insert(value);
    return;
  }
  StringRef node = getNodeName(def);
  if (nodes.isSoftmax(node)) {
    ArrayRef<Value> outputs = nodes.getOutputs(node);
    sources.insert(outputs.begin(), outputs.end());
    return;
  }
  SmallVector<Value> inputs = getDataInputs(def);
  llvm::erase_if(inputs, [](Value v) { return !isa<ShapedType>(v.getType()); });
  if (inputs.empty() || isMadeFromScalars(def)) {
    sources.insert(value);
    return;
  }
  for (Value input : inputs)
    addKeptSources(input, nodes, sources, visited);
}

/// Whether `scalar`, in a payload, is computed from `arg`.
static bool dependsOn(Value scalar, BlockArgument arg) {
  if (scalar == arg)
    return true;
  Operation *def = scalar.getDefiningOp();
  return def && def->getBlock() == arg.getOwner() &&
         llvm::any_of(def->getOperands(),
                      [&](Value v) { return dependsOn(v, arg); });
}

/// Whether `scalar` is linear in `arg` (sums and differences of `arg`
/// times factors computed without it); the block arguments of those factors
/// go into `factors`.
static bool isLinearIn(Value scalar, BlockArgument arg,
                       llvm::SmallPtrSetImpl<Value> &factors) {
  if (scalar == arg || !dependsOn(scalar, arg))
    return true;
  Operation *def = scalar.getDefiningOp();
  auto addFactor = [&](Value factor) {
    for (BlockArgument other : arg.getOwner()->getArguments())
      if (dependsOn(factor, other))
        factors.insert(other);
  };
  if (isa<arith::AddFOp, arith::SubFOp>(def))
    return isLinearIn(def->getOperand(0), arg, factors) &&
           isLinearIn(def->getOperand(1), arg, factors);
  if (isa<arith::NegFOp>(def))
    return isLinearIn(def->getOperand(0), arg, factors);
  if (isa<arith::MulFOp, arith::DivFOp>(def)) {
    Value lhs = def->getOperand(0), rhs = def->getOperand(1);
    if (!dependsOn(rhs, arg)) {
      addFactor(rhs);
      return isLinearIn(lhs, arg, factors);
    }
    if (isa<arith::MulFOp>(def) && !dependsOn(lhs, arg)) {
      addFactor(lhs);
      return isLinearIn(rhs, arg, factors);
    }
  }
  return false;
}

/// For an elementwise generic whose result is linear in its input `x`
/// (a scaling, a dropout's mask, a bias): the inputs its gradient reads,
/// the factors of `x`; std::nullopt otherwise.
static std::optional<SmallVector<Value>> getLinearFactors(Operation *op,
                                                          Value x) {
  auto generic = dyn_cast<linalg::GenericOp>(op);
  if (!generic || generic.getNumReductionLoops() ||
      generic.getNumResults() != 1)
    return std::nullopt;
  OpOperand *operand = llvm::find_if(
      generic->getOpOperands(), [&](OpOperand &o) { return o.get() == x; });
  if (operand == generic->getOpOperands().end())
    return std::nullopt;
  BlockArgument arg = generic.getMatchingBlockArgument(operand);
  Value yielded = generic.getBlock()->getTerminator()->getOperand(0);
  llvm::SmallPtrSet<Value, 4> factors;
  if (!isLinearIn(yielded, arg, factors))
    return std::nullopt;
  SmallVector<Value> reads;
  for (OpOperand *input : generic.getDpsInputOperands())
    if (factors.contains(generic.getMatchingBlockArgument(input)))
      reads.push_back(input->get());
  return reads;
}

/// The backward work of `op`, a member of `kernel`, into `backward`.
static void deriveOp(Operation *op, Operation *kernel, const OpCost &cost,
                     const GradientFlow &flow, KernelBackward &backward) {
  if (op->getNumResults() == 0)
    return;
  Value result = op->getResult(0);
  uint64_t outElements = getElements(result);
  SmallVector<Value> inputs = getInputs(op, flow);
  // A gradient is written for the kernel's inputs; one between members of
  // a fused kernel stays in registers, as the forward value did.
  BackwardPart &rest = backward.rest;
  auto addGradient = [&](BackwardPart &part, Value x) {
    if (entersKernel(x, kernel))
      part.written += getOwnBytes(x);
  };
  if (isContraction(op)) {
    // The gradient of each of its two operands is a contraction of the
    // result's gradient with the other: as many FLOPs as the forward.
    for (unsigned i = 0; i < 2 && i < inputs.size(); ++i) {
      if (!flow.carries(inputs[i]))
        continue;
      BackwardPart &part = backward.contraction.emplace_back();
      part.flops = cost.flops;
      if (inputs.size() > 1)
        part.reads.insert(inputs[1 - i]);
      addGradient(part, inputs[i]);
    }
    // What it adds (a bias, an accumulator) takes the result's gradient,
    // summed over the dims it was broadcast along.
    for (Value x : llvm::drop_begin(inputs, 2)) {
      if (!flow.carries(x))
        continue;
      if (getElements(x) < outElements)
        rest.flops += outElements;
      addGradient(rest, x);
    }
    return;
  }
  bool anyGradient = false;
  for (Value x : inputs) {
    if (!flow.carries(x))
      continue;
    anyGradient = true;
    uint64_t elements = getElements(x);
    if (cost.flops == 0 || isLinear(op)) {
      // A data movement's gradient moves back (a view's costs nothing); a
      // sum's is the gradient itself, summed where x was broadcast, and
      // written only where it is not the result's gradient already: in
      // another shape, or from inside a fused kernel.
      if (cost.flops == 0 && cost.bytesMoved() == 0)
        continue;
      if (elements < outElements && cost.flops != 0)
        rest.flops += outElements;
      if (elements != outElements || cost.flops == 0 || kernel != op)
        addGradient(rest, x);
      continue;
    }
    if (isa<tosa::MulOp, linalg::MulOp>(op)) {
      // d(a*b)/da = b: one product per element, reading the other factor.
      rest.flops += outElements;
      for (Value other : inputs)
        if (other != x && getElements(other) > 1)
          rest.reads.insert(other);
      addGradient(rest, x);
      continue;
    }
    if (std::optional<SmallVector<Value>> factors = getLinearFactors(op, x)) {
      // A payload linear in x: the gradient is dY times x's factors.
      rest.flops += outElements;
      for (Value factor : *factors)
        if (getElements(factor) > 1)
          rest.reads.insert(factor);
      addGradient(rest, x);
      continue;
    }
    // Any other op: its derivative costs what it does, plus the product
    // with the result's gradient; it reads the forward's inputs, or an
    // exponential its result.
    rest.flops += cost.flops + outElements;
    if (isExponential(op))
      rest.reads.insert(result);
    else
      for (Value v : inputs)
        if (getElements(v) > 1)
          rest.reads.insert(v);
    addGradient(rest, x);
  }
  // A gather's gradient scatters into its table by the same indices.
  if (anyGradient && cost.flops == 0)
    for (Value v : inputs)
      if (getElements(v) && !getFloatElements(v))
        rest.reads.insert(v);
}

/// A fused attention's backward as FlashAttention-2 runs it (Dao 2023,
/// algorithm 2): one kernel that recomputes the scores and probabilities
/// tile by tile from Q, K and the output's statistics instead of keeping
/// them, so it reads the attention's inputs and output and writes their
/// gradients. Its FLOPs: the scores again (F1) and four more products, dV
/// and dP over the values' contraction (2 F2), dQ and dK over the scores'
/// (2 F1), and twice the softmax's elementwise work, all at the share its
/// causal mask keeps. std::nullopt for any other kernel.
static std::optional<BackwardPart>
getFlashAttentionBackward(Operation *kernel,
                          llvm::DenseMap<Operation *, OpCostRecord> &records,
                          const GradientFlow &flow) {
  auto fused = dyn_cast<KernelOp>(kernel);
  if (!fused || !fused->hasAttr(kAttentionAttrName) || fused.isTiled())
    return std::nullopt;
  SmallVector<uint64_t, 2> contractions;
  uint64_t elementwise = 0;
  BackwardPart part;
  for (Operation *op : getMembers(kernel)) {
    auto found = records.find(op);
    if (found == records.end() || !found->second.cost)
      continue;
    if (isContraction(op))
      contractions.push_back(found->second.cost->flops);
    else
      elementwise += found->second.cost->flops;
    // What enters it: the inputs of its members made outside it.
    for (Value v : getDataInputs(op))
      if (getElements(v) > 1 && entersKernel(v, kernel) &&
          part.reads.insert(v) && flow.carries(v))
        part.written += getOwnBytes(v);
  }
  if (contractions.size() != 2)
    return std::nullopt;
  part.flops = 3 * contractions[0] + 2 * contractions[1] + 2 * elementwise;
  // It skips the tiles the causal mask zeroes, as the forward kernel does.
  if (std::optional<double> share = getCausalShare(fused))
    part.flops = std::llround(*share * part.flops);
  part.reads.insert(kernel->result_begin(), kernel->result_end());
  return part;
}

BackwardPass
roof::deriveBackward(const FunctionKernels &forward,
                     const llvm::DenseMap<Value, unsigned> &producers,
                     CostContext &ctx, const RooflineOptions &options) {
  BackwardPass pass;
  FunctionKernels &kernels = pass.kernels;
  kernels.function = forward.function;
  kernels.totals.parameters = forward.totals.parameters;
  kernels.weightBytes = forward.weightBytes;
  const WeightAnalysis &weights = ctx.getWeights();
  GradientFlow flow(forward.function, weights);
  SourceNodes nodes(forward.function);
  llvm::SetVector<Value> trainable, saved;
  auto &records = ctx.getRecords();
  auto deployedBytes = [&](Value v) {
    return getDeployedBytes(v.getType(), options).value_or(0);
  };
  pass.readsByKernel.resize(forward.kernels.size());
  pass.inFlightByKernel.resize(forward.kernels.size());
  // What an all-gather makes is kept as its part and gathered again where
  // the backward pass reads it, once (docs/training.md, "Saved
  // activations").
  llvm::SmallPtrSet<Operation *, 8> regathered;
  // Indices, not structured bindings: the lambda below captures them.
  for (size_t index = 0; index < forward.kernels.size(); ++index) {
    const KernelFacts &facts = forward.kernels[index];
    Operation *kernel = facts.op;
    // The gradient of what the kernel writes, where it flows to the loss.
    uint64_t gradientBytes = 0, deployedGradientBytes = 0;
    for (Value result : kernel->getResults())
      if (flow.carries(result)) {
        gradientBytes += getOwnBytes(result);
        deployedGradientBytes += deployedBytes(result);
      }
    if (gradientBytes == 0)
      continue;
    // A backward kernel of this forward kernel, with the gradients it has
    // in flight.
    auto pushKernel = [&](KernelFacts backwardFacts) {
      uint64_t inFlight =
          deployedGradientBytes + backwardFacts.cost.bytesWritten;
      pass.transientBytes = std::max(pass.transientBytes, inFlight);
      pass.inFlightByKernel[index] =
          std::max(pass.inFlightByKernel[index], inFlight);
      kernels.totals.total += backwardFacts.cost;
      kernels.kernels.push_back(std::move(backwardFacts));
      pass.forwardKernels.push_back(index);
    };
    // A collective's gradient crosses the links the other way; it reads
    // the gradient and writes what the forward read.
    if (facts.collective) {
      KernelFacts backwardFacts = facts;
      std::swap(backwardFacts.cost.bytesRead, backwardFacts.cost.bytesWritten);
      backwardFacts.cost.weightBytesRead = 0;
      backwardFacts.collective = std::make_shared<const CollectiveFacts>(
          getBackwardCollective(*facts.collective));
      pushKernel(std::move(backwardFacts));
      continue;
    }
    KernelBackward backward;
    for (Operation *op : getMembers(kernel)) {
      auto found = records.find(op);
      if (found == records.end() || !found->second.cost)
        continue;
      for (Value v : op->getOperands())
        if (flow.isTrainable(v))
          trainable.insert(getHeldValue(v));
      size_t reads = backward.rest.reads.size();
      deriveOp(op, kernel, *found->second.cost, flow, backward);
      // A softmax's backward reads its output, whichever of its ops asks.
      StringRef node = getNodeName(op);
      if (backward.rest.reads.size() > reads && nodes.isSoftmax(node)) {
        while (backward.rest.reads.size() > reads)
          backward.rest.reads.pop_back();
        backward.rest.reads.insert(nodes.getOutputs(node).begin(),
                                   nodes.getOutputs(node).end());
      }
    }
    auto found = records.find(kernel);
    uint64_t runs = found != records.end() && found->second.executions
                        ? *found->second.executions
                        : 1;
    auto addKernel = [&](uint64_t flops, ArrayRef<const BackwardPart *> reads,
                         uint64_t written, bool onMatrix) {
      OpCost cost;
      cost.flops = flops;
      cost.bytesRead = gradientBytes;
      cost.bytesWritten = written;
      llvm::SetVector<Value> read;
      llvm::DenseSet<Value> visited;
      for (const BackwardPart *part : reads)
        for (Value v : part->reads)
          addKeptSources(v, nodes, read, visited);
      for (Value v : read) {
        uint64_t bytes = getOwnBytes(v);
        cost.bytesRead += bytes;
        if (weights.isWeight(v)) {
          cost.weightBytesRead += bytes;
        } else if (!v.getDefiningOp() ||
                   !v.getDefiningOp()->hasTrait<OpTrait::ConstantLike>()) {
          Value held = getHeldValue(v);
          auto gather = held.getDefiningOp<shard::AllGatherOp>();
          auto gatherKernel = gather ? producers.find(held) : producers.end();
          if (gatherKernel != producers.end() &&
              forward.kernels[gatherKernel->second].collective) {
            held = getHeldValue(gather.getInput());
            if (regathered.insert(gather).second)
              pushKernel(forward.kernels[gatherKernel->second]);
          }
          saved.insert(held);
          pass.readsByKernel[index].push_back(held);
        }
      }
      KernelFacts backwardFacts =
          getKernelFacts(kernel, cost.scaled(runs), options, facts.role);
      if (!onMatrix) {
        backwardFacts.engine = Engine::Vector;
        backwardFacts.kernelClass =
            flops ? KernelClass::Elementwise : KernelClass::Movement;
      }
      pushKernel(std::move(backwardFacts));
    };
    if (std::optional<BackwardPart> flash =
            getFlashAttentionBackward(kernel, records, flow)) {
      addKernel(flash->flops, {&*flash}, flash->written, true);
      continue;
    }
    // The other ops' derivatives run in the contraction's gradients (their
    // FLOPs and writes once, in the first); alone without one.
    const BackwardPart &rest = backward.rest;
    for (auto [i, part] : llvm::enumerate(backward.contraction))
      addKernel(part.flops + (i == 0 ? rest.flops : 0), {&part, &rest},
                part.written + (i == 0 ? rest.written : 0), true);
    if (backward.contraction.empty() && (rest.flops || rest.written))
      addKernel(rest.flops, {&rest}, rest.written, false);
  }
  pass.trainable = trainable.takeVector();
  pass.saved = saved.takeVector();
  for (Value v : pass.saved)
    pass.savedBytes += deployedBytes(v);
  return pass;
}

Value roof::getHeldValue(Value value) {
  while (true) {
    for (OpOperand &use : value.getUses())
      if (isa<YieldOp>(use.getOwner()))
        return getHeldValue(
            use.getOwner()->getParentOp()->getResult(use.getOperandNumber()));
    Operation *def = value.getDefiningOp();
    Value source = def ? getViewSource(def) : Value();
    if (!source)
      return value;
    value = source;
  }
}

llvm::DenseMap<Value, unsigned>
roof::mapProducers(const FunctionKernels &forward) {
  llvm::DenseMap<Value, unsigned> producer;
  for (auto [i, facts] : llvm::enumerate(forward.kernels))
    facts.op->walk([&, i = i](Operation *op) {
      for (Value result : op->getResults())
        producer[result] = i;
    });
  // A view between kernels (a reshape, which moves no bytes and so is no
  // kernel) is its source's, so a value read through it is held once.
  forward.function->walk([&](Operation *op) {
    Value source = getViewSource(op);
    auto made = source ? producer.find(source) : producer.end();
    if (made != producer.end() && op->getNumResults() == 1)
      producer.try_emplace(op->getResult(0), made->second);
  });
  return producer;
}
