//===- RoofAttrs.td - Attributes of the roof dialect -------*- tablegen -*-===//
//
// Cost attributes attached by roof-annotate-cost.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_DIALECT_ROOFATTRS_TD
#define ROOF_DIALECT_ROOFATTRS_TD

include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/BuiltinAttributes.td"
include "roof/Dialect/RoofDialect.td"

class Roof_Attr<string name, string attrMnemonic, list<Trait> traits = []>
    : AttrDef<Roof_Dialect, name, traits> {
  let mnemonic = attrMnemonic;
}

def Roof_CostAttr : Roof_Attr<"Cost", "cost"> {
  let summary = "What one execution of an op costs";
  let description = [{
    FLOPs (a multiply-accumulate is 2), the transcendental subset of them,
    bytes read (of which `weight_read` come from weights) and bytes written.
    `intensity` = flops / (read + written) is derived: it is printed for the
    reader and ignored when parsed.

    ```mlir
    #roof.cost<flops = 33554432, transcendentals = 0, read = 655360,
               written = 262144, weight_read = 0, intensity = 36.57>
    ```
  }];
  let parameters = (ins
    "uint64_t":$flops,
    "uint64_t":$transcendentals,
    "uint64_t":$read,
    "uint64_t":$written,
    "uint64_t":$weightRead
  );
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
}

def Roof_UnknownCostAttr : Roof_Attr<"UnknownCost", "unknown"> {
  let summary = "Marks an op whose cost Roof could not determine";
  let description = [{
    Carries the reason, e.g. an unbound dynamic dimension or an op without a
    cost model: `#roof.unknown<"dimension 0 of operand 0 is dynamic">`.
  }];
  let parameters = (ins StringRefParameter<"why the cost is unknown">:$reason);
  let assemblyFormat = "`<` $reason `>`";
}

def Roof_TotalsAttr : Roof_Attr<"Totals", "totals"> {
  let summary = "Cost totals of a function";
  let description = [{
    The sum of the costs of the ops of a function that run at run time (ops
    inside loops with a static trip count are multiplied by it), the
    parameters it reads, how many ops were costed; the work prepared ahead of
    time from weights alone (how many ops, their FLOPs and bytes moved); and
    which ops were not costed, with their counts.

    ```mlir
    #roof.totals<flops = 2, transcendentals = 0, read = 8, written = 4,
                 weight_read = 0, params = 0, weight_bytes = 0, ops = 1,
                 prepared = 0, prepared_flops = 0, prepared_bytes = 0,
                 unknown = 1, unknown_ops = {"foo.bar" = 1 : i64}>
    ```
  }];
  let parameters = (ins
    "uint64_t":$flops,
    "uint64_t":$transcendentals,
    "uint64_t":$read,
    "uint64_t":$written,
    "uint64_t":$weightRead,
    "uint64_t":$params,
    "uint64_t":$weightBytes,
    "uint64_t":$ops,
    "uint64_t":$prepared,
    "uint64_t":$preparedFlops,
    "uint64_t":$preparedBytes,
    "uint64_t":$unknown,
    "::mlir::DictionaryAttr":$unknownOps
  );
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
}

#endif // ROOF_DIALECT_ROOFATTRS_TD
