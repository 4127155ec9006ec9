//===- RoofOps.td - Operations of the roof dialect ---------*- tablegen -*-===//
//
// The roof dialect has no operations yet; the fusion pass adds its kernel op
// here.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_DIALECT_ROOFOPS_TD
#define ROOF_DIALECT_ROOFOPS_TD

include "roof/Dialect/RoofDialect.td"

#endif // ROOF_DIALECT_ROOFOPS_TD
