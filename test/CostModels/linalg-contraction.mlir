// RUN: roof-opt %s -split-input-file -roof-annotate-cost | FileCheck %s

// Contractions: FLOPs = 2 x iterations (a MAC is a mul and an add); every
// operand is read once, the accumulator C too (the payload adds into it).

// CHECK-LABEL: func.func @matmul
func.func @matmul(%a: tensor<128x256xf32>, %b: tensor<256x512xf32>,
                  %c: tensor<128x512xf32>) -> tensor<128x512xf32> {
  // flops   = 2*128*512*256                  = 33554432
  // read    = (128*256 + 256*512 + 128*512)*4 = 917504 (A, B, and C accumulated into)
  // written = 128*512*4                      = 262144
  // intensity = 33554432 / 1179648           = 28.44
  // CHECK: linalg.matmul {roof.cost = #roof.cost<flops = 33554432, transcendentals = 0, read = 917504, written = 262144, weight_read = 0, intensity = 28.44>}
  %0 = linalg.matmul ins(%a, %b : tensor<128x256xf32>, tensor<256x512xf32>)
                     outs(%c : tensor<128x512xf32>) -> tensor<128x512xf32>
  return %0 : tensor<128x512xf32>
}

// -----

// CHECK-LABEL: func.func @matmul_transpose_a
func.func @matmul_transpose_a(%a: tensor<256x128xf32>, %b: tensor<256x512xf32>,
                              %c: tensor<128x512xf32>) -> tensor<128x512xf32> {
  // A is stored K x M; the counts are those of @matmul.
  // CHECK: linalg.matmul {{.*}}roof.cost = #roof.cost<flops = 33554432, transcendentals = 0, read = 917504, written = 262144, weight_read = 0, intensity = 28.44>
  %0 = linalg.matmul
      indexing_maps = [affine_map<(m, n, k) -> (k, m)>,
                       affine_map<(m, n, k) -> (k, n)>,
                       affine_map<(m, n, k) -> (m, n)>]
      ins(%a, %b : tensor<256x128xf32>, tensor<256x512xf32>)
      outs(%c : tensor<128x512xf32>) -> tensor<128x512xf32>
  return %0 : tensor<128x512xf32>
}

// -----

// CHECK-LABEL: func.func @matmul_broadcast_a
func.func @matmul_broadcast_a(%a: tensor<256xf32>, %b: tensor<256x512xf32>,
                              %c: tensor<128x512xf32>) -> tensor<128x512xf32> {
  // A is one row broadcast over M: it is read as 256 values, not 128*256.
  // flops   = 2*128*512*256                 = 33554432
  // read    = (256 + 256*512 + 128*512)*4   = 787456
  // written = 128*512*4                     = 262144
  // intensity = 33554432 / 1049600          = 31.97
  // CHECK: linalg.matmul {{.*}}roof.cost = #roof.cost<flops = 33554432, transcendentals = 0, read = 787456, written = 262144, weight_read = 0, intensity = 31.97>
  %0 = linalg.matmul
      indexing_maps = [affine_map<(m, n, k) -> (k)>,
                       affine_map<(m, n, k) -> (k, n)>,
                       affine_map<(m, n, k) -> (m, n)>]
      ins(%a, %b : tensor<256xf32>, tensor<256x512xf32>)
      outs(%c : tensor<128x512xf32>) -> tensor<128x512xf32>
  return %0 : tensor<128x512xf32>
}

// -----

