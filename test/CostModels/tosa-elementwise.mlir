// RUN: roof-opt %s -split-input-file -roof-annotate-cost | FileCheck %s

// TOSA elementwise ops: FLOPs = output elements x the op's count; each input
// is read at its own size (broadcast inputs too), the output written once.

// CHECK-LABEL: func.func @binary_broadcast
func.func @binary_broadcast(%x: tensor<4x256xf32>, %bias: tensor<1x256xf32>, %s: tensor<4x256xi32>, %t: tensor<4x256xi32>) -> (tensor<4x256xf32>, tensor<4x256xf32>, tensor<4x256xi32>, tensor<4x256xi1>) {
  // add: 1024 FLOPs; read 4096 + 1024 (the bias row, not 4096); written 4096
  // intensity = 1024 / 9216 = 0.11
  // CHECK: tosa.add {{.*}}roof.cost = #roof.cost<flops = 1024, transcendentals = 0, read = 5120, written = 4096, weight_read = 0, intensity = 0.11>
  %0 = tosa.add %x, %bias : (tensor<4x256xf32>, tensor<1x256xf32>) -> tensor<4x256xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  // mul reads its one-byte shift operand as well: 4096 + 1024 + 1
  // CHECK: tosa.mul {{.*}}roof.cost = #roof.cost<flops = 1024, transcendentals = 0, read = 5121, written = 4096, weight_read = 0, intensity = 0.11>
  %1 = tosa.mul %x, %bias, %shift : (tensor<4x256xf32>, tensor<1x256xf32>, tensor<1xi8>) -> tensor<4x256xf32>
  // integer and bitwise ops count one each
  // CHECK: tosa.bitwise_and {{.*}}roof.cost = #roof.cost<flops = 1024, transcendentals = 0, read = 8192, written = 4096,
  %2 = tosa.bitwise_and %s, %t : (tensor<4x256xi32>, tensor<4x256xi32>) -> tensor<4x256xi32>
  // comparisons write i1: 1024 bits = 128 bytes
  // CHECK: tosa.greater_equal {{.*}}roof.cost = #roof.cost<flops = 1024, transcendentals = 0, read = 8192, written = 128,
  %3 = tosa.greater_equal %s, %t : (tensor<4x256xi32>, tensor<4x256xi32>) -> tensor<4x256xi1>
  return %0, %1, %2, %3 : tensor<4x256xf32>, tensor<4x256xf32>, tensor<4x256xi32>, tensor<4x256xi1>
}

// -----

// CHECK-LABEL: func.func @unary
func.func @unary(%x: tensor<1x256xf32>) -> (tensor<1x256xf32>, tensor<1x256xf32>, tensor<1x256xf32>, tensor<1x256xf32>, tensor<1x256xf32>, tensor<1x256xf16>) {
  // 256 elements, read = written = 1024 bytes each (f32).
  // exp: 1 FLOP, transcendental
  // CHECK: tosa.exp {{.*}}roof.cost = #roof.cost<flops = 256, transcendentals = 256, read = 1024, written = 1024, weight_read = 0, intensity = 0.12>
  %0 = tosa.exp %x : (tensor<1x256xf32>) -> tensor<1x256xf32>
  // sigmoid = 1/(1+exp(-x)): 4 FLOPs, 1 transcendental
  // CHECK: tosa.sigmoid {{.*}}roof.cost = #roof.cost<flops = 1024, transcendentals = 256, read = 1024, written = 1024, weight_read = 0, intensity = 0.50>
  %1 = tosa.sigmoid %x : (tensor<1x256xf32>) -> tensor<1x256xf32>
  // clamp: max and min, 2 FLOPs
  // CHECK: tosa.clamp {{.*}}roof.cost = #roof.cost<flops = 512, transcendentals = 0, read = 1024, written = 1024, weight_read = 0, intensity = 0.25>
  %2 = tosa.clamp %x {min_val = 0.0 : f32, max_val = 6.0 : f32} : (tensor<1x256xf32>) -> tensor<1x256xf32>
  // reciprocal: 1 FLOP; rsqrt: 1 transcendental
  // CHECK: tosa.reciprocal {{.*}}roof.cost = #roof.cost<flops = 256, transcendentals = 0, read = 1024, written = 1024,
  %3 = tosa.reciprocal %x : (tensor<1x256xf32>) -> tensor<1x256xf32>
  // CHECK: tosa.rsqrt {{.*}}roof.cost = #roof.cost<flops = 256, transcendentals = 256, read = 1024, written = 1024,
  %4 = tosa.rsqrt %x : (tensor<1x256xf32>) -> tensor<1x256xf32>
  // cast: free, reads 1024, writes 256*2 = 512
  // CHECK: tosa.cast {{.*}}roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 1024, written = 512, weight_read = 0, intensity = 0.00>
  %5 = tosa.cast %x : (tensor<1x256xf32>) -> tensor<1x256xf16>
  return %0, %1, %2, %3, %4, %5 : tensor<1x256xf32>, tensor<1x256xf32>, tensor<1x256xf32>, tensor<1x256xf32>, tensor<1x256xf32>, tensor<1x256xf16>
}

