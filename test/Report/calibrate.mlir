// roof-calibrate measures this machine and writes a target file that
// roof-report reads like any other (figures vary by machine: the structure
// is checked here, and that every figure is a measured one).
// RUN: roof-calibrate --quick --threads 1 -o %t.json
// RUN: FileCheck %s --check-prefix=FILE < %t.json
// RUN: roof-opt %s --roof-report="targets=%t.json" -o /dev/null | FileCheck %s
// RUN: not roof-calibrate --threads many 2>&1 | FileCheck %s --check-prefix=BAD
// RUN: roof-calibrate --help | FileCheck %s --check-prefix=HELP

// FILE: "schema": "roof-target/2",
// FILE-NEXT: "name": "This machine: {{.+}}, 1 thread(s)",
// FILE-NEXT: "kind": "cpu",
// FILE: "matrix": {
// FILE-NEXT: "f32": "{{[0-9.]+}} GFLOP/s"
// The levels, innermost first: the caches faster than every level outside
// them (at least none, at most L1 to L3), then DRAM.
// FILE: "levels": [
// FILE: "name": "DRAM",
// FILE-NEXT: "capacity": "{{[0-9]+}} B",
// FILE-NEXT: "bandwidth": "{{[0-9.]+}} GB/s"
// FILE-NEXT: }
// FILE-NEXT: ]
// FILE: "compute": "measured by roof-calibrate on {{[0-9-]+}}: f32 FMA loop ({{128|256|512}}-bit vectors, 12 independent chains per thread): {{[0-9.]+}} GFLOP/s with 1 thread
// FILE-NEXT: "memory": "measured by roof-calibrate on {{[0-9-]+}}: the better of a STREAM triad (12 B per element) and a read-only stream, the best of the array sizes tried, 1 thread / 1 threads: L1 ({{[0-9]+}}-{{[0-9]+}} KiB per thread) {{.*}}; DRAM ({{[0-9]+}} KiB per thread) {{[0-9.]+}} GB/s / {{[0-9.]+}} GB/s"

// CHECK: == @f on This machine: {{.+}}, 1 thread(s) (cpu, {{.*}}.json)
// CHECK: latency {{[0-9.]+}} us (1 kernel)

// BAD: roof-calibrate: --threads needs a whole number (0: every core)
// HELP: usage: roof-calibrate [-o FILE] [--threads N] [--quick]

func.func @f(%x: tensor<1024xf32>) -> tensor<1024xf32> {
  %0 = arith.addf %x, %x : tensor<1024xf32>
  return %0 : tensor<1024xf32>
}
