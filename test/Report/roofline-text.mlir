// RUN: roof-opt %s -roof-report="wide targets=%S/Inputs/round-a.json,%S/Inputs/round-b.json param-args=1" -o /dev/null | FileCheck %s
// RUN: roof-opt %s -roof-report="targets=%S/Inputs/round-a.json,%S/Inputs/round-b.json param-args=1" -o /dev/null | FileCheck %s --check-prefix=SCALED
// By default no line of a table passes 120 columns: the kernels' names are
// cut to fit (their op first, then the start of their file's name).
// RUN: roof-opt %s -roof-report="targets=%S/Inputs/round-a.json,%S/Inputs/round-b.json param-args=1" -o /dev/null \
// RUN:   | %debian_python %S/Inputs/table_width.py | FileCheck %s --check-prefix=WIDTH
// WIDTH: widest table line: {{(1[01][0-9]|120|[0-9][0-9])}} columns in 7 tables

// Two targets with round figures (Inputs/):
//   A: matrix f32 100 TFLOP/s, vector f32 10 TFLOP/s, 1 TB/s, 16 GB off chip,
//      8 MB on chip, 100 W, no derate, no launch overhead
//   B: matrix f32 40, vector f32 2 TFLOP/s, 100 GB/s, derated by 0.5 each:
//      20 TFLOP/s, 1 TFLOP/s, 50 GB/s; 16 MB off chip, 1 MB on chip, 10 W,
//      2 us launch overhead per kernel, 3.6 USD per hour
// Kernels:
//   matmul 1024^3 f32: 2*1024^3 = 2147483648 FLOP; bytes (A, B, C read + C
//     written) 4 * 4194304 = 16777216; intensity 128 FLOP/B
//   add 1024x1024 f32: 1048576 FLOP; 12582912 bytes; intensity 0.08

// CHECK: == @block on Round A (gpu, {{.*}}round-a.json)
// CHECK: roofs (derated): bandwidth 1000.000 GB/s
// Knees: 100 TFLOP/s / 1 TB/s = 100 FLOP/B; 10 / 1 = 10.
// CHECK-NEXT: matrix f32     100.000 TFLOP/s, knee   100.00 FLOP/B
// CHECK-NEXT: vector f32      10.000 TFLOP/s, knee    10.00 FLOP/B
// On-chip residency (docs/roofline.md): the matmul's result (4194304 B) is
// read only by the add, and fits the 8 MB on chip, so the matmul writes it
// there and the add reads it there: 4194304 on-chip bytes each.
// Compute-bound on A (128 > knee 100): T_compute = 2147483648 / 1e14 s
// = 21.475 us > T_memory = (16777216 - 4194304) / 1e12 s = 12.583 us;
// 71.9 % of 29.863 us.
// CHECK: 21.475   71.9% compute  matrix f32      2147483648       16777216        4194304    128.00         21.475         12.583        100.000  linalg.matmul at roofline-text.mlir:{{[0-9]+}}
// Memory-bound: T_memory = (12582912 - 4194304) / 1e12 s = 8.389 us;
// T_compute = 0.105 us.
// CHECK-NEXT: 8.389   28.1% memory   vector f32         1048576       12582912        4194304      0.08          0.105          8.389          0.125  linalg.add at roofline-text.mlir:{{[0-9]+}}
// latency 21.475 + 8.389 = 29.863 us; 1 / 29.863 us = 33485.8 /s;
// energy 100 W * 29.863 us = 0.002986 J.
// CHECK-NEXT: latency 29.863 us (2 kernels); throughput 33485.8 inferences/s at batch 1; energy 2.986 mJ (100 W)
// Off chip: 29360128 - 2 * 4194304 = 20971520 B. With every byte off chip:
// 21.475 + 12.583 = 34.058 us.
// CHECK-NEXT: traffic: 20.972 MB off chip, 8.389 MB served on chip (at most 4.194 MB held of 8.000 MB usable); with every byte off chip: latency 34.058 us
// Per level: the SRAM serves 8.389 MB and gives no bandwidth; DRAM serves
// 20.971520 MB at 1 TB/s: 20.972 us.
// CHECK-NEXT: levels: SRAM 8.389 MB (no bandwidth given); DRAM 20.972 MB in 20.972 us
// Weights: argument 1 (4 MiB = 4.194 MB). Peak activations: A, C and the
// matmul's result live together (3 x 4194304 = 12.583 MB); 16.777 MB of
// 16000 MB = 0.10 %.
// CHECK-NEXT: memory: weights 4.194 MB + peak activations 12.583 MB = 16.777 MB of 16.000 GB (0.10 %): fits
// Activations (each 1024 x 1024 f32 = 4.194 MB; %b is a parameter): op 1,
// the matmul: a, c and its result; op 2, the empty: c and the result (4.7
// of 7 levels: the sixth block); op 3, the add: c, the result and the sum;
// op 4, the return: the sum (2.3: the third block).
// CHECK-NEXT: activations over 4 ops: █▆█▃
// CHECK-NEXT: peak 12.583 MB at op 1 (linalg.matmul at roofline-text.mlir:{{[0-9]+}}); live then: argument #0 4.194 MB, argument #2 4.194 MB, linalg.matmul at roofline-text.mlir:{{[0-9]+}} 4.194 MB,
// CHECK-NEXT: regime: weights (4.194 MB) fit in on-chip memory (8.000 MB usable): data streams through the weights
// Target A gives no on-chip bandwidth: the bytes it serves on chip take no
// time, and the report says so.
// CHECK: residency: the target gives no bandwidth for SRAM, so bytes served there take no time (the latency stays a bound, looser by what that level costs)
// The breakdown by op type: each type's time over all kernel time, so the
// shares sum to 100 %: 21.475 / 29.863 = 71.9 %, 8.389 / 29.863 = 28.1 %.
// CHECK-NEXT: time by op type (2):
// CHECK-NEXT: time(us) share kernels work bytes op
// CHECK-NEXT: 21.475 71.9% 1 2147483648 16777216 linalg.matmul
// CHECK-NEXT: 8.389 28.1% 1 1048576 12582912 linalg.add

