// Stock mlir-opt (LLVM 22) runs Roof's passes from the plugin, and parses the
// attributes they print when the plugin is loaded as a dialect plugin too.
// RUN: %mlir_opt --load-dialect-plugin=%roof_plugin --load-pass-plugin=%roof_plugin --pass-pipeline="builtin.module(roof-annotate-cost)" %s | FileCheck %s
// RUN: %mlir_opt --load-dialect-plugin=%roof_plugin --load-pass-plugin=%roof_plugin --pass-pipeline="builtin.module(roof-annotate-cost)" %s | %mlir_opt --load-dialect-plugin=%roof_plugin | FileCheck %s
// The pass plugin alone carries the cost models the pass needs.
// RUN: %mlir_opt --load-pass-plugin=%roof_plugin --pass-pipeline="builtin.module(roof-annotate-cost{report-only})" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT
// Roof's pass composes with upstream ones: generalized to a linalg.generic,
// the matmul costs the same.
// RUN: %mlir_opt --load-pass-plugin=%roof_plugin --pass-pipeline="builtin.module(func.func(linalg-generalize-named-ops),roof-annotate-cost)" %s | FileCheck %s --check-prefix=GENERIC

// flops = 2*128*512*256 = 33554432; read = (128*256 + 256*512 + 128*512)*4 = 917504;
// written = 128*512*4 = 262144; intensity = 33554432 / 1179648 = 28.44
// CHECK-LABEL: func.func @mm
// CHECK-SAME: roof.totals = #roof.totals<flops = 33554432, transcendentals = 0, read = 917504, written = 262144, weight_read = 0, params = 0, weight_bytes = 0, ops = 1, prepared = 0, prepared_flops = 0, prepared_bytes = 0, unknown = 0, unknown_ops = {}>
// CHECK: linalg.matmul {roof.cost = #roof.cost<flops = 33554432, transcendentals = 0, read = 917504, written = 262144, weight_read = 0, intensity = 28.44>}
// REPORT: remark: totals of @mm: 33554432 FLOPs (0 transcendental), 917504 B read (0 of weights), 262144 B written;
// GENERIC: linalg.generic {{.*}}roof.cost = #roof.cost<flops = 33554432, transcendentals = 0, read = 917504, written = 262144, weight_read = 0, intensity = 28.44>
func.func @mm(%a: tensor<128x256xf32>, %b: tensor<256x512xf32>,
              %c: tensor<128x512xf32>) -> tensor<128x512xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<128x256xf32>, tensor<256x512xf32>)
                     outs(%c : tensor<128x512xf32>) -> tensor<128x512xf32>
  return %0 : tensor<128x512xf32>
}

// Without the dialect plugin, mlir-opt cannot read Roof's attributes back.
// RUN: %mlir_opt --load-dialect-plugin=%roof_plugin --load-pass-plugin=%roof_plugin --pass-pipeline="builtin.module(roof-annotate-cost)" %s | not %mlir_opt --load-pass-plugin=%roof_plugin 2>&1 | FileCheck %s --check-prefix=NODIALECT
// NODIALECT: error: #"roof"<"totals<{{.*}}attribute created with unregistered dialect
