// A memory level is data: a copy of Round L2 with an L1 added inside its
// L2 (2 MB at 4 TB/s) keeps the small intermediate there, and the report
// shows the bytes and time of each level in text and JSON. A write
// bandwidth apart prices a level's writes at it.
// RUN: %debian_python -c "import json, sys; t = json.load(open(sys.argv[1])); t['name'] = 'Round L1'; t['memory']['levels'].insert(0, {'name': 'L1', 'capacity': '2 MB', 'bandwidth': '4 TB/s'}); json.dump(t, open(sys.argv[2], 'w'))" %S/Inputs/round-l2.json %t.l1.json
// RUN: roof-opt %s -roof-report="targets=%S/Inputs/round-l2.json,%t.l1.json" -o /dev/null | FileCheck %s
// RUN: roof-opt %s -roof-report="targets=%t.l1.json format=json" -o /dev/null > %t.json
// RUN: %debian_python %S/Inputs/validate_report.py %roof_src_root/docs/report-schema.json %t.json | FileCheck %s --check-prefix=VALID
// RUN: FileCheck %s --check-prefix=JSON < %t.json
// RUN: roof-opt %s -roof-report="targets=%t.l1.json format=svg" -o /dev/null | FileCheck %s --check-prefix=SVG
// RUN: %debian_python -c "import json, sys; t = json.load(open(sys.argv[1])); t['name'] = 'Round L1 slow writes'; t['memory']['levels'][-1]['write_bandwidth'] = '0.5 TB/s'; json.dump(t, open(sys.argv[2], 'w'))" %t.l1.json %t.writes.json
// RUN: roof-opt %s -roof-report="targets=%t.writes.json" -o /dev/null | FileCheck %s --check-prefix=WRITES

// Four memory-bound exps: k0 reads %x (4194304 B) and writes %a, which k1
// reads; k2 reads %y (1048576 B) and writes %c, which k3 reads; k1 and k3
// write results the function returns, to DRAM. T_memory of a kernel is the
// largest, over the levels, of the bytes passing through the level (its own
// and those of the levels outside it) over its bandwidth.
//
// Round L2 (L2: 12 MB usable at 1.5 TB/s; DRAM at 1 TB/s): %a and %c both
// stay in L2. k0 and k1: 8388608 B through L2 / 1.5e12 = 5.592 us (DRAM
// 4194304 / 1e12 = 4.194 us); k2 and k3: 2097152 / 1.5e12 = 1.398 us.
// Latency 2 x 5.592405 + 2 x 1.398101 = 13.981 us.
// CHECK-LABEL: == @f on Round L2
// CHECK: latency 13.981 us (4 kernels)
// CHECK: traffic: 10.486 MB off chip, 10.486 MB served on chip (at most 4.194 MB held of 12.000 MB usable); with every byte off chip: latency 20.972 us
// L2 moves every byte: (2 x 8388608 + 2 x 2097152) / 1.5e12 = 13.981 us.
// CHECK-NEXT: levels: L2 10.486 MB in 13.981 us; DRAM 10.486 MB in 10.486 us

// Round L1: %c (1048576 B) fits L1's 2 MB, %a (4194304 B) only L2. k2 and
// k3 are now bound by DRAM: 1048576 / 1e12 = 1.049 us (through L2 only
// DRAM's 1048576 B, 0.699 us; through L1 2097152 / 4e12 = 0.524 us).
// Latency 2 x 5.592405 + 2 x 1.048576 = 13.282 us.
// CHECK-LABEL: == @f on Round L1
// CHECK: latency 13.282 us (4 kernels)
// With every byte off chip: 2 x 8388608 / 1e12 + 2 x 2097152 / 1e12 =
// 20.972 us.
// CHECK: traffic: 10.486 MB off chip, 10.486 MB served on chip: L1 2.097 MB (at most 1.049 MB held of 2.000 MB usable), L2 8.389 MB (at most 4.194 MB held of 12.000 MB usable); with every byte off chip: latency 20.972 us
// L1 moves every byte: 20971520 / 4e12 = 5.243 us; L2 its 8388608 and
// DRAM's 10485760 but k2's and k3's L1 bytes: 18874368 / 1.5e12 = 12.583
// us; DRAM 10485760 / 1e12 = 10.486 us.
// CHECK-NEXT: levels: L1 2.097 MB in 5.243 us; L2 8.389 MB in 12.583 us; DRAM 10.486 MB in 10.486 us

// VALID: {{^}}valid{{$}}

