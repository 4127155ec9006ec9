// RUN: roof-opt %s -roof-report="targets=%S/Inputs/round-a.json format=json" -o /dev/null > %t.json
// RUN: %debian_python %S/Inputs/validate_report.py %roof_src_root/docs/report-schema.json %t.json | FileCheck %s --check-prefix=VALID
// RUN: FileCheck %s < %t.json
// RUN: roof-opt %s -roof-report="targets=%S/Inputs/round-a.json format=csv" -o /dev/null | FileCheck %s --check-prefix=CSV
// RUN: roof-opt %s -roof-report="targets=%S/Inputs/round-a.json format=json param-args=1" -o /dev/null | FileCheck %s --check-prefix=PARAMS
// With %b a parameter the matmul's reads of it, 1024 x 1024 f32, are weights.
// PARAMS: "op": "linalg.matmul",
// PARAMS: "weight_bytes_read": 4194304,
// RUN: sha256sum %S/Inputs/round-a.json > %t.provenance
// RUN: cat %t.json >> %t.provenance
// RUN: FileCheck %s --check-prefix=PROVENANCE < %t.provenance

// The report records what made it: the input, the pass with every option,
// the dtype policy, and the target file's SHA-256 (as sha256sum prints it).
// PROVENANCE: [[HASH:[0-9a-f]{64}]] {{.*}}round-a.json
// PROVENANCE: "provenance": {
// PROVENANCE-NEXT: "tool": "roof-report",
// PROVENANCE-NEXT: "version": "{{[0-9]+\.[0-9]+\.[0-9]+}}",
// PROVENANCE-NEXT: "input": "{{.*}}roofline-json.mlir",
// PROVENANCE-NEXT: "pipeline": "roof-report{{{.*}}dtype-policy=as-is{{.*}}format=json{{.*}}targets={{{.*}}round-a.json}{{.*}}}",
// PROVENANCE-NEXT: "dtype_policy": "as-is"
// PROVENANCE: "name": "Round A",
// PROVENANCE-NEXT: "sha256": "[[HASH]]",

// VALID: {{^}}valid{{$}}