// -----

// CHECK-LABEL: func.func @quantized
func.func @quantized(%acc: tensor<1x64xi32>, %x: tensor<1x64xi8>, %table: tensor<256xi8>) -> (tensor<1x64xi8>, tensor<1x64xi8>) {
  %mult = "tosa.const"() <{values = dense<1073741824> : tensor<1xi32>}> : () -> tensor<1xi32>
  %shift = "tosa.const"() <{values = dense<30> : tensor<1xi8>}> : () -> tensor<1xi8>
  %izp = "tosa.const"() <{values = dense<0> : tensor<1xi32>}> : () -> tensor<1xi32>
  %ozp = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  // rescale i32 -> i8: sub zp, apply_scale (3), add zp, clamp (2) = 7 per element
  // flops = 7*64 = 448; read = 64*4 + 4 + 1 + 4 + 1 = 266; written = 64
  // intensity = 448 / 330 = 1.36
  // CHECK: tosa.rescale {{.*}}roof.cost = #roof.cost<flops = 448, transcendentals = 0, read = 266, written = 64, weight_read = 0, intensity = 1.36>
  %0 = tosa.rescale %acc, %mult, %shift, %izp, %ozp {scale32 = true, rounding_mode = SINGLE_ROUND, per_channel = false, input_unsigned = false, output_unsigned = false} : (tensor<1x64xi32>, tensor<1xi32>, tensor<1xi8>, tensor<1xi32>, tensor<1xi8>) -> tensor<1x64xi8>
  // table: a lookup, no FLOPs; reads the input and the 256-entry table
  // CHECK: tosa.table {{.*}}roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 320, written = 64, weight_read = 0, intensity = 0.00>
  %1 = tosa.table %x, %table : (tensor<1x64xi8>, tensor<256xi8>) -> tensor<1x64xi8>
  return %0, %1 : tensor<1x64xi8>, tensor<1x64xi8>
}

// -----

// CHECK-LABEL: func.func @select_pow
func.func @select_pow(%p: tensor<8xi1>, %a: tensor<8xf32>, %b: tensor<8xf32>) -> (tensor<8xf32>, tensor<8xf32>) {
  // select: 1 FLOP; reads 1 (8 x i1) + 32 + 32
  // CHECK: tosa.select {{.*}}roof.cost = #roof.cost<flops = 8, transcendentals = 0, read = 65, written = 32,
  %0 = tosa.select %p, %a, %b : (tensor<8xi1>, tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  // pow: transcendental
  // CHECK: tosa.pow {{.*}}roof.cost = #roof.cost<flops = 8, transcendentals = 8, read = 64, written = 32,
  %1 = tosa.pow %a, %b : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  return %0, %1 : tensor<8xf32>, tensor<8xf32>
}
