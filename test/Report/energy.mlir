// Energy from the work on a target with energy figures (docs/cost.md):
// each kernel's operations and bytes at the target's energies, plus the
// static power over the latency; work that would draw more than the
// chip's power limit runs slower (the power roof).
// RUN: roof-opt %s --roof-report="targets=%S/Inputs/energy-chip.json" -o /dev/null | FileCheck %s
// RUN: roof-opt %s --roof-report="targets=%S/Inputs/energy-chip.json format=json" -o /dev/null | FileCheck %s --check-prefix=JSON
// The same chip limited to 2 W:
// RUN: sed -e 's/"power": "10 W"/"power": "2 W"/' %S/Inputs/energy-chip.json > %t.2w.json
// RUN: roof-opt %s --roof-report="targets=%t.2w.json" -o /dev/null | FileCheck %s --check-prefix=LIMIT
// Without energy figures, power x latency as before:
// RUN: roof-opt %s --roof-report="targets=h100-sxm format=json" -o /dev/null | FileCheck %s --check-prefix=PLAIN
// Malformed figures:
// RUN: sed -e 's/"static_power": "1 W"/"static_power": "10 W"/' %S/Inputs/energy-chip.json > %t.static.json
// RUN: not roof-opt %s --roof-report="targets=%t.static.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=STATIC
// RUN: sed -e 's|"f32": "2 pJ/FLOP"|"f32": "2 pJ/B"|' %S/Inputs/energy-chip.json > %t.unit.json
// RUN: not roof-opt %s --roof-report="targets=%t.unit.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=UNIT
// RUN: sed -e 's|"f32": "5 pJ/FLOP"|"f32": "5 mJ/FLOP"|' %S/Inputs/energy-chip.json > %t.large.json
// RUN: not roof-opt %s --roof-report="targets=%t.large.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=LARGE
// RUN: sed -e 's/"static_power": "1 W", //' %S/Inputs/energy-chip.json > %t.nostatic.json
// RUN: not roof-opt %s --roof-report="targets=%t.nostatic.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=NOSTATIC

// A 64 x 64 x 64 f32 matmul: 2 x 64^3 = 524288 FLOPs on the matrix engine
// at 2 pJ each: 1.048576 uJ. It reads A, B and C and writes C, 4 x 16384
// = 65536 B, all from DRAM at 10 pJ/B: 0.65536 uJ. Its time: 65536 B at
// 100 GB/s = 0.65536 us (the compute takes 0.524288 us), and the static
// 1 W over it: 0.65536 uJ. In all 2.359296 uJ, 3.6 W on average.
// CHECK: latency 0.655 us (1 kernel); {{.*}}; energy 2.359 uJ (3.6 W on average, of 10 W)
// CHECK-NEXT: energy: 2.359 uJ = compute 1.049 uJ + SRAM 0.000 uJ + DRAM 0.655 uJ + static 0.655 uJ (1 W)
// JSON: "energy_j": 2.35929{{[0-9]*}}e-06,
// JSON-NEXT: "energy": {
// JSON-NEXT: "compute_j": 1.04857{{[0-9]*}}e-06,
// JSON-NEXT: "levels_j": {
// JSON-NEXT: "SRAM": 0,
// JSON-NEXT: "DRAM": 6.553{{[0-9]*}}e-07
// JSON-NEXT: },
// JSON-NEXT: "links_j": 0,
// JSON-NEXT: "static_j": 6.553{{[0-9]*}}e-07,
// JSON-NEXT: "average_power_w": 3.6{{[0-9]*}},
// JSON-NEXT: "power_bound_kernels": 0,
// JSON-NEXT: "incomplete_kernels": 0

// Limited to 2 W, the work's 1.703936 uJ has 2 - 1 = 1 W left beyond the
// static power: 1.703936 us, longer than its memory time, so the kernel is
// power-bound; the static power over it adds 1.703936 uJ: 3.407872 uJ at
// exactly 2 W.
// LIMIT: 1.704 us  100.0%  power
// LIMIT: latency 1.704 us (1 kernel); {{.*}}; energy 3.408 uJ (2.0 W on average, of 2 W)
// LIMIT-NEXT: energy: 3.408 uJ = compute 1.049 uJ + SRAM 0.000 uJ + DRAM 0.655 uJ + static 1.704 uJ (1 W); 1 kernel would draw more than the chip's 2 W and run slower (power-bound)

// PLAIN: "energy_j":
// PLAIN-NOT: "energy": {

// STATIC: error: roof-report: {{.*}}.static.json: energy.static_power: must be below power, the chip's limit: the work's own power is what is left
// UNIT: energy.matrix.f32: unit 'pJ/B' is not an energy per operation (pJ/FLOP, fJ/FLOP, pJ/OP, …)
// NOSTATIC: energy.static_power: missing
// LARGE: energy.vector.f32: '5 mJ/FLOP' is above 1 uJ an operation or byte, a million times any chip's

func.func @mm(%a: tensor<64x64xf32>, %b: tensor<64x64xf32>,
              %c: tensor<64x64xf32>) -> tensor<64x64xf32> {
  %r = linalg.matmul ins(%a, %b : tensor<64x64xf32>, tensor<64x64xf32>)
      outs(%c : tensor<64x64xf32>) -> tensor<64x64xf32>
  return %r : tensor<64x64xf32>
}
