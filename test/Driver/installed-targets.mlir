// An installed roof-opt finds the shipped targets under its own prefix,
// wherever `cmake --install --prefix` put it (docs/targets.md).
// RUN: rm -rf %t && cmake --install %roof_obj_root --prefix %t > /dev/null
// RUN: env -u ROOF_TARGETS_DIR %t/bin/roof-opt %s --roof-report=targets=h100-sxm -o /dev/null | FileCheck %s -DPREFIX=%t
// CHECK: == @f on NVIDIA H100 SXM5 80GB (gpu, [[PREFIX]]/share/roof/targets/h100-sxm.json)

func.func @f(%a: tensor<64xf32>) -> tensor<64xf32> {
  %r = linalg.exp ins(%a : tensor<64xf32>) outs(%a : tensor<64xf32>) -> tensor<64xf32>
  return %r : tensor<64xf32>
}
