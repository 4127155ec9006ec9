// RUN: roof-opt %s -roof-annotate-cost="report-only op-remarks" -verify-diagnostics | FileCheck %s
// RUN: not roof-opt %s -roof-annotate-cost="dynamic-dim=-2" 2>&1 | FileCheck %s --check-prefix=BADOPT

// report-only leaves the IR as it was and says the numbers in remarks.
// CHECK-NOT: roof.cost
// CHECK-NOT: roof.totals

// Totals: 2*8*8*8 = 1024 + 64 = 1088 FLOPs;
// read = (64+64+64)*4 + (64+64)*4 = 768 + 512 = 1280; written = 256 + 256 = 512.
// expected-remark @below {{totals of @mlp: 1088 FLOPs (0 transcendental), 1280 B read (0 of weights), 512 B written; 0 parameters (0 B); 2 ops counted, 0 prepared ahead of time (0 FLOPs, 0 B), 0 unknown}}
func.func @mlp(%a: tensor<8x8xf32>, %b: tensor<8x8xf32>, %c: tensor<8x8xf32>) -> tensor<8x8xf32> {
  // 2*8*8*8 = 1024 FLOPs; read 3*64*4 = 768; written 256; 1024/1024 = 1.00
  // Each remark names the op (and its node, test/Transforms/annotate-cost-named-remarks.mlir).
  // expected-remark @below {{linalg.matmul cost: #roof.cost<flops = 1024, transcendentals = 0, read = 768, written = 256, weight_read = 0, intensity = 1.00>}}
  %0 = linalg.matmul ins(%a, %b : tensor<8x8xf32>, tensor<8x8xf32>) outs(%c : tensor<8x8xf32>) -> tensor<8x8xf32>
  // 64 FLOPs; read 2*64*4 = 512; written 256; 64/768 = 0.08
  // expected-remark @below {{arith.addf cost: #roof.cost<flops = 64, transcendentals = 0, read = 512, written = 256, weight_read = 0, intensity = 0.08>}}
  %1 = arith.addf %0, %c : tensor<8x8xf32>
  return %1 : tensor<8x8xf32>
}

// BADOPT: error: roof-annotate-cost: dynamic-dim must be a size >= 0, or -1 to leave dynamic dims unbound; got -2