// CHECK-LABEL: func.func @batch_matmul
func.func @batch_matmul(%a: tensor<8x64x32xf32>, %b: tensor<8x32x16xf32>,
                        %c: tensor<8x64x16xf32>) -> tensor<8x64x16xf32> {
  // flops   = 2*8*64*16*32                        = 524288
  // read    = (8*64*32 + 8*32*16 + 8*64*16)*4     = 114688
  // written = 8*64*16*4                           = 32768
  // intensity = 524288 / 147456                   = 3.56
  // CHECK: linalg.batch_matmul {roof.cost = #roof.cost<flops = 524288, transcendentals = 0, read = 114688, written = 32768, weight_read = 0, intensity = 3.56>}
  %0 = linalg.batch_matmul ins(%a, %b : tensor<8x64x32xf32>, tensor<8x32x16xf32>)
                           outs(%c : tensor<8x64x16xf32>) -> tensor<8x64x16xf32>
  return %0 : tensor<8x64x16xf32>
}

// -----

// CHECK-LABEL: func.func @matvec
func.func @matvec(%a: tensor<1024x512xf32>, %x: tensor<512xf32>,
                  %y: tensor<1024xf32>) -> tensor<1024xf32> {
  // flops   = 2*1024*512                 = 1048576
  // read    = (1024*512 + 512 + 1024)*4  = 2103296
  // written = 1024*4                     = 4096
  // intensity = 1048576 / 2107392        = 0.50
  // CHECK: linalg.matvec {roof.cost = #roof.cost<flops = 1048576, transcendentals = 0, read = 2103296, written = 4096, weight_read = 0, intensity = 0.50>}
  %0 = linalg.matvec ins(%a, %x : tensor<1024x512xf32>, tensor<512xf32>)
                     outs(%y : tensor<1024xf32>) -> tensor<1024xf32>
  return %0 : tensor<1024xf32>
}

// -----

// CHECK-LABEL: func.func @vecmat
func.func @vecmat(%x: tensor<512xf32>, %a: tensor<512x1024xf32>,
                  %y: tensor<1024xf32>) -> tensor<1024xf32> {
  // The same counts as @matvec with the matrix transposed.
  // CHECK: linalg.vecmat {roof.cost = #roof.cost<flops = 1048576, transcendentals = 0, read = 2103296, written = 4096, weight_read = 0, intensity = 0.50>}
  %0 = linalg.vecmat ins(%x, %a : tensor<512xf32>, tensor<512x1024xf32>)
                     outs(%y : tensor<1024xf32>) -> tensor<1024xf32>
  return %0 : tensor<1024xf32>
}

// -----

// CHECK-LABEL: func.func @dot
func.func @dot(%x: tensor<4096xf32>, %y: tensor<4096xf32>,
               %r: tensor<f32>) -> tensor<f32> {
  // flops   = 2*4096               = 8192
  // read    = (4096 + 4096 + 1)*4  = 32772
  // written = 4
  // intensity = 8192 / 32776       = 0.25
  // CHECK: linalg.dot {roof.cost = #roof.cost<flops = 8192, transcendentals = 0, read = 32772, written = 4, weight_read = 0, intensity = 0.25>}
  %0 = linalg.dot ins(%x, %y : tensor<4096xf32>, tensor<4096xf32>)
                  outs(%r : tensor<f32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// A matmul written as a generic is costed by the same rule.
#mk = affine_map<(m, n, k) -> (m, k)>
#kn = affine_map<(m, n, k) -> (k, n)>
#mn = affine_map<(m, n, k) -> (m, n)>
// CHECK-LABEL: func.func @generic_matmul
func.func @generic_matmul(%a: tensor<128x256xf32>, %b: tensor<256x512xf32>,
                          %c: tensor<128x512xf32>) -> tensor<128x512xf32> {
  // CHECK: linalg.generic {{.*}}roof.cost = #roof.cost<flops = 33554432, transcendentals = 0, read = 917504, written = 262144, weight_read = 0, intensity = 28.44>
  %0 = linalg.generic {indexing_maps = [#mk, #kn, #mn],
                       iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%a, %b : tensor<128x256xf32>, tensor<256x512xf32>)
      outs(%c : tensor<128x512xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %m = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %m : f32
    linalg.yield %s : f32
  } -> tensor<128x512xf32>
  return %0 : tensor<128x512xf32>
}
