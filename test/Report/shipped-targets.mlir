// Every shipped target loads, and its knee is peak / bandwidth after the
// derates.
// RUN: roof-opt %s -roof-report="targets=a100-sxm,h100-sxm,h200,l4,rtx-4090,jetson-agx-orin-gpu,jetson-orin-nano,nvidia-dla-orin,apple-m4-ane,hexagon-8gen3,edge-tpu,tpu-v5e,groq-lpu,mi300x" -o /dev/null | FileCheck %s

// H100 SXM: bf16 989 TFLOP/s x 0.8 = 791.2; 3.35 TB/s x 0.9 = 3015 GB/s;
// knee 791.2 / 3.015 = 262.42 FLOP/B.
// CHECK-LABEL: == @f on NVIDIA H100 SXM5 80GB (gpu
// CHECK: roofs (derated): bandwidth 3015.000 GB/s
// CHECK: matrix bf16    791.200 TFLOP/s, knee   262.42 FLOP/B
// Groq has no off-chip memory: its 230 MB SRAM at 80 TB/s is the memory;
// knee i8 750 / 80 = 9.38 FLOP/B.
// CHECK-LABEL: == @f on Groq LPU (npu
// CHECK: roofs (derated): bandwidth 80000.000 GB/s
// CHECK: matrix i8      750.000 TFLOP/s, knee     9.38 FLOP/B
// CHECK-LABEL: == @f: comparison
// CHECK-COUNT-14: {{fits|does-not-fit}}

func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = arith.addf %x, %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}
