// RUN: roof-opt %s -split-input-file -roof-annotate-cost | FileCheck %s

// Memref-level linalg is counted like tensor-level linalg.

// CHECK-LABEL: func.func @matmul_on_buffers
func.func @matmul_on_buffers(%a: memref<16x32xf32>, %b: memref<32x8xf32>, %c: memref<16x8xf32>) {
  // flops = 2*16*8*32 = 8192; read = (16*32 + 32*8 + 16*8)*4 = 3584
  // written = 16*8*4 = 512; intensity = 8192 / 4096 = 2.00
  // CHECK: linalg.matmul {roof.cost = #roof.cost<flops = 8192, transcendentals = 0, read = 3584, written = 512, weight_read = 0, intensity = 2.00>}
  linalg.matmul ins(%a, %b : memref<16x32xf32>, memref<32x8xf32>) outs(%c : memref<16x8xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @buffers
func.func @buffers(%src: memref<16x32xf32>, %i: index) -> f32 {
  // CHECK: memref.alloc() {roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 0, written = 0, weight_read = 0, intensity = 0.00>}
  %dst = memref.alloc() : memref<16x32xf32>
  // 16*32*4 = 2048 bytes each way.
  // CHECK: memref.copy {{.*}}roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 2048, written = 2048, weight_read = 0, intensity = 0.00>
  memref.copy %src, %dst : memref<16x32xf32> to memref<16x32xf32>
  // CHECK: memref.subview {{.*}}roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 0, written = 0, weight_read = 0, intensity = 0.00>
  %view = memref.subview %dst[0, 0] [4, 32] [1, 1] : memref<16x32xf32> to memref<4x32xf32, strided<[32, 1]>>
  // CHECK: memref.load {{.*}}roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 4, written = 0, weight_read = 0, intensity = 0.00>
  %v = memref.load %view[%i, %i] : memref<4x32xf32, strided<[32, 1]>>
  // CHECK: memref.store {{.*}}roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 0, written = 4, weight_read = 0, intensity = 0.00>
  memref.store %v, %dst[%i, %i] : memref<16x32xf32>
  memref.dealloc %dst : memref<16x32xf32>
  return %v : f32
}
