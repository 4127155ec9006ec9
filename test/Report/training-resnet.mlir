// A CNN's training step from scripts/gen_cnn.py --train: ResNet-18 with
// every convolution followed by a training-mode BatchNormalization (batch
// statistics; the running statistics it updates are buffers, not trained)
// and a log-softmax loss, imported from ONNX.
//
// Parameters: the convolutions' weights (no bias before a batch norm), each
// batch norm's scale and shift, and the classifier's 512 x 1000 + 1000:
// 11,689,512, torchvision's published count for resnet18. Momentum keeps
// one f32 buffer per parameter: 46,758,048 B.
//
// RUN: %debian_python %roof_src_root/scripts/gen_cnn.py resnet18 --train --batch 2 -o %t.onnx
// RUN: roof-import-onnx %t.onnx -o %t.mlir
// RUN: roof-opt %t.mlir --roof-fuse-epilogues --roof-report="targets=v100-sxm training=momentum batch=2" -o /dev/null | FileCheck %s
// With each batch norm and its ReLU one kernel (normalizations=true), the
// parameters are the same: a scale reached through reshapes inside the
// kernel is one parameter.
// RUN: roof-opt %t.mlir --roof-fuse-epilogues=normalizations=true --roof-report="targets=v100-sxm training=momentum batch=2" -o /dev/null | FileCheck %s
// RUN: not %debian_python %roof_src_root/scripts/gen_cnn.py vgg16 --train -o %t.bad.onnx 2>&1 | FileCheck %s --check-prefix=ONLY

// CHECK: a step of training with momentum at batch 2
// CHECK: 2 samples per step
// CHECK: state: 11689512 parameters; optimizer state 46.758 MB
// ONLY: --train and --batch take resnet18, resnet34 or resnet50
