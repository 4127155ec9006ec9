// Two rows of docs/validation.md "Edge NPUs and DSPs" that MAC arrays
// decide, priced from scripts/gen_cnn.py's models as bench/validate_edge.py
// prices them: a change to either number changes that table.
// REQUIRES: onnx-python
// RUN: rm -rf %t && mkdir -p %t
// RUN: %debian_python %roof_src_root/scripts/gen_cnn.py resnet50 -o %t/resnet50.onnx
// RUN: %debian_python %roof_src_root/scripts/gen_cnn.py mobilenet_v2 -o %t/mobilenet_v2.onnx
// RUN: roof-import-onnx %t/resnet50.onnx -o %t/resnet50.mlir
// RUN: roof-import-onnx %t/mobilenet_v2.onnx -o %t/mobilenet_v2.mlir
// RUN: roof-opt %t/resnet50.mlir -o /dev/null --roof-fuse-epilogues --roof-report="targets=groq-lpu dtype-policy=i8" | FileCheck %s --check-prefix=GROQ
// RUN: roof-opt %t/mobilenet_v2.mlir -o /dev/null --roof-fuse-epilogues --roof-report="targets=hexagon-8gen3 dtype-policy=f16" | FileCheck %s --check-prefix=HEXAGON

// Groq, ResNet-50 at batch 1 in i8 on the 320x320 MXM: measured 0.049 ms
// (ISCA 2020), 1.56 x this. The least-filled layers are the 1x1
// convolutions of 64 channels into 64: 64/320 x 64/320 = 4 %.
// GROQ: latency 31.447 us (56 kernels)
// GROQ: array: 54 contractions fill part of the 320x320 MAC array (down to 4.0 % busy)

// Hexagon 8 Gen 3, MobileNet-v2 in f16: measured 0.488 ms (AI Hub), 1.45 x
// this. Its 17 depthwise convolutions fill 9/32 x 1/32 of HMX and run on
// HVX; the least-filled others have 16 channels in or out (16/32 = 50 %).
// HEXAGON: latency 337.275 us (54 kernels, 86.890 us per call)
// HEXAGON: array: 9 contractions fill part of the 32x32 MAC array (down to 50.0 % busy)
// HEXAGON-NEXT: array: 17 contractions run on the vector engine, faster there than on their share of the array
