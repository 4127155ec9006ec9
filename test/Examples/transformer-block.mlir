// The bundled transformer block, with its totals derived by hand.
// RUN: roof-opt %roof_src_root/examples/transformer-block.mlir -roof-annotate-cost | FileCheck %s

// S = 16 tokens, D = 64, F = 256, f32 (4 bytes).
//                 flops     trans  read    written  weight_read
// fill S x D      0         0      0       4096     0
// q, k, v (x3)    131072    0      24576   4096     16384      each: 2*16*64*64; x 4096 + w 16384 + acc 4096
// fill S x S      0         0      0       1024     0
// scores          32768     0      9216    1024     0          2*16*16*64; q 4096 + k 4096 + acc 1024
// softmax         1280      256    1024    1024     0          5 * 256
// ctx             32768     0      9216    4096     0          2*16*64*16; p 1024 + v 4096 + acc 4096
// out proj        131072    0      24576   4096     16384
// residual add    1024      0      8192    4096     0
// fill S x F      0         0      0       16384    0
// ffn up          524288    0      86016   16384    65536      2*16*256*64; h 4096 + w1 65536 + acc 16384
// gelu            20480     4096   16384   16384    0          5 flops (1 erf) per element x 4096
// ffn down        524288    0      86016   4096     65536      2*16*64*256; g 16384 + w2 65536 + acc 4096
// residual add    1024      0      8192    4096     0
// totals          1662208   4352   322560  89088    196608
// params: 4 * 64*64 + 2 * 64*256 = 49152 in 196608 bytes
// ops: 1 constant, 3 empties, 3 fills, 8 matmuls, softmax, 2 adds, gelu = 19
// CHECK: roof.totals = #roof.totals<flops = 1662208, transcendentals = 4352, read = 322560, written = 89088, weight_read = 196608, params = 49152, weight_bytes = 196608, ops = 19, prepared = 0, prepared_flops = 0, prepared_bytes = 0, unknown = 0, unknown_ops = {}>
// gelu: intensity 20480 / 32768 = 0.625, printed 0.62
// CHECK: linalg.generic {{.*}}roof.cost = #roof.cost<flops = 20480, transcendentals = 4096, read = 16384, written = 16384, weight_read = 0, intensity = 0.62>
