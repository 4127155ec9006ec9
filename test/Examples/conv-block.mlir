// The bundled example the README runs, with its totals derived by hand.
// RUN: roof-opt %roof_src_root/examples/conv-block.mlir -roof-annotate-cost | FileCheck %s

// pad     : read 16*16*32*4 = 32768, written 18*18*32*4 = 41472
// fill    : written 16*16*32*4 = 32768
// conv    : flops 2*(16*16*32)*(3*3*32) = 4718592;
//           read 41472 (padded input) + 36864 (filter 3*3*32*32*4) + 32768 (acc) = 111104;
//           written 32768; weight_read 36864
// bias + ReLU6: addf, maximumf, minimumf = 3 x 8192 = 24576 flops;
//           read 32768 + 128 (bias) = 32896; written 32768; weight_read 128
// totals  : flops 4718592 + 24576 = 4743168
//           read 32768 + 111104 + 32896 = 176768
//           written 41472 + 32768 + 32768 + 32768 = 139776
//           weight_read 36864 + 128 = 36992
//           params 3*3*32*32 + 32 = 9248 in 36992 bytes
//           ops: 2 constants, pad, empty, fill, conv, generic = 7
// CHECK: roof.totals = #roof.totals<flops = 4743168, transcendentals = 0, read = 176768, written = 139776, weight_read = 36992, params = 9248, weight_bytes = 36992, ops = 7, prepared = 0, prepared_flops = 0, prepared_bytes = 0, unknown = 0, unknown_ops = {}>
// CHECK: linalg.conv_2d_nhwc_hwcf {{.*}}roof.cost = #roof.cost<flops = 4718592, transcendentals = 0, read = 111104, written = 32768, weight_read = 36864, intensity = 32.80>
