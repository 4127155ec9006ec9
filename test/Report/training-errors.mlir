// The training options are checked before anything is priced.
// RUN: not roof-opt %s --roof-report="targets=h100-sxm training=adam master-dtype=i8" -o /dev/null 2>&1 | FileCheck %s --check-prefix=MASTER
// RUN: not roof-opt %s --roof-report="targets=h100-sxm training=adam grad-accum=0" -o /dev/null 2>&1 | FileCheck %s --check-prefix=ACCUM
// RUN: not roof-opt %s --roof-report="targets=h100-sxm master-dtype=f32" -o /dev/null 2>&1 | FileCheck %s --check-prefix=ALONE
// RUN: not roof-opt %s --roof-report="targets=h100-sxm training=adam generate=4,4" -o /dev/null 2>&1 | FileCheck %s --check-prefix=GENERATE
// RUN: not roof-opt %s --roof-report="targets=h100-sxm training=adam format=csv" -o /dev/null 2>&1 | FileCheck %s --check-prefix=FORMAT
// RUN: not roof-opt %s --roof-report="targets=h100-sxm training=rmsprop" -o /dev/null 2>&1 | FileCheck %s --check-prefix=UNKNOWN

// MASTER: error: roof-report: master-dtype must be f64, f32, bf16 or f16; got 'i8'
// ACCUM: error: roof-report: grad-accum must be at least 1
// ALONE: error: roof-report: master-dtype=, grad-accum= and recompute= describe a training step; name the optimizer too (training=adam)
// GENERATE: error: roof-report: training= prices a step of training the function; generate= prices inference, token by token: give one
// FORMAT: error: roof-report: training= prints text, json or html (a step is not one function's kernels to chart or list)
// UNKNOWN: for the --training option: Cannot find option named 'rmsprop'!

func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
  return %x : tensor<4xf32>
}
