// RUN: roof-opt %s -split-input-file -roof-annotate-cost | FileCheck %s

// Convolutions: FLOPs = 2 x output elements x window x input channels; the
// input is read as the distinct elements the windows cover.

// CHECK-LABEL: func.func @conv_nhwc
func.func @conv_nhwc(%in: tensor<1x8x8x3xf32>, %w: tensor<3x3x3x16xf32>,
                     %out: tensor<1x6x6x16xf32>) -> tensor<1x6x6x16xf32> {
  // flops   = 2 * (1*6*6*16) * (3*3*3)      = 31104
  // read    = in 8*8*3*4 = 768 (rows oh+kh cover 0..7)
  //         + filter 3*3*3*16*4 = 1728 + out 6*6*16*4 = 2304   = 4800
  // written = 2304
  // intensity = 31104 / 7104                = 4.38
  // CHECK: linalg.conv_2d_nhwc_hwcf {{.*}}roof.cost = #roof.cost<flops = 31104, transcendentals = 0, read = 4800, written = 2304, weight_read = 0, intensity = 4.38>
  %0 = linalg.conv_2d_nhwc_hwcf
      {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%in, %w : tensor<1x8x8x3xf32>, tensor<3x3x3x16xf32>)
      outs(%out : tensor<1x6x6x16xf32>) -> tensor<1x6x6x16xf32>
  return %0 : tensor<1x6x6x16xf32>
}

// -----

// CHECK-LABEL: func.func @conv_nchw
func.func @conv_nchw(%in: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>,
                     %out: tensor<1x16x6x6xf32>) -> tensor<1x16x6x6xf32> {
  // The layout does not change the counts of @conv_nhwc.
  // CHECK: linalg.conv_2d_nchw_fchw {{.*}}roof.cost = #roof.cost<flops = 31104, transcendentals = 0, read = 4800, written = 2304, weight_read = 0, intensity = 4.38>
  %0 = linalg.conv_2d_nchw_fchw
      {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%in, %w : tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>)
      outs(%out : tensor<1x16x6x6xf32>) -> tensor<1x16x6x6xf32>
  return %0 : tensor<1x16x6x6xf32>
}

// -----

