// The activations a GPT layer keeps for its backward pass, against
// Korthikanti et al. 2022 ("Reducing Activation Recomputation in Large
// Transformer Models", section 4.1, Table 2): per layer, at 16-bit
// activations and 1-byte dropout masks, sbh(34 + 5as/h) bytes without
// recompute, 34sbh with selective recompute, 2sbh (the layer's input) with
// full recompute. scripts/gen_gpt_layers.py writes the layers (pre-LN,
// softmax attention, MLP of 4h with GELU, three dropouts drawing their
// masks from a seed).
//
// Two layers, s = 2048, b = 1, h = 1024, a = 16, bf16:
//   none:      2 * 2048 * 1024 * (34 + 5 * 16 * 2048 / 1024) = 813694976
//   selective: 2 * 34 * 2048 * 1024                          = 142606336
//   full:      2 * 2 * 2048 * 1024 = 8388608, and the seed's 2 bytes
// Selective recomputes each layer's scores, softmax and attention dropout
// with its mask; full reruns the whole forward (its FLOPs, 139636768768).
//
// RUN: %debian_python %roof_src_root/scripts/gen_gpt_layers.py --layers 2 --seq 2048 --hidden 1024 --heads 16 -o %t.mlir
// RUN: roof-opt %t.mlir --roof-report="targets=h100-sxm training=adam dtype-policy=bf16 master-dtype=f32 format=json" -o /dev/null | FileCheck %s --check-prefix=NONE
// RUN: roof-opt %t.mlir --roof-report="targets=h100-sxm training=adam dtype-policy=bf16 master-dtype=f32 recompute=selective format=json" -o /dev/null | FileCheck %s --check-prefix=SELECTIVE
// RUN: roof-opt %t.mlir --roof-report="targets=h100-sxm training=adam dtype-policy=bf16 master-dtype=f32 recompute=full scope-depth=2 format=json" -o /dev/null | FileCheck %s --check-prefix=FULL
// The two layers, found as repeated kernels without names, are the same blocks:
// RUN: roof-opt %t.mlir --roof-report="targets=h100-sxm training=adam dtype-policy=bf16 master-dtype=f32 recompute=full format=json" -o /dev/null | FileCheck %s --check-prefix=FULL
//
// Two sequences (b = 2): every term doubles. The generator reshapes b * s
// token rows into b * a heads and back; a view is kept as its source, once.
// RUN: %debian_python %roof_src_root/scripts/gen_gpt_layers.py --layers 2 --batch 2 --seq 2048 --hidden 1024 --heads 16 -o %t.b2.mlir
// RUN: roof-opt %t.b2.mlir --roof-report="targets=h100-sxm training=adam dtype-policy=bf16 master-dtype=f32 format=json" -o /dev/null | FileCheck %s --check-prefix=NONE2
// RUN: roof-opt %t.b2.mlir --roof-report="targets=h100-sxm training=adam dtype-policy=bf16 master-dtype=f32 recompute=selective format=json" -o /dev/null | FileCheck %s --check-prefix=SELECTIVE2
// RUN: roof-opt %t.b2.mlir --roof-report="targets=h100-sxm training=adam dtype-policy=bf16 master-dtype=f32 recompute=full scope-depth=2 format=json" -o /dev/null | FileCheck %s --check-prefix=FULL2

// NONE: "recompute": 0,
// NONE: "saved_activations": 813694976,
// SELECTIVE: "saved_activations": 142606336,
// FULL: "forward": 139636768768,
// FULL: "recompute": 139636768768,
// FULL: "saved_activations": 8388610,
// NONE2: "saved_activations": 1627389952,
// SELECTIVE2: "saved_activations": 285212672,
// FULL2: "saved_activations": 16777218,
