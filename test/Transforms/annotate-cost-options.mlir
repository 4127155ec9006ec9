// RUN: roof-opt %s -split-input-file -roof-annotate-cost=dynamic-dim=4 | FileCheck %s --check-prefix=BOUND
// RUN: roof-opt %s -split-input-file -roof-annotate-cost="param-args=1" | FileCheck %s --check-prefix=PARAM
// RUN: roof-opt %s -split-input-file -roof-annotate-cost 2>/dev/null | FileCheck %s --check-prefix=DEFAULT
// RUN: roof-opt %s -split-input-file -roof-annotate-cost=as-written 2>/dev/null | FileCheck %s --check-prefix=WRITTEN

// BOUND-LABEL: func.func @dynamic_rows
// PARAM-LABEL: func.func @dynamic_rows
// DEFAULT-LABEL: func.func @dynamic_rows
func.func @dynamic_rows(%a: tensor<?x256xf32>, %b: tensor<256x512xf32>,
                        %c: tensor<?x512xf32>) -> tensor<?x512xf32> {
  // With dynamic-dim=4, M = 4:
  // flops   = 2*4*512*256                     = 1048576
  // read    = (4*256 + 256*512 + 4*512)*4     = 536576
  // written = 4*512*4                         = 8192
  // intensity = 1048576 / 544768              = 1.92
  // BOUND: linalg.matmul {roof.cost = #roof.cost<flops = 1048576, transcendentals = 0, read = 536576, written = 8192, weight_read = 0, intensity = 1.92>}
  // Unbound, the cost is unknown, never guessed.
  // DEFAULT: linalg.matmul {roof.cost = #roof.unknown<"loop dimension 0 is dynamic; bind it with dynamic-dim=N">}
  %0 = linalg.matmul ins(%a, %b : tensor<?x256xf32>, tensor<256x512xf32>)
                     outs(%c : tensor<?x512xf32>) -> tensor<?x512xf32>
  return %0 : tensor<?x512xf32>
}

// -----

// Argument 1 is a parameter by option (param-args=1) or by attribute.
// PARAM-LABEL: func.func @weights_by_option
// 256*512 = 131072 parameters, 524288 bytes.
// PARAM-SAME: weight_read = 524288, params = 131072, weight_bytes = 524288
// DEFAULT-LABEL: func.func @weights_by_option
// DEFAULT-SAME: weight_read = 0, params = 0, weight_bytes = 0
func.func @weights_by_option(%a: tensor<128x256xf32>, %b: tensor<256x512xf32>,
                             %c: tensor<128x512xf32>) -> tensor<128x512xf32> {
  // PARAM: linalg.matmul {roof.cost = #roof.cost<flops = 33554432, transcendentals = 0, read = 917504, written = 262144, weight_read = 524288, intensity = 28.44>}
  %0 = linalg.matmul ins(%a, %b : tensor<128x256xf32>, tensor<256x512xf32>)
                     outs(%c : tensor<128x512xf32>) -> tensor<128x512xf32>
  return %0 : tensor<128x512xf32>
}

// -----

// DEFAULT-LABEL: func.func @weights_by_attribute
// DEFAULT-SAME: weight_read = 524288, params = 131072, weight_bytes = 524288
func.func @weights_by_attribute(%a: tensor<128x256xf32>,
                                %b: tensor<256x512xf32> {roof.param},
                                %c: tensor<128x512xf32>) -> tensor<128x512xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<128x256xf32>, tensor<256x512xf32>)
                     outs(%c : tensor<128x512xf32>) -> tensor<128x512xf32>
  return %0 : tensor<128x512xf32>
}

// -----