// CHECK-LABEL: func.func @conv_stride2_1x1
func.func @conv_stride2_1x1(%in: tensor<1x9x9x3xf32>, %w: tensor<1x1x3x8xf32>,
                            %out: tensor<1x5x5x8xf32>) -> tensor<1x5x5x8xf32> {
  // A 1x1 window at stride 2 touches rows 0,2,..,8: 5 of 9, so 5*5*3 inputs.
  // flops   = 2 * (5*5*8) * 3                    = 1200
  // read    = in 5*5*3*4 = 300 + filter 3*8*4 = 96 + out 5*5*8*4 = 800 = 1196
  // written = 800
  // intensity = 1200 / 1996                      = 0.60
  // CHECK: linalg.conv_2d_nhwc_hwcf {{.*}}roof.cost = #roof.cost<flops = 1200, transcendentals = 0, read = 1196, written = 800, weight_read = 0, intensity = 0.60>
  %0 = linalg.conv_2d_nhwc_hwcf
      {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
      ins(%in, %w : tensor<1x9x9x3xf32>, tensor<1x1x3x8xf32>)
      outs(%out : tensor<1x5x5x8xf32>) -> tensor<1x5x5x8xf32>
  return %0 : tensor<1x5x5x8xf32>
}

// -----

// CHECK-LABEL: func.func @conv_stride3_window2
func.func @conv_stride3_window2(%in: tensor<1x11x11x1xf32>, %w: tensor<2x2x1x1xf32>,
                                %out: tensor<1x4x4x1xf32>) -> tensor<1x4x4x1xf32> {
  // Rows 3*oh + kh for oh < 4, kh < 2: {0,1,3,4,6,7,9,10}, 8 of 11.
  // flops   = 2 * (4*4) * (2*2)                  = 128
  // read    = in 8*8*4 = 256 + filter 4*4 = 16 + out 16*4 = 64 = 336
  // written = 64
  // intensity = 128 / 400                        = 0.32
  // CHECK: linalg.conv_2d_nhwc_hwcf {{.*}}roof.cost = #roof.cost<flops = 128, transcendentals = 0, read = 336, written = 64, weight_read = 0, intensity = 0.32>
  %0 = linalg.conv_2d_nhwc_hwcf
      {dilations = dense<1> : tensor<2xi64>, strides = dense<3> : tensor<2xi64>}
      ins(%in, %w : tensor<1x11x11x1xf32>, tensor<2x2x1x1xf32>)
      outs(%out : tensor<1x4x4x1xf32>) -> tensor<1x4x4x1xf32>
  return %0 : tensor<1x4x4x1xf32>
}

// -----

// CHECK-LABEL: func.func @conv_dilation2
func.func @conv_dilation2(%in: tensor<1x7x7x1xf32>, %w: tensor<3x3x1x1xf32>,
                          %out: tensor<1x3x3x1xf32>) -> tensor<1x3x3x1xf32> {
  // Rows oh + 2*kh for oh < 3, kh < 3 cover 0..6: the whole 7x7 input.
  // flops   = 2 * (3*3) * (3*3)                  = 162
  // read    = in 49*4 = 196 + filter 9*4 = 36 + out 9*4 = 36 = 268
  // written = 36
  // intensity = 162 / 304                        = 0.53
  // CHECK: linalg.conv_2d_nhwc_hwcf {{.*}}roof.cost = #roof.cost<flops = 162, transcendentals = 0, read = 268, written = 36, weight_read = 0, intensity = 0.53>
  %0 = linalg.conv_2d_nhwc_hwcf
      {dilations = dense<2> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%in, %w : tensor<1x7x7x1xf32>, tensor<3x3x1x1xf32>)
      outs(%out : tensor<1x3x3x1xf32>) -> tensor<1x3x3x1xf32>
  return %0 : tensor<1x3x3x1xf32>
}

// -----

// CHECK-LABEL: func.func @depthwise
func.func @depthwise(%in: tensor<1x8x8x16xf32>, %w: tensor<3x3x16xf32>,
                     %out: tensor<1x6x6x16xf32>) -> tensor<1x6x6x16xf32> {
  // One channel per filter: no reduction over input channels.
  // flops   = 2 * (6*6*16) * (3*3)                 = 10368
  // read    = in 8*8*16*4 = 4096 + filter 3*3*16*4 = 576 + out 2304 = 6976
  // written = 6*6*16*4                             = 2304
  // intensity = 10368 / 9280                       = 1.12
  // CHECK: linalg.depthwise_conv_2d_nhwc_hwc {{.*}}roof.cost = #roof.cost<flops = 10368, transcendentals = 0, read = 6976, written = 2304, weight_read = 0, intensity = 1.12>
  %0 = linalg.depthwise_conv_2d_nhwc_hwc
      {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%in, %w : tensor<1x8x8x16xf32>, tensor<3x3x16xf32>)
      outs(%out : tensor<1x6x6x16xf32>) -> tensor<1x6x6x16xf32>
  return %0 : tensor<1x6x6x16xf32>
}

// -----

// CHECK-LABEL: func.func @max_pool
func.func @max_pool(%in: tensor<1x8x8x4xf32>, %out: tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32> {
  %window = tensor.empty() : tensor<2x2xf32>
  // The window operand only gives the shape; the payload never reads it.
  // flops   = (1*4*4*4) * (2*2) maxima         = 256
  // read    = in 8*8*4*4 = 1024 + out 4*4*4*4 = 256 = 1280
  // written = 256
  // intensity = 256 / 1536                     = 0.17
  // CHECK: linalg.pooling_nhwc_max {{.*}}roof.cost = #roof.cost<flops = 256, transcendentals = 0, read = 1280, written = 256, weight_read = 0, intensity = 0.17>
  %0 = linalg.pooling_nhwc_max
      {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
      ins(%in, %window : tensor<1x8x8x4xf32>, tensor<2x2xf32>)
      outs(%out : tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

// -----

// CHECK-LABEL: func.func @sum_pool_nchw
func.func @sum_pool_nchw(%in: tensor<1x4x6x6xf32>, %out: tensor<1x4x2x2xf32>) -> tensor<1x4x2x2xf32> {
  %window = tensor.empty() : tensor<3x3xf32>
  // 3x3 windows at stride 3 tile the 6x6 input exactly.
  // flops   = (1*4*2*2) * (3*3) adds           = 144
  // read    = in 4*6*6*4 = 576 + out 16*4 = 64 = 640
  // written = 64
  // intensity = 144 / 704                      = 0.20
  // CHECK: linalg.pooling_nchw_sum {{.*}}roof.cost = #roof.cost<flops = 144, transcendentals = 0, read = 640, written = 64, weight_read = 0, intensity = 0.20>
  %0 = linalg.pooling_nchw_sum
      {dilations = dense<1> : tensor<2xi64>, strides = dense<3> : tensor<2xi64>}
      ins(%in, %window : tensor<1x4x6x6xf32>, tensor<3x3xf32>)
      outs(%out : tensor<1x4x2x2xf32>) -> tensor<1x4x2x2xf32>
  return %0 : tensor<1x4x2x2xf32>
}
