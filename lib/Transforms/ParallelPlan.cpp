//===- ParallelPlan.cpp - The roof-parallel-plan pass ---------------------===//
//
// Megatron-style tensor parallelism as shard annotations: a contraction
// whose activation is whole splits its weight by an output dim (column);
// one whose activation is split by an earlier column split splits its
// weight by a reduction dim (row), and sharding-propagation all-reduces its
// partial sums. An embedding's table (a tosa.gather from a weight) splits by
// its vocabulary, and the lookups are summed; so does an LM head, whose
// loss's reductions over the vocabulary are all-reduced. With sequence
// parallelism what those sums make is split by its tokens until the next column
// split gathers it, as Megatron-LM's --sequence-parallel runs the norms and the
// residual adds. With context parallelism the devices of a second grid
// axis split every activation by its tokens, and each attention reads its
// keys and values whole (all-gathered), as Llama 3's context parallelism
// runs it. With expert parallelism the devices split every activation by
// its sequences (data-parallel attention) and a mixture of experts' weights
// by their experts; each expert contraction reads its tokens split by
// expert, and each gather of them back reads them split by sequence: the
// dispatch's and the combine's all-to-alls.
//
//===----------------------------------------------------------------------===//

#include "roof/Transforms/Passes.h"

#include "roof/Analysis/OpClassification.h"
#include "roof/Analysis/WeightAnalysis.h"
#include "roof/Pricing/DataParallel.h"
#include "roof/Transforms/AttentionFusion.h"
#include "roof/Transforms/SequenceSplit.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Utils/Utils.h"
#include "mlir/Dialect/Shard/IR/ShardOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "llvm/ADT/DenseSet.h"

namespace mlir::roof {
#define GEN_PASS_DEF_ROOFPARALLELPLAN
#include "roof/Transforms/Passes.h.inc"
} // namespace mlir::roof

using namespace mlir;
using namespace mlir::roof;

namespace {
struct RoofParallelPlanPass
    : public roof::impl::RoofParallelPlanBase<RoofParallelPlanPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    std::optional<PlanSpec> spec = parsePlan();
    if (!spec)
      return signalPassFailure();
    if (spec->tp == 1 && spec->cp == 1 && spec->ep == 1)
      return;
    // Tensor parallelism alone is a grid @tp, context parallelism alone
    // @cp, and both a grid @cp_tp of cp x tp devices, tp fastest (within a
    // node); expert parallelism a grid @ep.
    StringRef name = spec->ep > 1    ? "ep"
                     : spec->cp == 1 ? "tp"
                     : spec->tp == 1 ? "cp"
                                     : "cp_tp";
    if (SymbolTable::lookupSymbolIn(module, name)) {
      emitError(module.getLoc())
          << "roof-parallel-plan: the module already has a symbol @" << name
          << "; the plan's grid takes that name";
      return signalPassFailure();
    }
    OpBuilder b(module.getBodyRegion());
    SmallVector<int64_t, 2> shape;
    for (unsigned devices : {spec->ep, spec->cp, spec->tp})
      if (devices > 1)
        shape.push_back(devices);
    auto grid = shard::GridOp::create(b, module.getLoc(), name, shape);
    WeightOptions options;
    options.paramArgs.assign(paramArgs.begin(), paramArgs.end());
    WeightAnalysis weights(options);
    WalkResult walk = module.walk([&](FunctionOpInterface fn) {
      if (fn.isExternal())
        return WalkResult::advance();
      if (failed(checkPartitionable(fn)))
        return WalkResult::interrupt();
      if (spec->tp > 1)
        planFunction(fn, grid, weights, *spec);
      if (spec->cp > 1 && failed(planContext(fn, grid, weights, *spec)))
        return WalkResult::interrupt();
      if (spec->ep > 1 && failed(planExperts(fn, grid, weights, spec->ep)))
        return WalkResult::interrupt();
      annotateReturns(fn, grid, std::max(spec->cp, spec->ep),
                      /*gather=*/spec->ep == 1);
      return WalkResult::advance();
    });
    if (walk.wasInterrupted())
      signalPassFailure();
  }

