// Weight-only quantization (docs/roofline.md): weight-dtype= deploys the
// weights at their own dtype, with a 16-bit scale per weight-group= weights
// counted as weight bytes, while dtype-policy= sets the activations'.
// RUN: roof-opt %s --roof-report="targets=%S/Inputs/round-npu.json param-args=1 dtype-policy=f16 weight-dtype=i4 weight-group=32 format=json" -o /dev/null | FileCheck %s
// RUN: roof-opt %s --roof-report="targets=%S/Inputs/round-npu.json param-args=1 dtype-policy=f16 format=json" -o /dev/null | FileCheck %s --check-prefix=F16
// RUN: not roof-opt %s --roof-report="targets=%S/Inputs/round-npu.json weight-dtype=i3" -o /dev/null 2>&1 | FileCheck %s --check-prefix=BAD
// RUN: not roof-opt %s --roof-report="targets=%S/Inputs/round-npu.json weight-group=32" -o /dev/null 2>&1 | FileCheck %s --check-prefix=GROUP

// x · w with w a 64x64 parameter: 2 x 64 x 64 = 8192 FLOPs at the f16
// matrix rate. Reads: x (64 f16 = 128 B), the zero init (128 B) and w at
// 4 bits (4096 x 4 / 8 = 2048 B) plus 4096 / 32 = 128 scales of 2 B
// (256 B): 2560 B; writes 128 B. 2688 B at 1 GB/s = 2.688 us.
// CHECK: "op": "linalg.matmul",
// CHECK: "dtype": "f16",
// CHECK: "bytes_read": 2560,
// CHECK-NEXT: "bytes_written": 128,
// CHECK: "t_memory_s": {{2.688(0*[0-9]?)?e-06|2.6879999[0-9]*e-06}},
// CHECK: "weight_bytes": 2304,

// The same in f16 throughout: w is 8192 B, 8448 read.
// F16: "bytes_read": 8448,
// F16: "weight_bytes": 8192,

// BAD: error: roof-report: weight-dtype must be f16, bf16, f8, i8 or i4; got 'i3'
// GROUP: error: roof-report: weight-group sizes the scales of weight-dtype's groups; give weight-dtype too

func.func @mv(%x: tensor<1x64xf32>, %w: tensor<64x64xf32>) -> tensor<1x64xf32> {
  %z = arith.constant dense<0.0> : tensor<1x64xf32>
  %0 = linalg.matmul ins(%x, %w : tensor<1x64xf32>, tensor<64x64xf32>)
                     outs(%z : tensor<1x64xf32>) -> tensor<1x64xf32>
  return %0 : tensor<1x64xf32>
}
