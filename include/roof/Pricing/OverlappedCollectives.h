//===- OverlappedCollectives.h - Collectives behind a matmul -----*- C++
//-*-===//
//
// A runtime can pipeline a split matmul with its collective, chunk by chunk,
// so the links work while the matrix engine does (Megatron-LM's
// tensor-parallel communication overlap, XLA's collective matmul). Each
// collective then hides behind the compute of the matmul next to it: the
// one that makes what it reduces or scatters, or the one that reads what it
// gathers. The rule is in docs/parallelism.md, "Overlap".
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_PRICING_OVERLAPPEDCOLLECTIVES_H
#define ROOF_PRICING_OVERLAPPEDCOLLECTIVES_H

#include "roof/Pricing/PricingTypes.h"

namespace mlir::roof {

/// Sets each priced collective of `priced` (the kernels of `analysis`) to
/// hide min(its link time, the compute time of the matrix-engine kernel
/// next to it): the kernel of the op that makes its input for a reduction
/// or scatter, else of the first op that reads its result. The kernels'
/// times take it when their traffic is priced (priceFunction).
void overlapCollectives(const FunctionKernels &analysis,
                        FunctionRoofline &priced);

} // namespace mlir::roof

#endif // ROOF_PRICING_OVERLAPPEDCOLLECTIVES_H
