// Each collective of the shard dialect priced alpha-beta on a system's links
// (docs/parallelism.md): steps x latency + bytes each device sends /
// bandwidth per direction, the fastest algorithm the link allows; over
// nodes, in phases of which the slowest bounds the time.
// RUN: split-file %s %t
// RUN: roof-opt %t/node.mlir --roof-report="targets=a100-node format=json" -o /dev/null | FileCheck %s --check-prefix=NODE
// RUN: roof-opt %t/cluster.mlir --roof-report="targets=h100-cluster-4 format=json" -o /dev/null | FileCheck %s --check-prefix=CLUSTER
// RUN: roof-opt %t/box.mlir --roof-report="targets=rtx-4090-pcie-x4 format=json" -o /dev/null | FileCheck %s --check-prefix=BOX
// RUN: not roof-opt %t/large.mlir --roof-report="targets=h100-cluster-4" -o /dev/null 2>&1 | FileCheck %s --check-prefix=LARGE
// RUN: roof-opt %t/dynamic.mlir --roof-report="targets=h100-node" -o /dev/null 2>&1 | FileCheck %s --check-prefix=DYNAMIC

// One node of 8 A100s, NVLink 3: B = 300 GB/s per direction, alpha = 0.6 us
// per step, no in-switch reduction. S = 1024 x 1024 x 4 = 4194304 bytes.
// all_reduce, n = 8: ring 14 steps (8.4 us) + 2 x 7/8 x S = 7340032 bytes
// (24.466773 us) = 32.866773 us; tree 2 x log2 8 = 6 steps (3.6 us) + 2 S =
// 8388608 bytes (27.962027 us) = 31.562027 us: the tree.
// NODE: "kernel": "shard.all_reduce
// NODE: "collective": {
// NODE-NEXT: "link": "NVLink 3",
// NODE-NEXT: "algorithm": "tree",
// NODE-NEXT: "bytes_sent": 8388608,
// NODE-NEXT: "time_s": 3.15620{{[0-9]*}}e-05
// all_gather (S: its whole result) and reduce_scatter (S: the input): ring,
// 7 steps (4.2 us) + 7/8 S = 3670016 bytes (12.233387 us) = 16.433387 us
// each. all_to_all (S: the input): direct, its 7 pieces at once, 1 step
// (0.6 us) + 7/8 S (12.233387 us) = 12.833387 us.
// NODE: "kernel": "shard.all_gather
// NODE: "algorithm": "ring",
// NODE-NEXT: "bytes_sent": 3670016,
// NODE-NEXT: "time_s": 1.64333{{[0-9]*}}e-05
// NODE: "kernel": "shard.reduce_scatter
// NODE: "bytes_sent": 3670016,
// NODE-NEXT: "time_s": 1.64333{{[0-9]*}}e-05
// broadcast: a tree, 3 steps (1.8 us) + S (13.981013 us) = 15.781013 us.
// NODE: "kernel": "shard.broadcast
// NODE: "algorithm": "tree",
// NODE-NEXT: "bytes_sent": 4194304,
// NODE-NEXT: "time_s": 1.57810{{[0-9]*}}e-05
// send: one step (0.6 us) + S = 14.581013 us.
// NODE: "kernel": "shard.send
// NODE: "algorithm": "direct",
// NODE-NEXT: "bytes_sent": 4194304,
// NODE-NEXT: "time_s": 1.45810{{[0-9]*}}e-05
// NODE: "kernel": "shard.all_to_all
// NODE: "algorithm": "direct",
// NODE-NEXT: "bytes_sent": 3670016,
// NODE-NEXT: "time_s": 1.28333{{[0-9]*}}e-05
// all_slice: each device keeps its slice; nothing is sent.
// NODE: "kernel": "shard.all_slice
// NODE: "link": "",
// NODE-NEXT: "algorithm": "local",
// NODE-NEXT: "bytes_sent": 0,
// NODE-NEXT: "time_s": 0

// Four DGX H100 nodes: NVLink 4 in a node (450 GB/s, 0.6 us, in-switch
// reduction), InfiniBand NDR between (50 GB/s per GPU, 2.7 us). A 4x8 grid,
// devices numbered row-major: axis 1 is the 8 GPUs of a node, axis 0 the
// nodes. S = 2048 x 1024 x 4 = 8388608 bytes.
// Over axis 0, one device per node: an all-reduce of S over 4 nodes; ring:
// 6 steps (16.2 us) + 2 x 3/4 x S = 12582912 bytes (251.65824 us) =
// 267.85824 us (tree: 4 steps, 10.8 us + 2 S, 346.34 us).
// CLUSTER: "kernel": "shard.all_reduce
// CLUSTER: "link": "InfiniBand NDR",
// CLUSTER-NEXT: "algorithm": "hierarchical (ring between nodes)",
// CLUSTER-NEXT: "bytes_sent": 12582912,
// CLUSTER-NEXT: "time_s": 0.00026785824{{[0-9]*}}
// Over both axes, 32 devices: in each node a reduce-scatter and an
// all-gather over 8 (ring: 7 steps, 4.2 us + 7/8 S = 7340032 bytes,
// 16.311182 us: 20.511182 us each), between nodes an all-reduce of S / 8 =
// 1048576 bytes over 4 (ring: 16.2 us + 2 x 3/4 x 1048576 = 1572864 bytes,
// 31.45728 us = 47.65728 us). The slowest phase: 47.65728 us.
// CLUSTER: "kernel": "shard.all_reduce
// CLUSTER: "link": "InfiniBand NDR",
// CLUSTER-NEXT: "algorithm": "hierarchical (ring between nodes)",
// CLUSTER-NEXT: "bytes_sent": 1572864,
// CLUSTER-NEXT: "time_s": 4.765728{{[0-9]*}}e-05
// Over axis 1, in a node: in-switch, 2 steps (1.2 us) + S (18.641351 us) =
// 19.841351 us (ring 41.02 us, tree 40.88 us).
// CLUSTER: "kernel": "shard.all_reduce
// CLUSTER: "link": "NVLink 4",
// CLUSTER-NEXT: "algorithm": "in-switch",
// CLUSTER-NEXT: "bytes_sent": 8388608,
// CLUSTER-NEXT: "time_s": 1.984135{{[0-9]*}}e-05