// JSON: "name": "Round L1",
// JSON: "memory_levels": [
// JSON-NEXT: {
// JSON-NEXT: "name": "L1",
// JSON-NEXT: "on_chip": true,
// JSON-NEXT: "capacity_bytes": 2000000,
// JSON-NEXT: "usable_bytes": 2000000,
// JSON-NEXT: "bandwidth_bytes_per_s": 4000000000000
// k0: %x from DRAM, %a to L2; bound by L2.
// JSON: "bytes_by_level": {
// JSON-NEXT: "L1": 0,
// JSON-NEXT: "L2": 4194304,
// JSON-NEXT: "DRAM": 4194304
// JSON: "t_memory_s": {{5\.5924[0-9]*}}e-06,
// JSON: "memory_level": "L2",
// k2: %y from DRAM, %c to L1; bound by DRAM.
// JSON: "bytes_by_level": {
// JSON-NEXT: "L1": 0,
// JSON-NEXT: "L2": 4194304,
// JSON-NEXT: "DRAM": 4194304
// JSON: "bytes_by_level": {
// JSON-NEXT: "L1": 1048576,
// JSON-NEXT: "L2": 0,
// JSON-NEXT: "DRAM": 1048576
// JSON: "t_memory_s": {{1\.04857[0-9]*}}e-06,
// JSON: "memory_level": "DRAM",
// JSON: "latency_s": {{1\.32819[0-9]*}}e-05,
// JSON: "peak_on_chip_bytes": 4194304,
// JSON-NEXT: "levels": [
// JSON-NEXT: {
// JSON-NEXT: "name": "L1",
// JSON-NEXT: "bytes": 2097152,
// JSON-NEXT: "peak_held_bytes": 1048576,
// JSON-NEXT: "time_s": {{5\.2428[0-9]*}}e-06
// JSON-NEXT: },
// JSON-NEXT: {
// JSON-NEXT: "name": "L2",
// JSON-NEXT: "bytes": 8388608,
// JSON-NEXT: "peak_held_bytes": 4194304,
// JSON-NEXT: "time_s": {{1\.25829[0-9]*}}e-05
// JSON-NEXT: },
// JSON-NEXT: {
// JSON-NEXT: "name": "DRAM",
// JSON-NEXT: "bytes": 10485760,
// JSON-NEXT: "peak_held_bytes": 0,
// JSON-NEXT: "time_s": {{1\.04857[0-9]*}}e-05

// The chart draws a dashed roof for each inner level with a bandwidth,
// beside the main memory's, and places each kernel at its intensity at the
// level that sets its memory time: k0 at L2, through which all its bytes
// pass (262144 FLOPs / 2097152 B = 0.125); k2 at DRAM, which moves only
// %y (262144 / 1048576 = 0.25), %c staying in L1.
// SVG-DAG: <polyline class="level-roof" {{.*}}>L1 4000 GB/s</text>
// SVG-DAG: <polyline class="level-roof" {{.*}}>L2 1500 GB/s</text>
// SVG-DAG: levels.mlir:[[#@LINE+12]]: 5.592 us, 0.12 FLOP/B over all its bytes, 0.12 at L2, which sets its memory time</title>
// SVG-DAG: levels.mlir:[[#@LINE+17]]: 1.049 us, 0.12 FLOP/B over all its bytes, 0.25 at DRAM, which sets its memory time</title>

// DRAM writing at 0.5 TB/s: k1 writes 4194304 B there, 8.389 us (through
// L2: 8388608 / 1.5e12 = 5.592 us); k3 writes 1048576 B, 2.097 us; k0 and
// k2 write nothing to DRAM and stay at 5.592 and 1.049 us. Latency 5.592405
// + 8.388608 + 1.048576 + 2.097152 = 17.127 us.
// WRITES: latency 17.127 us (4 kernels)

func.func @f(%x: tensor<1048576xf32>, %y: tensor<262144xf32>)
    -> (tensor<1048576xf32>, tensor<262144xf32>) {
  %ea = tensor.empty() : tensor<1048576xf32>
  %a = linalg.exp ins(%x : tensor<1048576xf32>)
                  outs(%ea : tensor<1048576xf32>) -> tensor<1048576xf32>
  %eb = tensor.empty() : tensor<1048576xf32>
  %b = linalg.exp ins(%a : tensor<1048576xf32>)
                  outs(%eb : tensor<1048576xf32>) -> tensor<1048576xf32>
  %ec = tensor.empty() : tensor<262144xf32>
  %c = linalg.exp ins(%y : tensor<262144xf32>)
                  outs(%ec : tensor<262144xf32>) -> tensor<262144xf32>
  %ed = tensor.empty() : tensor<262144xf32>
  %d = linalg.exp ins(%c : tensor<262144xf32>)
                  outs(%ed : tensor<262144xf32>) -> tensor<262144xf32>
  return %b, %d : tensor<1048576xf32>, tensor<262144xf32>
}
