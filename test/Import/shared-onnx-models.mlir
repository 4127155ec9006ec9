// The light ONNX model zoo files beside the checkout (weights made by
// ConstantOfShape, so they stay shape-only placeholders): each imports with
// its static shapes and is costed with zero unknown ops. Parameter counts are
// the published ones.
//
// REQUIRES: shared-models
// RUN: for m in alexnet:bvlc_alexnet inception_v1 inception_v2 shufflenet squeezenet vgg19 zfnet512; do \
// RUN:   roof-import-onnx %shared_models/onnx/light_${m#*:}.onnx -o %t.${m%%:*}.mlir || exit 1; \
// RUN:   roof-opt %t.${m%%:*}.mlir --roof-annotate-cost=report-only -o /dev/null 2>&1 | sed "s/^/${m%%:*}: /"; \
// RUN: done | FileCheck %s
// RUN: roof-opt %t.alexnet.mlir --roof-annotate-cost | FileCheck %s --check-prefix=ALEXNET

// BVLC AlexNet: 60,965,224 parameters; VGG-19: 143,667,240.
// CHECK: alexnet: {{.*}}totals of @main: {{.*}}; 60965224 parameters {{.*}}, 0 unknown{{$}}
// CHECK: inception_v1: {{.*}}, 0 unknown{{$}}
// CHECK: inception_v2: {{.*}}, 0 unknown{{$}}
// CHECK: shufflenet: {{.*}}, 0 unknown{{$}}
// CHECK: squeezenet: {{.*}}, 0 unknown{{$}}
// CHECK: vgg19: {{.*}}totals of @main: {{.*}}; 143667240 parameters {{.*}}, 0 unknown{{$}}
// CHECK: zfnet512: {{.*}}, 0 unknown{{$}}

// AlexNet's first conv at this model's 224x224 input: 11x11 stride 4 gives
// 54x54 (not the paper's 55x55 at 227): 54*54*96 = 279,936 outputs * 363
// MACs * 2 + 279,936 bias adds = 203,513,472 FLOPs. conv2 has group=2: two
// convolutions on 48-channel halves, each 26*26*128 = 86,528 outputs * 1200
// MACs * 2 + 86,528 = 207,753,728.
// ALEXNET: tosa.conv2d {{.*}}flops = 203513472,
// ALEXNET: tosa.conv2d {{.*}}flops = 207753728,
// ALEXNET: tosa.conv2d {{.*}}flops = 207753728,
// ALEXNET: tosa.concat
