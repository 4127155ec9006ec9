// The deployment view on two real models from ../shared/models: Inception v2
// (a batch norm after every convolution) and ShuffleNet (grouped
// convolutions, channel shuffles), imported at batch 1, fused, priced at
// INT8 on H100. What a deployment compiler does once before the first
// inference (batch-norm folding, per-group weight slices) is prepared ahead
// of time, not priced among the kernels; weight layouts are permuted on the
// host by the importer.
//
// REQUIRES: shared-models
// RUN: roof-import-onnx %shared_models/onnx/light_inception_v2.onnx -o %t.inception.mlir
// RUN: roof-import-onnx %shared_models/onnx/light_shufflenet.onnx -o %t.shufflenet.mlir
// RUN: roof-opt %t.inception.mlir --roof-fuse-epilogues --roof-report="targets=h100-sxm dtype-policy=i8" -o /dev/null | FileCheck %s --check-prefix=INCEPTION
// RUN: roof-opt %t.inception.mlir --roof-fuse-epilogues --roof-report="targets=h100-sxm dtype-policy=i8 as-written" -o /dev/null | FileCheck %s --check-prefix=INCEPTION-WRITTEN
// RUN: roof-opt %t.shufflenet.mlir --roof-fuse-epilogues --roof-report="targets=h100-sxm dtype-policy=i8" -o /dev/null | FileCheck %s --check-prefix=SHUFFLENET
// RUN: roof-opt %t.shufflenet.mlir --roof-fuse-epilogues --roof-report="targets=h100-sxm dtype-policy=i8 as-written" -o /dev/null | FileCheck %s --check-prefix=SHUFFLENET-WRITTEN
//
// No transpose or slice left among the run-time ops reads a weight (weight
// transposes and per-group weight slices are all prepared):
// RUN: for m in inception shufflenet; do \
// RUN:   roof-opt %t.$m.mlir --roof-annotate-cost | grep -E "tosa.(transpose|slice) " | grep -v roof.prepared | { grep -c "weight_read = [1-9]" || true; }; \
// RUN: done | FileCheck %s --check-prefix=NO-WEIGHT-VIEWS
// NO-WEIGHT-VIEWS: 0
// NO-WEIGHT-VIEWS-NEXT: 0
//
// And no transpose or slice is a kernel of its own once fused: the
// activation views left (Inception's NCHW -> NHWC input, ShuffleNet's
// channel shuffles and per-group channel slices, the crops that fit a
// strided window) are read through by the convolution that consumes them
// (docs/fusion.md). As written, ShuffleNet's 128 per-group weight slices
// are kernels; no weight transpose is left even then: the importer permutes
// weights on the host, ConstantOfShape placeholders included.
// RUN: for m in inception shufflenet; do for w in "" " as-written"; do \
// RUN:   roof-opt %t.$m.mlir --roof-fuse-epilogues --roof-report="targets=h100-sxm dtype-policy=i8 format=csv$w" -o /dev/null | { grep -cE '"tosa.(transpose|slice) ' || true; }; \
// RUN: done; done | FileCheck %s --check-prefix=VIEW-KERNELS
// VIEW-KERNELS: 0
// VIEW-KERNELS-NEXT: 0
// VIEW-KERNELS-NEXT: 0
// VIEW-KERNELS-NEXT: 128
//
// Inception v2: 444 kernels as written, 99 deployed (the classifier's matmul,
// its reshape and bias add are one kernel). Parameters as
// deployed: 11,214,888 (as written 11,234,792: each batch norm's four
// vectors of C become the folded scale and shift, 2C), at one byte each (i8)
// = 11.215 MB of weights, within 1 % of parameters x 1 byte.
// INCEPTION: latency {{.*}} (99 kernels,
// INCEPTION: memory: weights 11.215 MB
// INCEPTION: prepared ahead of time (not in the latency): 345 ops, {{[0-9]+}} FLOPs, {{[0-9]+}} bytes moved, producing {{[0-9]+}} of the 11214888 parameters
// INCEPTION-WRITTEN: latency {{.*}} (444 kernels,
// INCEPTION-WRITTEN: memory: weights 11.235 MB
// INCEPTION-WRITTEN-NOT: prepared ahead of time
//
// ShuffleNet: 674 kernels as written, 301 deployed; 1,393,320 parameters
// (1.393 MB at i8).
// SHUFFLENET: latency {{.*}} (301 kernels,
// SHUFFLENET: memory: weights 1.393 MB
// SHUFFLENET: prepared ahead of time (not in the latency): 373 ops, {{[0-9]+}} FLOPs, {{[0-9]+}} bytes moved, producing {{[0-9]+}} of the 1393320 parameters
// SHUFFLENET-WRITTEN: latency {{.*}} (674 kernels,
// SHUFFLENET-WRITTEN-NOT: prepared ahead of time
