// On-chip residency (docs/roofline.md): a tensor one kernel writes and later
// kernels read is served from on-chip memory while it fits beside the
// tensors already kept there over its lifetime, shortest-lived first.
// RUN: roof-opt %s -roof-report="wide targets=%S/Inputs/round-l2.json" -o /dev/null | FileCheck %s
// RUN: roof-opt %s -roof-report="wide targets=%S/Inputs/round-l2.json residency=0" -o /dev/null | FileCheck %s --check-prefix=OFF
// RUN: roof-opt %s -roof-report="wide targets=groq-lpu format=json" -o /dev/null | FileCheck %s --check-prefix=SRAM

// Round L2: 1 TB/s off chip; 16 MB on chip, 0.75 usable = 12 MB, at 1.5 TB/s.
// @chain: four kernels k0..k3 on 4194304-B (1M f32) tensors:
//   k0 a = exp(x); k1 b = exp(a); k2 c = a + b; k3 d = exp(expand_shape(c)).
// Intermediates and lifetimes (kernel positions): a [0, 2], b [1, 2],
// c [2, 3] (read through the expand_shape view); d is returned, x is an
// argument: both off chip. Shortest first: b, then c (held at 2: 8388608 B),
// then a would make 12582912 > 12000000 at position 2: a goes off chip.
// k0: reads x, writes a: 8388608 B off chip, 8.389 us.
// k1: reads a off chip, writes b on chip: max(4194304 / 1e12, 8388608 /
//     1.5e12) = max(4.194, 5.592) = 5.592 us (on-chip bandwidth binds: every
//     byte passes through on-chip memory).
// k2: reads a off chip, b on chip, writes c on chip: max(4.194, 12582912 /
//     1.5e12 = 8.389) = 8.389 us.
// k3: reads c on chip, writes d off chip: max(4.194, 5.592) = 5.592 us.
// CHECK-LABEL: == @chain on Round L2
// CHECK: 8.389 30.0% memory vector f32 1048576 8388608 0 0.12 0.105 8.389 0.125 linalg.exp k0
// CHECK-NEXT: 8.389 30.0% memory vector f32 1048576 12582912 8388608 0.08 0.105 8.389 0.125 linalg.add k2
// CHECK-NEXT: 5.592 20.0% memory vector f32 1048576 8388608 4194304 0.12 0.105 5.592 0.188 linalg.exp k1
// CHECK-NEXT: 5.592 20.0% memory vector f32 1048576 8388608 4194304 0.12 0.105 5.592 0.188 linalg.exp k3
// Latency 8.389 + 5.592 + 8.389 + 5.592 = 27.962 us; with every byte off
// chip 8.389 + 8.389 + 12.583 + 8.389 = 37.749 us. Bytes: 37748736 moved,
// 16777216 on chip (b written and read, c written and read), 20971520 off.
// CHECK: latency 27.962 us (4 kernels)
// CHECK-NEXT: traffic: 20.972 MB off chip, 16.777 MB served on chip (at most 8.389 MB held of 12.000 MB usable); with every byte off chip: latency 37.749 us

// @loop: the exp's result feeds a loop; a value read inside a loop (or by
// any op that is neither a kernel nor a view, or returned) goes off chip.
// CHECK-LABEL: == @loop on Round L2
// CHECK: latency 25.166 us (2 kernels)
// CHECK-NOT: traffic:
// CHECK: regime:

// residency=0: the compulsory model, every byte off chip.
// OFF-LABEL: == @chain on Round L2
// OFF: latency 37.749 us (4 kernels)
// OFF-NOT: traffic:
// OFF: regime:

// A chip without off-chip memory serves every byte on chip.
// SRAM: "op": "linalg.add",
// SRAM: "bytes_read": 8388608,
// SRAM-NEXT: "bytes_written": 4194304,
// SRAM-NEXT: "on_chip_bytes": 12582912,
// SRAM-NEXT: "off_chip_bytes": 0,

func.func @chain(%x: tensor<1048576xf32>) -> tensor<1024x1024xf32> {
  %e = tensor.empty() : tensor<1048576xf32>
  %a = linalg.exp ins(%x : tensor<1048576xf32>) outs(%e : tensor<1048576xf32>) -> tensor<1048576xf32> loc("k0")
  %b = linalg.exp ins(%a : tensor<1048576xf32>) outs(%e : tensor<1048576xf32>) -> tensor<1048576xf32> loc("k1")
  %c = linalg.add ins(%a, %b : tensor<1048576xf32>, tensor<1048576xf32>) outs(%e : tensor<1048576xf32>) -> tensor<1048576xf32> loc("k2")
  %r = tensor.expand_shape %c [[0, 1]] output_shape [1024, 1024] : tensor<1048576xf32> into tensor<1024x1024xf32>
  %e2 = tensor.empty() : tensor<1024x1024xf32>
  %d = linalg.exp ins(%r : tensor<1024x1024xf32>) outs(%e2 : tensor<1024x1024xf32>) -> tensor<1024x1024xf32> loc("k3")
  return %d : tensor<1024x1024xf32>
}

// The exp: 8388608 B off chip, 8.389 us; the loop's exp, one kernel of two
// trips, 2 x 8388608 B off chip = 16.777 us; 25.166 us in all.
func.func @loop(%x: tensor<1048576xf32>) -> tensor<1048576xf32> {
  %e = tensor.empty() : tensor<1048576xf32>
  %a = linalg.exp ins(%x : tensor<1048576xf32>) outs(%e : tensor<1048576xf32>) -> tensor<1048576xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %r = scf.for %i = %c0 to %c2 step %c1 iter_args(%acc = %a) -> (tensor<1048576xf32>) {
    %n = linalg.exp ins(%acc : tensor<1048576xf32>) outs(%e : tensor<1048576xf32>) -> tensor<1048576xf32>
    scf.yield %n : tensor<1048576xf32>
  }
  return %r : tensor<1048576xf32>
}

// @fused: a fused kernel (two exps) whose result a third exp reads. Fused,
// the kernel reads x off chip and writes its result on chip (5.592 us), the
// exp reads it on chip and writes off chip (5.592 us): 11.185 us, 16777216 B.
// Unfused, the members run in the kernel's place: the first exp's result is
// read by the second, whose result leaves the kernel through its yield and
// is read by the last exp: both on chip (8388608 B held at most), and each
// of the three exps takes 8388608 / 1.5e12 = 5.592 us: 16.777 us, 25165824 B.
// CHECK-LABEL: == @fused on Round L2
// CHECK: latency 11.185 us (2 kernels)
// CHECK: without fusion: latency 16.777 us, 25165824 bytes moved; fusion saves 33.3 % of the time and 8388608 bytes
func.func @fused(%x: tensor<1048576xf32>) -> tensor<1048576xf32> {
  %e = tensor.empty() : tensor<1048576xf32>
  %k = roof.kernel -> tensor<1048576xf32> {
    %a = linalg.exp ins(%x : tensor<1048576xf32>) outs(%e : tensor<1048576xf32>) -> tensor<1048576xf32>
    %b = linalg.exp ins(%a : tensor<1048576xf32>) outs(%e : tensor<1048576xf32>) -> tensor<1048576xf32>
    roof.yield %b : tensor<1048576xf32>
  }
  %d = linalg.exp ins(%k : tensor<1048576xf32>) outs(%e : tensor<1048576xf32>) -> tensor<1048576xf32>
  return %d : tensor<1048576xf32>
}