// CHECK: == @block on Round B (npu, {{.*}}round-b.json)
// CHECK: roofs (derated): bandwidth 50.000 GB/s
// CHECK-NEXT: matrix f32      20.000 TFLOP/s, knee   400.00 FLOP/B
// CHECK-NEXT: vector f32       1.000 TFLOP/s, knee    20.00 FLOP/B
// On B the matmul's result (4 MB) does not fit the 1 MB on chip: every byte
// goes off chip.
// The matmul is memory-bound here (128 < 400): 16777216 / 5e10 s = 335.544 us
// (+ 2 us launch) = 337.544 us; T_compute = 2147483648 / 2e13 s = 107.374 us.
// CHECK: 337.544   57.1% memory   matrix f32      2147483648       16777216              0    128.00        107.374        335.544         6.362  linalg.matmul
// add: 12582912 / 5e10 s = 251.658 us + 2 = 253.658 us; T_compute 1.049 us.
// CHECK-NEXT: 253.658   42.9% memory   vector f32         1048576       12582912              0      0.08          1.049        251.658          0.004  linalg.add
// Price 3.6 USD/h: 3.6 / 3600 * 591.203 us = 5.91203e-7 USD per inference.
// CHECK-NEXT: latency 591.203 us (2 kernels, 2 nodes, 2.000 us launch overhead each); throughput 1691.5 inferences/s at batch 1; energy 5.912 mJ (10 W); cost 0.591203 USD per million inferences (3.6000 USD a device-hour, 1 device)
// Two launches, 4 us of 591.203 us, are fixed.
// CHECK-NEXT: overheads: 4.000 us of the latency (0.7 %) is fixed: 2 launches (4.000 us); batching shares it over more inferences{{.*}}
// 16.777 MB do not fit in 16 MB (104.86 %); 4.194 MB of weights exceed the 1 MB on chip.
// CHECK-NEXT: memory: weights 4.194 MB + peak activations 12.583 MB = 16.777 MB of 16.000 MB (104.86 %): does not fit
// The same timeline on every target.
// CHECK-NEXT: activations over 4 ops: █▆█▃
// CHECK-NEXT: peak 12.583 MB at op 1
// CHECK-NEXT: regime: weights (4.194 MB) exceed on-chip memory (1.000 MB usable): the weights stream through the data
// Re-read model: the matmul reads 12582912 B > 1 MB on chip, so it moves at
// least FLOPs * e / sqrt(S / e) = 2147483648 * 4 / sqrt(1e6 / 4) = 17179869 B
// (> 16777216 compulsory): 17179869 / 5e10 s = 343.597 us + 2 = 345.597 us;
// latency 345.597 + 253.658 = 599.256 us. On A (8 MB) the bound,
// 2147483648 * 4 / sqrt(2e6) = 6074001 B, is below the compulsory bytes.
// CHECK-NEXT: with on-chip re-reads (1.000 MB on chip): latency 599.256 us; 1 contractions re-read operands that do not fit

// The same quantities scaled to four digits (`wide` prints them exact):
// SCALED: time share bound engine dtype work bytes intensity attained kernel
// SCALED-NEXT: 21.47 us 71.9% compute matrix f32 2.147 GFLOP 16.78 MB 128.0 FLOP/B 100.0 TFLOP/s linalg.matmul …{{.*}}.mlir:{{[0-9]+$}}
// SCALED-NEXT: 8.389 us 28.1% memory vector f32 1.049 MFLOP 12.58 MB 0.08 FLOP/B 125.0 GFLOP/s linalg.add …{{.*}}.mlir:{{[0-9]+$}}
// SCALED: == @block: comparison
// SCALED-NEXT: target latency inferences/s energy memory
// SCALED-NEXT: Round A 29.86 us 33485.8 2.986 mJ fits fastest most-energy-efficient
// SCALED-NEXT: Round B 591.2 us 1691.5 5.912 mJ does-not-fit

// CHECK: == @block: comparison
// CHECK: Round A 29.863 33485.8 0.002986 fits          fastest most-energy-efficient
// CHECK: Round B 591.203 1691.5 0.005912 does-not-fit

func.func @block(%a: tensor<1024x1024xf32>, %b: tensor<1024x1024xf32>,
                 %c: tensor<1024x1024xf32>) -> tensor<1024x1024xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<1024x1024xf32>, tensor<1024x1024xf32>)
                     outs(%c : tensor<1024x1024xf32>) -> tensor<1024x1024xf32>
  %e = tensor.empty() : tensor<1024x1024xf32>
  %1 = linalg.add ins(%0, %c : tensor<1024x1024xf32>, tensor<1024x1024xf32>)
                  outs(%e : tensor<1024x1024xf32>) -> tensor<1024x1024xf32>
  return %1 : tensor<1024x1024xf32>
}
