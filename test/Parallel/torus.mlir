// Collectives on a torus of ICI links (TPU v5e, docs/parallelism.md
// "Tori"): each run of a group along a torus axis is a bidirectional ring
// when the axis wraps around, else a line; the runs' axes carry the data
// at once. ICI: 45 GB/s per link and direction, 1 us per hop.
// RUN: split-file %s %t
// RUN: roof-opt %t/slice.mlir --roof-report="targets=tpu-v5e-16 format=json" -o /dev/null > %t/slice.json
// RUN: FileCheck %s --check-prefix=SLICE < %t/slice.json
// RUN: FileCheck %s --check-prefix=SLICE-LINK < %t/slice.json
// RUN: %debian_python %S/../Report/Inputs/validate_report.py %roof_src_root/docs/report-schema.json %t/slice.json | FileCheck %s --check-prefix=VALID
// RUN: roof-opt %t/slice.mlir --roof-report="targets=tpu-v5e-256 format=json" -o /dev/null | FileCheck %s --check-prefix=POD-GRID
// RUN: roof-opt %t/ring.mlir --roof-report="targets=tpu-v5e-256 format=json" -o /dev/null | FileCheck %s --check-prefix=RING
// RUN: roof-opt %t/ring.mlir --roof-report="targets=tpu-v5e-256" -o /dev/null | FileCheck %s --check-prefix=TEXT

// The report names the link's torus: 4x4, neither axis wrapping.
// SLICE-LINK: "in_switch_reduction": false,
// SLICE-LINK-NEXT: "torus": [
// SLICE-LINK-NEXT: 4,
// SLICE-LINK-NEXT: 4
// SLICE-LINK-NEXT: ],
// SLICE-LINK-NEXT: "wraparound": [
// SLICE-LINK-NEXT: false,
// SLICE-LINK-NEXT: false
// SLICE-LINK-NEXT: ]
// VALID: {{^}}valid{{$}}

// tpu-v5e-16 is a 4x4 slice without wraparound. The grid @g (4x4) lies on
// it as it is numbered, so grid axis 0 is torus axis 0 and axis 1 axis 1.
// all_gather over axis 0: 4 devices on a line, 3 hops, each device gets
// 3/4 of the [256, 256] bf16 result (98304 B) over one link: 3 us +
// 98304 B / 45 GB/s = 5.184533 us.
// SLICE: "algorithm": "torus (1 axis, line)",
// SLICE-NEXT: "bytes_sent": 98304,
// SLICE-NEXT: "time_s": 5.18453{{[0-9]*}}e-06
// all_reduce over both axes of [1024, 1024] bf16 (S = 2097152 B):
// reduce-scatter then all-gather, each 3 + 3 hops and 15/16 S = 1966080 B
// over both axes' links: 2 x (6 us + 1966080 B / 90 GB/s) = 55.690667 us.
// SLICE: "algorithm": "torus (2 axes, line)",
// SLICE-NEXT: "bytes_sent": 3932160,
// SLICE-NEXT: "time_s": 5.56906{{[0-9]*}}e-05

// The same grid on the first 16 chips of the 16x16 pod: both grid axes run
// along the pod's axis 1, axis 0 4 chips apart (a line of 3 x 4 = 12
// hops) and axis 1 next to each other (3 hops), sharing that axis's links:
// 2 x (15 us + 1966080 B / 45 GB/s) = 117.381333 us.
// POD-GRID: "algorithm": "torus (1 axis, line)",
// POD-GRID: "algorithm": "torus (1 axis, line)",
// POD-GRID-NEXT: "bytes_sent": 3932160,
// POD-GRID-NEXT: "time_s": 0.000117381{{[0-9]*}}

// 16 chips along the pod's axis of 16, which wraps around: a
// bidirectional ring, 8 hops, 15/16 of [1024, 256] bf16 (491520 B) over
// both directions: 8 us + 491520 B / 90 GB/s = 13.461333 us.
// RING: "algorithm": "torus (1 axis, ring)",
// RING-NEXT: "bytes_sent": 491520,
// RING-NEXT: "time_s": 1.34613{{[0-9]*}}e-05
// TEXT: system: 256 x Google TPU v5e; the kernels are one device's
// TEXT: communication: 13.461 us on the links

//--- slice.mlir
shard.grid @g(shape = 4x4)
func.func @gather(%x: tensor<64x256xbf16>) -> tensor<256x256xbf16> {
  %0 = shard.all_gather %x on @g grid_axes = [0] gather_axis = 0 : tensor<64x256xbf16> -> tensor<256x256xbf16>
  return %0 : tensor<256x256xbf16>
}
func.func @reduce(%x: tensor<1024x1024xbf16>) -> tensor<1024x1024xbf16> {
  %0 = shard.all_reduce %x on @g grid_axes = [0, 1] : tensor<1024x1024xbf16> -> tensor<1024x1024xbf16>
  return %0 : tensor<1024x1024xbf16>
}

//--- ring.mlir
shard.grid @g(shape = 16)
func.func @gather(%x: tensor<64x256xbf16>) -> tensor<1024x256xbf16> {
  %0 = shard.all_gather %x on @g grid_axes = [0] gather_axis = 0 : tensor<64x256xbf16> -> tensor<1024x256xbf16>
  return %0 : tensor<1024x256xbf16>
}
