// Models built to break the importer (test/Import/Inputs/
// make_hostile_onnx_models.py): each is an error naming the node or
// initializer, or a correct import, never a crash, a hang or a module that
// does not verify.
//
// REQUIRES: onnx-python
// RUN: rm -rf %t && %debian_python %S/Inputs/make_hostile_onnx_models.py %t

// Shape folding does not fold INT64_MIN / -1; the Reshape is then unknown.
// RUN: not roof-import-onnx %t/div_overflow.onnx 2>&1 | FileCheck %s --check-prefix=DIV
// DIV: error: cannot import Reshape node 'reshape': ONNX shape inference found no static shape for output 'y'

// Window attributes are checked before ONNX's shape inference sees them.
// RUN: not roof-import-onnx %t/conv_stride0.onnx 2>&1 | FileCheck %s --check-prefix=STRIDE
// STRIDE: conv_stride0.onnx:0:0: error: Conv node 'conv': strides must be at least 1, got [0, 0]
// RUN: not roof-import-onnx %t/conv_dilation0.onnx 2>&1 | FileCheck %s --check-prefix=DILATION
// DILATION: error: Conv node 'conv': dilations must be at least 1, got [0, 0]
// RUN: not roof-import-onnx %t/conv_negative_pads.onnx 2>&1 | FileCheck %s --check-prefix=PADS
// PADS: error: Conv node 'conv': pads must not be negative, got [-1, -1, -1, -1]
// RUN: not roof-import-onnx %t/pool_stride0.onnx 2>&1 | FileCheck %s --check-prefix=POOL-STRIDE
// POOL-STRIDE: error: MaxPool node 'pool': strides must be at least 1, got [0, 0]
// RUN: not roof-import-onnx %t/pool_kernel0.onnx 2>&1 | FileCheck %s --check-prefix=KERNEL
// KERNEL: error: MaxPool node 'pool': kernel_shape must be at least 1, got [0, 0]

// An axis past the rank is the node's error, not another axis (ONNX's
// shape inference catches the Gather's; the importer checks each axis too).
// RUN: not roof-import-onnx %t/concat_axis_2_62.onnx 2>&1 | FileCheck %s --check-prefix=CONCAT-AXIS
// CONCAT-AXIS: error: cannot import Concat node 'cat': axis 4611686018427387904 is out of range for a tensor of rank 4
// RUN: not roof-import-onnx %t/gather_axis_past_rank.onnx 2>&1 | FileCheck %s --check-prefix=GATHER-AXIS
// GATHER-AXIS: error: cannot import Gather node 'gather': ONNX shape inference found no static shape for output 'y'

// External data past 4 GiB is not read into the module (a 5 GiB sparse
// file); without --keep-weights only its shape is kept.
// RUN: not roof-import-onnx %t/external_5gib.onnx --keep-weights -o %t/external.mlir 2>&1 | FileCheck %s --check-prefix=EXTERNAL
// EXTERNAL: error: --keep-weights would read more than 4 GiB of external data into the module (at 'w'); import without it, which keeps each weight's shape and not its values
// RUN: not ls %t/external.mlir
// RUN: roof-import-onnx %t/external_5gib.onnx -o /dev/null

// An empty function name would print a symbol no parser reads back.
// RUN: not roof-import-onnx %t/slice_huge_step.onnx --func-name= 2>&1 | FileCheck %s --check-prefix=FUNC-NAME
// FUNC-NAME: roof-import-onnx: --func-name must not be empty

// A step past the dim takes one element (ONNX's semantics), forwards and
// backwards, with no overflow.
// RUN: roof-import-onnx %t/slice_huge_step.onnx | FileCheck %s --check-prefix=STEP
// STEP: tensor.extract_slice %arg0[0, 0, 0, 0] [1, 3, 1, 8] [1, 1, 8, 1] : tensor<1x3x8x8xf32> to tensor<1x3x1x8xf32>
// RUN: roof-import-onnx %t/slice_min_step.onnx | FileCheck %s --check-prefix=MIN-STEP
// MIN-STEP: tosa.reverse %arg0 {axis = 2 : i32}
// MIN-STEP-NEXT: tensor.extract_slice %0[0, 0, 0, 0] [1, 3, 1, 8] [1, 1, 8, 1]

