// The deployment view on two real models from ../shared/models: Inception v2
// (a batch norm after every convolution) and ShuffleNet (grouped
// convolutions, channel shuffles), imported at batch 1, fused, priced at
// INT8 on H100. What a deployment compiler does once before the first
// inference (batch-norm folding, weight layout permutations, per-group weight
// slices) is prepared ahead of time, not priced among the kernels.
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
// Inception v2: 479 kernels as written, 101 deployed. Of the 34 transposes
// as written, 33 permute weights (OIHW -> OHWI); the one left is the input's
// NCHW -> NHWC. Parameters as deployed: 11,214,888 (as written 11,234,792:
// each batch norm's four vectors of C become the folded scale and shift, 2C),
// at one byte each (i8) = 11.215 MB of weights.
// INCEPTION: latency {{.*}} (101 kernels)
// INCEPTION: memory: weights 11.215 MB
// INCEPTION: prepared ahead of time (not in the latency): 378 ops, {{[0-9]+}} FLOPs, {{[0-9]+}} bytes moved, producing {{[0-9]+}} of the 11214888 parameters
// INCEPTION-WRITTEN: latency {{.*}} (479 kernels)
// INCEPTION-WRITTEN: memory: weights 11.235 MB
// INCEPTION-WRITTEN-NOT: prepared ahead of time
//
// ShuffleNet: 984 kernels as written, 479 deployed; 1,393,320 parameters
// (1.393 MB at i8).
// SHUFFLENET: latency {{.*}} (479 kernels)
// SHUFFLENET: memory: weights 1.393 MB
// SHUFFLENET: prepared ahead of time (not in the latency): 505 ops, {{[0-9]+}} FLOPs, {{[0-9]+}} bytes moved, producing {{[0-9]+}} of the 1393320 parameters
// SHUFFLENET-WRITTEN: latency {{.*}} (984 kernels)
// SHUFFLENET-WRITTEN-NOT: prepared ahead of time