private:
  /// What plan= asks for: N devices of tensor parallelism, and whether
  /// the same devices split the sequence between the splits.
  struct PlanSpec {
    unsigned tp = 1;
    bool sequence = false;
    /// Devices that split the tokens (context parallelism).
    unsigned cp = 1;
    /// Devices that split the sequences and the experts (expert
    /// parallelism).
    unsigned ep = 1;
  };

  /// plan=tp:N or tp:N,sp:N (sp:N alone is tp:N,sp:N), and cp:C; or ep:E
  /// alone; after an error for any other plan.
  std::optional<PlanSpec> parsePlan() {
    unsigned tp = 0, sp = 0, cp = 1, ep = 1;
    SmallVector<StringRef> parts;
    StringRef(plan).split(parts, ',');
    for (StringRef part : parts) {
      auto [kind, size] = part.split(':');
      unsigned devices = 0;
      if ((kind != "tp" && kind != "sp" && kind != "cp" && kind != "ep") ||
          size.getAsInteger(10, devices) || devices < 1) {
        llvm::errs() << "error: roof-parallel-plan: plan must be tp:N, "
                        "optionally with sp:N (tensor and sequence "
                        "parallelism over the same N devices), and cp:C "
                        "(context parallelism over C groups of them), or ep:E "
                        "(expert parallelism) alone; got '"
                     << plan << "' (dp: and pp: need no split of the IR: "
                     << "roof-report's parallel=dp:M,pp:P with training=, "
                     << "docs/parallelism.md)\n";
        return std::nullopt;
      }
      (kind == "tp"   ? tp
       : kind == "sp" ? sp
       : kind == "cp" ? cp
                      : ep) = devices;
    }
    PlanSpec spec;
    spec.cp = cp;
    spec.ep = ep;
    if (ep > 1 && (tp > 1 || sp > 1 || cp > 1)) {
      llvm::errs() << "error: roof-parallel-plan: ep:E splits the sequences "
                      "and the experts over its own devices; with tp:, sp: "
                      "or cp: it is not planned yet; got '"
                   << plan << "'\n";
      return std::nullopt;
    }
    std::string problem = resolveSequenceSplit(tp, sp, spec.tp, spec.sequence);
    if (problem.empty() && spec.sequence && cp > 1)
      problem = "sequence parallelism (sp:) and context parallelism (cp:) "
                "both split the tokens; give one";
    if (!problem.empty()) {
      llvm::errs() << "error: roof-parallel-plan: " << problem << "; got '"
                   << plan << "'\n";
      return std::nullopt;
    }
    return spec;
  }

  /// Fails, with an error, on what MLIR 22's shard-partition crashes on
  /// once a value is split (docs/parallelism.md, "Not yet"): an unused
  /// tensor argument of rank 1 or more, and a linalg op reading a rank-0
  /// tensor.
  static LogicalResult checkPartitionable(FunctionOpInterface fn) {
    const char *why = " (upstream's shard-partition in MLIR 22 crashes on "
                      "it once the function is split)";
    for (BlockArgument arg : fn.getArguments())
      if (auto type = dyn_cast<RankedTensorType>(arg.getType());
          type && type.getRank() > 0 && arg.use_empty())
        return emitError(fn.getLoc())
               << "roof-parallel-plan: argument #" << arg.getArgNumber()
               << " of @" << fn.getName() << " is unused" << why
               << "; remove it";
    WalkResult walk = fn.walk([&](linalg::LinalgOp op) {
      for (OpOperand *input : op.getDpsInputOperands())
        if (auto type = dyn_cast<RankedTensorType>(input->get().getType());
            type && type.getRank() == 0) {
          op->emitError() << "roof-parallel-plan: a linalg op reads a rank-0 "
                             "tensor"
                          << why
                          << "; pass the scalar instead (tensor.extract), "
                             "or for a model of gen_gpt_layers.py write it "
                             "with --dropout 0";
          return WalkResult::interrupt();
        }
      return WalkResult::advance();
    });
    return failure(walk.wasInterrupted());
  }

  /// Annotates what `fn` returns as whole on every device: its callers get
  /// what it computes, and MLIR 22's shard-partition crashes on a returned
  /// value that propagation leaves without a sharding (a reduction's, such
  /// as a loss). With context parallelism (`tokens` devices, more than 1)
  /// a returned value is made split by its first dim that they divide and
  /// that is not 1 (its tokens, in a model written token-major), and
  /// gathered for the return: upstream's propagation works back from the
  /// return first, and would otherwise run the last layer whole. Without
  /// `gather` it stays split (expert parallelism's devices each return
  /// their own sequences' results).
  static void annotateReturns(FunctionOpInterface fn, shard::GridOp grid,
                              int64_t tokens, bool gather) {
    MLIRContext *context = fn.getContext();
    for (Block &block : fn.getFunctionBody()) {
      Operation *terminator = block.getTerminator();
      if (!terminator || !isa<func::ReturnOp>(terminator))
        continue;
      for (OpOperand &result : terminator->getOpOperands()) {
        auto type = dyn_cast<RankedTensorType>(result.get().getType());
        if (!type || type.getRank() == 0)
          continue;
        auto dim =
            llvm::find_if(llvm::seq<int64_t>(type.getRank()), [&](int64_t d) {
              return type.getDimSize(d) != 1 && divides(type, d, tokens);
            });
        bool split = tokens > 1 && *dim != type.getRank();
        if (split)
          annotate(result, grid, splitAxes(context, *dim));
        if (!split || gather)
          annotate(result, grid, {shard::GridAxesAttr::get(context, {})},
                   /*forUsers=*/split);
      }
    }
  }

  /// A contraction's weight split: its operand and dim, and whether it is
  /// a row split.
  struct WeightSplit {
    OpOperand *weight;
    unsigned dim;
    bool row;
  };

  /// Splits the weights of `fn`'s contractions and embeddings over `grid`.
  /// A column split is kept only when a row split later reads what it
  /// splits, or when what it makes is only reduced over the split dim (an
  /// LM head's logits, by its loss: findSplitReductions); any other result
  /// of a column split would be all-gathered, which costs more than
  /// computing it whole (docs/parallelism.md, "Plans").
  void planFunction(FunctionOpInterface fn, shard::GridOp grid,
                    const WeightAnalysis &weights, const PlanSpec &spec) {
    int64_t devices = spec.tp;
    // The splits in order; for each value column splits leave split (until
    // a row split's all-reduce makes it whole again), those splits' indices.
    SmallVector<WeightSplit> splits;
    llvm::DenseMap<Value, SmallVector<unsigned, 2>> splitBy;
    llvm::DenseSet<unsigned> readByRow;
    // The embeddings' lookups, summed over the devices.
    SmallVector<tosa::GatherOp> lookups;
    // With sequence parallelism, the column splits' inputs gathered whole.
    llvm::DenseSet<Value> gathered;
    for (Block &block : fn.getFunctionBody())
      for (Operation &op : block) {
        // Its lookups are summed over the devices: whole.
        if (auto gather = dyn_cast<tosa::GatherOp>(&op);
            gather && weights.isWeight(gather.getValues())) {
          if (divides(gather.getValues().getType(), /*dim=*/1, devices)) {
            splitDim(gather->getOpOperand(0), /*dim=*/1, grid,
                     getTensorAxis(spec));
            lookups.push_back(gather);
          }
          continue;
        }
        auto linalgOp = dyn_cast<linalg::LinalgOp>(&op);
        if (linalgOp && isContraction(&op)) {
          SmallVector<OpOperand *> inputs = linalgOp.getDpsInputOperands();
          auto weight = llvm::find_if(inputs, [&](OpOperand *input) {
            return weights.isWeight(input->get());
          });
          if (inputs.size() == 2 && weight != inputs.end() &&
              !weights.isWeight(inputs[inputs[0] == *weight]->get())) {
            // Column: its result is split. Row: its result is the
            // all-reduced sum, whole.
            auto column = splitBy.find(inputs[inputs[0] == *weight]->get());
            bool row = column != splitBy.end();
            std::optional<unsigned> dim =
                findSplitDim(linalgOp, **weight, devices, row);
            if (!dim)
              continue;
            if (row)
              readByRow.insert(column->second.begin(), column->second.end());
            else
              splitBy[op.getResult(0)] = {static_cast<unsigned>(splits.size())};
            splits.push_back({*weight, *dim, row});
            continue;
          }
        }
        SmallVector<unsigned, 2> from;
        for (Value operand : op.getOperands())
          if (auto found = splitBy.find(operand); found != splitBy.end())
            for (unsigned split : found->second)
              if (!llvm::is_contained(from, split))
                from.push_back(split);
        if (!from.empty())
          for (Value result : op.getResults())
            splitBy[result] = from;
      }
    for (auto [i, split] : llvm::enumerate(splits)) {
      // A column split that no row split reads is kept where its result
      // is only reduced over the split dim (an LM head).
      SmallVector<std::pair<OpOperand *, unsigned>> reductions;
      if (!split.row && !readByRow.contains(i) &&
          !findSplitReductions(split, reductions))
        continue;
      warnFallbackSplit(split, devices);
      splitDim(*split.weight, split.dim, grid, getTensorAxis(spec));
      ++(split.row ? numRows : numColumns);
      for (auto [read, dim] : reductions)
        annotate(*read, grid,
                 splitAxes(grid.getContext(), dim, getTensorAxis(spec)),
                 /*forUsers=*/true);
      numVocabularyReductions += reductions.size();
      if (spec.sequence)
        splitSequence(split, grid, devices, gathered);
    }
    if (spec.sequence)
      for (tosa::GatherOp lookup : lookups)
        if (divides(lookup.getType(), /*dim=*/1, devices))
          splitUsersBy(lookup.getResult(), /*dim=*/1, grid);
  }

  /// Whether everything that reads what the column split `split` makes,
  /// through elementwise ops, reduces over its split dim: the logits of an
  /// LM head, whose loss's max and sum then run on each device's part of
  /// the vocabulary and are all-reduced per token (Megatron-LM's
  /// vocabulary-parallel cross-entropy). `reductions` gets each
  /// reduction's operand and the dim of it that is split: annotated split
  /// for the reduction, so that upstream's propagation, which works back
  /// from what the function returns first, does not gather the logits.
  static bool findSplitReductions(
      const WeightSplit &split,
      SmallVector<std::pair<OpOperand *, unsigned>> &reductions) {
    auto contraction = cast<linalg::LinalgOp>(split.weight->getOwner());
    auto loop = dyn_cast<AffineDimExpr>(
        contraction.getMatchingIndexingMap(split.weight).getResult(split.dim));
    std::optional<unsigned> dim =
        loop ? getResultDim(contraction, loop.getPosition()) : std::nullopt;
    if (!dim)
      return false;
    SmallVector<std::pair<Value, unsigned>> work = {
        {contraction->getResult(0), *dim}};
    while (!work.empty()) {
      auto [value, at] = work.pop_back_val();
      for (OpOperand &use : value.getUses()) {
        auto user = dyn_cast<linalg::LinalgOp>(use.getOwner());
        if (!user || user.isDpsInit(&use) || user->getNumResults() != 1)
          return false;
        auto userLoop = dyn_cast<AffineDimExpr>(
            user.getMatchingIndexingMap(&use).getResult(at));
        if (!userLoop)
          return false;
        if (user.getIteratorTypesArray()[userLoop.getPosition()] ==
            utils::IteratorType::reduction) {
          reductions.emplace_back(&use, at);
          continue;
        }
        std::optional<unsigned> next =
            getResultDim(user, userLoop.getPosition());
        if (!next)
          return false;
        work.emplace_back(user->getResult(0), *next);
      }
    }
    return !reductions.empty();
  }

  /// The dim of `op`'s first result that its `loop` indexes.
  static std::optional<unsigned> getResultDim(linalg::LinalgOp op,
                                              unsigned loop) {
    AffineMap map = op.getIndexingMapMatchingResult(op->getOpResult(0));
    for (auto [dim, expr] : llvm::enumerate(map.getResults()))
      if (auto d = dyn_cast<AffineDimExpr>(expr); d && d.getPosition() == loop)
        return dim;
    return std::nullopt;
  }

  /// The grid axis of tensor parallelism: the last (fastest), after
  /// context parallelism's, which is the first.
  static shard::GridAxis getTensorAxis(const PlanSpec &spec) {
    return spec.cp > 1 ? 1 : 0;
  }

  /// Context parallelism: each attention of `fn` (a contraction of two
  /// activations that growAttention takes, Q K^T, then P V) reads its
  /// queries split by their tokens over the grid's first axis, where they
  /// are made, so that propagation splits every activation before and after
  /// by its tokens; and its keys and values whole, which all-gathers them.
  /// Both keep the split of their heads that tensor parallelism makes.
  LogicalResult planContext(FunctionOpInterface fn, shard::GridOp grid,
                            const WeightAnalysis &weights,
                            const PlanSpec &spec) {
    SmallVector<std::pair<linalg::LinalgOp, linalg::LinalgOp>> attentions;
    fn.walk([&](linalg::LinalgOp op) {
      if (!isContraction(op) || op.getNumDpsInputs() != 2 ||
          llvm::any_of(op.getDpsInputOperands(), [&](OpOperand *input) {
            return weights.isWeight(input->get());
          }))
        return;
      SmallVector<Operation *> chain = growAttention(op);
      if (!chain.empty())
        attentions.emplace_back(op, cast<linalg::LinalgOp>(chain.back()));
    });
    if (attentions.empty())
      return emitError(fn.getLoc())
             << "roof-parallel-plan: context parallelism splits each "
                "attention's queries by their tokens, and @"
             << fn.getName()
             << " has no attention (Q K^T, a softmax, then P V)";
    for (auto [scores, values] : attentions) {
      if (failed(splitAttentionOperand(*scores.getDpsInputOperand(0), grid,
                                       spec, AttentionInput::Queries)) ||
          failed(splitAttentionOperand(*scores.getDpsInputOperand(1), grid,
                                       spec, AttentionInput::Keys)) ||
          failed(splitAttentionOperand(*values.getDpsInputOperand(0), grid,
                                       spec, AttentionInput::Queries)) ||
          failed(splitAttentionOperand(*values.getDpsInputOperand(1), grid,
                                       spec, AttentionInput::Values)))
        return failure();
      ++numAttentions;
    }
    return success();
  }

  /// Expert parallelism over `devices`: each activation argument of `fn`
  /// (not a weight) is split by its first dim, its sequences, so that
  /// propagation runs the attention and every token-wise op on each
  /// device's sequences. Each expert contraction (one whose weight has a
  /// parallel dim that its other input indexes too: [experts, in, out] by
  /// [groups, experts, capacity, in]) splits its weight by that dim and
  /// reads its tokens split by it, which all-to-alls the dispatched slots;
  /// each tosa.gather of activations (a combine) reads its values split by
  /// their groups again, the return all-to-all.
  LogicalResult planExperts(FunctionOpInterface fn, shard::GridOp grid,
                            const WeightAnalysis &weights, int64_t devices) {
    MLIRContext *context = grid.getContext();
    SmallVector<std::tuple<OpOperand *, unsigned, OpOperand *, unsigned>>
        experts;
    SmallVector<OpOperand *> combines;
    fn.walk([&](Operation *op) {
      if (auto gather = dyn_cast<tosa::GatherOp>(op)) {
        if (!weights.isWeight(gather.getValues()))
          combines.push_back(&gather->getOpOperand(0));
        return;
      }
      auto linalgOp = dyn_cast<linalg::LinalgOp>(op);
      if (!linalgOp || !isContraction(op) || linalgOp.getNumDpsInputs() != 2)
        return;
      OpOperand *weight = linalgOp.getDpsInputOperand(0);
      OpOperand *tokens = linalgOp.getDpsInputOperand(1);
      if (!weights.isWeight(weight->get()))
        std::swap(weight, tokens);
      if (!weights.isWeight(weight->get()) || weights.isWeight(tokens->get()))
        return;
      if (auto dims = findExpertDims(linalgOp, *weight, *tokens);
          dims && divides(weight->get().getType(), dims->first, devices) &&
          divides(tokens->get().getType(), dims->second, devices))
        experts.emplace_back(weight, dims->first, tokens, dims->second);
    });
    if (experts.empty())
      return emitError(fn.getLoc())
             << "roof-parallel-plan: expert parallelism splits the experts "
                "of a mixture of experts (a contraction whose weight's "
                "leading experts dim its tokens index too, as "
                "gen_gpt_layers.py --experts writes), and @"
             << fn.getName() << " has none that ep:" << devices << " divides";
    for (BlockArgument arg : fn.getArguments()) {
      auto type = dyn_cast<RankedTensorType>(arg.getType());
      if (!type || type.getRank() == 0 || weights.isWeight(arg))
        continue;
      if (!divides(type, /*dim=*/0, devices))
        return emitError(fn.getLoc())
               << "roof-parallel-plan: expert parallelism splits each "
                  "activation argument by its first dim (its sequences), "
                  "and ep:"
               << devices << " does not divide that of argument #"
               << arg.getArgNumber() << " of @" << fn.getName() << " (" << type
               << ")";
      OpBuilder b = OpBuilder::atBlockBegin(arg.getOwner());
      auto split = shard::ShardOp::create(
          b, arg.getLoc(), arg,
          makeSharding(b, arg.getLoc(), grid, splitAxes(context, 0)));
      arg.replaceAllUsesExcept(split, split);
    }
    for (auto [weight, weightDim, tokens, tokensDim] : experts) {
      // Data parallelism reduces its gradients over fewer replicas.
      if (auto arg = dyn_cast<BlockArgument>(weight->get());
          arg && arg.getOwner()->isEntryBlock())
        fn.setArgAttr(arg.getArgNumber(), kExpertsArgAttrName,
                      UnitAttr::get(context));
      splitDim(*weight, weightDim, grid, /*axis=*/0);
      annotate(*tokens, grid, splitAxes(context, tokensDim),
               /*forUsers=*/true);
      ++numExpertSplits;
    }
    for (OpOperand *values : combines)
      annotate(*values, grid, splitAxes(context, 0), /*forUsers=*/true);
    return success();
  }

  /// The experts dim of an expert contraction's `weight` and of its
  /// `tokens`: the weight's first dim whose loop is parallel and indexes
  /// the tokens too.
  static std::optional<std::pair<unsigned, unsigned>>
  findExpertDims(linalg::LinalgOp op, OpOperand &weight, OpOperand &tokens) {
    AffineMap weightMap = op.getMatchingIndexingMap(&weight);
    AffineMap tokensMap = op.getMatchingIndexingMap(&tokens);
    SmallVector<utils::IteratorType> loops = op.getIteratorTypesArray();
    for (auto [dim, expr] : llvm::enumerate(weightMap.getResults())) {
      auto loop = dyn_cast<AffineDimExpr>(expr);
      if (!loop || loops[loop.getPosition()] != utils::IteratorType::parallel)
        continue;
      for (auto [tokensDim, tokensExpr] :
           llvm::enumerate(tokensMap.getResults()))
        if (tokensExpr == expr)
          return std::make_pair(static_cast<unsigned>(dim),
                                static_cast<unsigned>(tokensDim));
    }
    return std::nullopt;
  }

  /// What an attention contraction's operand holds: the queries' rows (Q,
  /// and the probabilities P), or the keys' (K and V).
  enum class AttentionInput { Queries, Keys, Values };

  /// Annotates an attention contraction's `operand` as split by its tokens
  /// over the context-parallel axis, where it is made: the dim of the last
  /// parallel loop that the other input does not index for Q and K of Q
  /// K^T, and of the last reduction loop for V of P V. K and V are also
  /// annotated whole along their tokens for this use (an all-gather). All
  /// keep their first batch dim (a parallel loop that also indexes the
  /// other input: the heads) split over the tensor-parallel axis.
  static LogicalResult splitAttentionOperand(OpOperand &operand,
                                             shard::GridOp grid,
                                             const PlanSpec &spec,
                                             AttentionInput input) {
    auto op = cast<linalg::LinalgOp>(operand.getOwner());
    OpOperand *other =
        op.getDpsInputOperand(op.getDpsInputOperand(0) == &operand);
    AffineMap map = op.getMatchingIndexingMap(&operand);
    AffineMap otherMap = op.getMatchingIndexingMap(other);
    SmallVector<utils::IteratorType> loops = op.getIteratorTypesArray();
    std::optional<unsigned> heads, tokens;
    for (auto [dim, expr] : llvm::enumerate(map.getResults())) {
      auto loop = dyn_cast<AffineDimExpr>(expr);
      if (!loop)
        continue;
      bool parallel =
          loops[loop.getPosition()] == utils::IteratorType::parallel;
      bool shared = otherMap.isFunctionOfDim(loop.getPosition());
      if (parallel && shared && !heads &&
          divides(operand.get().getType(), dim, spec.tp))
        heads = dim;
      if (input == AttentionInput::Values ? !parallel : parallel && !shared)
        tokens = dim;
    }
    if (!tokens || !divides(operand.get().getType(), *tokens, spec.cp))
      return op->emitError()
             << "roof-parallel-plan: context parallelism splits this "
                "attention's "
             << (input == AttentionInput::Queries ? "queries"
                                                  : "keys and values")
             << " by their tokens, and cp:" << spec.cp
             << " does not divide them";
    MLIRContext *context = grid.getContext();
    SmallVector<shard::GridAxesAttr> whole(
        map.getNumResults(), shard::GridAxesAttr::get(context, {}));
    if (heads && spec.tp > 1)
      whole[*heads] = shard::GridAxesAttr::get(context, {getTensorAxis(spec)});
    SmallVector<shard::GridAxesAttr> split = whole;
    split[*tokens] = shard::GridAxesAttr::get(context, {0});
    auto trim = [](SmallVector<shard::GridAxesAttr> &axes) {
      while (axes.size() > 1 && axes.back().empty())
        axes.pop_back();
    };
    trim(split);
    trim(whole);
    annotate(operand, grid, split);
    if (input != AttentionInput::Queries)
      annotate(operand, grid, whole, /*forUsers=*/true);
    return success();
  }

  /// Sequence parallelism at a kept split. What a row split sums is split
  /// by its last token dim that `devices` divides, for its users (a
  /// reduce-scatter, once roof-combine-collectives has fused upstream's
  /// all-reduce and slice). A column split's input is made split the same
  /// way, so the norm before it runs on each device's tokens, and gathered
  /// whole for the split (Megatron-LM's all-gather before it): once per
  /// value, as Q, K and V read one norm.
  static void splitSequence(const WeightSplit &split, shard::GridOp grid,
                            int64_t devices, llvm::DenseSet<Value> &gathered) {
    auto contraction = cast<linalg::LinalgOp>(split.weight->getOwner());
    OpOperand *input = contraction.getDpsInputOperand(
        contraction.getDpsInputOperand(0) == split.weight);
    AffineMap inputMap = contraction.getMatchingIndexingMap(input);
    AffineMap weightMap = contraction.getMatchingIndexingMap(split.weight);
    SmallVector<utils::IteratorType> loops =
        contraction.getIteratorTypesArray();
    // Each token dim of the value `map` indexes, last first: a parallel loop
    // indexing the input and not the weight. `place` moves it to where the
    // split is annotated; the first that `devices` divides there is taken.
    auto splitTokens =
        [&](AffineMap map,
            llvm::function_ref<std::pair<Value, unsigned>(unsigned)> place)
        -> std::optional<std::pair<Value, unsigned>> {
      for (int64_t dim = map.getNumResults() - 1; dim >= 0; --dim) {
        auto loop = dyn_cast<AffineDimExpr>(map.getResult(dim));
        if (!loop ||
            loops[loop.getPosition()] != utils::IteratorType::parallel ||
            !inputMap.isFunctionOfDim(loop.getPosition()) ||
            weightMap.isFunctionOfDim(loop.getPosition()))
          continue;
        auto [value, placed] = place(dim);
        if (divides(value.getType(), placed, devices))
          return std::make_pair(value, placed);
      }
      return std::nullopt;
    };
    if (split.row) {
      Value result = contraction->getResult(0);
      if (auto tokens = splitTokens(
              contraction.getIndexingMapMatchingResult(cast<OpResult>(result)),
              [&](unsigned dim) { return collapsedUse(result, dim); }))
        splitUsersBy(tokens->first, tokens->second, grid);
      return;
    }
    if (!gathered.insert(input->get()).second)
      return;
    auto found = splitTokens(inputMap, [&](unsigned dim) {
      return collapsedSource(input->get(), dim);
    });
    if (!found)
      return;
    auto [value, dim] = *found;
    MLIRContext *context = grid.getContext();
    OpBuilder b(context);
    b.setInsertionPointAfterValue(value);
    Location loc = value.getLoc();
    auto tokens = shard::ShardOp::create(
        b, loc, value, makeSharding(b, loc, grid, splitAxes(context, dim)));
    auto whole = shard::ShardOp::create(
        b, loc, tokens,
        makeSharding(b, loc, grid, {shard::GridAxesAttr::get(context, {})}),
        /*annotate_for_users=*/true);
    value.replaceUsesWithIf(whole, [&](OpOperand &use) {
      return use.getOwner() != tokens && use.getOwner() != whole;
    });
  }

  /// `value` and its `dim` in their collapsed form: through the
  /// collapse_shape ops that are each the only user of the one before (the
  /// heads or the batch folded into the tokens), where splitting the
  /// tokens is one contiguous split.
  static std::pair<Value, unsigned> collapsedUse(Value value, unsigned dim) {
    while (value.hasOneUse()) {
      auto collapse = dyn_cast<tensor::CollapseShapeOp>(*value.user_begin());
      if (!collapse)
        break;
      dim = groupOf(collapse.getReassociationIndices(), dim);
      value = collapse.getResult();
    }
    return {value, dim};
  }

  /// `value` and its `dim` before the expand_shape ops that made it, each
  /// the only user of its source.
  static std::pair<Value, unsigned> collapsedSource(Value value, unsigned dim) {
    while (auto expand = value.getDefiningOp<tensor::ExpandShapeOp>()) {
      if (!expand.getSrc().hasOneUse())
        break;
      dim = groupOf(expand.getReassociationIndices(), dim);
      value = expand.getSrc();
    }
    return {value, dim};
  }

  /// The group of `groups` that holds `dim`.
  static unsigned groupOf(ArrayRef<ReassociationIndices> groups, unsigned dim) {
    return llvm::find_if(groups,
                         [&](const ReassociationIndices &group) {
                           return llvm::is_contained(group,
                                                     static_cast<int64_t>(dim));
                         }) -
           groups.begin();
  }

  /// Has each elementwise user of `value`, through reshapes (the residual
  /// add), read its other operands of the same type split by `dim` too: it
  /// then slices the residual stream, where propagation would otherwise
  /// gather what was scattered.
  static void splitResidualsBy(Value value, unsigned dim, shard::GridOp grid) {
    for (Operation *user : llvm::to_vector(value.getUsers())) {
      if (isa<tensor::CollapseShapeOp, tensor::ExpandShapeOp>(user)) {
        if (std::optional<unsigned> reshaped = reshapeSplitDim(user, dim))
          splitResidualsBy(user->getResult(0), *reshaped, grid);
        continue;
      }
      auto linalgUser = dyn_cast<linalg::LinalgOp>(user);
      if (!user->hasTrait<OpTrait::Elementwise>() &&
          !(linalgUser && linalg::isElementwise(linalgUser)))
        continue;
      for (OpOperand &other : user->getOpOperands())
        if (other.get() != value && other.get().getType() == value.getType() &&
            !(linalgUser && linalgUser.isDpsInit(&other)))
          annotate(other, grid, splitAxes(grid.getContext(), dim),
                   /*forUsers=*/true);
    }
  }

  /// The dim of `reshape`'s result that a split of its source's `dim` splits
  /// evenly: the dim's group when only unit dims come before it in the
  /// group (collapse), or the group's first dim that is not a unit one
  /// (expand); none otherwise.
  static std::optional<unsigned> reshapeSplitDim(Operation *reshape,
                                                 unsigned dim) {
    if (auto collapse = dyn_cast<tensor::CollapseShapeOp>(reshape)) {
      ArrayRef<int64_t> shape = collapse.getSrcType().getShape();
      for (auto [group, dims] :
           llvm::enumerate(collapse.getReassociationIndices()))
        if (llvm::is_contained(dims, static_cast<int64_t>(dim)))
          return llvm::all_of(dims,
                              [&](int64_t d) {
                                return d >= static_cast<int64_t>(dim) ||
                                       shape[d] == 1;
                              })
                     ? std::optional<unsigned>(group)
                     : std::nullopt;
      return std::nullopt;
    }
    auto expand = cast<tensor::ExpandShapeOp>(reshape);
    SmallVector<ReassociationIndices> groups = expand.getReassociationIndices();
    if (dim >= groups.size())
      return std::nullopt;
    ArrayRef<int64_t> shape = expand.getResultType().getShape();
    for (int64_t d : groups[dim])
      if (shape[d] != 1)
        return d;
    return std::nullopt;
  }

  /// Annotates `result` as whole where it is made and, for its users, as
  /// split over `grid` by its `dim`.
  static void splitUsersBy(Value result, unsigned dim, shard::GridOp grid) {
    MLIRContext *context = grid.getContext();
    splitResidualsBy(result, dim, grid);
    OpBuilder b(context);
    b.setInsertionPointAfterValue(result);
    Location loc = result.getLoc();
    auto whole = shard::ShardOp::create(
        b, loc, result,
        makeSharding(b, loc, grid, {shard::GridAxesAttr::get(context, {})}));
    auto split = shard::ShardOp::create(
        b, loc, whole, makeSharding(b, loc, grid, splitAxes(context, dim)),
        /*annotate_for_users=*/true);
    result.replaceAllUsesExcept(split, whole);
  }

  /// Warns when `split` is not by the first dim its kind could split (an
  /// output dim for a column, a reduction dim for a row) because `devices`
  /// does not divide that one: tp:8 with 4 K/V heads splits K and V by their
  /// head size, and the attention then runs whole on every device.
  static void warnFallbackSplit(const WeightSplit &split, int64_t devices) {
    auto contraction = cast<linalg::LinalgOp>(split.weight->getOwner());
    std::optional<unsigned> first =
        findSplitDim(contraction, *split.weight, /*devices=*/1, split.row);
    if (!first || *first == split.dim)
      return;
    auto type = cast<RankedTensorType>(split.weight->get().getType());
    contraction->emitWarning()
        << "roof-parallel-plan: tp:" << devices << " does not divide dim "
        << *first << " of this weight (" << type.getDimSize(*first)
        << "), the first it could split by "
        << (split.row ? "its reduction" : "its outputs")
        << " (the K/V heads of grouped-query attention, say); it is split by "
           "dim "
        << split.dim << " (" << type.getDimSize(split.dim)
        << ") instead, and what reads it may run whole on every device "
           "(Megatron-LM needs tp to divide the K/V heads; give fewer "
           "devices)";
  }

  /// The dim of the weight of `contraction` at `weight` to split: its first
  /// dim that `devices` divides and that is an output dim of the
  /// contraction (column) or, for a `row` split, a reduction dim.
  static std::optional<unsigned> findSplitDim(linalg::LinalgOp contraction,
                                              OpOperand &weight,
                                              int64_t devices, bool row) {
    auto type = dyn_cast<RankedTensorType>(weight.get().getType());
    if (!type || !type.hasStaticShape())
      return std::nullopt;
    AffineMap map = contraction.getMatchingIndexingMap(&weight);
    SmallVector<utils::IteratorType> loops =
        contraction.getIteratorTypesArray();
    utils::IteratorType wanted =
        row ? utils::IteratorType::reduction : utils::IteratorType::parallel;
    for (auto [dim, expr] : llvm::enumerate(map.getResults())) {
      auto loop = dyn_cast<AffineDimExpr>(expr);
      if (loop && loops[loop.getPosition()] == wanted &&
          divides(type, dim, devices))
        return dim;
    }
    return std::nullopt;
  }

  /// Whether `type` is a ranked tensor whose `dim` is static and a
  /// multiple of `devices`.
  static bool divides(Type type, unsigned dim, int64_t devices) {
    auto tensor = dyn_cast<RankedTensorType>(type);
    return tensor && dim < tensor.getRank() && !tensor.isDynamicDim(dim) &&
           tensor.getDimSize(dim) % devices == 0;
  }

  /// Annotates the value at `operand` as split over `grid`'s `axis` by its
  /// `dim`.
  static void splitDim(OpOperand &operand, unsigned dim, shard::GridOp grid,
                       shard::GridAxis axis) {
    annotate(operand, grid, splitAxes(grid.getContext(), dim, axis));
  }

  /// The split axes of a tensor split by its `dim` over a grid's `axis`.
  static SmallVector<shard::GridAxesAttr>
  splitAxes(MLIRContext *context, unsigned dim, shard::GridAxis axis = 0) {
    SmallVector<shard::GridAxesAttr> axes(
        dim + 1, shard::GridAxesAttr::get(context, {}));
    axes.back() = shard::GridAxesAttr::get(context, {axis});
    return axes;
  }

  /// Annotates the value at `operand` with a sharding over `grid` of `axes`
  /// (the grid axes that split each dim), just before its user: as the
  /// value's own sharding or, `forUsers`, as the one its user reads it in.
  static void annotate(OpOperand &operand, shard::GridOp grid,
                       ArrayRef<shard::GridAxesAttr> axes,
                       bool forUsers = false) {
    OpBuilder b(operand.getOwner());
    Location loc = operand.getOwner()->getLoc();
    operand.set(shard::ShardOp::create(
        b, loc, operand.get(), makeSharding(b, loc, grid, axes), forUsers));
  }

  /// A sharding over `grid` of `axes`, made at `b`'s insertion point.
  static Value makeSharding(OpBuilder &b, Location loc, shard::GridOp grid,
                            ArrayRef<shard::GridAxesAttr> axes) {
    return shard::ShardingOp::create(
        b, loc, shard::Sharding::get(FlatSymbolRefAttr::get(grid), axes));
  }
};
} // namespace
