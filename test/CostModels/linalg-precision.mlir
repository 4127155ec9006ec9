// RUN: roof-opt %s -split-input-file -roof-annotate-cost | FileCheck %s

// Element sizes: bytes = elements x bits / 8, rounded up per operand.

// CHECK-LABEL: func.func @int8_matmul
func.func @int8_matmul(%a: tensor<64x128xi8>, %b: tensor<128x32xi8>,
                       %c: tensor<64x32xi32>) -> tensor<64x32xi32> {
  // Payload: extsi, extsi (free), muli, addi = 2 ops per MAC.
  // flops   = 2*64*32*128                     = 524288
  // read    = 64*128*1 + 128*32*1 + 64*32*4   = 8192 + 4096 + 8192 = 20480
  // written = 64*32*4                         = 8192
  // intensity = 524288 / 28672                = 18.29
  // CHECK: linalg.matmul {roof.cost = #roof.cost<flops = 524288, transcendentals = 0, read = 20480, written = 8192, weight_read = 0, intensity = 18.29>}
  %0 = linalg.matmul ins(%a, %b : tensor<64x128xi8>, tensor<128x32xi8>)
                     outs(%c : tensor<64x32xi32>) -> tensor<64x32xi32>
  return %0 : tensor<64x32xi32>
}

// -----

// CHECK-LABEL: func.func @bf16_matmul
func.func @bf16_matmul(%a: tensor<64x128xbf16>, %b: tensor<128x32xbf16>,
                       %c: tensor<64x32xf32>) -> tensor<64x32xf32> {
  // read    = 64*128*2 + 128*32*2 + 64*32*4   = 16384 + 8192 + 8192 = 32768
  // written = 8192; intensity = 524288 / 40960 = 12.80
  // CHECK: linalg.matmul {roof.cost = #roof.cost<flops = 524288, transcendentals = 0, read = 32768, written = 8192, weight_read = 0, intensity = 12.80>}
  %0 = linalg.matmul ins(%a, %b : tensor<64x128xbf16>, tensor<128x32xbf16>)
                     outs(%c : tensor<64x32xf32>) -> tensor<64x32xf32>
  return %0 : tensor<64x32xf32>
}

// -----

// CHECK-LABEL: func.func @f8_matmul
func.func @f8_matmul(%a: tensor<64x128xf8E4M3FN>, %b: tensor<128x32xf8E5M2>,
                     %c: tensor<64x32xf32>) -> tensor<64x32xf32> {
  // f8 variants are one byte: the counts of @int8_matmul.
  // CHECK: linalg.matmul {roof.cost = #roof.cost<flops = 524288, transcendentals = 0, read = 20480, written = 8192, weight_read = 0, intensity = 18.29>}
  %0 = linalg.matmul ins(%a, %b : tensor<64x128xf8E4M3FN>, tensor<128x32xf8E5M2>)
                     outs(%c : tensor<64x32xf32>) -> tensor<64x32xf32>
  return %0 : tensor<64x32xf32>
}

// -----

// i4 weights in a parameter argument: half a byte each.
// CHECK-LABEL: func.func @int4_weights
// Totals: the argument holds 128*32 = 4096 parameters in 2048 bytes.
// CHECK-SAME: roof.totals = #roof.totals<flops = 524288, transcendentals = 0, read = 18432, written = 8192, weight_read = 2048, params = 4096, weight_bytes = 2048, ops = 1, prepared = 0, prepared_flops = 0, prepared_bytes = 0, unknown = 0, unknown_ops = {}>
func.func @int4_weights(%a: tensor<64x128xi8>, %w: tensor<128x32xi4> {roof.param},
                        %c: tensor<64x32xi32>) -> tensor<64x32xi32> {
  // read    = 64*128*1 + 128*32/2 + 64*32*4 = 8192 + 2048 + 8192 = 18432
  // weight_read = 2048; written = 8192; intensity = 524288 / 26624 = 19.69
  // CHECK: linalg.matmul {roof.cost = #roof.cost<flops = 524288, transcendentals = 0, read = 18432, written = 8192, weight_read = 2048, intensity = 19.69>}
  %0 = linalg.matmul ins(%a, %w : tensor<64x128xi8>, tensor<128x32xi4>)
                     outs(%c : tensor<64x32xi32>) -> tensor<64x32xi32>
  return %0 : tensor<64x32xi32>
}

// -----

// CHECK-LABEL: func.func @odd_int4_count
func.func @odd_int4_count(%a: tensor<3xi4>, %c: tensor<3xi4>) -> tensor<3xi4> {
  // 3 x 4 bits = 12 bits, rounded up to 2 bytes each way.
  // CHECK: linalg.copy {{.*}}roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 2, written = 2, weight_read = 0, intensity = 0.00>
  %0 = linalg.copy ins(%a : tensor<3xi4>) outs(%c : tensor<3xi4>) -> tensor<3xi4>
  return %0 : tensor<3xi4>
}

// -----

// CHECK-LABEL: func.func @i1_f64_complex
func.func @i1_f64_complex(%p: tensor<16xi1>, %d: tensor<16xf64>, %z: tensor<16xcomplex<f32>>)
    -> (tensor<16xi1>, tensor<16xf64>, tensor<16xcomplex<f32>>) {
  %e0 = tensor.empty() : tensor<16xi1>
  %e1 = tensor.empty() : tensor<16xf64>
  %e2 = tensor.empty() : tensor<16xcomplex<f32>>
  // i1: 16 bits = 2 bytes; f64: 16*8 = 128; complex<f32>: 16*8 = 128.
  // CHECK: linalg.copy {{.*}}read = 2, written = 2,
  %0 = linalg.copy ins(%p : tensor<16xi1>) outs(%e0 : tensor<16xi1>) -> tensor<16xi1>
  // CHECK: linalg.copy {{.*}}read = 128, written = 128,
  %1 = linalg.copy ins(%d : tensor<16xf64>) outs(%e1 : tensor<16xf64>) -> tensor<16xf64>
  // CHECK: linalg.copy {{.*}}read = 128, written = 128,
  %2 = linalg.copy ins(%z : tensor<16xcomplex<f32>>) outs(%e2 : tensor<16xcomplex<f32>>) -> tensor<16xcomplex<f32>>
  return %0, %1, %2 : tensor<16xi1>, tensor<16xf64>, tensor<16xcomplex<f32>>
}