// A weight stays a weight through slices, reshapes and transposes of it, as
// in a model whose weights are one flat argument. Deployed (the default) the
// slice and the transpose run ahead of time: they carry roof.prepared, their
// 2 * (4096 + 4096) = 16384 bytes are prepared work, and the parameters are
// the 32*32 = 1024 values the matmul reads (4096 bytes). As written they run
// at run time and the parameters are the flat argument's 1056 values.
// DEFAULT-LABEL: func.func @sliced_flat_weights
// DEFAULT-SAME: weight_read = 4096, params = 1024, weight_bytes = 4096, ops = 5, prepared = 2, prepared_flops = 0, prepared_bytes = 16384
// WRITTEN-LABEL: func.func @sliced_flat_weights
// WRITTEN-SAME: weight_read = 12288, params = 1056, weight_bytes = 4224, ops = 8, prepared = 0
func.func @sliced_flat_weights(%flat: tensor<1056xf32> {roof.param},
                               %x: tensor<4x32xf32>) -> tensor<4x32xf32> {
  // The slice copies 32*32*4 = 4096 weight bytes.
  // DEFAULT: tensor.extract_slice {{.*}}weight_read = 4096{{.*}}roof.prepared
  // WRITTEN: tensor.extract_slice {{.*}}weight_read = 4096
  // WRITTEN-NOT: roof.prepared
  %s = tensor.extract_slice %flat[0] [1024] [1] : tensor<1056xf32> to tensor<1024xf32>
  %w = tensor.expand_shape %s [[0, 1]] output_shape [32, 32] : tensor<1024xf32> into tensor<32x32xf32>
  %e = tensor.empty() : tensor<32x32xf32>
  // DEFAULT: linalg.transpose {{.*}}weight_read = 4096{{.*}}roof.prepared
  // WRITTEN: linalg.transpose {{.*}}weight_read = 4096
  %wt = linalg.transpose ins(%w : tensor<32x32xf32>) outs(%e : tensor<32x32xf32>) permutation = [1, 0]
  %zero = arith.constant 0.0 : f32
  %acc0 = tensor.empty() : tensor<4x32xf32>
  // The fill's output is an activation, not a weight.
  %acc = linalg.fill ins(%zero : f32) outs(%acc0 : tensor<4x32xf32>) -> tensor<4x32xf32>
  // read = (4*32 + 32*32 + 4*32)*4 = 5120 of which 32*32*4 = 4096 weights
  // DEFAULT: linalg.matmul {roof.cost = #roof.cost<flops = 8192, transcendentals = 0, read = 5120, written = 512, weight_read = 4096, intensity = 1.45>}
  %0 = linalg.matmul ins(%x, %wt : tensor<4x32xf32>, tensor<32x32xf32>)
                     outs(%acc : tensor<4x32xf32>) -> tensor<4x32xf32>
  return %0 : tensor<4x32xf32>
}

// -----

// Globals are weights, counted once however often they are loaded.
ml_program.global private @w(dense<1.0> : tensor<16x16xf32>) : tensor<16x16xf32>
// DEFAULT-LABEL: func.func @globals
// DEFAULT-SAME: weight_read = 2048, params = 256, weight_bytes = 1024
func.func @globals(%x: tensor<16x16xf32>) -> tensor<16x16xf32> {
  %w0 = ml_program.global_load_const @w : tensor<16x16xf32>
  %w1 = ml_program.global_load_const @w : tensor<16x16xf32>
  %e = tensor.empty() : tensor<16x16xf32>
  // DEFAULT: linalg.add {roof.cost = #roof.cost<flops = 256, transcendentals = 0, read = 2048, written = 1024, weight_read = 1024, intensity = 0.08>}
  %0 = linalg.add ins(%x, %w0 : tensor<16x16xf32>, tensor<16x16xf32>) outs(%e : tensor<16x16xf32>) -> tensor<16x16xf32>
  // DEFAULT: linalg.add {roof.cost = #roof.cost<flops = 256, transcendentals = 0, read = 2048, written = 1024, weight_read = 1024, intensity = 0.08>}
  %1 = linalg.add ins(%0, %w1 : tensor<16x16xf32>, tensor<16x16xf32>) outs(%e : tensor<16x16xf32>) -> tensor<16x16xf32>
  return %1 : tensor<16x16xf32>
}

// -----

// A transpose written as a generic forwards weights too.
#ij = affine_map<(i, j) -> (i, j)>
#ji = affine_map<(i, j) -> (j, i)>
// DEFAULT-LABEL: func.func @generic_transposed_weight
func.func @generic_transposed_weight(%w: tensor<8x4xf32> {roof.param},
                                     %x: tensor<2x8xf32>,
                                     %acc: tensor<2x4xf32>) -> tensor<2x4xf32> {
  %e = tensor.empty() : tensor<4x8xf32>
  %wt = linalg.generic {indexing_maps = [#ji, #ij], iterator_types = ["parallel", "parallel"]}
      ins(%w : tensor<8x4xf32>) outs(%e : tensor<4x8xf32>) {
  ^bb0(%a: f32, %o: f32):
    linalg.yield %a : f32
  } -> tensor<4x8xf32>
  // flops = 2*2*4*8 = 128; read = (2*8 + 4*8 + 2*4)*4 = 224 of which the
  // transposed weight's 4*8*4 = 128; written = 2*4*4 = 32; 128/256 = 0.50
  // DEFAULT: linalg.matmul {{.*}}roof.cost = #roof.cost<flops = 128, transcendentals = 0, read = 224, written = 32, weight_read = 128, intensity = 0.50>
  %0 = linalg.matmul
      indexing_maps = [affine_map<(m, n, k) -> (m, k)>,
                       affine_map<(m, n, k) -> (n, k)>,
                       affine_map<(m, n, k) -> (m, n)>]
      ins(%x, %wt : tensor<2x8xf32>, tensor<4x8xf32>)
      outs(%acc : tensor<2x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}
