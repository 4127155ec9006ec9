// A two-layer MLP split Megatron-style over two devices: W1 by columns, W2
// by rows, the output replicated. Upstream's sharding-propagation and
// shard-partition make each device's IR, with one all-reduce; roof-report
// prices it on a system (docs/parallelism.md).
// RUN: roof-opt %s --pass-pipeline='builtin.module(func.func(sharding-propagation,shard-partition))' -o %t.roof.mlir
// RUN: %mlir_opt %s --pass-pipeline='builtin.module(func.func(sharding-propagation,shard-partition))' -o %t.upstream.mlir
// RUN: diff %t.roof.mlir %t.upstream.mlir
// RUN: FileCheck %s --check-prefix=IR < %t.roof.mlir
// RUN: roof-opt %t.roof.mlir --roof-report="wide targets=h100-node format=json output=%t.json" -o /dev/null
// RUN: FileCheck %s --check-prefix=JSON < %t.json
// RUN: %debian_python %S/../Report/Inputs/validate_report.py %roof_src_root/docs/report-schema.json %t.json | FileCheck %s --check-prefix=VALID
// RUN: roof-opt %t.roof.mlir --roof-report="wide targets=h100-node" -o /dev/null | FileCheck %s --check-prefix=TEXT
// RUN: not roof-opt %t.roof.mlir --roof-report="wide targets=h100-sxm" -o /dev/null 2>&1 | FileCheck %s --check-prefix=ONE
// RUN: roof-opt %t.roof.mlir --roof-report="wide targets=h100-node overlap-collectives=true format=json" -o /dev/null | FileCheck %s --check-prefix=OVERLAP
// RUN: roof-opt %t.roof.mlir --roof-report="wide targets=h100-node overlap-collectives=true" -o /dev/null | FileCheck %s --check-prefix=OVERLAP-TEXT
// RUN: roof-opt %t.roof.mlir --roof-report="wide targets=h100-node overlap-collectives=true training=adam format=json" -o /dev/null | FileCheck %s --check-prefix=OVERLAP-TRAIN
// Unpartitioned, the IR is priced whole, with a warning:
// RUN: roof-opt %s --roof-report="wide targets=h100-node" -o /dev/null 2>&1 | FileCheck %s --check-prefix=WHOLE
// In stock mlir-opt, Roof's plugin prices upstream's partitioning in one
// pipeline:
// RUN: %mlir_opt --load-pass-plugin=%roof_plugin %s --pass-pipeline='builtin.module(func.func(sharding-propagation,shard-partition),roof-report{wide targets=h100-node})' -o /dev/null | FileCheck %s --check-prefix=TEXT

// Each device: x (64x1024) times its 1024x2048 half of W1, then that times
// its 2048x1024 half of W2: two matmuls of 2 * 64 * 1024 * 2048 =
// 268435456 FLOPs each, then the partial sums are all-reduced.
// IR-LABEL: func.func @mlp
// IR-SAME: tensor<64x1024xbf16>, %{{.*}}: tensor<1024x2048xbf16>, %{{.*}}: tensor<2048x1024xbf16>
// IR: linalg.matmul {{.*}} -> tensor<64x2048xbf16>
// IR: linalg.matmul {{.*}} -> tensor<64x1024xbf16>
// IR: shard.all_reduce %{{.*}} on @tp grid_axes = [0] : tensor<64x1024xbf16> -> tensor<64x1024xbf16>

// The all-reduce: S = 64 * 1024 * 2 = 131072 bytes over n = 2 devices of
// NVLink 4 (450 GB/s per direction, 0.6 us per step). Ring: 2 (n - 1) = 2
// steps, each device sends 2 (n - 1) / n S = 131072 bytes: 1.2 us +
// 131072 / 450e9 s = 1.491271 us. In-switch: 2 steps and S bytes, the same
// at n = 2; the ring, listed first, is kept. Its time is max(compute,
// memory, links) + the 0.5 us launch: 1.991271 us.
// JSON: "system": {
// JSON-NEXT: "device": "NVIDIA H100 SXM5 80GB",
// JSON: "devices_per_node": 8,
// JSON-NEXT: "nodes": 1,
// JSON: "kernel": "shard.all_reduce
// JSON: "class": "collective",
// JSON: "bound": "link",
// JSON: "time_s": 1.99127{{[0-9]*}}e-06,
// JSON: "collective": {
// JSON-NEXT: "link": "NVLink 4",
// JSON-NEXT: "algorithm": "ring",
// JSON-NEXT: "bytes_sent": 131072,
// JSON-NEXT: "time_s": 1.49127{{[0-9]*}}e-06
// JSON: "kernel": "linalg.matmul
// JSON: "flops": 268435456,
// JSON: "communication_s": 1.49127{{[0-9]*}}e-06,
// VALID: valid

