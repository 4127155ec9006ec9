// Every way an import can fail gets its own error, at the model file and,
// for nodes, naming the node; all unsupported nodes are listed at once.
//
// REQUIRES: onnx-python
// RUN: rm -rf %t && %debian_python %S/Inputs/make_onnx_models.py %t

// Two unsupported nodes, both named with op type and what is missing; the
// Relu after the Hardmax is not reported (its input is the failure).
// RUN: not roof-import-onnx %t/unsupported.onnx 2>&1 | FileCheck %s --check-prefix=NODES
// NODES: unsupported.onnx:0:0: error: cannot import Hardmax node 'hardmax_node': op type 'Hardmax' is not supported
// NODES-NEXT: unsupported.onnx:0:0: error: cannot import Resize node 'cubic_resize': mode 'cubic' is not supported
// NODES-NEXT: unsupported.onnx:0:0: error: 2 ONNX node(s) could not be imported
// NODES-NOT: after_hardmax

// RUN: not roof-import-onnx %t/truncated.onnx 2>&1 | FileCheck %s --check-prefix=TRUNCATED
// TRUNCATED: truncated.onnx:0:0: error: '{{.*}}truncated.onnx' is not a valid ONNX model: the protobuf is corrupt or truncated
// RUN: not roof-import-onnx %t/corrupt.onnx 2>&1 | FileCheck %s --check-prefix=CORRUPT
// CORRUPT: corrupt.onnx:0:0: error: '{{.*}}corrupt.onnx' is not a valid ONNX model: the protobuf is corrupt or truncated
// RUN: not roof-import-onnx %t/missing.onnx 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: error: cannot read ONNX model: {{.*}}missing.onnx: (file): cannot be read: No such file or directory

// RUN: not roof-import-onnx %t/external.onnx 2>&1 | FileCheck %s --check-prefix=EXTERNAL
// EXTERNAL: external.onnx:0:0: error: initializer 'w' keeps its data in external file 'weights.bin', which does not exist (looked for '{{.*}}weights.bin')

// RUN: not roof-import-onnx %t/conv_block.onnx 2>&1 | FileCheck %s --check-prefix=DYNAMIC
// DYNAMIC: conv_block.onnx:0:0: error: input 'x' has dynamic dim 0 ('batch'); bind it with --input-shape x=... or --input-shape batch=N
// RUN: not roof-import-onnx %t/conv_block.onnx --input-shape x=1,3,8 2>&1 | FileCheck %s --check-prefix=RANK
// RANK: error: --input-shape gives 3 dims for input 'x', which has rank 4
// RUN: not roof-import-onnx %t/conv_block.onnx --input-shape batch=1 --input-shape y=2 2>&1 | FileCheck %s --check-prefix=UNKNOWN-NAME
// UNKNOWN-NAME: error: --input-shape names 'y', which is neither a graph input nor a symbolic input dim of this model
// RUN: not roof-import-onnx %t/conv_block.onnx --input-shape x=1,a 2>&1 | FileCheck %s --check-prefix=SYNTAX
// SYNTAX: roof-import-onnx: --input-shape: 'a' in 'x=1,a' is not a dim size (a non-negative integer, or ? to keep the model's dim)

// RUN: not roof-import-onnx %t/malformed_node.onnx 2>&1 | FileCheck %s --check-prefix=MALFORMED
// MALFORMED: malformed_node.onnx:0:0: error: cannot import BatchNormalization node 'bn': it has 4 inputs and 1 outputs, which opset 13's BatchNormalization does not allow

// RUN: not roof-import-onnx %t/opset18.onnx 2>&1 | FileCheck %s --check-prefix=OPSET
// OPSET: opset18.onnx:0:0: error: model imports ONNX opset 18; roof-import-onnx converts opsets 9 through 17

// A whole shape or a named dim binds the same input.
// RUN: roof-import-onnx %t/conv_block.onnx --input-shape x=2,?,8,8 | FileCheck %s --check-prefix=BOUND
// RUN: roof-import-onnx %t/conv_block.onnx --input-shape batch=2 | FileCheck %s --check-prefix=BOUND
// BOUND: func.func @main(%arg0: tensor<2x3x8x8xf32> loc({{.*}})) -> tensor<2x10xf32>
