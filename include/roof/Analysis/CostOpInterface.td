//===- CostOpInterface.td - The per-op cost interface ------*- tablegen -*-===//
//
// Every op Roof can cost implements this interface, almost always as an
// external model attached to an upstream op (see roof/CostModels).
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_ANALYSIS_COSTOPINTERFACE_TD
#define ROOF_ANALYSIS_COSTOPINTERFACE_TD

include "mlir/IR/OpBase.td"

def CostOpInterface : OpInterface<"CostOpInterface"> {
  let cppNamespace = "::mlir::roof";
  let description = [{
    Gives the hardware-independent cost of one execution of an op: FLOPs
    (a multiply-accumulate is 2), transcendental FLOPs, bytes read (and how
    many of them are weights) and bytes written. A model that cannot tell,
    e.g. because a dimension is dynamic and unbound, returns
    `ctx.unknown("why")`.
  }];
  let methods = [
    InterfaceMethod<
      /*desc=*/"Returns the cost of one execution of this op, or failure "
               "with the reason recorded in `ctx`.",
      /*retTy=*/"::mlir::FailureOr<::mlir::roof::OpCost>",
      /*methodName=*/"getCost",
      /*args=*/(ins "::mlir::roof::CostContext &":$ctx)>
  ];
}

#endif // ROOF_ANALYSIS_COSTOPINTERFACE_TD
