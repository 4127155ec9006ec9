// RUN: roof-opt %s -split-input-file -roof-annotate-cost | FileCheck %s

// Elementwise ops, reductions, softmax and data movement.

// CHECK-LABEL: func.func @add
func.func @add(%a: tensor<1024x1024xf32>, %b: tensor<1024x1024xf32>,
               %c: tensor<1024x1024xf32>) -> tensor<1024x1024xf32> {
  // The init is only written: the payload does not read it.
  // flops   = 1024*1024              = 1048576
  // read    = 2 * 1024*1024*4        = 8388608
  // written = 1024*1024*4            = 4194304
  // intensity = 1048576 / 12582912   = 0.08
  // CHECK: linalg.add {roof.cost = #roof.cost<flops = 1048576, transcendentals = 0, read = 8388608, written = 4194304, weight_read = 0, intensity = 0.08>}
  %0 = linalg.add ins(%a, %b : tensor<1024x1024xf32>, tensor<1024x1024xf32>)
                  outs(%c : tensor<1024x1024xf32>) -> tensor<1024x1024xf32>
  return %0 : tensor<1024x1024xf32>
}

// -----

// CHECK-LABEL: func.func @exp
func.func @exp(%a: tensor<1024xf16>, %c: tensor<1024xf16>) -> tensor<1024xf16> {
  // flops = transcendentals = 1024; read = written = 1024*2 = 2048
  // intensity = 1024 / 4096 = 0.25
  // CHECK: linalg.exp {roof.cost = #roof.cost<flops = 1024, transcendentals = 1024, read = 2048, written = 2048, weight_read = 0, intensity = 0.25>}
  %0 = linalg.exp ins(%a : tensor<1024xf16>) outs(%c : tensor<1024xf16>) -> tensor<1024xf16>
  return %0 : tensor<1024xf16>
}

// -----

#mn = affine_map<(m, n) -> (m, n)>
#n = affine_map<(m, n) -> (n)>
// CHECK-LABEL: func.func @bias_add
func.func @bias_add(%x: tensor<256x512xf32>, %bias: tensor<512xf32>,
                    %init: tensor<256x512xf32>) -> tensor<256x512xf32> {
  // The bias is broadcast over rows: 512 values read, not 256*512.
  // flops   = 256*512                    = 131072
  // read    = 256*512*4 + 512*4          = 526336
  // written = 256*512*4                  = 524288
  // intensity = 131072 / 1050624         = 0.12
  // CHECK: linalg.generic {{.*}}roof.cost = #roof.cost<flops = 131072, transcendentals = 0, read = 526336, written = 524288, weight_read = 0, intensity = 0.12>
  %0 = linalg.generic {indexing_maps = [#mn, #n, #mn],
                       iterator_types = ["parallel", "parallel"]}
      ins(%x, %bias : tensor<256x512xf32>, tensor<512xf32>)
      outs(%init : tensor<256x512xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %s = arith.addf %a, %b : f32
    linalg.yield %s : f32
  } -> tensor<256x512xf32>
  return %0 : tensor<256x512xf32>
}

// -----

#id = affine_map<(i) -> (i)>
// CHECK-LABEL: func.func @relu_cmp_select
func.func @relu_cmp_select(%x: tensor<1024xf32>, %init: tensor<1024xf32>) -> tensor<1024xf32> {
  // cmpf + select = 2 FLOPs per element; the constant is free.
  // flops = 2*1024 = 2048; read = written = 4096; intensity = 2048/8192 = 0.25
  // CHECK: linalg.generic {{.*}}roof.cost = #roof.cost<flops = 2048, transcendentals = 0, read = 4096, written = 4096, weight_read = 0, intensity = 0.25>
  %0 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%x : tensor<1024xf32>) outs(%init : tensor<1024xf32>) {
  ^bb0(%a: f32, %o: f32):
    %zero = arith.constant 0.0 : f32
    %p = arith.cmpf ogt, %a, %zero : f32
    %r = arith.select %p, %a, %zero : f32
    linalg.yield %r : f32
  } -> tensor<1024xf32>
  return %0 : tensor<1024xf32>
}

// -----

#id = affine_map<(i) -> (i)>
// CHECK-LABEL: func.func @tanh_fma
func.func @tanh_fma(%x: tensor<100xf32>, %init: tensor<100xf32>) -> tensor<100xf32> {
  // tanh (1 FLOP, transcendental) + fma (2 FLOPs) = 3 FLOPs per element.
  // flops = 300, transcendentals = 100; read = written = 400
  // intensity = 300 / 800 = 0.375, printed with two decimals as 0.38
  // CHECK: linalg.generic {{.*}}roof.cost = #roof.cost<flops = 300, transcendentals = 100, read = 400, written = 400, weight_read = 0, intensity = 0.38>
  %0 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%x : tensor<100xf32>) outs(%init : tensor<100xf32>) {
  ^bb0(%a: f32, %o: f32):
    %t = math.tanh %a : f32
    %f = math.fma %t, %a, %a : f32
    linalg.yield %f : f32
  } -> tensor<100xf32>
  return %0 : tensor<100xf32>
}

// -----

