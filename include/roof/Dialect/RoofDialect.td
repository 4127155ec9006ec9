//===- RoofDialect.td - The roof dialect -------------------*- tablegen -*-===//
//
// The roof dialect holds what Roof attaches to other dialects' IR: cost
// attributes today, fused kernels later.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_DIALECT_ROOFDIALECT_TD
#define ROOF_DIALECT_ROOFDIALECT_TD

include "mlir/IR/OpBase.td"

def Roof_Dialect : Dialect {
  let name = "roof";
  let cppNamespace = "::mlir::roof";
  let summary = "Cost annotations (FLOPs, bytes, intensity) for MLIR IR";
  let description = [{
    Roof annotates upstream ops with what they cost: FLOPs, bytes moved and
    arithmetic intensity. The annotations are attributes of this dialect so
    that annotated IR prints, parses and round-trips through any tool that
    loads the dialect.
  }];
  let useDefaultAttributePrinterParser = 1;
  let extraClassDeclaration = [{
    void registerAttributes();
  }];
}

class Roof_Op<string mnemonic, list<Trait> traits = []>
    : Op<Roof_Dialect, mnemonic, traits>;

#endif // ROOF_DIALECT_ROOFDIALECT_TD
