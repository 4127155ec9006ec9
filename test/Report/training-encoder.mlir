// The activations a BERT-style encoder layer keeps for its backward pass:
// post-LN, biases, three dropouts (scripts/gen_gpt_layers.py --encoder).
// One layer, b = 2 sequences of s = 16 tokens, h = 32, a = 4 heads, f32;
// sbh = 1024 elements, as^2b = 2048.
//
// Kept (elements x bytes), as PyTorch's autograd keeps them:
//   the layer's input (Q, K, V's weight gradients)   sbh      x 4
//   Q, K (the scores), V (the context)             3 sbh      x 4
//   softmax output, dropout's mask and output        as^2b    x (4 + 1 + 4)
//   context (the projection's weight gradient)       sbh      x 4
//   two dropout masks                              2 sbh      x 1
//   LN1's input and output (fc1's input)           2 sbh      x 4
//   GELU's input and output (fc2's input)          8 sbh      x 4
//   LN2's input                                      sbh      x 4
// = 66 sbh + 9 as^2b = 67584 + 18432 = 86016 B. A bias's gradient reads
// nothing; the layer norms' statistics are inside their nodes.
// Parameters: 12 h^2 weights + 9 h biases + 4 h of layer norm = 12704.
// The input is the model's: Q, K and V get no data gradient, so the
// backward's contractions are 2 x forward's less those three (3 x 2 n h^2).
//
// RUN: %debian_python %roof_src_root/scripts/gen_gpt_layers.py --encoder --layers 1 --batch 2 --seq 16 --hidden 32 --heads 4 -o %t.mlir
// RUN: roof-opt %t.mlir --roof-report="targets=v100-sxm training=sgd batch=2 format=json" -o /dev/null | FileCheck %s
// RUN: roof-opt %t.mlir --roof-report="targets=v100-sxm training=sgd batch=2" -o /dev/null | FileCheck %s --check-prefix=TEXT
// With the layer norms and the softmax one kernel each (the softmax's
// kernel yields its output to the dropout), the same values are kept, each
// once: a kernel's result and the value it yields are one tensor.
// RUN: roof-opt %t.mlir --roof-fuse-epilogues=normalizations=true --roof-report="targets=v100-sxm training=sgd batch=2 format=json" -o /dev/null | FileCheck %s
//
// CHECK: "parameters": 12704,
// CHECK: "saved_activations": 86016,
// TEXT: a step of training with sgd at batch 2
// TEXT: 2 samples per step
