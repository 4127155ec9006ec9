// A MobileNet-style conv block in linalg, as a PyTorch or TFLite importer
// emits it: pad, 3x3 conv (32 -> 32 channels) on a 16x16 map, per-channel
// bias and ReLU6. Weights are arguments marked `roof.param`.
//
//   roof-opt --roof-annotate-cost examples/conv-block.mlir

#nhwc = affine_map<(n, h, w, c) -> (n, h, w, c)>
#bias = affine_map<(n, h, w, c) -> (c)>

func.func @conv_block(%x: tensor<1x16x16x32xf32>,
                      %filter: tensor<3x3x32x32xf32> {roof.param},
                      %bias: tensor<32xf32> {roof.param}) -> tensor<1x16x16x32xf32> {
  %zero = arith.constant 0.0 : f32
  %six = arith.constant 6.0 : f32
  %padded = tensor.pad %x low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x16x16x32xf32> to tensor<1x18x18x32xf32>
  %empty = tensor.empty() : tensor<1x16x16x32xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%empty : tensor<1x16x16x32xf32>) -> tensor<1x16x16x32xf32>
  %conv = linalg.conv_2d_nhwc_hwcf
      {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%padded, %filter : tensor<1x18x18x32xf32>, tensor<3x3x32x32xf32>)
      outs(%acc : tensor<1x16x16x32xf32>) -> tensor<1x16x16x32xf32>
  %out = linalg.generic {indexing_maps = [#nhwc, #bias, #nhwc],
                         iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%conv, %bias : tensor<1x16x16x32xf32>, tensor<32xf32>)
      outs(%empty : tensor<1x16x16x32xf32>) {
  ^bb0(%v: f32, %b: f32, %o: f32):
    %sum = arith.addf %v, %b : f32
    %lo = arith.maximumf %sum, %zero : f32
    %relu6 = arith.minimumf %lo, %six : f32
    linalg.yield %relu6 : f32
  } -> tensor<1x16x16x32xf32>
  return %out : tensor<1x16x16x32xf32>
}
