//===- Roofline.cpp - A function's kernels priced on a target -------------===//

#include "roof/Report/Roofline.h"

#include "roof/Analysis/ElementSize.h"
#include "roof/Dialect/RoofDialect.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "llvm/ADT/DenseMap.h"

#include <cmath>

using namespace mlir;
using namespace mlir::roof;

Operation *roof::getKernelRoot(Operation *op) {
  auto kernel = dyn_cast<KernelOp>(op);
  if (!kernel)
    return op;
  Block &body = kernel.getBody().front();
  for (Operation &member : body.without_terminator())
    if (getEngine(&member) == Engine::Matrix)
      return &member;
  return &body.front();
}

Engine roof::getEngine(Operation *op) {
  if (isa<KernelOp>(op))
    return getEngine(getKernelRoot(op));
  if (isa<tosa::Conv2DOp, tosa::Conv3DOp, tosa::DepthwiseConv2DOp,
          tosa::TransposeConv2DOp, tosa::MatMulOp, tosa::MatmulTBlockScaledOp>(
          op))
    return Engine::Matrix;
  auto linalgOp = dyn_cast<linalg::LinalgOp>(op);
  if (!linalgOp)
    return Engine::Vector;
  // Pooling has the shape of a convolution but no multiply.
  bool pooling = op->getName().getStringRef().contains("pooling");
  if (linalg::isaContractionOpInterface(linalgOp) ||
      (!pooling && linalg::isaConvolutionOpInterface(linalgOp)))
    return Engine::Matrix;
  return Engine::Vector;
}

std::string roof::getDtype(Operation *op) {
  op = getKernelRoot(op);
  for (Value operand : op->getOperands()) {
    auto shaped = dyn_cast<ShapedType>(operand.getType());
    if (!shaped)
      continue;
    Type element = shaped.getElementType();
    if (element.isF64())
      return "f64";
    if (element.isF32())
      return "f32";
    if (element.isF16())
      return "f16";
    if (element.isBF16())
      return "bf16";
    if (isa<FloatType>(element) && element.getIntOrFloatBitWidth() == 8)
      return "f8";
    if (element.isInteger(8))
      return "i8";
    if (element.isInteger(4))
      return "i4";
    std::string name;
    llvm::raw_string_ostream os(name);
    element.print(os);
    return name;
  }
  return "none";
}

/// The peak of live activation bytes over the op order of `fn`'s body: a
/// value written by an op (not a view, not a weight) lives from its op to its
/// last use; arguments that are not parameters live from the start.
static uint64_t getPeakActivationBytes(
    FunctionOpInterface fn, const WeightAnalysis &weights,
    const llvm::DenseMap<Operation *, uint64_t> &writtenBytes) {
  Block &body = fn.getFunctionBody().front();
  llvm::DenseMap<Operation *, unsigned> position;
  for (auto [i, op] : llvm::enumerate(body))
    position[&op] = i;
  SmallVector<int64_t> delta(body.getOperations().size() + 1, 0);

  auto lastUse = [&](Value value, unsigned from) {
    unsigned last = from;
    for (Operation *user : value.getUsers()) {
      Operation *top = body.findAncestorOpInBlock(*user);
      if (top)
        last = std::max(last, position[top]);
    }
    return last;
  };
  auto live = [&](uint64_t bytes, unsigned from, unsigned to) {
    delta[from] += bytes;
    delta[to + 1] -= bytes;
  };
  for (BlockArgument arg : body.getArguments()) {
    auto shaped = dyn_cast<ShapedType>(arg.getType());
    if (weights.isWeight(arg) || !shaped || !shaped.hasStaticShape())
      continue;
    if (std::optional<uint64_t> bits = getElementBits(shaped.getElementType()))
      live(getBytes(shaped.getNumElements(), *bits), 0, lastUse(arg, 0));
  }
  for (Operation &op : body) {
    auto it = writtenBytes.find(&op);
    if (it == writtenBytes.end() || it->second == 0)
      continue;
    unsigned from = position[&op], to = from;
    for (Value result : op.getResults())
      to = std::max(to, lastUse(result, from));
    live(it->second, from, to);
  }
  int64_t current = 0, peak = 0;
  for (int64_t d : delta) {
    current += d;
    peak = std::max(peak, current);
  }
  return static_cast<uint64_t>(peak);
}

