// A convolution, batch norm in training form (the batch's mean and
// variance per channel) and ReLU: backward FLOPs, saved activations and
// the optimizer's bytes by hand, from the rules of docs/training.md. Ops of
// one node share its name (conv, bn, relu), as an imported node's do.
// RUN: roof-opt %s --roof-report="wide targets=h100-sxm training=sgd format=json" -o /dev/null | FileCheck %s
// RUN: roof-opt %s --roof-report="wide targets=h100-sxm training=sgd" -o /dev/null | FileCheck %s --check-prefix=KERNELS
//
// f32; x 1x8x8x4 (an input: no gradient), W 3x3x4x8, gamma and beta 8
// (parameters 288 + 8 + 8 = 304, 1216 B); every activation 1x6x6x8 = 288
// elements, 1152 B; per-channel values 8, 32 B.
//
// Forward FLOPs: conv 2 * 288 * 36 = 20736; batch norm: the sum 288,
// centring 2 * 288, squares 288, the variance's sum 288, normalization 6 *
// 288 = 1728; relu 288: 24192.
//
// Backward, last kernel first (dY: the gradient of the kernel's result):
//   relu: max is not linear: 288 + 288 = 576 FLOPs; reads n (1152, not
//     inside bn: relu reads it), writes dn 1152; with dY 1152: 3456 B.
//   normalization n = xc * rsqrt(var / 36 + eps) * gamma + beta:
//     linear in xc (factors var, gamma): 288; in gamma (factors xc, var):
//     288; in beta: 288; not in var: 1728 + 288 = 2016; 2880 FLOPs. It
//     reads xc, var, gamma, beta: xc and var are inside bn, so it keeps
//     bn's input y (1152) in their place, and the weights (64); dY 1152,
//     writes dxc 1152 and dvar, dgamma, dbeta 96: 3616 B.
//   variance sum: 288 + 8 = 296 FLOPs; reads sq (inside bn: y) 1152, dY
//     32, writes 1152: 2336 B.
//   squares xc * xc, not linear: 288 + 288 = 576 FLOPs; reads xc (y);
//     3456 B.
//   centring y - sum / 36, linear in both: 288 + 288 = 576 FLOPs; writes
//     dy 1152 and dsum 32, with dY 1152: 2336 B.
//   mean's sum: 296 FLOPs; reads y; 2336 B.
//   conv: dW only (x has none): 20736 FLOPs; reads dY 1152 and x 1024,
//     writes 1152: 3328 B.
// Backward FLOPs 576 + 2880 + 296 + 576 + 576 + 296 + 20736 = 25936.
// Saved: n, y (1152 each), x (1024) = 3328 B. In flight: the
// normalization's 1152 + 1248 = 2400 B.
// SGD: 2 FLOPs per parameter, 608; no state. Peak 1216 + 1216 + 3328 +
// 2400 = 8160 B.
// CHECK: "forward": 24192,
// CHECK-NEXT: "backward": 25936,
// CHECK-NEXT: "update": 608,
// CHECK: "parameters": 304,
// CHECK-NEXT: "memory": {
// CHECK-NEXT: "weights": 1216,
// CHECK-NEXT: "gradients": 1216,
// CHECK-NEXT: "optimizer_state": 0,
// CHECK-NEXT: "master_copy": 0,
// CHECK-NEXT: "saved_activations": 3328,
// CHECK-NEXT: "transient": 2400,
// CHECK-NEXT: "peak": 8160,
// CHECK: "backward_kernels": 7,
// KERNELS: backward kernels by time (7 of 7):
// KERNELS-DAG: vector f32 2880 3616 {{.*}} linalg.generic bn
// KERNELS-DAG: vector f32 576 3456 {{.*}} linalg.generic relu
// KERNELS-DAG: vector f32 20736 3328 {{.*}} linalg.conv_2d_nhwc_hwcf conv
// KERNELS-DAG: vector f32 576 3456 {{.*}} linalg.generic bn
// KERNELS-DAG: vector f32 296 2336 {{.*}} linalg.reduce bn
// KERNELS-DAG: vector f32 576 2336 {{.*}} linalg.generic bn
// KERNELS-DAG: vector f32 296 2336 {{.*}} linalg.reduce bn