// TEXT: == @mlp on NVIDIA HGX H100 8-GPU (NVLink 4, NVSwitch)
// TEXT: link   vector bf16{{.*}}shard.all_reduce
// TEXT: system: 8 x NVIDIA H100 SXM5 80GB; the kernels are one device's
// TEXT: communication: 1.491 us on the links ({{.*}} % of the latency), not overlapped with compute: 1 collective over NVLink 4, 0.131 MB sent per device

// overlap-collectives=true: the all-reduce runs behind the matmul that
// makes its input, W2's, whose T_compute (2.799 us: 64 rows fill few of
// the tiles, docs/roofline.md) exceeds the links' 1.491271 us. All of the
// link time is hidden; the kernel takes its memory time, 131072 B / 3015
// GB/s = 0.043473 us, + the launch: 0.543473 us.
// OVERLAP: "kernel": "shard.all_reduce
// OVERLAP: "time_s": 5.43473{{[0-9]*}}e-07,
// OVERLAP: "communication_s": 1.49127{{[0-9]*}}e-06,
// OVERLAP-NEXT: "communication_overlapped_s": 1.49127{{[0-9]*}}e-06,
// A training step's forward all-reduce hides the same way, so none of the
// forward pass's link time is exposed.
// OVERLAP-TRAIN: "forward_communication_s": 0,
// OVERLAP-TEXT: communication: 1.491 us on the links ({{.*}} % of the latency), 1.491 us of it hidden behind the matmuls they are pipelined with: 1 collective over NVLink 4

// WHOLE: warning: roof-report: the IR carries shardings but is not partitioned: it is priced whole, on one device, without collectives (run sharding-propagation and shard-partition first, docs/parallelism.md)
// WHOLE-NOT: warning
// ONE: error: roof-report: shard.all_reduce on @tp (2 devices) needs a system of devices and links, and 'NVIDIA H100 SXM5 80GB' is one device: name a system target (h100-node, a100-node, ...; roof-system/1, docs/parallelism.md)

shard.grid @tp(shape = 2)
func.func @mlp(%x: tensor<64x1024xbf16>, %w1: tensor<1024x4096xbf16>,
               %w2: tensor<4096x1024xbf16>) -> tensor<64x1024xbf16> {
  %columns = shard.sharding @tp split_axes = [[], [0]] : !shard.sharding
  %w1s = shard.shard %w1 to %columns : tensor<1024x4096xbf16>
  %rows = shard.sharding @tp split_axes = [[0], []] : !shard.sharding
  %w2s = shard.shard %w2 to %rows : tensor<4096x1024xbf16>
  %zero = arith.constant 0.0 : bf16
  %e1 = tensor.empty() : tensor<64x4096xbf16>
  %f1 = linalg.fill ins(%zero : bf16) outs(%e1 : tensor<64x4096xbf16>) -> tensor<64x4096xbf16>
  %h = linalg.matmul ins(%x, %w1s : tensor<64x1024xbf16>, tensor<1024x4096xbf16>)
                     outs(%f1 : tensor<64x4096xbf16>) -> tensor<64x4096xbf16>
  %e2 = tensor.empty() : tensor<64x1024xbf16>
  %f2 = linalg.fill ins(%zero : bf16) outs(%e2 : tensor<64x1024xbf16>) -> tensor<64x1024xbf16>
  %y = linalg.matmul ins(%h, %w2s : tensor<64x4096xbf16>, tensor<4096x1024xbf16>)
                     outs(%f2 : tensor<64x1024xbf16>) -> tensor<64x1024xbf16>
  %replicated = shard.sharding @tp split_axes = [[]] : !shard.sharding
  %out = shard.shard %y to %replicated annotate_for_users : tensor<64x1024xbf16>
  return %out : tensor<64x1024xbf16>
}
