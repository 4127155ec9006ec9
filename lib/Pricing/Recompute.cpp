//===- Recompute.cpp - Activations recomputed instead of kept -------------===//

#include "roof/Pricing/Recompute.h"
#include "roof/Analysis/OpClassification.h"
#include "roof/Analysis/WeightAnalysis.h"
#include "roof/Dialect/RoofDialect.h"
#include "roof/Pricing/Breakdown.h"
#include "roof/Pricing/Roofline.h"

#include "mlir/Transforms/RegionUtils.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

using namespace mlir;
using namespace mlir::roof;

StringRef roof::getRecomputeName(Recompute recompute) {
  switch (recompute) {
  case Recompute::None:
    return "none";
  case Recompute::Selective:
    return "selective";
  case Recompute::Full:
    return "full";
  }
  llvm_unreachable("unknown recompute policy");
}

/// A contraction of two activations: an attention's Q K^T or P V.
static bool contractsActivations(Operation *op, const WeightAnalysis &weights) {
  if (!isContraction(op))
    return false;
  SmallVector<Value> inputs = getDataInputs(op);
  return inputs.size() >= 2 && !weights.isWeight(inputs[0]) &&
         !weights.isWeight(inputs[1]);
}

llvm::DenseSet<Value> roof::findAttentionScores(FunctionOpInterface fn,
                                                const WeightAnalysis &weights) {
  // Values computed from a contraction of activations through ops that are
  // not contractions (in post-order, a kernel's members come first).
  llvm::DenseSet<Value> after;
  SmallVector<Operation *> contractions;
  fn.walk([&](Operation *op) {
    if (isa<KernelOp>(op)) {
      for (Value result : op->getResults())
        if (after.contains(lookThroughKernel(result)))
          after.insert(result);
      return;
    }
    if (contractsActivations(op, weights)) {
      contractions.push_back(op);
      after.insert(op->result_begin(), op->result_end());
      return;
    }
    if (!isContraction(op) && llvm::any_of(op->getOperands(), [&](Value v) {
          return after.contains(v);
        }))
      after.insert(op->result_begin(), op->result_end());
  });
  // Back from each such contraction's operands to the one before it.
  llvm::DenseSet<Value> scores;
  SmallVector<Value> stack;
  for (Operation *op : contractions)
    stack.append(op->operand_begin(), op->operand_end());
  while (!stack.empty()) {
    Value value = stack.pop_back_val();
    if (!after.contains(value)) {
      // A draw the scores are computed with (a dropout's mask from a seed)
      // is drawn again with them.
      Operation *def = value.getDefiningOp();
      if (def && isMadeFromScalars(def))
        scores.insert(value);
      continue;
    }
    if (!scores.insert(value).second)
      continue;
    Value source = lookThroughKernel(value);
    scores.insert(source);
    Operation *def = source.getDefiningOp();
    if (def && !isContraction(def))
      stack.append(def->operand_begin(), def->operand_end());
  }
  return scores;
}

SmallVector<unsigned> roof::findRepeatedLayers(const FunctionKernels &forward) {
  size_t n = forward.kernels.size();
  SmallVector<llvm::hash_code> signature;
  for (const KernelFacts &facts : forward.kernels) {
    Operation *root = getKernelRoot(facts.op);
    signature.push_back(llvm::hash_combine(
        facts.op->getName().getAsOpaquePointer(),
        root->getName().getAsOpaquePointer(),
        llvm::hash_combine_range(facts.op->getResultTypes().begin(),
                                 facts.op->getResultTypes().end())));
  }
  size_t bestPeriod = 0, bestStart = 0, bestCover = 0;
  for (size_t period = 1; 2 * period <= n; ++period) {
    // The longest run of kernels each equal to the one `period` later.
    size_t run = 0;
    for (size_t i = 0; i + period < n; ++i) {
      run = signature[i] == signature[i + period] ? run + 1 : 0;
      if (run >= period && run + period > bestCover) {
        bestCover = run + period;
        bestPeriod = period;
        bestStart = i + 1 - run;
      }
    }
  }
  SmallVector<unsigned> layer(n, 0);
  for (size_t i = bestStart; bestPeriod && i < bestStart + bestCover; ++i)
    layer[i] = 1 + (i - bestStart) / bestPeriod;
  return layer;
}

