//===- RoofOps.td - Operations of the roof dialect ---------*- tablegen -*-===//
//
// roof.kernel groups ops that run as one pass over memory (a contraction and
// its fused epilogue), like IREE's dispatch regions.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_DIALECT_ROOFOPS_TD
#define ROOF_DIALECT_ROOFOPS_TD

include "roof/Dialect/RoofDialect.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/IR/OpBase.td"

def Roof_KernelOp : Roof_Op<"kernel", [SingleBlock, RecursiveMemoryEffects]> {
  let summary = "Ops that run as one kernel: intermediates stay on chip";
  let description = [{
    The region holds a root (a matmul, convolution or other contraction) and
    the elementwise ops fused into it; it uses values from above directly and
    yields the values used outside. Its cost (an external model of
    CostOpInterface, registered with the cost models): the FLOPs of its ops;
    bytes = the values it reads from outside (each once) plus the values it
    yields.

    ```mlir
    %0 = roof.kernel -> tensor<128x512xf32> {
      %mm = linalg.matmul ins(%a, %b : ...) outs(%acc : ...) -> tensor<128x512xf32>
      %r = linalg.generic ... ins(%mm, %bias : ...) ... // bias + relu
      roof.yield %r : tensor<128x512xf32>
    }
    ```
    `roof-inline-kernels` replaces each kernel by its ops.
  }];
  let results = (outs Variadic<AnyType>:$results);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = "(`->` type($results)^)? $body attr-dict";
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// Moves the ops in front of the kernel, replaces its results by the
    /// values it yields and erases it.
    void inlineBody();

    /// Whether the kernel was materialized as tiled loops
    /// (roof-fuse-epilogues tile-sizes=): its members run once per tile.
    bool isTiled();
  }];
}

def Roof_YieldOp : Roof_Op<"yield", [Pure, Terminator,
                                     HasParent<"KernelOp">]> {
  let summary = "The values a roof.kernel returns";
  let arguments = (ins Variadic<AnyType>:$values);
  let assemblyFormat = "attr-dict ($values^ `:` type($values))?";
}

#endif // ROOF_DIALECT_ROOFOPS_TD