#mn = affine_map<(m, n) -> (m, n)>
#m = affine_map<(m, n) -> (m)>
// CHECK-LABEL: func.func @row_sum
func.func @row_sum(%x: tensor<256x512xf32>, %init: tensor<256xf32>) -> (tensor<256xf32>, tensor<256xf32>) {
  // flops   = 256*512 adds           = 131072
  // read    = 256*512*4 + 256*4      = 525312 (the accumulator is read)
  // written = 256*4                  = 1024
  // intensity = 131072 / 526336      = 0.25
  // CHECK: linalg.generic {{.*}}roof.cost = #roof.cost<flops = 131072, transcendentals = 0, read = 525312, written = 1024, weight_read = 0, intensity = 0.25>
  %0 = linalg.generic {indexing_maps = [#mn, #m],
                       iterator_types = ["parallel", "reduction"]}
      ins(%x : tensor<256x512xf32>) outs(%init : tensor<256xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %s = arith.addf %a, %acc : f32
    linalg.yield %s : f32
  } -> tensor<256xf32>
  // linalg.reduce counts the same.
  // CHECK: linalg.reduce {{.*}}roof.cost = #roof.cost<flops = 131072, transcendentals = 0, read = 525312, written = 1024, weight_read = 0, intensity = 0.25>
  %1 = linalg.reduce ins(%x : tensor<256x512xf32>) outs(%init : tensor<256xf32>) dimensions = [1]
    (%a: f32, %acc: f32) {
      %s = arith.addf %a, %acc : f32
      linalg.yield %s : f32
    }
  return %0, %1 : tensor<256xf32>, tensor<256xf32>
}

// -----

// CHECK-LABEL: func.func @softmax
func.func @softmax(%x: tensor<32x1024xf16>, %init: tensor<32x1024xf16>) -> tensor<32x1024xf16> {
  // N = 32*1024 = 32768: max, sub, exp, sum, div = 5N FLOPs, N of them exp.
  // flops = 163840, transcendentals = 32768
  // read = written = 32768*2 = 65536
  // intensity = 163840 / 131072 = 1.25
  // CHECK: linalg.softmax {{.*}}roof.cost = #roof.cost<flops = 163840, transcendentals = 32768, read = 65536, written = 65536, weight_read = 0, intensity = 1.25>
  %0 = linalg.softmax dimension(1) ins(%x : tensor<32x1024xf16>)
                                   outs(%init : tensor<32x1024xf16>) -> tensor<32x1024xf16>
  return %0 : tensor<32x1024xf16>
}

// -----

// CHECK-LABEL: func.func @data_movement
func.func @data_movement(%x: tensor<256x128xf32>, %v: tensor<512xf32>) -> (tensor<256x256xf32>, tensor<256x128xf32>, tensor<128x256xf32>, tensor<256x512xf32>) {
  %cst = arith.constant 0.0 : f32
  %e0 = tensor.empty() : tensor<256x256xf32>
  // fill writes 256*256*4 = 262144 bytes; the scalar lives in a register.
  // CHECK: linalg.fill {{.*}}roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 0, written = 262144, weight_read = 0, intensity = 0.00>
  %fill = linalg.fill ins(%cst : f32) outs(%e0 : tensor<256x256xf32>) -> tensor<256x256xf32>
  %e1 = tensor.empty() : tensor<256x128xf32>
  // copy reads and writes 256*128*4 = 131072 bytes.
  // CHECK: linalg.copy {{.*}}roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 131072, written = 131072, weight_read = 0, intensity = 0.00>
  %copy = linalg.copy ins(%x : tensor<256x128xf32>) outs(%e1 : tensor<256x128xf32>) -> tensor<256x128xf32>
  %e2 = tensor.empty() : tensor<128x256xf32>
  // transpose: the same 131072 bytes each way.
  // CHECK: linalg.transpose {{.*}}roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 131072, written = 131072, weight_read = 0, intensity = 0.00>
  %t = linalg.transpose ins(%x : tensor<256x128xf32>) outs(%e2 : tensor<128x256xf32>) permutation = [1, 0]
  %e3 = tensor.empty() : tensor<256x512xf32>
  // broadcast reads 512*4 = 2048 bytes and writes 256*512*4 = 524288.
  // CHECK: linalg.broadcast {{.*}}roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 2048, written = 524288, weight_read = 0, intensity = 0.00>
  %b = linalg.broadcast ins(%v : tensor<512xf32>) outs(%e3 : tensor<256x512xf32>) dimensions = [0]
  return %fill, %copy, %t, %b : tensor<256x256xf32>, tensor<256x128xf32>, tensor<128x256xf32>, tensor<256x512xf32>
}

// -----

#id = affine_map<(i) -> (i)>
// CHECK-LABEL: func.func @index_arithmetic_is_free
func.func @index_arithmetic_is_free(%x: tensor<64xf32>, %init: tensor<64xf32>) -> tensor<64xf32> {
  // Only the divf counts: the index ops and the conversions are free.
  // flops = 64; read = written = 256; intensity = 64/512 = 0.125, printed 0.12
  // CHECK: linalg.generic {{.*}}roof.cost = #roof.cost<flops = 64, transcendentals = 0, read = 256, written = 256, weight_read = 0, intensity = 0.12>
  %0 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%x : tensor<64xf32>) outs(%init : tensor<64xf32>) {
  ^bb0(%a: f32, %o: f32):
    %c2 = arith.constant 2 : index
    %i = linalg.index 0 : index
    %j = arith.muli %i, %c2 : index
    %k = arith.addi %j, %c2 : index
    %n = arith.index_cast %k : index to i32
    %f = arith.sitofp %n : i32 to f32
    %r = arith.divf %a, %f : f32
    linalg.yield %r : f32
  } -> tensor<64xf32>
  return %0 : tensor<64xf32>
}
