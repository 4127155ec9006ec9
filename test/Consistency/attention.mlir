// RUN: roof-opt %s -roof-annotate-cost | FileCheck %s --check-prefix=TOSA
// RUN: roof-opt %s --pass-pipeline="builtin.module(func.func(tosa-to-linalg-named, tosa-to-linalg, tosa-to-arith, tosa-to-tensor), roof-annotate-cost)" | FileCheck %s --check-prefix=LINALG

// One attention head with softmax written as TOSA ops, at both levels:
// S = Q K^T (16 tokens, d = 32), softmax over the keys (reduce_max, sub,
// exp, reduce_sum, reciprocal, mul), O = P V.
//
// At the tosa level:
//   matmul QK^T : 2*16*16*32 = 16384 flops; read (512 + 512)*4 + 8 = 4104; written 1024
//   reduce_max  : 256; read 1024; written 64
//   sub         : 256; read 1024 + 64 = 1088; written 1024
//   exp         : 256 (256 transcendental); 1024 each way
//   reduce_sum  : 256; read 1024; written 64
//   reciprocal  : 16; 64 each way
//   mul         : 256; read 1024 + 64 + 1 (shift) = 1089; written 1024
//   matmul PV   : 2*16*32*16 = 16384; read (256 + 512)*4 + 8 = 3080; written 2048
//   totals      : flops 34064, read 12497, written 6336
// After the lowering to linalg: the same FLOPs exactly (34064): no bias here. Bytes differ by the
//   lowering's accumulator fills (written 1024 + 64 + 64 + 2048 = 3200) and
//   their reads (3200), less the zero points (4 x 4 bytes) and the shift (1)
//   it drops: read 12497 + 3200 - 17 = 15680, written 6336 + 3200 = 9536.

// TOSA: roof.totals = #roof.totals<flops = 34064, transcendentals = 256, read = 12497, written = 6336,
// LINALG: roof.totals = #roof.totals<flops = 34064, transcendentals = 256, read = 15680, written = 9536,
// LINALG-COUNT-2: linalg.batch_matmul {{.*}}roof.cost = #roof.cost<flops = 16384,

func.func @attention(%q: tensor<1x16x32xf32>, %kt: tensor<1x32x16xf32>, %v: tensor<1x16x32xf32>) -> tensor<1x16x32xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %s = tosa.matmul %q, %kt, %zp, %zp : (tensor<1x16x32xf32>, tensor<1x32x16xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x16x16xf32>
  %m = tosa.reduce_max %s {axis = 2 : i32} : (tensor<1x16x16xf32>) -> tensor<1x16x1xf32>
  %d = tosa.sub %s, %m : (tensor<1x16x16xf32>, tensor<1x16x1xf32>) -> tensor<1x16x16xf32>
  %e = tosa.exp %d : (tensor<1x16x16xf32>) -> tensor<1x16x16xf32>
  %sum = tosa.reduce_sum %e {axis = 2 : i32} : (tensor<1x16x16xf32>) -> tensor<1x16x1xf32>
  %r = tosa.reciprocal %sum : (tensor<1x16x1xf32>) -> tensor<1x16x1xf32>
  %p = tosa.mul %e, %r, %shift : (tensor<1x16x16xf32>, tensor<1x16x1xf32>, tensor<1xi8>) -> tensor<1x16x16xf32>
  %o = tosa.matmul %p, %v, %zp, %zp : (tensor<1x16x16xf32>, tensor<1x16x32xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x16x32xf32>
  return %o : tensor<1x16x32xf32>
}
