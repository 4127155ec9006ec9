// Every shipped target loads, and its knee is peak / bandwidth after the
// derates.
// RUN: roof-opt %s -roof-report="targets=a100-sxm,a100-pcie-40gb,v100-sxm,h100-sxm,h200,l4,rtx-4090,jetson-agx-orin-gpu,jetson-orin-nano,nvidia-dla-orin,apple-m4-ane,hexagon-8gen3,edge-tpu,tpu-v5e,groq-lpu,mi300x" -o /dev/null | FileCheck %s
// RUN: roof-opt %s -roof-report="targets=a100-sxm,edge-tpu format=json" -o /dev/null | FileCheck %s --check-prefix=FIXED

// H100 SXM: bf16 989 TFLOP/s x 0.8 = 791.2; 3.35 TB/s x 0.9 = 3015 GB/s;
// knee 791.2 / 3.015 = 262.42 FLOP/B.
// CHECK-LABEL: == @f on NVIDIA H100 SXM5 80GB (gpu
// CHECK: roofs (derated): bandwidth 3015.000 GB/s
// CHECK: matrix bf16    791.200 TFLOP/s, knee   262.42 FLOP/B
// Groq has no off-chip memory: its 230 MB SRAM at 80 TB/s is the memory;
// knee i8 750 / 80 = 9.38 FLOP/B.
// CHECK-LABEL: == @f on Groq LPU (npu
// CHECK: roofs (derated): bandwidth 80000.000 GB/s
// CHECK: matrix i8      750.000 TOP/s, knee     9.38 OP/B
// CHECK-LABEL: == @f: comparison
// CHECK-COUNT-16: {{fits|does-not-fit}}

// The fixed costs, units and on-chip figures of docs/targets.md's catalog.
// A100: 40 MB L2 x 0.75 usable = 30 MB at 4.5 TB/s (no bandwidth derate);
// 0.5 us per kernel; 108 SMs. Edge TPU: 0.3 ms per call.
// FIXED: "name": "NVIDIA A100 SXM 80GB",
// FIXED: "on_chip_bandwidth_bytes_per_s": 4500000000000,
// FIXED-NEXT: "on_chip_usable_bytes": 30000000,
// Its levels: that L2, then 80 GB of HBM2e at 2039 GB/s.
// FIXED-NEXT: "memory_levels": [
// FIXED-NEXT: {
// FIXED-NEXT: "name": "L2",
// FIXED-NEXT: "on_chip": true,
// FIXED-NEXT: "capacity_bytes": 40000000,
// FIXED-NEXT: "usable_bytes": 30000000,
// FIXED-NEXT: "bandwidth_bytes_per_s": 4500000000000
// FIXED-NEXT: },
// FIXED-NEXT: {
// FIXED-NEXT: "name": "HBM2e",
// FIXED-NEXT: "on_chip": false,
// FIXED-NEXT: "capacity_bytes": 80000000000,
// FIXED-NEXT: "usable_bytes": 80000000000,
// FIXED-NEXT: "bandwidth_bytes_per_s": 2039000000000
// FIXED-NEXT: }
// FIXED-NEXT: ],
// FIXED-NEXT: "launch_overhead_s": {{5.0*e-07|4.99*[0-9]*e-07}},
// FIXED-NEXT: "call_overhead_s": 0,
// FIXED-NEXT: "matrix_units": 108,
// The Edge TPU's one level is its 8 MB SRAM, on chip, at 8.73 GB/s.
// FIXED: "name": "Google Coral Edge TPU",
// FIXED: "memory_levels": [
// FIXED-NEXT: {
// FIXED-NEXT: "name": "SRAM",
// FIXED-NEXT: "on_chip": true,
// FIXED-NEXT: "capacity_bytes": 8000000,
// FIXED-NEXT: "usable_bytes": 8000000,
// FIXED-NEXT: "bandwidth_bytes_per_s": 8730000000
// FIXED-NEXT: }
// FIXED-NEXT: ],
// FIXED: "call_overhead_s": {{0.0003|0.000299+[0-9]*}},

func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = arith.addf %x, %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}