// LRN over 3 channels with a window of 2^31 - 1: positions more than 2
// channels away read only padding, so 2 + 2 + 1 = 5 slices are written.
// RUN: roof-import-onnx %t/lrn_huge.onnx | FileCheck %s --check-prefix=LRN
// LRN-COUNT-5: tosa.slice
// LRN-NOT: tosa.slice

// ConstantOfShape([-2, -3]) is not folded into a tensor of negative dims:
// the node itself is the error.
// RUN: not roof-import-onnx %t/constant_of_negative_shape.onnx 2>&1 | FileCheck %s --check-prefix=NEGATIVE-SHAPE
// NEGATIVE-SHAPE: error: cannot import ConstantOfShape node 'cos': ONNX shape inference found no static shape for output 'c'

// Graph structure.
// RUN: not roof-import-onnx %t/two_writers.onnx 2>&1 | FileCheck %s --check-prefix=WRITERS
// WRITERS: error: Sigmoid node 'b' writes 'y', which node 'a' writes too
// RUN: not roof-import-onnx %t/duplicate_input.onnx 2>&1 | FileCheck %s --check-prefix=DUP-INPUT
// DUP-INPUT: error: graph input 'x' is declared twice
// RUN: not roof-import-onnx %t/duplicate_initializer.onnx 2>&1 | FileCheck %s --check-prefix=DUP-INIT
// DUP-INIT: error: initializer 'w' is declared twice
// RUN: not roof-import-onnx %t/cycle.onnx 2>&1 | FileCheck %s --check-prefix=CYCLE
// CYCLE: error: Add node 'n1' reads 'b', which node 'n2' writes after it: the graph has a cycle or is not in topological order
// RUN: not roof-import-onnx %t/no_shape.onnx 2>&1 | FileCheck %s --check-prefix=NO-SHAPE
// NO-SHAPE: error: graph input 'x' has no shape; give one with --input-shape x=...
// RUN: roof-import-onnx %t/no_shape.onnx --input-shape x=2,5 | FileCheck %s --check-prefix=GIVEN-SHAPE
// GIVEN-SHAPE: func.func @main(%arg0: tensor<2x5xf32>

// Initializers whose data disagrees with their dims.
// RUN: not roof-import-onnx %t/short_raw_data.onnx 2>&1 | FileCheck %s --check-prefix=SHORT
// SHORT: error: initializer 'w' holds 4 elements; its dims [1, 3, 8, 8] need 192
// RUN: not roof-import-onnx %t/huge_dims.onnx 2>&1 | FileCheck %s --check-prefix=HUGE
// HUGE: error: initializer 'w' has dims [4611686018427387905]: more than 2^62 bytes

// External data stays in the model's directory; nothing outside is read.
// RUN: not roof-import-onnx %t/escape_relative.onnx --keep-weights 2>&1 | FileCheck %s --check-prefix=ESCAPE
// ESCAPE: error: initializer 'w' keeps its data in '../../../../etc/passwd', outside the model's directory; external data must be a relative path inside it
// RUN: not roof-import-onnx %t/escape_absolute.onnx --keep-weights 2>&1 | FileCheck %s --check-prefix=ABSOLUTE
// ABSOLUTE: error: initializer 'w' keeps its data in '/etc/passwd', outside the model's directory

// Attributes ONNX accepts that make an invalid op are the node's error, not
// an internal one.
// RUN: not roof-import-onnx %t/clip_min_above_max.onnx 2>&1 | FileCheck %s --check-prefix=CLIP
// CLIP: error: cannot import Clip node 'clip': it makes an invalid tosa.clamp: 'tosa.clamp' op expected min_val <= max_val
// CLIP-NOT: internal error
// A Reshape that hard-codes batch 1, imported at batch 8.
// RUN: not roof-import-onnx %t/reshape_fixed_batch.onnx --input-shape x=8,3,8,8 2>&1 | FileCheck %s --check-prefix=BATCH
// BATCH: error: cannot import Reshape node 'reshape': it makes an invalid tosa.reshape: 'tosa.reshape' op cannot reshape 1536 elements into 192
// BATCH-NOT: internal error

// The output may not be the model; the model is untouched.
// RUN: not roof-import-onnx %t/lrn_huge.onnx -o %t/lrn_huge.onnx 2>&1 | FileCheck %s --check-prefix=SAME-FILE
// SAME-FILE: roof-import-onnx: the output '{{.*}}lrn_huge.onnx' is the input model; write the MLIR elsewhere
// RUN: roof-import-onnx %t/lrn_huge.onnx -o /dev/null
