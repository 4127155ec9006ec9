//===- SpecializeDims.cpp - A function with its named dims bound ----------===//

#include "roof/Transforms/SpecializeDims.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/Dialect/Tosa/Transforms/Passes.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/ADT/STLExtras.h"

namespace mlir::roof {

/// The op at `fn`'s place in a pre-order walk of `module`'s copy `copy`.
static FunctionOpInterface findCopy(ModuleOp module, FunctionOpInterface fn,
                                    ModuleOp copy) {
  unsigned index = 0;
  module.walk<WalkOrder::PreOrder>([&](Operation *op) {
    if (op == fn.getOperation())
      return WalkResult::interrupt();
    ++index;
    return WalkResult::advance();
  });
  Operation *found = nullptr;
  copy.walk<WalkOrder::PreOrder>([&](Operation *op) {
    if (index-- == 0) {
      found = op;
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return cast<FunctionOpInterface>(found);
}

/// The constant a shape op stands for once its inputs are static: a dim of
/// a static size, or shapes concatenated; empty otherwise.
static SmallVector<int64_t> getShapeValues(Operation *op) {
  if (auto constant = dyn_cast<tosa::ConstShapeOp>(op))
    return llvm::to_vector(
        cast<DenseIntElementsAttr>(constant.getValues()).getValues<int64_t>());
  if (auto dim = dyn_cast<tosa::DimOp>(op)) {
    auto type = cast<ShapedType>(dim.getInput1().getType());
    int64_t size = type.getDimSize(dim.getAxis());
    return ShapedType::isDynamic(size) ? SmallVector<int64_t>()
                                       : SmallVector<int64_t>{size};
  }
  SmallVector<int64_t> values;
  if (auto concat = dyn_cast<tosa::ConcatShapeOp>(op))
    for (Value input : concat.getInput()) {
      Operation *def = input.getDefiningOp();
      SmallVector<int64_t> part = def && isa<tosa::ConstShapeOp>(def)
                                      ? getShapeValues(def)
                                      : SmallVector<int64_t>();
      if (part.empty())
        return {};
      llvm::append_range(values, part);
    }
  return values;
}

/// Replaces the dims and concatenations of `fn` that are now constant by
/// constants; whether any was.
static bool foldShapes(FunctionOpInterface fn) {
  bool folded = false;
  fn.walk([&](Operation *op) {
    if (!isa<tosa::DimOp, tosa::ConcatShapeOp>(op))
      return;
    SmallVector<int64_t> values = getShapeValues(op);
    if (values.empty())
      return;
    OpBuilder b(op);
    auto type = RankedTensorType::get({static_cast<int64_t>(values.size())},
                                      b.getIndexType());
    Value constant =
        tosa::ConstShapeOp::create(b, op->getLoc(), op->getResult(0).getType(),
                                   DenseIntElementsAttr::get(type, values));
    op->getResult(0).replaceAllUsesWith(constant);
    op->erase();
    folded = true;
  });
  return folded;
}

/// Concatenations leave out inputs without elements, which TOSA does not
/// allow; one left alone is the result.
static void dropEmptyConcatInputs(FunctionOpInterface fn) {
  auto empty = [](Value value) {
    auto type = dyn_cast<RankedTensorType>(value.getType());
    return type && type.hasStaticShape() && type.getNumElements() == 0;
  };
  fn.walk([&](tosa::ConcatOp concat) {
    SmallVector<Value> inputs;
    llvm::copy_if(concat.getInput1(), std::back_inserter(inputs),
                  [&](Value input) { return !empty(input); });
    if (inputs.size() == concat.getInput1().size() || inputs.empty())
      return;
    if (inputs.size() == 1 &&
        inputs.front().getType() == concat.getResult().getType()) {
      concat.getResult().replaceAllUsesWith(inputs.front());
      concat->erase();
      return;
    }
    concat.getInput1Mutable().assign(inputs);
  });
}

namespace {
/// A concatenation of casts that only hide static sizes concatenates what
/// they cast, and its result takes the sizes (MLIR 22's canonicalizations
/// of tensor.concat do not look through casts).
struct FoldCastsIntoConcat : public OpRewritePattern<tensor::ConcatOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(tensor::ConcatOp concat,
                                PatternRewriter &rewriter) const override {
    SmallVector<Value> inputs;
    bool folded = false;
    for (Value input : concat.getInputs()) {
      auto cast = input.getDefiningOp<tensor::CastOp>();
      folded |= cast && tensor::canFoldIntoConsumerOp(cast);
      inputs.push_back(cast && tensor::canFoldIntoConsumerOp(cast)
                           ? cast.getSource()
                           : input);
    }
    if (!folded)
      return failure();
    Value refined = tensor::ConcatOp::create(rewriter, concat.getLoc(),
                                             concat.getDim(), inputs);
    if (refined.getType() != concat.getType())
      refined = tensor::CastOp::create(rewriter, concat.getLoc(),
                                       concat.getType(), refined);
    rewriter.replaceOp(concat, refined);
    return success();
  }
};
} // namespace

/// Carries static sizes through the tensor and linalg ops of `fn`, which
/// TOSA's inference leaves alone: their canonicalizations fold dims of
/// static tensors, give tensor.empty and concatenations static types and
/// fold the casts into linalg ops. Only those dialects' ops are rewritten
/// or folded, so the rest of the function is priced as written (a linalg
/// op that only copies its input is erased, as a compiler would).
static void refineStructuredShapes(FunctionOpInterface fn) {
  MLIRContext *context = fn.getContext();
  auto isStructured = [](Operation *op) {
    return isa_and_nonnull<tensor::TensorDialect, linalg::LinalgDialect>(
        op->getDialect());
  };
  SmallVector<Operation *> ops;
  fn.walk([&](Operation *op) {
    if (isStructured(op))
      ops.push_back(op);
  });
  if (ops.empty())
    return;
  RewritePatternSet patterns(context);
  for (Dialect *dialect :
       {static_cast<Dialect *>(
            context->getLoadedDialect<tensor::TensorDialect>()),
        static_cast<Dialect *>(
            context->getLoadedDialect<linalg::LinalgDialect>())})
    if (dialect)
      dialect->getCanonicalizationPatterns(patterns);
  for (RegisteredOperationName op : context->getRegisteredOperations())
    if (isa<tensor::TensorDialect, linalg::LinalgDialect>(op.getDialect()))
      op.getCanonicalizationPatterns(patterns, context);
  patterns.add<FoldCastsIntoConcat>(context);
  GreedyRewriteConfig config;
  config.setStrictness(GreedyRewriteStrictness::ExistingAndNewOps);
  (void)applyOpPatternsGreedily(ops, std::move(patterns), config);
}

void returnStaticResults(FunctionOpInterface fn) {
  Operation *terminator = fn.getFunctionBody().front().getTerminator();
  if (!isa<func::ReturnOp>(terminator))
    return;
  for (OpOperand &operand : terminator->getOpOperands()) {
    auto cast = operand.get().getDefiningOp<tensor::CastOp>();
    if (!cast || !tensor::canFoldIntoConsumerOp(cast))
      continue;
    operand.set(cast.getSource());
    if (cast->use_empty())
      cast->erase();
  }
  fn.setType(FunctionType::get(fn.getContext(), fn.getArgumentTypes(),
                               terminator->getOperandTypes()));
}

OwningOpRef<ModuleOp> specializeDims(FunctionOpInterface fn,
                                     const DimSizes &sizes,
                                     FunctionOpInterface &specialized) {
  auto module = fn->getParentOfType<ModuleOp>();
  OwningOpRef<ModuleOp> copy = module.clone();
  specialized = findCopy(module, fn, *copy);

  // Named dims of the arguments take their sizes.
  Block &entry = specialized.getFunctionBody().front();
  SmallVector<Type> inputs;
  for (BlockArgument arg : entry.getArguments()) {
    SmallVector<StringRef> names = getArgDimNames(fn, arg.getArgNumber());
    auto type = dyn_cast<RankedTensorType>(arg.getType());
    if (type && !names.empty()) {
      SmallVector<int64_t> shape(type.getShape());
      for (auto [size, name] : llvm::zip(shape, names)) {
        auto bound = sizes.find(name.str());
        if (ShapedType::isDynamic(size) && bound != sizes.end())
          size = bound->second;
      }
      arg.setType(type.clone(shape));
    }
    inputs.push_back(arg.getType());
  }
  specialized.setType(FunctionType::get(
      fn.getContext(), inputs,
      cast<FunctionType>(specialized.getFunctionType()).getResults()));

  // TOSA ops carry them on (other ops keep the types they have). A shape
  // built from input dims becomes constant once they are static, and the
  // ops after it are inferred in the next round.
  // An empty cache (past=0) is verified once concatenations drop it.
  PassManager pm(fn.getContext(), ModuleOp::getOperationName());
  pm.enableVerifier(false);
  pm.addNestedPass<func::FuncOp>(tosa::createTosaInferShapesPass());
  auto fail = [&]() -> OwningOpRef<ModuleOp> {
    emitError(fn.getLoc()) << "@" << SymbolTable::getSymbolName(fn).getValue()
                           << " does not take " << formatDimSizes(sizes)
                           << ": shape inference failed";
    return nullptr;
  };
  do {
    if (failed(pm.run(*copy)))
      return fail();
  } while (foldShapes(specialized));
  dropEmptyConcatInputs(specialized);
  refineStructuredShapes(specialized);
  if (failed(verify(*copy)))
    return fail();
  return copy;
}

} // namespace mlir::roof