// Four RTX 4090s on PCIe 4.0 x16 (31.5 GB/s, 1 us per step), S = 4096
// bytes: ring 6 steps (6 us) + 6144 bytes (0.195 us) = 6.195 us; tree 4
// steps (4 us) + 8192 bytes (0.260 us) = 4.260 us: the tree.
// BOX: "link": "PCIe 4.0 x16",
// BOX-NEXT: "algorithm": "tree",
// BOX-NEXT: "bytes_sent": 8192,
// BOX-NEXT: "time_s": 4.26{{[0-9]*}}e-06

// LARGE: error: roof-report: shard.all_reduce on @grid (64 devices) needs more devices than '4 x NVIDIA DGX H100 (NVLink 4 in a node, InfiniBand NDR between)' has (32)
// DYNAMIC: warning: roof-report: shard.all_reduce has a dynamic grid, a grid of more than 2^32 devices or a dynamically shaped tensor: priced as a copy in its device's memory, without its time on the links

//--- node.mlir
shard.grid @eight(shape = 8)
func.func @node(%x: tensor<1024x1024xf32>, %part: tensor<128x1024xf32>)
    -> (tensor<1024x1024xf32>, tensor<1024x1024xf32>, tensor<128x1024xf32>,
        tensor<1024x1024xf32>, tensor<1024x1024xf32>, tensor<1024x1024xf32>,
        tensor<128x1024xf32>) {
  %sum = shard.all_reduce %x on @eight grid_axes = [0] : tensor<1024x1024xf32> -> tensor<1024x1024xf32>
  %whole = shard.all_gather %part on @eight grid_axes = [0] gather_axis = 0 : tensor<128x1024xf32> -> tensor<1024x1024xf32>
  %mine = shard.reduce_scatter %x on @eight grid_axes = [0] scatter_axis = 0 : tensor<1024x1024xf32> -> tensor<128x1024xf32>
  %swapped = shard.all_to_all %x on @eight grid_axes = [0] split_axis = 0 concat_axis = 0 : tensor<1024x1024xf32> -> tensor<1024x1024xf32>
  %copied = shard.broadcast %x on @eight grid_axes = [0] root = [0] : (tensor<1024x1024xf32>) -> tensor<1024x1024xf32>
  %sent = shard.send %x on @eight grid_axes = [0] destination = [1] : (tensor<1024x1024xf32>) -> tensor<1024x1024xf32>
  %slice = shard.all_slice %x on @eight grid_axes = [0] slice_axis = 0 : tensor<1024x1024xf32> -> tensor<128x1024xf32>
  return %sum, %whole, %mine, %swapped, %copied, %sent, %slice
      : tensor<1024x1024xf32>, tensor<1024x1024xf32>, tensor<128x1024xf32>,
        tensor<1024x1024xf32>, tensor<1024x1024xf32>, tensor<1024x1024xf32>,
        tensor<128x1024xf32>
}

//--- cluster.mlir
shard.grid @pod(shape = 4x8)
func.func @cluster(%x: tensor<2048x1024xf32>)
    -> (tensor<2048x1024xf32>, tensor<2048x1024xf32>, tensor<2048x1024xf32>) {
  %nodes = shard.all_reduce %x on @pod grid_axes = [0] : tensor<2048x1024xf32> -> tensor<2048x1024xf32>
  %all = shard.all_reduce %x on @pod grid_axes = [0, 1] : tensor<2048x1024xf32> -> tensor<2048x1024xf32>
  %node = shard.all_reduce %x on @pod grid_axes = [1] : tensor<2048x1024xf32> -> tensor<2048x1024xf32>
  return %nodes, %all, %node : tensor<2048x1024xf32>, tensor<2048x1024xf32>, tensor<2048x1024xf32>
}

//--- box.mlir
shard.grid @four(shape = 4)
func.func @box(%x: tensor<1024xf32>) -> tensor<1024xf32> {
  %sum = shard.all_reduce %x on @four grid_axes = [0] : tensor<1024xf32> -> tensor<1024xf32>
  return %sum : tensor<1024xf32>
}

//--- large.mlir
shard.grid @grid(shape = 8x8)
func.func @large(%x: tensor<16xf32>) -> tensor<16xf32> {
  %sum = shard.all_reduce %x on @grid grid_axes = [0] : tensor<16xf32> -> tensor<16xf32>
  return %sum : tensor<16xf32>
}

//--- dynamic.mlir
shard.grid @grid(shape = 2)
func.func @dynamic(%x: tensor<?xf32>) -> tensor<?xf32> {
  %sum = shard.all_reduce %x on @grid grid_axes = [0] : tensor<?xf32> -> tensor<?xf32>
  return %sum : tensor<?xf32>
}
