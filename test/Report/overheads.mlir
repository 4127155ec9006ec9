// The fixed part of the latency (docs/roofline.md, "Overheads"): one
// elementwise kernel of 4 f32 (48 B moved). On h100-sxm its node pays the
// 0.5 us launch beside 48 B / 3015 GB/s = 0.016 ns of memory time, so
// nearly all of the 0.500016 us latency is fixed. The Edge TPU has no
// launch overhead but 300 us per call (a USB invocation).
// RUN: roof-opt %s -o /dev/null --roof-report="targets=h100-sxm,edge-tpu" | FileCheck %s
// RUN: roof-opt %s -o /dev/null --roof-report="targets=h100-sxm format=json" | FileCheck %s --check-prefix=JSON

// CHECK: == @add on NVIDIA H100 SXM5 80GB
// CHECK: overheads: 0.500 us of the latency (100.0 %) is fixed: 1 launch (0.500 us); batching shares it over more inferences, fusion and graph launch (CUDA Graphs) cut the launches
// CHECK: == @add on Google Coral Edge TPU
// CHECK: overheads: 300.000 us of the latency ({{[0-9.]+}} %) is fixed: 300.000 us per call; batching shares it over more inferences
// JSON: "latency_s": 5.0001{{[0-9]*}}e-07,
// JSON: "overhead_s": {{5.0*[0-9]?e-07|4.9*[0-9]?e-07}},

func.func @add(%x: tensor<4xf32>, %y: tensor<4xf32>) -> tensor<4xf32> {
  %e = tensor.empty() : tensor<4xf32>
  %r = linalg.add ins(%x, %y : tensor<4xf32>, tensor<4xf32>) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  return %r : tensor<4xf32>
}