/// Bits of the element type of `op`'s first tensor operand.
static std::optional<uint64_t> getOperandElementBits(Operation *op) {
  for (Value operand : op->getOperands())
    if (auto shaped = dyn_cast<ShapedType>(operand.getType()))
      return getElementBits(shaped.getElementType());
  return std::nullopt;
}

KernelTime roof::priceKernel(Operation *op, const OpCost &cost,
                             const Target &target,
                             const RooflineOptions &options) {
  KernelTime kernel;
  kernel.op = op;
  kernel.cost = cost;
  kernel.dtype = getDtype(op);
  kernel.engine = getEngine(op);
  if (options.dtypePolicy == DtypePolicy::Tf32 &&
      kernel.engine == Engine::Matrix && kernel.dtype == "f32")
    kernel.dtype = "tf32";
  kernel.rate = target.getRate(kernel.engine, kernel.dtype);
  // A contraction whose dtype the matrix engine lacks runs on the vector
  // engine when that has the rate (an f32 matmul on CUDA cores).
  if (!kernel.rate && kernel.engine == Engine::Matrix) {
    if (std::optional<double> vector =
            target.getRate(Engine::Vector, kernel.dtype)) {
      kernel.engine = Engine::Vector;
      kernel.rate = vector;
    }
  }
  if (!kernel.hasTime())
    return kernel;
  if (kernel.rate)
    kernel.computeSeconds = kernel.cost.flops / *kernel.rate;
  if (std::optional<double> bandwidth = target.getBandwidth())
    kernel.memorySeconds = kernel.cost.bytesMoved() / *bandwidth;
  kernel.seconds = std::max(kernel.computeSeconds, kernel.memorySeconds) +
                   target.launchOverhead;

  kernel.bytesWithRereads = kernel.cost.bytesMoved();
  kernel.secondsWithRereads = kernel.seconds;
  double onChip = target.onChip.capacity;
  std::optional<uint64_t> bits = getOperandElementBits(op);
  if (kernel.engine == Engine::Matrix && onChip > 0 && bits &&
      kernel.cost.bytesRead > onChip) {
    double element = *bits / 8.0;
    auto bound = static_cast<uint64_t>(kernel.cost.flops * element /
                                       std::sqrt(onChip / element));
    if (bound > kernel.bytesWithRereads) {
      kernel.bytesWithRereads = bound;
      double memory = kernel.memorySeconds *
                      (static_cast<double>(bound) / kernel.cost.bytesMoved());
      kernel.secondsWithRereads =
          std::max(kernel.computeSeconds, memory) + target.launchOverhead;
    }
  }
  return kernel;
}

FunctionRoofline roof::evaluateRoofline(FunctionOpInterface fn,
                                        const Target &target,
                                        const RooflineOptions &options) {
  FunctionRoofline result;
  result.function = fn.getName().str();
  result.target = &target;
  result.batch = options.batch;
  llvm::DenseMap<Operation *, uint64_t> writtenBytes;
  result.totals = analyzeFunction(fn, options.cost, [&](const OpCostRecord &r) {
    if (!r.cost || !r.executions)
      return;
    writtenBytes[r.op] = r.cost->bytesWritten;
    if (r.cost->flops == 0 && r.cost->bytesMoved() == 0)
      return;
    KernelTime kernel =
        priceKernel(r.op, r.cost->scaled(*r.executions), target, options);
    if (!kernel.hasTime()) {
      ++result.kernelsWithoutRate;
    } else {
      result.latencySeconds += kernel.seconds;
      result.latencyWithRereadsSeconds += kernel.secondsWithRereads;
      if (kernel.bytesWithRereads > kernel.cost.bytesMoved())
        ++result.kernelsWithRereads;
    }
    result.kernels.push_back(kernel);
  });

  WeightAnalysis weights(options.cost.weights);
  result.weightBytes = result.totals.parameters.bytes;
  result.peakActivationBytes =
      fn.isExternal() ? 0 : getPeakActivationBytes(fn, weights, writtenBytes);
  result.capacityBytes = target.offChip.capacity > 0 ? target.offChip.capacity
                                                     : target.onChip.capacity;
  result.weightsFitOnChip = target.onChip.capacity > 0 &&
                            result.weightBytes <= target.onChip.capacity;
  return result;
}

double FunctionRoofline::computeBoundShare() const {
  if (latencySeconds <= 0)
    return 0;
  double compute = 0;
  for (const KernelTime &kernel : kernels)
    if (kernel.hasTime() && kernel.isComputeBound())
      compute += kernel.seconds;
  return compute / latencySeconds;
}
