// RUN: roof-opt %s -split-input-file -roof-annotate-cost | FileCheck %s

// TOSA pooling, reductions, data movement, FFTs and the ops that are free.

// CHECK-LABEL: func.func @pooling
func.func @pooling(%x: tensor<1x8x8x4xf32>) -> (tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>) {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  // avg: per output (1*4*4*4 = 64) a 2x2 window sum and a divide: 64*(4+1) = 320
  // read = 1024 + 2 zero points * 4 = 1032; written = 256
  // CHECK: tosa.avg_pool2d {{.*}}roof.cost = #roof.cost<flops = 320, transcendentals = 0, read = 1032, written = 256, weight_read = 0, intensity = 0.25>
  %0 = tosa.avg_pool2d %x, %zp, %zp {acc_type = f32, kernel = array<i64: 2, 2>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 2, 2>} : (tensor<1x8x8x4xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x4x4x4xf32>
  // max: 64 outputs x 3x3 window (padded by 1: padding positions count) = 576
  // CHECK: tosa.max_pool2d {{.*}}roof.cost = #roof.cost<flops = 576, transcendentals = 0, read = 1024, written = 256, weight_read = 0, intensity = 0.45>
  %1 = tosa.max_pool2d %x {kernel = array<i64: 3, 3>, pad = array<i64: 1, 0, 1, 0>, stride = array<i64: 2, 2>} : (tensor<1x8x8x4xf32>) -> tensor<1x4x4x4xf32>
  return %0, %1 : tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>
}

// -----

// CHECK-LABEL: func.func @reductions
func.func @reductions(%x: tensor<4x64xf32>, %b: tensor<4x64xi1>) -> (tensor<4x1xf32>, tensor<1x64xf32>, tensor<4x1xi1>, tensor<4xi32>) {
  // one op per input element: 256; read 1024; written 4*4 = 16
  // CHECK: tosa.reduce_sum {{.*}}roof.cost = #roof.cost<flops = 256, transcendentals = 0, read = 1024, written = 16,
  %0 = tosa.reduce_sum %x {axis = 1 : i32} : (tensor<4x64xf32>) -> tensor<4x1xf32>
  // CHECK: tosa.reduce_max {{.*}}roof.cost = #roof.cost<flops = 256, transcendentals = 0, read = 1024, written = 256,
  %1 = tosa.reduce_max %x {axis = 0 : i32} : (tensor<4x64xf32>) -> tensor<1x64xf32>
  // i1: 256 bits = 32 bytes read, 4 bits = 1 byte written
  // CHECK: tosa.reduce_any {{.*}}roof.cost = #roof.cost<flops = 256, transcendentals = 0, read = 32, written = 1,
  %2 = tosa.reduce_any %b {axis = 1 : i32} : (tensor<4x64xi1>) -> tensor<4x1xi1>
  // argmax: compare, select value, select index = 3 per input element = 768
  // CHECK: tosa.argmax {{.*}}roof.cost = #roof.cost<flops = 768, transcendentals = 0, read = 1024, written = 16,
  %3 = tosa.argmax %x {axis = 1 : i32} : (tensor<4x64xf32>) -> tensor<4xi32>
  return %0, %1, %2, %3 : tensor<4x1xf32>, tensor<1x64xf32>, tensor<4x1xi1>, tensor<4xi32>
}

// -----

// CHECK-LABEL: func.func @movement
func.func @movement(%x: tensor<4x8xf32>, %y: tensor<2x8xf32>) -> (tensor<6x8xf32>, tensor<6x10xf32>, tensor<4x8xf32>, tensor<2x4xf32>, tensor<8x16xf32>, tensor<8x4xf32>, tensor<32xf32>, tensor<4x8xf32>) {
  // concat: read (32 + 16)*4 = 192, write 48*4 = 192
  // CHECK: tosa.concat {{.*}}roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 192, written = 192,
  %0 = tosa.concat %x, %y {axis = 0 : i32} : (tensor<4x8xf32>, tensor<2x8xf32>) -> tensor<6x8xf32>
  %padding = tosa.const_shape {values = dense<[1, 1, 1, 1]> : tensor<4xindex>} : () -> !tosa.shape<4>
  %pad_value = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  // pad: read 128 + 4 (pad value), write 6*10*4 = 240; the shape operand is no tensor
  // CHECK: tosa.pad {{.*}}roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 132, written = 240,
  %1 = tosa.pad %x, %padding, %pad_value : (tensor<4x8xf32>, !tosa.shape<4>, tensor<1xf32>) -> tensor<6x10xf32>
  // reverse: 128 each way
  // CHECK: tosa.reverse {{.*}}roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 128, written = 128,
  %2 = tosa.reverse %x {axis = 0 : i32} : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %start = tosa.const_shape {values = dense<[1, 2]> : tensor<2xindex>} : () -> !tosa.shape<2>
  %size = tosa.const_shape {values = dense<[2, 4]> : tensor<2xindex>} : () -> !tosa.shape<2>
  // slice: the 2x4 slice, 32 bytes each way
  // CHECK: tosa.slice {{.*}}roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 32, written = 32,
  %3 = tosa.slice %x, %start, %size : (tensor<4x8xf32>, !tosa.shape<2>, !tosa.shape<2>) -> tensor<2x4xf32>
  %multiples = tosa.const_shape {values = dense<[2, 2]> : tensor<2xindex>} : () -> !tosa.shape<2>
  // tile: read 128, write 8*16*4 = 512
  // CHECK: tosa.tile {{.*}}roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 128, written = 512,
  %4 = tosa.tile %x, %multiples : (tensor<4x8xf32>, !tosa.shape<2>) -> tensor<8x16xf32>
  // transpose: 128 each way
  // CHECK: tosa.transpose {{.*}}roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 128, written = 128,
  %5 = tosa.transpose %x {perms = array<i32: 1, 0>} : (tensor<4x8xf32>) -> tensor<8x4xf32>
  %shape = tosa.const_shape {values = dense<[32]> : tensor<1xindex>} : () -> !tosa.shape<1>
  // reshape and identity are views, const_shape is shape arithmetic: free
  // CHECK: tosa.reshape {{.*}}roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 0, written = 0,
  %6 = tosa.reshape %x, %shape : (tensor<4x8xf32>, !tosa.shape<1>) -> tensor<32xf32>
  // CHECK: tosa.identity {{.*}}roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 0, written = 0,
  %7 = tosa.identity %x : (tensor<4x8xf32>) -> tensor<4x8xf32>
  return %0, %1, %2, %3, %4, %5, %6, %7 : tensor<6x8xf32>, tensor<6x10xf32>, tensor<4x8xf32>, tensor<2x4xf32>, tensor<8x16xf32>, tensor<8x4xf32>, tensor<32xf32>, tensor<4x8xf32>
}

// -----

// CHECK-LABEL: func.func @gather_scatter
func.func @gather_scatter(%values: tensor<1x1000x64xf32>, %indices: tensor<1x12xi32>, %rows: tensor<1x12x64xf32>) -> (tensor<1x12x64xf32>, tensor<1x1000x64xf32>) {
  // gather: the indices (48) and the 12 gathered rows (12*64*4 = 3072), not
  // the whole 1000-row table; writes 3072
  // CHECK: tosa.gather {{.*}}roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 3120, written = 3072,
  %0 = tosa.gather %values, %indices : (tensor<1x1000x64xf32>, tensor<1x12xi32>) -> tensor<1x12x64xf32>
  // scatter: in place: reads indices and the 12 rows, writes the 12 rows
  // CHECK: tosa.scatter {{.*}}roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 3120, written = 3072,
  %1 = tosa.scatter %values, %indices, %rows : (tensor<1x1000x64xf32>, tensor<1x12xi32>, tensor<1x12x64xf32>) -> tensor<1x1000x64xf32>
  return %0, %1 : tensor<1x12x64xf32>, tensor<1x1000x64xf32>
}

// -----

// CHECK-LABEL: func.func @resize
func.func @resize(%x: tensor<1x4x4x2xf32>) -> (tensor<1x8x8x2xf32>, tensor<1x8x8x2xf32>) {
  %scale = tosa.const_shape {values = dense<[2, 1, 2, 1]> : tensor<4xindex>} : () -> !tosa.shape<4>
  %offset = tosa.const_shape {values = dense<[0, 0]> : tensor<2xindex>} : () -> !tosa.shape<2>
  %border = tosa.const_shape {values = dense<[1, 1]> : tensor<2xindex>} : () -> !tosa.shape<2>
  // nearest: a copy; read 32*4 = 128, write 128*4 = 512
  // CHECK: tosa.resize {{.*}}roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 128, written = 512,
  %0 = tosa.resize %x, %scale, %offset, %border {mode = NEAREST_NEIGHBOR} : (tensor<1x4x4x2xf32>, !tosa.shape<4>, !tosa.shape<2>, !tosa.shape<2>) -> tensor<1x8x8x2xf32>
  // bilinear: three lerps of 3 FLOPs per output element: 9 * 128 = 1152
  // CHECK: tosa.resize {{.*}}roof.cost = #roof.cost<flops = 1152, transcendentals = 0, read = 128, written = 512,
  %1 = tosa.resize %x, %scale, %offset, %border {mode = BILINEAR} : (tensor<1x4x4x2xf32>, !tosa.shape<4>, !tosa.shape<2>, !tosa.shape<2>) -> tensor<1x8x8x2xf32>
  return %0, %1 : tensor<1x8x8x2xf32>, tensor<1x8x8x2xf32>
}

// -----

// CHECK-LABEL: func.func @fft
func.func @fft(%re: tensor<2x8x16xf32>, %im: tensor<2x8x16xf32>) -> (tensor<2x8x16xf32>, tensor<2x8x16xf32>, tensor<2x8x9xf32>, tensor<2x8x9xf32>) {
  // complex FFT of M = 8*16 = 128 points, 2 batches: 5 * 2 * 128 * log2(128) = 8960
  // read 2 * 1024, write 2 * 1024
  // CHECK: tosa.fft2d {{.*}}roof.cost = #roof.cost<flops = 8960, transcendentals = 0, read = 2048, written = 2048,
  %0, %1 = tosa.fft2d %re, %im {inverse = false} : (tensor<2x8x16xf32>, tensor<2x8x16xf32>) -> (tensor<2x8x16xf32>, tensor<2x8x16xf32>)
  // real FFT: half of it, 4480; writes two 2x8x9 halves: 2 * 144 * 4 = 1152
  // CHECK: tosa.rfft2d {{.*}}roof.cost = #roof.cost<flops = 4480, transcendentals = 0, read = 1024, written = 1152,
  %2, %3 = tosa.rfft2d %re : (tensor<2x8x16xf32>) -> (tensor<2x8x9xf32>, tensor<2x8x9xf32>)
  return %0, %1, %2, %3 : tensor<2x8x16xf32>, tensor<2x8x16xf32>, tensor<2x8x9xf32>, tensor<2x8x9xf32>
}

// -----

// A transpose that only moves dims of size 1 keeps the order of the others:
// nothing moves in a row-major layout, as for the reshape a static import
// emits instead. One that swaps two larger dims does move: 4 x 8 f32 = 128 B
// each way.
// CHECK-LABEL: func.func @unit_transposes
func.func @unit_transposes(%x: tensor<1x1x4x8xf32>) -> (tensor<1x4x1x8xf32>, tensor<1x8x1x4xf32>) {
  // CHECK: tosa.transpose {{.*}}roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 0, written = 0,
  %0 = tosa.transpose %x {perms = array<i32: 0, 2, 1, 3>} : (tensor<1x1x4x8xf32>) -> tensor<1x4x1x8xf32>
  // CHECK: tosa.transpose {{.*}}roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 128, written = 128,
  %1 = tosa.transpose %x {perms = array<i32: 0, 3, 1, 2>} : (tensor<1x1x4x8xf32>) -> tensor<1x8x1x4xf32>
  return %0, %1 : tensor<1x4x1x8xf32>, tensor<1x8x1x4xf32>
}
