// RUN: roof-opt %s -split-input-file -roof-annotate-cost | FileCheck %s

// arith and math ops outside linalg payloads, on tensors and scalars.

// CHECK-LABEL: func.func @tensor_elementwise
func.func @tensor_elementwise(%a: tensor<64xf32>, %b: tensor<64xf32>) -> (tensor<64xf32>, tensor<64xf32>) {
  // flops = 64; read = 2*64*4 = 512; written = 256; intensity = 64/768 = 0.08
  // CHECK: arith.addf {{.*}}roof.cost = #roof.cost<flops = 64, transcendentals = 0, read = 512, written = 256, weight_read = 0, intensity = 0.08>
  %0 = arith.addf %a, %b : tensor<64xf32>
  // flops = transcendentals = 64; read = written = 256; intensity = 64/512 = 0.12 (0.125)
  // CHECK: math.exp {{.*}}roof.cost = #roof.cost<flops = 64, transcendentals = 64, read = 256, written = 256, weight_read = 0, intensity = 0.12>
  %1 = math.exp %a : tensor<64xf32>
  return %0, %1 : tensor<64xf32>, tensor<64xf32>
}

// -----

// CHECK-LABEL: func.func @scalars
func.func @scalars(%x: f32, %y: f32) -> (f32, f32) {
  // Scalars live in registers: FLOPs but no bytes, so infinite intensity.
  // CHECK: arith.mulf {{.*}}roof.cost = #roof.cost<flops = 1, transcendentals = 0, read = 0, written = 0, weight_read = 0, intensity = inf>
  %0 = arith.mulf %x, %y : f32
  // A conversion is free.
  // CHECK: arith.truncf {{.*}}roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 0, written = 0, weight_read = 0, intensity = 0.00>
  %1 = arith.truncf %0 : f32 to f16
  %2 = arith.extf %1 : f16 to f32
  return %0, %2 : f32, f32
}

// -----

// CHECK-LABEL: func.func @vectors
func.func @vectors(%v: vector<4xf32>) -> vector<4xf32> {
  // Vectors are registers too: 4 FLOPs, no bytes.
  // CHECK: arith.addf {{.*}}roof.cost = #roof.cost<flops = 4, transcendentals = 0, read = 0, written = 0, weight_read = 0, intensity = inf>
  %0 = arith.addf %v, %v : vector<4xf32>
  return %0 : vector<4xf32>
}

// -----

// A constant tensor is a weight where an op reads it; a splat constant is a
// fill, not parameters.
// CHECK-LABEL: func.func @constant_operand
// Only the non-splat constant counts: 4 parameters, 16 bytes.
// CHECK-SAME: weight_read = 16, params = 4, weight_bytes = 16
func.func @constant_operand(%a: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  // CHECK: arith.constant {roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 0, written = 0, weight_read = 0, intensity = 0.00>}
  %w = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %s = arith.constant dense<2.0> : tensor<4xf32>
  // read = 2*4*4 = 32 of which the constant's 16 are weights
  // CHECK: arith.mulf {{.*}}roof.cost = #roof.cost<flops = 4, transcendentals = 0, read = 32, written = 16, weight_read = 16, intensity = 0.08>
  %0 = arith.mulf %a, %w : tensor<4xf32>
  // CHECK: arith.mulf {{.*}}roof.cost = #roof.cost<flops = 4, transcendentals = 0, read = 32, written = 16, weight_read = 0, intensity = 0.08>
  %1 = arith.mulf %a, %s : tensor<4xf32>
  return %0, %1 : tensor<4xf32>, tensor<4xf32>
}
