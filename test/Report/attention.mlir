// A fused attention (roof-fuse-epilogues attention=true) on two targets:
// one with room on chip for its tiles, where its scores never reach
// memory, and one without, where they do as if it were not fused
// (docs/fusion.md, "Attention"; docs/roofline.md).
// RUN: roof-opt %s --roof-fuse-epilogues=attention=true --roof-report="targets=%S/Inputs/round-a.json,%S/Inputs/round-a-16k.json residency=false" -o /dev/null | FileCheck %s
// RUN: roof-opt %s --roof-fuse-epilogues=attention=true --roof-report="targets=%S/Inputs/round-a-16k.json residency=false format=json output=%t.json" -o /dev/null
// RUN: %debian_python %S/Inputs/validate_report.py %roof_src_root/docs/report-schema.json %t.json | FileCheck %s --check-prefix=VALID
// RUN: FileCheck %s --check-prefix=JSON < %t.json
// VALID: {{^}}valid{{$}}

// Q, K^T, V are 64 x 16 f32. Fused, the kernel reads Q, K^T, V (3 x 4096
// B), the scale (4), the zero point (4) and the shift (1), and writes the
// output (4096): 16393 B, 16.393 ns at 1 TB/s (its 286784 FLOPs take 2.9
// ns at 100 TFLOP/s). Unfused, each op moves its operands and result:
//   matmul Q K^T   4096 + 4096 + 2 x 4 in, 16384 out
//   scale          16384 + 4 + 1 in, 16384 out
//   max            16384 in, 256 out
//   subtract       16384 + 256 in, 16384 out
//   exp            16384 in, 16384 out
//   sum            16384 in, 256 out
//   reciprocal     256 in, 256 out
//   normalize      16384 + 256 + 1 in, 16384 out
//   matmul P V     16384 + 4096 + 2 x 4 in, 4096 out
// = 127766 read + 86784 written = 214550 B, 214.550 ns; fusion saves
// 198157 B and 1 - 16.393 / 214.550 = 92.4 % of the time.
// CHECK: == @attention on Round A (gpu
// CHECK: latency 0.016 us (1 kernel)
// CHECK: without fusion: latency 0.215 us, 214550 bytes moved; fusion saves 92.4 % of the time and 198157 bytes
// The tiles need 64-row tiles of Q, K and V, 3 x 64 x 16 x 4 = 12288 B,
// and f32 accumulators of 64 x 64 scores and 64 x 16 outputs, 16384 +
// 4096: 32768 B, more than 16 kB: the kernel moves 214550 B, as unfused.
// CHECK: == @attention on Round A, 16 kB on chip
// CHECK: latency 0.215 us (1 kernel)
// CHECK: 1 fused attention kernel needs 32768 B on chip for its tiles, more than the 16000 B usable: its scores go through memory as if unfused
// CHECK: without fusion: latency 0.215 us, 214550 bytes moved; fusion saves 0.0 % of the time and 0 bytes
// JSON: "bytes": 214550,
// JSON: "spilled_attention_kernels": 1,

func.func @attention(%q: tensor<1x64x16xf32>, %kt: tensor<1x16x64xf32>, %v: tensor<1x64x16xf32>) -> tensor<1x64x16xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %scale = "tosa.const"() <{values = dense<0.25> : tensor<1x1x1xf32>}> : () -> tensor<1x1x1xf32>
  %s = tosa.matmul %q, %kt, %zp, %zp : (tensor<1x64x16xf32>, tensor<1x16x64xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x64x64xf32>
  %m = tosa.mul %s, %scale, %shift : (tensor<1x64x64xf32>, tensor<1x1x1xf32>, tensor<1xi8>) -> tensor<1x64x64xf32>
  %mx = tosa.reduce_max %m {axis = 2 : i32} : (tensor<1x64x64xf32>) -> tensor<1x64x1xf32>
  %d = tosa.sub %m, %mx : (tensor<1x64x64xf32>, tensor<1x64x1xf32>) -> tensor<1x64x64xf32>
  %e = tosa.exp %d : (tensor<1x64x64xf32>) -> tensor<1x64x64xf32>
  %sum = tosa.reduce_sum %e {axis = 2 : i32} : (tensor<1x64x64xf32>) -> tensor<1x64x1xf32>
  %r = tosa.reciprocal %sum : (tensor<1x64x1xf32>) -> tensor<1x64x1xf32>
  %p = tosa.mul %e, %r, %shift : (tensor<1x64x64xf32>, tensor<1x64x1xf32>, tensor<1xi8>) -> tensor<1x64x64xf32>
  %o = tosa.matmul %p, %v, %zp, %zp : (tensor<1x64x64xf32>, tensor<1x64x16xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x64x16xf32>
  return %o : tensor<1x64x16xf32>
}