void roof::applyRecompute(BackwardPass &pass, const FunctionKernels &forward,
                          const llvm::DenseMap<Value, unsigned> &producer,
                          const WeightAnalysis &weights, Recompute recompute,
                          unsigned scopeDepth, const RooflineOptions &options) {
  if (recompute == Recompute::None)
    return;
  auto bytes = [&](Value v) {
    return getDeployedBytes(v.getType(), options).value_or(0);
  };
  SmallVector<bool> rerun(forward.kernels.size());
  llvm::SetVector<Value> kept;
  if (recompute == Recompute::Selective) {
    // The kernels that make the scores run again, from the scores'
    // contraction on; none of their values is kept.
    llvm::DenseSet<Value> scores =
        findAttentionScores(forward.function, weights);
    for (Value v : scores) {
      auto made = producer.find(v);
      if (made != producer.end())
        rerun[made->second] = true;
    }
    for (Value v : pass.saved)
      if (!scores.contains(v))
        kept.insert(v);
  } else {
    // Each named kernel's block (an unnamed one, such as a fill written by
    // hand, is in none); what the backward pass reads inside a block is
    // recomputed from the block's inputs, which are kept.
    std::vector<std::string> blocks;
    if (scopeDepth == 0) {
      for (unsigned layer : findRepeatedLayers(forward))
        blocks.push_back(layer ? "layer " + std::to_string(layer) : "");
    } else {
      for (const KernelFacts &facts : forward.kernels) {
        StringRef name = getNodeName(facts.op);
        blocks.push_back(name.empty() ? "" : getScope(name, scopeDepth));
      }
    }
    llvm::StringSet<> recomputed;
    for (Value v : pass.saved) {
      auto made = producer.find(v);
      if (made == producer.end() || blocks[made->second].empty())
        kept.insert(v);
      else
        recomputed.insert(blocks[made->second]);
    }
    for (auto [i, facts] : llvm::enumerate(forward.kernels)) {
      if (blocks[i].empty() || !recomputed.contains(blocks[i]))
        continue;
      rerun[i] = true;
      llvm::SetVector<Value> reads(facts.op->operand_begin(),
                                   facts.op->operand_end());
      for (Region &region : facts.op->getRegions())
        getUsedValuesDefinedAbove(region, reads);
      for (Value v : reads) {
        Operation *def = v.getDefiningOp();
        if (weights.isWeight(v) || !isa<ShapedType>(v.getType()) ||
            (def && def->hasTrait<OpTrait::ConstantLike>()))
          continue;
        // The function's arguments and other blocks' values; not what an
        // unnamed kernel or a non-kernel op (an empty tensor) makes.
        auto made = producer.find(v);
        if (made == producer.end() ? isa<BlockArgument>(v)
                                   : !blocks[made->second].empty() &&
                                         blocks[made->second] != blocks[i])
          kept.insert(getHeldValue(v));
      }
    }
    // The block whose backward runs holds its recomputed values meanwhile.
    llvm::StringMap<uint64_t> inside;
    for (Value v : pass.saved)
      if (!kept.contains(v))
        inside[blocks[producer.lookup(v)]] += bytes(v);
    uint64_t largest = 0;
    for (const auto &block : inside)
      largest = std::max(largest, block.second);
    pass.transientBytes += largest;
  }
  pass.saved = kept.takeVector();
  pass.savedBytes = 0;
  for (Value v : pass.saved)
    pass.savedBytes += bytes(v);
  for (auto [i, facts] : llvm::enumerate(forward.kernels)) {
    if (!rerun[i])
      continue;
    pass.kernels.kernels.push_back(facts);
    pass.forwardKernels.push_back(i);
    pass.kernels.totals.total += facts.cost;
    ++pass.recomputedKernels;
    pass.recomputeFlops += facts.cost.flops;
  }
}
