// roof-fuse-epilogues fuses static shapes only; on a function whose dims
// are named it leaves roof.fuse_after_binding, and roof-report fuses each
// bound copy again. That fusion runs inside roof-report's own pipeline, so
// pass timing and IR printing see it like any pass.
// RUN: roof-opt %s --roof-fuse-epilogues --roof-report="wide targets=h100-sxm sizes=past:16" -o /dev/null | FileCheck %s --check-prefix=FUSED
// RUN: roof-opt %s --roof-report="wide targets=h100-sxm sizes=past:16" -o /dev/null | FileCheck %s --check-prefix=UNFUSED
// RUN: roof-opt %s --roof-fuse-epilogues --roof-report="wide targets=h100-sxm sizes=past:16" -o /dev/null --mlir-timing 2>&1 | FileCheck %s --check-prefix=TIMING
// RUN: roof-opt %s --roof-fuse-epilogues --roof-report="wide targets=h100-sxm sizes=past:16" -o /dev/null --mlir-print-ir-after=roof-fuse-epilogues 2>&1 | FileCheck %s --check-prefix=PRINTED

// At past = 16: FLOPs 2*4*1*8*16 = 1024 for the matmul + 64 for the add.
// Fused, bytes are q 128 + k 2048 + the shared zero point 4 + bias 256 +
// result 256 = 2692. Unfused, the matmul reads the zero point as two
// operands (8) and writes its 256-byte result, which the add reads again
// beside the bias: 128 + 2048 + 8 + 256 + 256 + 256 + 256 = 3208.
// FUSED: past=16 1088 2692
// UNFUSED: past=16 1088 3208

// TIMING: RoofReport
// TIMING-NEXT: 'builtin.module' Pipeline
// TIMING-NEXT: 'func.func' Pipeline
// TIMING-NEXT: RoofFuseEpilogues

// The first dump is the pass on the dynamic function (nothing fused), the
// second the fusion of the copy bound to past = 16.
// PRINTED: IR Dump After RoofFuseEpilogues
// PRINTED-NOT: roof.kernel
// PRINTED: IR Dump After RoofFuseEpilogues
// PRINTED: roof.kernel -> tensor<4x1x16xf32>
// PRINTED: tosa.matmul
// PRINTED: tosa.add

func.func @scores(%q: tensor<4x1x8xf32>,
                  %k: tensor<4x8x?xf32> {roof.dim_names = ["", "", "past"]},
                  %b: tensor<4x1x?xf32> {roof.dim_names = ["", "", "past"]})
    -> tensor<4x1x?xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %0 = tosa.matmul %q, %k, %zp, %zp : (tensor<4x1x8xf32>, tensor<4x8x?xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<4x1x?xf32>
  %1 = tosa.add %0, %b : (tensor<4x1x?xf32>, tensor<4x1x?xf32>) -> tensor<4x1x?xf32>
  return %1 : tensor<4x1x?xf32>
}