#nhwc = affine_map<(n, h, w, c) -> (n, h, w, c)>
#chan = affine_map<(n, h, w, c) -> (c)>
func.func @block(%x: tensor<1x8x8x4xf32>,
                 %w: tensor<3x3x4x8xf32> {roof.param},
                 %gamma: tensor<8xf32> {roof.param},
                 %beta: tensor<8xf32> {roof.param}) -> tensor<1x6x6x8xf32> {
  %zero = arith.constant 0.0 : f32
  %inv = arith.constant 0.02777778 : f32
  %eps = arith.constant 1.0e-5 : f32
  %e = tensor.empty() : tensor<1x6x6x8xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x6x6x8xf32>) -> tensor<1x6x6x8xf32> loc("conv")
  %y = linalg.conv_2d_nhwc_hwcf ins(%x, %w : tensor<1x8x8x4xf32>, tensor<3x3x4x8xf32>)
         outs(%f : tensor<1x6x6x8xf32>) -> tensor<1x6x6x8xf32> loc("conv")
  %ec = tensor.empty() : tensor<8xf32>
  %z8 = linalg.fill ins(%zero : f32) outs(%ec : tensor<8xf32>) -> tensor<8xf32> loc("bn")
  %sum = linalg.reduce ins(%y : tensor<1x6x6x8xf32>) outs(%z8 : tensor<8xf32>) dimensions = [0, 1, 2]
    (%in: f32, %acc: f32) {
      %r = arith.addf %in, %acc : f32
      linalg.yield %r : f32
    } loc("bn")
  %xc = linalg.generic {indexing_maps = [#nhwc, #chan, #nhwc], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%y, %sum : tensor<1x6x6x8xf32>, tensor<8xf32>) outs(%e : tensor<1x6x6x8xf32>) {
  ^bb0(%a: f32, %s: f32, %o: f32):
    %mean = arith.mulf %s, %inv : f32
    %r = arith.subf %a, %mean : f32
    linalg.yield %r : f32
  } -> tensor<1x6x6x8xf32> loc("bn")
  %sq = linalg.generic {indexing_maps = [#nhwc, #nhwc], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%xc : tensor<1x6x6x8xf32>) outs(%e : tensor<1x6x6x8xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.mulf %a, %a : f32
    linalg.yield %r : f32
  } -> tensor<1x6x6x8xf32> loc("bn")
  %var = linalg.reduce ins(%sq : tensor<1x6x6x8xf32>) outs(%z8 : tensor<8xf32>) dimensions = [0, 1, 2]
    (%in: f32, %acc: f32) {
      %r = arith.addf %in, %acc : f32
      linalg.yield %r : f32
    } loc("bn")
  %n = linalg.generic {indexing_maps = [#nhwc, #chan, #chan, #chan, #nhwc], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%xc, %var, %gamma, %beta : tensor<1x6x6x8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) outs(%e : tensor<1x6x6x8xf32>) {
  ^bb0(%a: f32, %v: f32, %g: f32, %b: f32, %o: f32):
    %vm = arith.mulf %v, %inv : f32
    %ve = arith.addf %vm, %eps : f32
    %rs = math.rsqrt %ve : f32
    %t = arith.mulf %a, %rs : f32
    %sc = arith.mulf %t, %g : f32
    %r = arith.addf %sc, %b : f32
    linalg.yield %r : f32
  } -> tensor<1x6x6x8xf32> loc("bn")
  %out = linalg.generic {indexing_maps = [#nhwc, #nhwc], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%n : tensor<1x6x6x8xf32>) outs(%e : tensor<1x6x6x8xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.maximumf %a, %zero : f32
    linalg.yield %r : f32
  } -> tensor<1x6x6x8xf32> loc("relu")
  return %out : tensor<1x6x6x8xf32>
}
