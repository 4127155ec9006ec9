// Weights without values by default, with them (as dense resources) under
// --keep-weights; shape computations fold away once input shapes are bound.
//
// REQUIRES: onnx-python
// RUN: rm -rf %t && %debian_python %S/Inputs/make_onnx_models.py %t
// RUN: roof-import-onnx %t/conv_block.onnx --input-shape batch=1 | FileCheck %s --check-prefix=DROP
// RUN: roof-import-onnx %t/conv_block.onnx --input-shape batch=1 --keep-weights -o %t/kept.mlir
// RUN: FileCheck %s --check-prefix=KEEP --input-file=%t/kept.mlir
// RUN: roof-opt %t/kept.mlir --roof-annotate-cost=report-only -o /dev/null 2>&1 | FileCheck %s --check-prefix=KEPT-COST
// RUN: roof-import-onnx %t/shape_chain.onnx --input-shape n=2 | FileCheck %s --check-prefix=FOLD
// RUN: roof-import-onnx %t/placeholder_weights.onnx | FileCheck %s --check-prefix=PLACEHOLDER

// Large weights keep shape and type only; constants of at most 16 elements
// keep their values (here the 4 conv biases).
// DROP: "tosa.const"() <{values = dense<[{{.*}}]> : tensor<4xf32>}>
// DROP: "tosa.const"() <{values = dense_resource<w> : tensor<4x3x3x3xf32>}>
// DROP-NOT: dialect_resources

// With --keep-weights the blob is in the file (OHWI order after the host
// transpose) and the module still costs the same.
// KEEP: "tosa.const"() <{values = dense_resource<w> : tensor<4x3x3x3xf32>}>
// KEEP: {-#
// KEEP: dialect_resources: {
// KEEP: w: "0x
// (Numbers derived in conv-block.mlir.)
// KEPT-COST: totals of @main: 15454 FLOPs {{.*}}; 170 parameters (680 B);

// Shape -> Gather -> Unsqueeze -> Concat -> Reshape folds into one reshape
// to [2, 6] (2 * 3 = 6 for the -1).
// FOLD: func.func @main(%arg0: tensor<2x2x3xf32> {{.*}}) -> tensor<2x6xf32>
// FOLD-NEXT: tosa.const_shape {values = dense<[2, 6]> : tensor<2xindex>}
// FOLD-NEXT: tosa.reshape %arg0
// FOLD-NEXT: return

// A weight made by ConstantOfShape, too large to fold (64x3x5x5 = 4800
// values), is a shape-only placeholder that the conv's OIHW -> OHWI
// permutation reaches on the host, as for an initializer: the only
// transpose left is the activation's.
// PLACEHOLDER: tosa.transpose %arg0
// PLACEHOLDER-NOT: tosa.transpose
// PLACEHOLDER: "tosa.const"() <{values = dense_resource<w> : tensor<64x5x5x3xf32>}>
// PLACEHOLDER-NEXT: tosa.conv2d