// The numbers of roofline-text.mlir's matmul and add on target A, in SI
// units: the matmul's result (4194304 B) stays on chip between them.
// Matmul: T_compute = 2147483648 / 1e14 = 2.147483648e-05 s, T_memory =
// (16777216 - 4194304) / 1e12 = 1.2582912e-05 s (1.6777216e-05 s with every
// byte off chip); add: T_memory = (12582912 - 4194304) / 1e12 = 8.388608e-06 s.
// CHECK: "schema": "roof-report/2",
// CHECK: "function": "block",
// CHECK: "name": "Round A",
// CHECK: "bandwidth_bytes_per_s": 1000000000000,
// CHECK-NEXT: "on_chip_bandwidth_bytes_per_s": 0,
// CHECK-NEXT: "on_chip_usable_bytes": 8000000,
// The levels as target A gives them: 8 MB of SRAM without a bandwidth, then
// 16 GB of DRAM at 1 TB/s.
// CHECK-NEXT: "memory_levels": [
// CHECK-NEXT: {
// CHECK-NEXT: "name": "SRAM",
// CHECK-NEXT: "on_chip": true,
// CHECK-NEXT: "capacity_bytes": 8000000,
// CHECK-NEXT: "usable_bytes": 8000000,
// CHECK-NEXT: "bandwidth_bytes_per_s": 0
// CHECK-NEXT: },
// CHECK-NEXT: {
// CHECK-NEXT: "name": "DRAM",
// CHECK-NEXT: "on_chip": false,
// CHECK-NEXT: "capacity_bytes": 16000000000,
// CHECK-NEXT: "usable_bytes": 16000000000,
// CHECK-NEXT: "bandwidth_bytes_per_s": 1000000000000
// CHECK-NEXT: }
// CHECK-NEXT: ],
// CHECK-NEXT: "launch_overhead_s": 0,
// CHECK-NEXT: "call_overhead_s": 0,
// CHECK-NEXT: "matrix_units": 0,
// CHECK: "op": "linalg.matmul",
// CHECK-NEXT: "engine": "matrix",
// CHECK-NEXT: "dtype": "f32",
// CHECK-NEXT: "class": "matmul",
// CHECK-NEXT: "result_type": "tensor<1024x1024xf32>",
// CHECK-NEXT: "flops": 2147483648,
// CHECK-NEXT: "weight_bytes_read": 0,
// CHECK-NEXT: "bytes_read": 12582912,
// CHECK-NEXT: "bytes_written": 4194304,
// CHECK-NEXT: "on_chip_bytes": 4194304,
// CHECK-NEXT: "off_chip_bytes": 12582912,
// CHECK-NEXT: "bytes_by_level": {
// CHECK-NEXT: "SRAM": 4194304,
// CHECK-NEXT: "DRAM": 12582912
// CHECK-NEXT: },
// CHECK-NEXT: "intensity_flop_per_byte": 128,
// CHECK-NEXT: "bound": "compute",
// CHECK-NEXT: "peak_flop_per_s": 100000000000000,
// CHECK-NEXT: "parallel_efficiency": 1,
// CHECK-NEXT: "array_efficiency": 1,
// CHECK-NEXT: "t_compute_s": 2.147483648e-05,
// CHECK-NEXT: "t_memory_s": 1.2582912{{[0-9]*}}e-05,
// CHECK-NEXT: "time_s": 2.147483648e-05,
// CHECK-NEXT: "time_compulsory_s": 2.147483648e-05,
// Its memory time is DRAM's (the SRAM gives no bandwidth).
// CHECK: "memory_level": "DRAM",
// CHECK: "op": "linalg.add",
// CHECK: "on_chip_bytes": 4194304,
// CHECK: "bound": "memory",
// CHECK: "t_memory_s": 8.38860{{[0-9]*}}e-06,
// CHECK: "time_compulsory_s": 1.2582912{{[0-9]*}}e-05,
// The breakdown by op type (test/Report/roofline-text.mlir derives it).
// CHECK: "by_op_type": [
// CHECK: "op": "linalg.matmul",
// CHECK-NEXT: "kernels": 1,
// CHECK-NEXT: "time_s": 2.147483648e-05,
// CHECK-NEXT: "share": 0.7191{{[0-9]*}},
// CHECK: "op": "linalg.add",
// CHECK-NEXT: "kernels": 1,
// CHECK-NEXT: "time_s": 8.38860{{[0-9]*}}e-06,
// CHECK-NEXT: "share": 0.2808{{[0-9]*}},
// latency 2.147483648e-05 + 8.388608e-06 = 2.9863444e-05 s; with every byte
// off chip 2.147483648e-05 + 1.2582912e-05 = 3.4057748e-05 s.
// CHECK: "latency_s": 2.9863444{{[0-9]*}}e-05,
// CHECK: "latency_compulsory_s": 3.4057748{{[0-9]*}}e-05,
// 29360128 bytes moved, 2 x 4194304 of them on chip.
// CHECK: "on_chip_bytes": 8388608,
// CHECK-NEXT: "off_chip_bytes": 20971520,
// CHECK-NEXT: "peak_on_chip_bytes": 4194304,
// By level: the SRAM serves 8388608 B, at most 4194304 held, in no time;
// DRAM 20971520 B in 20971520 / 1e12 = 2.097152e-05 s.
// CHECK-NEXT: "levels": [
// CHECK-NEXT: {
// CHECK-NEXT: "name": "SRAM",
// CHECK-NEXT: "bytes": 8388608,
// CHECK-NEXT: "peak_held_bytes": 4194304,
// CHECK-NEXT: "time_s": 0
// CHECK-NEXT: },
// CHECK-NEXT: {
// CHECK-NEXT: "name": "DRAM",
// CHECK-NEXT: "bytes": 20971520,
// CHECK-NEXT: "peak_held_bytes": 0,
// CHECK-NEXT: "time_s": 2.09715{{[0-9]*}}e-05
// CHECK-NEXT: }
// CHECK-NEXT: ],
// CHECK: "fits": true,

// CSV: function,target,kernel,engine,dtype,flops,bytes_read,bytes_written,intensity_flop_per_byte,t_compute_s,t_memory_s,time_s,bound,on_chip_bytes,parallel_efficiency
// CSV-NEXT: "block","Round A","linalg.matmul at roofline-json.mlir:{{[0-9]+}}",matrix,"f32",2147483648,12582912,4194304,128,2.14748e-05,1.25829e-05,2.14748e-05,compute,4194304,1
// CSV-NEXT: "block","Round A","linalg.add at roofline-json.mlir:{{[0-9]+}}",vector,"f32",1048576,8388608,4194304,0.0833333,1.04858e-07,8.38861e-06,8.38861e-06,memory,4194304,1

func.func @block(%a: tensor<1024x1024xf32>, %b: tensor<1024x1024xf32>,
                 %c: tensor<1024x1024xf32>) -> tensor<1024x1024xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<1024x1024xf32>, tensor<1024x1024xf32>)
                     outs(%c : tensor<1024x1024xf32>) -> tensor<1024x1024xf32>
  %e = tensor.empty() : tensor<1024x1024xf32>
  %1 = linalg.add ins(%0, %c : tensor<1024x1024xf32>, tensor<1024x1024xf32>)
                  outs(%e : tensor<1024x1024xf32>) -> tensor<1024x1024xf32>
  return %1 : tensor<1024x1024xf32>
}
