// PP-OCRv4 rec on a Jetson Orin Nano, priced as TOSA and after upstream's
// standard lowering to linalg (issue: fusion nearly stopped there, 444
// kernels against 143). With every broadcast form and reduction fill fused,
// the two agree within 2 %: 1.205 ms against 1.206 ms, 115 nodes against
// 113 (1.8 %), 145 kernels against 143 (1.4 %: the lowering keeps two
// slices that the TOSA kernels read through; its average pools and
// concat's insert_slices are one kernel each, as in TOSA; docs/fusion.md).
// REQUIRES: ocr-models
// RUN: roof-import-onnx %ocr_models/ch_PP-OCRv4_rec_infer.onnx --input-shape x=1,3,48,320 -o %t.mlir
// RUN: roof-opt %t.mlir --pass-pipeline='builtin.module(func.func(roof-fuse-epilogues),roof-report{targets=jetson-orin-nano top=0})' -o /dev/null | FileCheck %s --check-prefix=TOSA
// RUN: %mlir_opt --load-pass-plugin=%roof_plugin %t.mlir --pass-pipeline='builtin.module(func.func(tosa-to-linalg-named,tosa-to-linalg,tosa-to-arith,tosa-to-tensor,roof-fuse-epilogues),roof-report{targets=jetson-orin-nano top=0})' -o /dev/null | FileCheck %s --check-prefix=LOWERED

// TOSA: latency 1.206 ms (143 kernels, 113 nodes,
// LOWERED: latency 1.205 ms (145 kernels, 115 nodes,
