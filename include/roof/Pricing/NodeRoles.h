//===- NodeRoles.h - Which kernels of a node carry its costs ----*- C++ -*-===//
//
// An importer lowers one operator of the source graph (an ONNX node, named
// by its ops' location) to one or more kernels: a convolution to transposes
// around a `tosa.conv2d`, a grouped convolution to slices, convolutions and
// a concat. A runtime that executes the source graph runs the node as one
// kernel, so a calibrated target charges the node's fixed cost once, to its
// principal kernel, and nothing for the layout kernels the lowering put
// around a contraction. The rule is in docs/validation.md.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_PRICING_NODEROLES_H
#define ROOF_PRICING_NODEROLES_H

#include "roof/Analysis/OpCost.h"

#include "mlir/IR/Operation.h"

namespace mlir::roof {

/// A kernel's part in its source node.
struct KernelRole {
  /// The node's principal kernel (its contraction; else the kernel with the
  /// most FLOPs, else with the most bytes): it carries the node's fixed
  /// cost. A kernel without a name is a node of its own.
  bool principal = true;
  /// A kernel without FLOPs in a node whose principal kernel is a
  /// contraction: a layout change of the lowering (transpose, slice,
  /// concat), done inside the runtime's contraction.
  bool layoutOfContraction = false;
};

/// The source node `kernel` was imported from: the outermost name of its
/// location (a fused kernel's root's); empty when it has none.
StringRef getNodeName(Operation *kernel);

/// The roles of `kernels` (ops with the cost of all their executions), in
/// their order.
SmallVector<KernelRole>
getKernelRoles(ArrayRef<std::pair<Operation *, OpCost>> kernels);

} // namespace mlir::roof

#endif // ROOF_PRICING_NODEROLES_H
