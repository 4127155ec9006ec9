// A fused attention (roof-fuse-epilogues attention=true) is trained as
// FlashAttention-2 runs its backward (Dao 2023, algorithm 2): one kernel that
// recomputes the scores and probabilities from Q, K and the output instead
// of keeping them (docs/training.md, "Backward kernels").
// RUN: %debian_python %roof_src_root/scripts/gen_gpt_layers.py --layers 1 --seq 16 --hidden 32 --heads 4 -o %t.mlir
// RUN: roof-opt %t.mlir --roof-fuse-epilogues=attention=true --roof-report="wide targets=h100-sxm training=sgd top=40" -o /dev/null | FileCheck %s
//
// f32, 4 heads of 8 over 16 tokens. Forward, the attention kernel: Q K^T
// 2 * 4 * 16 * 16 * 8 = 16384 FLOPs (F1), P V 16384 (F2), and the softmax
// and dropout between them 8192: 40960. The kernel takes in the views of
// Q, K and V by head (the generator writes b * a heads as reshapes) and the
// fills that start the softmax's max and sum and P V's accumulators.
// CHECK: kernels by time
// CHECK: vector f32 40960 {{.*}} roof.kernel(linalg.generic + 13) layers.0.attn.scores
//
// Backward: the scores again (F1), dV and dP (2 F2), dQ and dK (2 F1), the
// softmax and dropout twice: 3 * 16384 + 2 * 16384 + 2 * 8192 = 98304. It
// reads dO (2048 B), q, k, v (2048 each), the dropout's mask (4 x 16 x 16
// i8, 1024) and the output (2048), and writes dq, dk, dv (6144): 17408 B.
// No 16 x 16 score or probability is read: none is kept.
// CHECK: backward kernels by time
// CHECK: vector f32 98304 17408 {{.*}} roof.kernel(linalg.generic + 13) layers.0.attn.scores
